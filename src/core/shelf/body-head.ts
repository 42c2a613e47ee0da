/**
 * The beginning of an article's text, for the wide library's preview: only
 * the bytes a first screen can need are read, asynchronously, so moving
 * through a list of long articles costs the same as one of short ones.
 */
import {open} from 'node:fs/promises';
import type {Article} from './types.js';

const CHUNK = 64 * 1024;
/** Front matter longer than this is not waded through for a preview. */
const MOST_BEFORE_BODY = 1024 * 1024;

/** At most `maxChars` characters of the article's body (whole lines), from memory when it has its body, else from its file. */
export async function readBodyHead(article: Article, maxChars: number): Promise<string> {
	if (article.body !== '') return wholeLines(article.body, maxChars, true);
	const file = await open(article.path, 'r');
	try {
		const decoder = new TextDecoder('utf-8');
		let text = '';
		let offset = 0;
		// The body starts at line `bodyLine`: read until that line and maxChars after it are in.
		for (;;) {
			const buffer = Buffer.alloc(CHUNK);
			const {bytesRead} = await file.read(buffer, 0, CHUNK, offset);
			offset += bytesRead;
			text += decoder.decode(buffer.subarray(0, bytesRead), {stream: bytesRead > 0});
			const start = lineStart(text, article.bodyLine);
			if (bytesRead === 0) return start < 0 ? '' : wholeLines(text.slice(start), maxChars, true);
			if (start >= 0 && text.length - start >= maxChars) return wholeLines(text.slice(start), maxChars);
			if (start < 0 && offset > MOST_BEFORE_BODY) return '';
		}
	} finally {
		await file.close();
	}
}

/** Where 1-based line `n` starts in `text`, or -1 when the text does not reach it yet. */
function lineStart(text: string, n: number): number {
	let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	for (let line = 1; line < n; line++) {
		const next = text.indexOf('\n', at);
		if (next < 0) return -1;
		at = next + 1;
	}
	return at;
}

/** `text` cut to at most `max` characters, at the end of a line (the whole text when it is the file's end). */
function wholeLines(text: string, max: number, complete = false): string {
	if (text.length <= max && (complete || text.endsWith('\n'))) return text;
	const cut = text.lastIndexOf('\n', Math.min(max, text.length) - 1);
	return cut < 0 ? text.slice(0, max) : text.slice(0, cut + 1);
}
