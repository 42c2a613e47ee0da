/**
 * One file to one Article: read within a size limit, front matter parsed, and
 * every field filled in the order the field-source table gives — front
 * matter first, then the text (first heading, inline #tags), then the file's
 * place (bundle folder, date prefix, Jekyll folders).
 */
import {closeSync, constants, fstatSync, openSync, readSync, type Stats} from 'node:fs';
import {parseFrontmatter, TEXT_LIMIT, UNCATEGORIZED, type ParsedFrontmatter} from './frontmatter.js';
import type {FieldOptions} from './fields.js';
import {mergeLists} from './coerce.js';
import type {FileFacts} from './file-facts.js';
import {inlineTags} from './inline-tags.js';
import {bodyWords, wordsInText} from './word-count.js';
import {attempt, errorCode, fileKind, formatSize, reason} from './fs-errors.js';
import type {AuthorsFile} from './authors-file.js';
import {sanitize, sanitizeLine} from '../sanitize.js';
import {NONE, orNone, type Article, type Problem} from './types.js';
import {namesOf, oneOfOrNull} from './names.js';

/** What the rest of the shelf tells about one file. */
export interface FileContext {
	facts: FileFacts;
	authors: AuthorsFile | null;
	/** In an Obsidian vault, where `#word` in the text is a tag. */
	obsidian?: boolean;
}

/** `fromBytes` makes the article of the bytes read (the index's reader leaves out a body it does not keep: head-article.ts). */
export function readArticle(path: string, maxBytes: number, context: FileContext, onStat?: (stats: FileStat) => void, fromBytes = articleFromBytes, statless = false): Article {
	const read = readLimited(path, maxBytes, onStat, statless);
	if (typeof read === 'string') return broken(path, context.facts, read);
	return fromBytes(path, read, context);
}

/** An article from bytes already read: a file's, or standard input's (`inkshelf -`), named as if at `path`. */
// Made once: a decoder costs more to make than a small file costs to decode (20,000 files on a first start).
export const STRICT_UTF8 = new TextDecoder('utf-8', {fatal: true});
const LENIENT_UTF8 = new TextDecoder('utf-8');

export function articleFromBytes(path: string, read: Uint8Array, context: FileContext): Article {
	if (hasNul(read)) return broken(path, context.facts, 'binary file');
	const problems: Problem[] = [];
	let text: string;
	let strict = true;
	try {
		text = STRICT_UTF8.decode(read);
	} catch {
		strict = false;
		text = LENIENT_UTF8.decode(read);
		problems.push({message: 'not valid UTF-8 (shown with replacement characters)'});
	}
	if (!/\S/.test(text)) return broken(path, context.facts, 'empty file');

	const fm = parseFrontmatter(text, frontmatterOptions(context));
	problems.push(...fm.problems);
	if (fm.error !== undefined) return {...broken(path, context.facts, fm.error), errorAt: fm.errorAt, problems};
	const {body} = fm;
	return assemble(path, context, fm, body, strict ? bodyWords(read, text, body) : wordsInText(body), problems);
}

export const frontmatterOptions = (context: FileContext): FieldOptions => ({authorKeys: context.authors?.keys ?? null, authorsFile: context.authors?.name});

/** The article from its parsed front matter, its body (the title and inline tags may come from it) and the body's words. */
export function assemble(path: string, context: FileContext, fm: ParsedFrontmatter, body: string, words: number, problems: Problem[]): Article {
	const {data} = fm;
	const {facts} = context;
	const categories = namesOf(mergeLists(data.categories, facts.categories));
	// One literal in `entry`'s order, not spreads of it and of `data`: made for every file of a first
	// start (20,000), the spreads made three objects and copied each field twice.
	return {
		slug: facts.slug, path, title: data.title ?? firstHeading(body) ?? humanize(facts.name), date: oneOfOrNull(data.date ?? facts.date), updated: oneOfOrNull(data.updated),
		categories: orNone(categories), category: categories[0] ?? UNCATEGORIZED, tags: orNone(namesOf(context.obsidian ? mergeLists(data.tags, inlineTags(body)) : data.tags)),
		authors: orNone(namesOf(data.authors)), draft: data.draft || facts.draft, aliases: orNone(data.aliases), slugAlias: data.slugAlias, excerptSeparator: data.excerptSeparator,
		description: data.description, cover: data.cover, body, problems: orNone(problems), readingMinutes: Math.max(1, Math.round(words / 230)), bodyLine: fm.bodyLine,
	};
}

/** A Buffer's indexOf is memchr: ~0.2 µs for an 8 KiB file, where a Uint8Array's includes took 2.6 (20,000 files on a first start). */
export function hasNul(bytes: Uint8Array): boolean {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0) !== -1;
}

/**
 * One buffer for every read, grown as needed: the bytes are decoded at once and never kept, and a
 * new buffer per file (20,000 on a first start) cost its zero-filling and garbage collections.
 */
let shared = new Uint8Array(64 * 1024);
function readBuffer(size: number): Uint8Array {
	if (shared.length < size) shared = new Uint8Array(Math.max(size, shared.length * 2));
	// A plain Uint8Array: a Buffer's subarray makes a Buffer, at a few microseconds a file.
	return shared.subarray(0, size);
}

/** What a read tells of its file: a stat, or with `statless` the bytes read and -1 for the time and inode (taken later: index/read-stat.ts). */
export type FileStat = Pick<Stats, 'size' | 'mtimeMs' | 'ino'>;

/**
 * Reads at most maxBytes + 1 bytes, so a file that grew after its size was checked is still caught. The bytes are valid until the next read.
 * `statless`: no fstat before reading (a first start reads 20,000 files, and a system call fewer each is ~5 µs a file on a
 * virtual machine); the file is read to its end in the shared buffer, and stat-ed only to say what is wrong with it.
 */
export function readLimited(path: string, maxBytes: number, onStat?: (stats: FileStat) => void, statless = false): Uint8Array | string {
	let fd: number | undefined;
	try {
		// O_NONBLOCK: if the path was swapped for a FIFO since the walk, open must not wait for a writer.
		fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
		if (statless) return readToEnd(fd, maxBytes, onStat);
		const stats = fstatSync(fd);
		if (!stats.isFile()) return notRegular(stats);
		onStat?.(stats);
		if (stats.size > maxBytes) return tooLarge(stats.size, maxBytes);
		const buffer = readBuffer(Math.min(stats.size, maxBytes) + 1);
		let length = 0;
		for (;;) {
			if (length === buffer.length) return `file grew past the limit of ${formatSize(maxBytes)} while being read`;
			const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
			length += bytesRead;
			// A regular file's read comes back short only at its end: no second read to hear 0 (one system call a file less, 20,000 on a first start).
			if (bytesRead === 0 || length < buffer.length) return buffer.subarray(0, length);
		}
	} catch (err) {
		// A folder (EISDIR) or a FIFO with a writer (EAGAIN) swapped in since the walk, read without a stat.
		const odd = statless && fd !== undefined ? attempt(() => fstatSync(fd as number)) : null;
		if (odd && typeof odd !== 'string' && !odd.isFile()) return notRegular(odd);
		return errorCode(err) === 'ENOENT' ? 'file no longer exists' : reason(err);
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

const notRegular = (stats: Stats): string => `${fileKind(stats)}, not a regular file`;
const tooLarge = (size: number, maxBytes: number): string => `file is ${formatSize(size)}; the limit is ${formatSize(maxBytes)}`;

/** `readLimited` without a stat first: reads until a short read (the end), growing the shared buffer, up to maxBytes + 1. */
function readToEnd(fd: number, maxBytes: number, onStat?: (stats: FileStat) => void): Uint8Array | string {
	let buffer = readBuffer(Math.min(shared.length, maxBytes + 1));
	let length = 0;
	for (;;) {
		const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
		length += bytesRead;
		if (bytesRead === 0 || length < buffer.length) break;
		if (length > maxBytes) {
			// Its stat as the size said: a later walk finds it unchanged and does not read 8 MiB again.
			const stats = fstatSync(fd);
			onStat?.(stats);
			return tooLarge(Math.max(stats.size, length), maxBytes);
		}
		const bigger = readBuffer(Math.min(buffer.length * 2, maxBytes + 1));
		if (bigger.buffer !== buffer.buffer) bigger.set(buffer.subarray(0, length));
		buffer = bigger;
	}
	// Nothing read: an empty file, or a FIFO swapped in since the walk (no writer: its end at once).
	if (length === 0) {
		const stats = fstatSync(fd);
		if (!stats.isFile()) return notRegular(stats);
	}
	onStat?.({size: length, mtimeMs: -1, ino: -1});
	return buffer.subarray(0, length);
}

export function broken(path: string, facts: FileFacts, error: string): Article {
	return {...entry(path, facts), error: sanitize(error)};
}

/** The fields every entry has, broken or not; the title is the file name until the content says better. */
function entry(path: string, facts: FileFacts): Article {
	const title = sanitizeLine(path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
	return {
		slug: facts.slug, path, title, date: facts.date, updated: null, categories: facts.categories,
		category: facts.categories[0] ?? UNCATEGORIZED, tags: NONE, authors: NONE, draft: facts.draft, aliases: NONE,
		slugAlias: null, excerptSeparator: null, description: '', cover: '', body: '', problems: NONE, readingMinutes: 1, bodyLine: 1,
	};
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

/**
 * `my-notes` → "My notes". A name with spaces is already words, as Obsidian
 * shows it ("2-factor authentication"), and a date (a journal page) stays as written.
 */
function humanize(name: string): string {
	if (/^\d{4}-\d{2}-\d{2}$/.test(name) || /\S\s+\S/.test(name)) return sanitizeLine(name).trim();
	const words = name.replace(/[-_\s]+/g, ' ').trim();
	const title = sanitizeLine(words || name);
	return title.charAt(0).toUpperCase() + title.slice(1);
}
