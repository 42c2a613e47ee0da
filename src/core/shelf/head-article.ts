/**
 * The article as the index keeps it (no body), read from the file's start
 * when that is enough. A first start reads 20,000 files before its first
 * frame and keeps none of their text: each whole file decoded into a string
 * only to be dropped was the largest thing that reading made (and left to the
 * garbage collector). The start alone is decoded when the front matter closes in it
 * and nothing else is wanted from the body: its words are counted on the
 * bytes, a title is in the front matter, no link can be in it (the index
 * keeps links) and no inline tag (not an Obsidian vault). Anything else (a
 * CR, a byte order mark, invalid UTF-8, no front matter) is read whole, as
 * the app reads an article. Either way the article is the same
 * (tests/core/head-article.test.ts; checked on the real shelves of
 * ../shared/corpora, where 0-30% of the files are read from their start:
 * most of their articles have links).
 */
import {isUtf8} from 'node:buffer';
import {articleFromBytes, assemble, frontmatterOptions, hasNul, STRICT_UTF8, type FileContext} from './article-file.js';
import {parseFrontmatter} from './frontmatter.js';
import {wordsInBytes} from './word-count.js';
import type {Article} from './types.js';

/** How much of a file is decoded first, then at most (front matter is rarely over a few hundred bytes). */
const HEADS = [1024, 8192];
/** What a link (markdown's, a wikilink, Liquid's, a Hugo shortcode's) starts with: a body holding none has no link. */
const LINK_MARKS = ['](', '[[', '{%', '{{'].map(mark => Buffer.from(mark));

/** `articleFromBytes`, but with body '' when the file's start gave everything the index keeps (else the body is there, links and all). */
export function articleForIndex(path: string, bytes: Uint8Array, context: FileContext): Article {
	return headArticle(path, bytes, context) ?? articleFromBytes(path, bytes, context);
}

/** The article (body '') from the start of `bytes`, or null when the whole file must be read (a binary file too: articleFromBytes says so). */
export function headArticle(path: string, bytes: Uint8Array, context: FileContext): Article | null {
	if (context.obsidian || bytes.length <= (HEADS[0] as number) || hasNul(bytes)) return null;
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// A CR or a byte order mark is taken out of the text before parsing: the offsets in the bytes would differ.
	if (buffer[0] === 0xef || buffer.indexOf(13) !== -1 || LINK_MARKS.some(mark => buffer.indexOf(mark) !== -1) || !isUtf8(buffer)) return null;
	for (const size of HEADS) {
		if (size >= bytes.length) return null;
		const head = STRICT_UTF8.decode(bytes.subarray(0, charStart(bytes, size)));
		const fm = parseFrontmatter(head, frontmatterOptions(context));
		const bodyStart = head.length - fm.body.length;
		// No front matter: the title is the body's first heading.
		if (fm.error === undefined && bodyStart === 0) return null;
		// Closed by a whole line inside the head (a `---` cut from `----` at its end is not a close).
		if (fm.error === undefined && head.charCodeAt(bodyStart - 1) === 10) {
			if (fm.data.title === null) return null;
			return assemble(path, context, fm, '', wordsInBytes(bytes, Buffer.byteLength(head.slice(0, bodyStart))), fm.problems);
		}
	}
	return null;
}

/** The start of the UTF-8 character at or before `at`: a head cut there decodes strictly. */
function charStart(bytes: Uint8Array, at: number): number {
	let i = at;
	while (i > 0 && i < bytes.length && ((bytes[i] as number) & 0xc0) === 0x80) i--;
	return i;
}
