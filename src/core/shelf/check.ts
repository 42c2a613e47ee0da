/**
 * `inkshelf check DIR`: the shelf's problems in the `file:line:col: message`
 * shape editors and CI logs already turn into links.
 */
import {relative, sep} from 'node:path';
import {sanitizeLine} from '../sanitize.js';
import type {Shelf} from './types.js';
import {dialectProblems} from './dialect-check.js';
import {shelfNames} from './shelf-links.js';

export interface CheckResult {
	/** One line per finding, ordered by path then line. */
	lines: string[];
	/** Articles with `error`: any makes `check` exit 1. Problems and skipped paths do not. */
	broken: number;
}

/** `warnings` adds one finding per article path (what rendering found: "renders as plain text: …"). */
export function checkShelf(shelf: Shelf, warnings: ReadonlyMap<string, string> = new Map()): CheckResult {
	const findings: {path: string; line: number; column: number; text: string}[] = [];
	const display = (path: string): string => sanitizeLine(relative(shelf.root, path).split(sep).join('/'));
	const at = (path: string, line?: number, column?: number): string =>
		[path, line, line === undefined ? undefined : column].filter((part) => part !== undefined).join(':');
	let broken = 0;
	const names = shelfNames(shelf.articles);
	for (const article of shelf.articles) {
		const path = display(article.path);
		if (article.error !== undefined) {
			broken++;
			const {line, column} = article.errorAt ?? {};
			findings.push({path, line: line ?? 0, column: column ?? 0, text: `${at(path, line, column)}: error: ${article.error}`});
		}
		const warning = warnings.get(article.path);
		if (warning !== undefined) findings.push({path, line: 0, column: 0, text: `${path}: warning: ${sanitizeLine(warning)}`});
		for (const p of [...article.problems, ...dialectProblems(article, names)]) {
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
