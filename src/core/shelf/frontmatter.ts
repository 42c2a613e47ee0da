/**
 * Front matter is the only structured input inkshelf takes from a file, so it
 * is parsed as hostile, in any of the three syntaxes generators write: YAML
 * between `---` lines, TOML between `+++` lines (Hugo, Zola) and a JSON object
 * at the top (Hugo). A size cap before any parser sees it, parsers that build
 * nothing but plain data, and a copy of the known keys only (fields.ts), each
 * coerced to its type with a problem instead of a crash.
 */
import {parseYaml} from './frontmatter-yaml.js';
import {parseToml} from './frontmatter-toml.js';
import {jsonEnd, parseJson} from './frontmatter-json.js';
import {defaultFields, readFields, type FieldOptions, type FrontmatterFields} from './fields.js';
import type {Problem} from './types.js';

export {UNCATEGORIZED, type FrontmatterFields} from './fields.js';
export {TEXT_LIMIT} from './coerce.js';
/** Frontmatter above this is rejected unparsed: a few KiB of keys already cost YAML seconds. */
export const FRONTMATTER_LIMIT = 64 * 1024;

export interface Position {
	line: number;
	column?: number;
}

/** Where each top-level key is (a Map, or worked out when asked). */
export interface KeyPositions {
	get(key: string): Position | undefined;
}

/** What a syntax's parser gives: the value, where each top-level key is, or why it failed. */
export interface RawFrontmatter {
	value?: unknown;
	problems: Problem[];
	keyAt: KeyPositions;
	error?: string;
	errorAt?: Position;
}

export interface ParsedFrontmatter {
	data: FrontmatterFields;
	/** Markdown after the frontmatter, LF line endings; empty when `error` is set. */
	body: string;
	bodyLine: number;
	problems: Problem[];
	/** Set when the frontmatter is unusable; the file is then a broken entry. */
	error?: string;
	/** Where in the file `error` was found. */
	errorAt?: Position;
}

const SYNTAXES = {
	yaml: {open: /^---[ \t]*(?:\n|$)/, close: /^(?:---|\.\.\.)[ \t]*$/gm, fence: '---', parse: parseYaml},
	toml: {open: /^\+\+\+[ \t]*(?:\n|$)/, close: /^\+\+\+[ \t]*$/gm, fence: '+++', parse: parseToml},
} as const;

export function parseFrontmatter(input: string, options: FieldOptions = {}): ParsedFrontmatter {
	const unmarked = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	// Most files have no CR at all: a search for one costs less than a replace that finds nothing.
	const text = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
	const fail = (error: string, errorAt: Position, problems: Problem[] = []): ParsedFrontmatter => ({
		data: defaultFields(), body: '', bodyLine: 1, problems, error, errorAt,
	});
	const tooBig = (source: string): ParsedFrontmatter | null => {
		const bytes = Buffer.byteLength(source);
		return bytes > FRONTMATTER_LIMIT ? fail(`frontmatter is ${Math.ceil(bytes / 1024)} KiB; the limit is 64 KiB`, {line: 2}) : null;
	};

	let raw: RawFrontmatter;
	let bodyStart: number;
	let bodyLine: number;
	// Hugo's JSON: `{` then a key (or `}`) — an MDX `{/* comment */}` is not front matter.
	if (/^\{\s*["}]/.test(text)) {
		const end = jsonEnd(text, FRONTMATTER_LIMIT + 1);
		if (end === -1) {
			return text.length > FRONTMATTER_LIMIT ? fail('frontmatter is over 64 KiB; the limit is 64 KiB', {line: 1})
				: fail('JSON frontmatter starts on line 1 but its { is never closed', {line: 1});
		}
		raw = parseJson(detached(text.slice(0, end)));
		const rest = /^[ \t]*(?:\n|$)/.exec(text.slice(end))?.[0] ?? '';
		bodyStart = end + rest.length;
		bodyLine = countLines(text, end) + 1;
	} else {
		const syntax = SYNTAXES.yaml.open.test(text) ? SYNTAXES.yaml : SYNTAXES.toml.open.test(text) ? SYNTAXES.toml : null;
		if (!syntax) return {data: defaultFields(), body: text, bodyLine: 1, problems: []};
		const open = syntax.open.exec(text)?.[0] ?? '';
		const {close} = syntax; // global: searched from lastIndex, set here (parsing is synchronous)
		close.lastIndex = open.length;
		const end = close.exec(text);
		if (!end) return fail(`frontmatter starts on line 1 but never closes (end it with a line of ${syntax.fence})`, {line: 1});
		const source = detached(text.slice(open.length, end.index));
		const big = tooBig(source);
		if (big) return big;
		const afterClose = end.index + end[0].length;
		bodyStart = text[afterClose] === '\n' ? afterClose + 1 : afterClose;
		bodyLine = countLines(text, end.index) + 1;
		raw = syntax.parse(source);
	}

	if (raw.error !== undefined) return fail(raw.error, raw.errorAt ?? {line: 2}, raw.problems);
	const {value, problems, keyAt} = raw;
	if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
		const what = Array.isArray(value) ? 'a list' : 'a single value';
		return fail(`frontmatter must be keys like "title: ...", not ${what}`, {line: 2}, problems);
	}
	const data = readFields((value ?? {}) as Record<string, unknown>, options, (key, message) => {
		problems.push({...(keyAt.get(key) ?? {line: 1}), message});
	});
	return {data, body: text.slice(bodyStart), bodyLine, problems};
}

/**
 * The front matter as a string of its own. V8 makes a substring of 13 or more
 * characters a view into the string it was cut from, so every title and
 * description parsed from the front matter would keep the whole file's text
 * alive: with no bodies kept (the index), 20,000 articles held 95 MiB of heap
 * instead of 31. Flattening the joined string makes a new one (the space is cut off after).
 */
function detached(source: string): string {
	return (' ' + source).slice(1);
}

/** 1-based line of `offset` in `text`. */
function countLines(text: string, offset: number): number {
	let lines = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) lines++;
	return lines;
}
