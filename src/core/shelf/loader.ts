/**
 * Turns a folder into a Shelf. The folder is untrusted: it may hold FIFOs,
 * symlinks out of it or back into itself, huge or binary files. Nothing here
 * throws for one bad file; it becomes a broken entry or a skipped path, and
 * only a missing root is an exception.
 */
import {closeSync, constants, fstatSync, lstatSync, openSync, readSync, readdirSync, realpathSync, statSync} from 'node:fs';
import type {Stats} from 'node:fs';
import {basename, dirname, isAbsolute, join, relative, resolve, sep} from 'node:path';
import {TEXT_LIMIT, UNCATEGORIZED, parseFrontmatter} from './frontmatter.js';
import {sanitize, sanitizeLine} from '../sanitize.js';
import type {Article, Problem, Shelf, Skipped} from './types.js';

export interface LoadOptions {
	/** Files above this many bytes are broken entries, never read whole. Default 8 MiB. */
	maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
/*
 * The file system is used synchronously on purpose: a shelf is thousands of
 * small files, and each promise-based call is a trip through libuv's thread
 * pool that costs more than the read itself (2,000 files: ~3 s against ~0.3 s).
 * Nothing else runs before the first frame, so there is nothing to block.
 */
const MARKDOWN = /\.(?:md|markdown)$/i;

export async function loadShelf(root: string, options: LoadOptions = {}): Promise<Shelf> {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const abs = resolve(root);
	let rootStat: Stats;
	try {
		rootStat = statSync(abs);
	} catch (err) {
		const why = errorCode(err) === 'ENOENT' ? 'no such file or folder' : reason(err);
		throw new Error(`cannot open shelf ${sanitizeLine(root)}: ${why}`);
	}
	if (rootStat.isFile()) {
		const dir = dirname(abs);
		return {root: dir, articles: [readArticle(dir, abs, maxBytes)], skipped: []};
	}
	if (!rootStat.isDirectory()) throw new Error(`cannot open shelf ${sanitizeLine(root)}: not a folder or a file`);

	const skipped: Skipped[] = [];
	const files = walk(abs, realpathSync(abs), rootStat, skipped);
	const articles = files.map(file => readArticle(abs, file, maxBytes));
	// On a slug clash the `.md` file keeps the plain slug.
	const rank = (a: Article): number => (/\.md$/i.test(a.path) ? 0 : 1);
	articles.sort((a, b) => compare(a.slug, b.slug) || rank(a) - rank(b) || compare(a.path, b.path));
	uniqueSlugs(articles, abs);
	articles.sort((a, b) => compare(a.slug, b.slug));
	skipped.sort((a, b) => compare(a.path, b.path));
	return {root: abs, articles, skipped};
}

/** Re-reads one file (when it is opened); a file that vanished or changed kind becomes an Article with `error`. */
export async function loadArticleFile(root: string, absPath: string, options: LoadOptions = {}): Promise<Article> {
	const rootAbs = resolve(root);
	const abs = resolve(rootAbs, absPath);
	if (!isInside(rootAbs, abs)) return broken(rootAbs, abs, 'file is outside the shelf');
	try {
		const link = lstatSync(abs);
		if (link.isSymbolicLink() && !isInside(realpathSync(rootAbs), realpathSync(abs))) {
			return broken(rootAbs, abs, 'symlink points outside the shelf');
		}
	} catch (err) {
		return broken(rootAbs, abs, errorCode(err) === 'ENOENT' ? 'file no longer exists' : reason(err));
	}
	return readArticle(rootAbs, abs, options.maxBytes ?? DEFAULT_MAX_BYTES);
}

/**
 * Walks real folders first and symlinked folders after, so a folder reached
 * both ways is listed under its real path and the link is the one skipped.
 */
function walk(root: string, realRoot: string, rootStat: Stats, skipped: Skipped[]): string[] {
	const files: string[] = [];
	const visited = new Set<string>();
	// `linkedFrom`: the real folder holding the symlink, to tell a loop (link to an ancestor) from a duplicate.
	const dirs: {dir: string; real: string; stats: Stats; linkedFrom?: string}[] = [{dir: root, real: realRoot, stats: rootStat}];
	const linked: typeof dirs = [];
	for (let next = dirs.pop(); next; next = dirs.pop() ?? linked.shift()) {
		if (visited.has(`${next.stats.dev}:${next.stats.ino}`)) {
			const loop = next.linkedFrom !== undefined && isInside(next.real, next.linkedFrom);
			skipped.push({path: next.dir, reason: loop ? 'symlink loop' : 'folder already on the shelf by another path'});
			continue;
		}
		visited.add(`${next.stats.dev}:${next.stats.ino}`);
		const names = attempt(() => readdirSync(next.dir));
		if (typeof names === 'string') {
			skipped.push({path: next.dir, reason: `cannot read folder: ${names}`});
			continue;
		}
		for (const name of names.sort(compare)) {
			// Hidden entries include .git and editor lock files (.#x.md, often broken symlinks).
			if (name.startsWith('.') || name === 'node_modules') continue;
			const path = join(next.dir, name);
			let real = join(next.real, name);
			let stats = attempt(() => lstatSync(path));
			if (typeof stats === 'string') {
				skipped.push({path, reason: stats});
				continue;
			}
			if (stats.isSymbolicLink()) {
				const target = followLink(path, realRoot);
				if (typeof target === 'string') {
					skipped.push({path, reason: target});
					continue;
				}
				if (!target.stats.isDirectory() && !MARKDOWN.test(name)) continue;
				if (target.outside) {
					skipped.push({path, reason: `symlink points outside the shelf: ${sanitizeLine(target.real)}`});
					continue;
				}
				({stats, real} = target);
				if (stats.isDirectory()) {
					linked.push({dir: path, real, stats, linkedFrom: next.real});
					continue;
				}
			}
			if (stats.isDirectory()) dirs.push({dir: path, real, stats});
			else if (!MARKDOWN.test(name)) continue;
			else if (stats.isFile()) files.push(path);
			// Never opened: reading a FIFO blocks until a writer comes, which may be never.
			else skipped.push({path, reason: `${fileKind(stats)}, not a regular file`});
		}
	}
	return files;
}

function followLink(path: string, realRoot: string): string | {real: string; stats: Stats; outside: boolean} {
	try {
		const real = realpathSync(path);
		return {real, stats: statSync(real), outside: !isInside(realRoot, real)};
	} catch (err) {
		const code = errorCode(err);
		if (code === 'ELOOP') return 'symlink loop';
		if (code === 'ENOENT') return 'broken symlink';
		return `cannot follow symlink: ${reason(err)}`;
	}
}

function readArticle(root: string, path: string, maxBytes: number): Article {
	const read = readLimited(path, maxBytes);
	if (typeof read === 'string') return broken(root, path, read);
	if (read.includes(0)) return broken(root, path, 'binary file');
	const problems: Problem[] = [];
	let text: string;
	try {
		text = new TextDecoder('utf-8', {fatal: true}).decode(read);
	} catch {
		text = new TextDecoder('utf-8').decode(read);
		problems.push({message: 'not valid UTF-8 (shown with replacement characters)'});
	}
	if (!/\S/.test(text)) return broken(root, path, 'empty file');

	const fm = parseFrontmatter(text);
	problems.push(...fm.problems);
	if (fm.error !== undefined) return {...broken(root, path, fm.error), errorAt: fm.errorAt, problems};
	const {data, body} = fm;
	return {
		...entry(root, path),
		...data,
		title: data.title ?? firstHeading(body) ?? humanize(basename(path)),
		readingMinutes: Math.max(1, Math.round(countWords(body) / 230)),
		body,
		bodyLine: fm.bodyLine,
		problems,
	};
}

/** Reads at most maxBytes + 1 bytes, so a file that grew after its size was checked is still caught. */
function readLimited(path: string, maxBytes: number): Buffer | string {
	let fd: number | undefined;
	try {
		// O_NONBLOCK: if the path was swapped for a FIFO since the walk, open must not wait for a writer.
		fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
		const stats = fstatSync(fd);
		if (!stats.isFile()) return `${fileKind(stats)}, not a regular file`;
		if (stats.size > maxBytes) return `file is ${formatSize(stats.size)}; the limit is ${formatSize(maxBytes)}`;
		const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
		let length = 0;
		for (;;) {
			if (length === buffer.length) return `file grew past the limit of ${formatSize(maxBytes)} while being read`;
			const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
			if (bytesRead === 0) return buffer.subarray(0, length);
			length += bytesRead;
		}
	} catch (err) {
		return errorCode(err) === 'ENOENT' ? 'file no longer exists' : reason(err);
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

function broken(root: string, path: string, error: string): Article {
	return {...entry(root, path), error: sanitize(error)};
}

/** The fields every entry has, broken or not; the title is the file name until the content says better. */
function entry(root: string, path: string): Article {
	const title = sanitizeLine(basename(path));
	const empty = {date: null, tags: [], category: UNCATEGORIZED, description: '', cover: '', body: '', problems: []};
	return {slug: slugOf(root, path), path, title, ...empty, readingMinutes: 1, bodyLine: 1};
}

function slugOf(root: string, path: string, keepExtension = false): string {
	const rel = relative(root, path).split(sep).join('/');
	return sanitizeLine(keepExtension ? rel : rel.replace(MARKDOWN, ''));
}

/** `a.md` beside `a.markdown`, or names equal once sanitized, would share a slug; all but the first keep their extension. */
function uniqueSlugs(articles: Article[], root: string): void {
	const seen = new Set<string>();
	for (const article of articles) {
		if (seen.has(article.slug)) article.slug = slugOf(root, article.path, true);
		for (let n = 2; seen.has(article.slug); n++) article.slug = `${slugOf(root, article.path, true)}~${n}`;
		seen.add(article.slug);
	}
}

/** First `# heading` outside code fences: a `# comment` in a shell block is not a title. */
function firstHeading(body: string): string | null {
	let fence: string | null = null;
	for (const line of body.split('\n')) {
		const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
			fence = fence === null ? marker : null;
			continue;
		}
		if (fence !== null) continue;
		const heading = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)?.[1];
		const title = heading === undefined ? '' : sanitizeLine(heading).trim();
		if (title !== '') return Array.from(title).slice(0, TEXT_LIMIT).join('');
	}
	return null;
}

/** `my-notes.md` → "My notes". */
function humanize(fileName: string): string {
	const words = fileName.replace(MARKDOWN, '').replace(/[-_\s]+/g, ' ').trim();
	const title = sanitizeLine(words || fileName);
	return title.charAt(0).toUpperCase() + title.slice(1);
}

function isInside(parent: string, child: string): boolean {
	const rel = relative(parent, child);
	return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

function fileKind(s: Stats): string {
	if (s.isFIFO()) return 'named pipe (FIFO)';
	return s.isSocket() ? 'socket' : s.isDirectory() ? 'folder' : s.isCharacterDevice() || s.isBlockDevice() ? 'device' : 'special file';
}

function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	return bytes < 1024 * 1024 ? `${Number((bytes / 1024).toFixed(1))} KiB` : `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
}

function errorCode(err: unknown): string | undefined {
	return err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

function reason(err: unknown): string {
	const code = errorCode(err);
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	if (code) return `cannot read (${code})`;
	return sanitize(err instanceof Error ? err.message : String(err));
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Words for the reading time, counted without building an array of them (shelves hold megabytes). */
function countWords(text: string): number {
	let words = 0;
	let inWord = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const space = c === 32 || c === 10 || c === 9 || c === 13;
		if (!space && !inWord) words++;
		inWord = !space;
	}
	return words;
}

/** The value, or the reason the file system gave for not having it. */
function attempt<T>(read: () => T): T | string {
	try {
		return read();
	} catch (err) {
		return reason(err);
	}
}
