/**
 * `inkshelf check DIR`: the shelf's problems in the `file:line:col: message`
 * shape editors and CI logs already turn into links.
 */
import {relative, sep} from 'node:path';
import {sanitizeLine} from '../sanitize.js';
import type {Article, Problem, Shelf} from './types.js';
import {dialectProblems} from './dialect-check.js';
import {shelfNames} from './shelf-links.js';

export interface CheckResult {
	/** One line per finding, ordered by path then line. */
	lines: string[];
	/** Articles with `error`: one of them makes `check` exit 1. Problems and skipped paths do not. */
	broken: number;
}

/**
 * `dialectOf`: an article's dialect findings; by default read from the body it carries.
 * `warnings` adds one finding per article path (what rendering found: "renders as plain text: …").
 */
export function checkShelf(shelf: Shelf, dialectOf?: (article: Article) => readonly Problem[], warnings: ReadonlyMap<string, string> = new Map()): CheckResult {
	const findings: {path: string; line: number; column: number; text: string}[] = [];
	const display = (path: string): string => sanitizeLine(relative(shelf.root, path).split(sep).join('/'));
	const at = (path: string, line?: number, column?: number): string =>
		[path, line, line === undefined ? undefined : column].filter((part) => part !== undefined).join(':');
	let broken = 0;
	const names = shelfNames(shelf.articles);
	const dialect = dialectOf ?? ((article: Article) => dialectProblems(article, names));
	for (const article of shelf.articles) {
		const path = display(article.path);
		if (article.error !== undefined) {
			broken++;
			const {line, column} = article.errorAt ?? {};
			findings.push({path, line: line ?? 0, column: column ?? 0, text: `${at(path, line, column)}: error: ${article.error}`});
		}
		const warning = warnings.get(article.path);
		if (warning !== undefined) findings.push({path, line: 0, column: 0, text: `${path}: warning: ${sanitizeLine(warning)}`});
		for (const p of [...article.problems, ...dialect(article)]) {
			findings.push({path, line: p.line ?? 0, column: p.column ?? 0, text: `${at(path, p.line, p.column)}: warning: ${p.message}`});
		}
	}
	for (const s of shelf.skipped) {
		const path = display(s.path);
		findings.push({path, line: 0, column: 0, text: `${path}: skipped: ${s.reason}`});
	}
	// Stable sort: findings at the same place keep their order, the error first.
	findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
	return {lines: findings.map((f) => f.text), broken};
}

/** Renders queued ahead of the one being awaited, so the render thread never waits for a read. */
const RENDERS_AHEAD = 4;

/**
 * `checkShelf` for a shelf whose articles carry no body (the persistent index
 * keeps none in memory): each article's text is read with `readNow` and only
 * its findings are kept. `renderWarning` (optional) renders the text as the app
 * would and says why it would be shown as plain text, if so; it runs on the
 * render thread, so the next articles are read and checked meanwhile, a few
 * ahead. `onProgress` hears how many articles have been read.
 */
export async function checkShelfFromDisk(
	shelf: Shelf,
	readNow: (article: Article) => Promise<Article>,
	renderWarning?: (article: Article) => Promise<string | undefined>,
	onProgress?: (done: number, total: number) => void,
): Promise<CheckResult> {
	const names = shelfNames(shelf.articles);
	const found = new Map<Article, Problem[]>();
	const warnings = new Map<string, string>();
	const rendering: Promise<void>[] = [];
	let done = 0;
	for (const article of shelf.articles) {
		onProgress?.(done++, shelf.articles.length);
		if (article.error !== undefined) continue;
		// A body already in memory (a shelf read whole) is the file as just read: not read twice.
		const now = article.body === '' ? await readNow(article) : article;
		found.set(article, dialectProblems(now, names));
		if (now.error !== undefined || !renderWarning) continue;
		rendering.push(renderWarning(now).then(warning => void (warning !== undefined && warnings.set(article.path, warning))));
		if (rendering.length > RENDERS_AHEAD) await rendering.shift();
	}
	await Promise.all(rendering);
	onProgress?.(done, shelf.articles.length);
	return checkShelf(shelf, article => found.get(article) ?? [], warnings);
}
