/**
 * TOML front matter (`+++`, Hugo and Zola) through smol-toml: a parser that
 * builds only tables, arrays and scalars. Dates come back as the text written,
 * offset and all, so the calendar date is the author's.
 */
import {parse, TomlError} from 'smol-toml';
import {sanitize} from '../sanitize.js';
import type {Position, RawFrontmatter} from './frontmatter.js';

/** Parses `source`, which starts on line 2 of the file. */
export function parseToml(source: string): RawFrontmatter {
	try {
		const value = plain(parse(source, {maxDepth: 32, unsafeKeyBehaviour: 'drop'}));
		return {value, problems: [], keyAt: keyLines(source)};
	} catch (err) {
		if (err instanceof TomlError) {
			const first = (err.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
			return {problems: [], keyAt: new Map(), error: `invalid TOML: ${sanitize(first)}`, errorAt: {line: err.line + 1, column: err.column}};
		}
		const message = err instanceof Error ? err.message : String(err);
		return {problems: [], keyAt: new Map(), error: `invalid TOML: ${sanitize(message.split('\n')[0] ?? '')}`, errorAt: {line: 2}};
	}
}

/** TOML dates to the text written; everything else as is. */
function plain(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return value.map(plain);
	if (typeof value === 'object' && value !== null) {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = plain(v);
		return out;
	}
	return value;
}

/** Lines of the top-level keys and tables (`[taxonomies]` holds `taxonomies.tags`), for warnings. */
function keyLines(source: string): Map<string, Position> {
	const keyAt = new Map<string, Position>();
	let inTable = false;
	source.split('\n').forEach((line, i) => {
		const table = /^\s*\[\[?\s*["']?([A-Za-z0-9_-]+)/.exec(line);
		if (table) {
			inTable = true;
			if (!keyAt.has(table[1] ?? '')) keyAt.set(table[1] ?? '', {line: i + 2, column: 1});
			return;
		}
		const key = inTable ? null : /^\s*["']?([A-Za-z0-9_-]+)["']?\s*[=.]/.exec(line);
		if (key && !keyAt.has(key[1] ?? '')) keyAt.set(key[1] ?? '', {line: i + 2, column: 1});
	});
	return keyAt;
}
