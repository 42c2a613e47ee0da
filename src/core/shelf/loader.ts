/**
 * Turns a folder into a Shelf. The folder is untrusted: it may hold FIFOs,
 * symlinks out of it or back into itself, huge or binary files. Nothing here
 * throws for one bad file; it becomes a broken entry or a skipped path, and
 * only a missing root is an exception.
 */
import {lstatSync, realpathSync, statSync} from 'node:fs';
import type {Stats} from 'node:fs';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {articleFromBytes, broken, readArticle, type FileContext, type FileStat} from './article-file.js';
import {articleForIndex} from './head-article.js';
import {authorsProbe} from './authors-file.js';
import {MARKDOWN, fileFacts, jekyllConfigProbe} from './file-facts.js';
import {errorCode, reason} from './fs-errors.js';
import {sanitizeLine} from '../sanitize.js';
import {compare, fileOf, folderFilter, isInside, walkSteps, type ShelfFile} from './walk.js';

export type {ShelfFile} from './walk.js';
import type {Article, Shelf, Skipped} from './types.js';

export interface LoadOptions {
	/** Files above this many bytes are broken entries, never read whole. Default 8 MiB. */
	maxBytes?: number;
	/** Folder globs under the root that are not read (config `exclude`): `archive`, `archive/**`, `**\/drafts`. */
	exclude?: readonly string[];
}

const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
/*
 * The file system is used synchronously on purpose: a shelf is thousands of
 * small files, and each promise-based call is a trip through libuv's thread
 * pool that costs more than the read itself (2,000 files: ~3 s against ~0.3 s).
 * Nothing else runs before the first frame, so there is nothing to block.
 */

export async function loadShelf(root: string, options: LoadOptions = {}): Promise<Shelf> {
	const scan = scanShelf(root, {...options, statFiles: false}); // every file is read: its stat is not needed
	const read = articleReader(scan.root, scan.skipped, scan.vaults, {maxBytes: maxBytesOf(options)});
	return finishShelf(scan.root, scan.files.map(file => read(file.path)), scan.skipped);
}

export interface ShelfScan {
	root: string;
	files: ShelfFile[];
	skipped: Skipped[];
	/** Every folder walked: what a watcher watches for new and changed files. */
	folders: string[];
	/** Folders holding a `.obsidian` folder (an Obsidian vault's settings). */
	vaults: string[];
}

export interface ScanOptions extends Pick<LoadOptions, 'exclude'> {
	/** false: files are listed without their stat (size, time and inode -1), for a caller that reads them all (see walkSteps). */
	statFiles?: boolean;
}

/**
 * The shelf's files without reading them: one stat each (the persistent
 * index reads only the new and changed ones). A file named as the shelf is a
 * shelf of one. Throws only when the root cannot be opened.
 */
export function scanShelf(root: string, options: ScanOptions = {}): ShelfScan {
	const steps = scanSteps(root, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** `scanShelf`, pausing every few entries (see walkSteps). Throws as it does, at its first step. */
export function* scanSteps(root: string, options: ScanOptions = {}): Generator<void, ShelfScan> {
	const abs = resolve(root);
	const rootStat = statRoot(root);
	if (rootStat.isFile()) return {root: dirname(abs), files: [fileOf(abs, rootStat)], skipped: [], folders: [dirname(abs)], vaults: []};
	if (!rootStat.isDirectory()) throw new Error(`cannot open shelf ${sanitizeLine(root)}: not a folder or a file`);
	const scan: ShelfScan = {root: abs, files: [], skipped: [], folders: [], vaults: []};
	scan.files = yield* walkSteps(abs, realpathSync(abs), rootStat, scan, folderFilter(abs, options.exclude), options.statFiles ?? true);
	return scan;
}

function statRoot(root: string): Stats {
	try {
		return statSync(resolve(root));
	} catch (err) {
		const why = errorCode(err) === 'ENOENT' ? 'no such file or folder' : reason(err);
		throw new Error(`cannot open shelf ${sanitizeLine(root)}: ${why}`);
	}
}

/** The root `scanShelf` would give, from one stat (no walk). Throws as it does. */
export function shelfRoot(root: string): string {
	const abs = resolve(root);
	return statRoot(root).isFile() ? dirname(abs) : abs;
}

/**
 * Reads and parses files of the shelf at `root`: the one way a file of a shelf becomes an Article. `onStat` hears the stat of a regular file read.
 * `forIndex`: for the index, which keeps no body: a body is left out ('') when the file's start gave all the index keeps (head-article.ts).
 * `statless`: no stat as the file is read; `onStat` hears its size and -1 for its time and inode (article-file.ts: readLimited).
 */
export function articleReader(root: string, skipped: Skipped[] = [], vaults: string[] = [], {maxBytes = DEFAULT_MAX_BYTES, forIndex = false, statless = false} = {}): (path: string, onStat?: (stats: FileStat) => void) => Article {
	const context = contextFor(root, skipped, vaults);
	const fromBytes = forIndex ? articleForIndex : undefined;
	return (path, onStat) => readArticle(path, maxBytes, context(path), onStat, fromBytes, statless);
}

/** Orders the articles and gives every one a unique slug: the last step of loading, whichever way the articles were read. */
export function finishShelf(root: string, articles: Article[], skipped: Skipped[]): Shelf {
	// On a slug clash the `.md` file keeps the plain slug.
	const rank = (a: Article): number => (/\.md$/i.test(a.path) ? 0 : 1);
	articles.sort((a, b) => compare(a.slug, b.slug) || rank(a) - rank(b) || compare(a.path, b.path));
	// Sorted again only when a clash renamed an article (20,000 on a first start, none renamed).
	if (uniqueSlugs(articles, root)) articles.sort((a, b) => compare(a.slug, b.slug));
	skipped.sort((a, b) => compare(a.path, b.path));
	return {root, articles, skipped};
}

/** A document that is not a file of the folder (`inkshelf -`), read as if it were `path` in `root`. */
export function articleFromText(root: string, path: string, bytes: Uint8Array): Article {
	return articleFromBytes(path, bytes, contextFor(resolve(root), [])(path));
}

/** Reads one file of a shelf again (for reloading a changed file); a file that vanished or changed kind becomes an Article with `error`. */
export async function loadArticleFile(root: string, absPath: string, options: LoadOptions = {}): Promise<Article> {
	const rootAbs = resolve(root);
	const abs = resolve(rootAbs, absPath);
	const context = contextFor(rootAbs, [])(abs);
	if (!isInside(rootAbs, abs)) return broken(abs, context.facts, 'file is outside the shelf');
	try {
		const link = lstatSync(abs);
		if (link.isSymbolicLink() && !isInside(realpathSync(rootAbs), realpathSync(abs))) {
			return broken(abs, context.facts, 'symlink points outside the shelf');
		}
	} catch (err) {
		return broken(abs, context.facts, errorCode(err) === 'ENOENT' ? 'file no longer exists' : reason(err));
	}
	return readArticle(abs, maxBytesOf(options), context);
}

function maxBytesOf(options: LoadOptions): number {
	return options.maxBytes ?? DEFAULT_MAX_BYTES;
}

/** What the shelf tells about each file: its place (slug, dates, Jekyll folders) and the blog's authors file. */
function contextFor(root: string, skipped: Skipped[], vaults: string[] = []): (path: string) => FileContext {
	const config = jekyllConfigProbe();
	const authors = authorsProbe(root, (path, why) => skipped.push({path, reason: why}));
	const rootInVault = insideVault(root);
	return path => ({facts: fileFacts(root, path, config), authors: authors(path), obsidian: rootInVault || vaults.some(v => isInside(v, path))});
}

/**
 * Whether a folder is in an Obsidian vault: a `.obsidian` folder there or above.
 * Only there is `#word` in the text a tag; elsewhere it is `#include` or an issue number.
 */
function insideVault(dir: string): boolean {
	for (let at = dir, up = dirname(at); ; at = up, up = dirname(at)) {
		if (isFolder(join(at, '.obsidian'))) return true;
		if (up === at) return false;
	}
}

function isFolder(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}

function slugOf(root: string, path: string, keepExtension = false): string {
	const rel = relative(root, path).split(sep).join('/');
	return sanitizeLine(keepExtension ? rel : rel.replace(MARKDOWN, ''));
}

/** `a.md` beside `a.markdown`, or names equal once sanitized, would share a slug; all but the first keep their extension. Whether any was renamed. */
function uniqueSlugs(articles: Article[], root: string): boolean {
	// Sorted by slug, two articles with one slug are neighbours: most shelves have none, and a set of every slug took 8 ms at 20,000.
	if (!articles.some((a, i) => i > 0 && a.slug === articles[i - 1]?.slug)) return false;
	const seen = new Set<string>();
	let renamed = false;
	for (const article of articles) {
		if (seen.has(article.slug)) {
			article.slug = slugOf(root, article.path, true);
			renamed = true;
		}
		for (let n = 2; seen.has(article.slug); n++) article.slug = `${slugOf(root, article.path, true)}~${n}`;
		seen.add(article.slug);
	}
	return renamed;
}
