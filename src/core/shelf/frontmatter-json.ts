/**
 * JSON front matter (Hugo): a `{ … }` object at the top of the file, ended by
 * its closing brace at the end of a line. JSON.parse builds only plain data.
 */
import {sanitize} from '../sanitize.js';
import type {Position, RawFrontmatter} from './frontmatter.js';

/** Where the object opened at offset 0 closes (index after `}`), or -1; strings and escapes are skipped. */
export function jsonEnd(text: string, limit: number): number {
	let depth = 0;
	let inString = false;
	const end = Math.min(text.length, limit);
	for (let i = 0; i < end; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') {
			depth--;
			if (depth === 0) return i + 1;
		}
	}
	return -1;
}

/** Parses `source`, the whole object, which starts on line 1 of the file. */
export function parseJson(source: string): RawFrontmatter {
	try {
		return {value: JSON.parse(source) as unknown, problems: [], keyAt: keyLines(source)};
	} catch (err) {
		const message = err instanceof Error ? err.message : String(err);
		const offset = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
		const errorAt: Position = Number.isFinite(offset) ? lineOf(source, offset) : {line: 1};
		return {problems: [], keyAt: new Map(), error: `invalid JSON: ${sanitize(message.replace(/ in JSON at position \d+.*$/, ''))}`, errorAt};
	}
}

function lineOf(source: string, offset: number): Position {
	const before = source.slice(0, offset);
	const line = before.split('\n').length;
	return {line, column: offset - before.lastIndexOf('\n')};
}

/** Lines of the object's own keys (two-space or tab indented, as Hugo writes them), for warnings. */
function keyLines(source: string): Map<string, Position> {
	const keyAt = new Map<string, Position>();
	source.split('\n').forEach((line, i) => {
		const key = /^\s{0,4}"((?:[^"\\]|\\.)*)"\s*:/.exec(line)?.[1];
		if (key !== undefined && !keyAt.has(key)) keyAt.set(key, {line: i + 1, column: 1});
	});
	return keyAt;
}
