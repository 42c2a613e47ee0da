/**
 * Frontmatter is the only structured input inkshelf takes from a file, so it
 * is parsed as hostile: a size cap before YAML sees it, a YAML schema that
 * cannot build anything but plain data, and a copy of the known keys only,
 * each coerced to its type with a problem instead of a crash.
 */
import {LineCounter, isMap, isScalar, parseDocument} from 'yaml';
import {simpleYaml} from './frontmatter-fast.js';
import type {DocumentOptions, ParseOptions, SchemaOptions, YAMLError} from 'yaml';
import {sanitize, sanitizeLine} from '../sanitize.js';
import type {Problem} from './types.js';

export const UNCATEGORIZED = 'Uncategorized';
/** Frontmatter above this is rejected unparsed: a few KiB of keys already cost YAML seconds. */
export const FRONTMATTER_LIMIT = 64 * 1024;
/** Longest title, category or description kept, in characters. */
export const TEXT_LIMIT = 500;
/** Covers are paths or URLs, which run longer than prose fields. */
const COVER_LIMIT = 2048;
const TAG_LIMIT = 100;
const MAX_TAGS = 100;

export interface FrontmatterFields {
	/** null when the file gives none: the loader falls back to the first heading, then the file name. */
	title: string | null;
	date: string | null;
	tags: string[];
	category: string;
	description: string;
	cover: string;
}

export interface Position {
	line: number;
	column?: number;
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

// uniqueKeys is off on purpose: yaml checks it by comparing every key with
// every earlier one, so 64 KiB of keys took ~3 s. Only top-level keys are
// read, and parseYaml finds duplicates among them in linear time.
// maxAliasCount is a toJS option; it is passed there.
const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
	schema: 'core',
	resolveKnownTags: false,
	uniqueKeys: false,
	prettyErrors: true,
	logLevel: 'error',
	strict: true,
};

export function parseFrontmatter(input: string): ParsedFrontmatter {
	const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const fail = (error: string, errorAt: Position, problems: Problem[] = []): ParsedFrontmatter => ({
		data: defaults(), body: '', bodyLine: 1, problems, error, errorAt,
	});
	const open = /^---[ \t]*(?:\n|$)/.exec(text);
	if (!open) return {data: defaults(), body: text, bodyLine: 1, problems: []};

	const close = /^(?:---|\.\.\.)[ \t]*$/gm;
	close.lastIndex = open[0].length;
	const end = close.exec(text);
	if (!end) return fail('frontmatter starts on line 1 but never closes (end it with a line of ---)', {line: 1});
	const source = text.slice(open[0].length, end.index);
	const bytes = Buffer.byteLength(source);
	if (bytes > FRONTMATTER_LIMIT) {
		return fail(`frontmatter is ${Math.ceil(bytes / 1024)} KiB; the limit is 64 KiB`, {line: 2});
	}
	const afterClose = end.index + end[0].length;
	const bodyStart = text[afterClose] === '\n' ? afterClose + 1 : afterClose;
	const bodyLine = countLines(text, end.index) + 1;

	const parsed = parseYaml(source);
	if (parsed.error !== undefined) return fail(parsed.error, parsed.errorAt ?? {line: 2}, parsed.problems);
	const {value, problems, keyAt} = parsed;
	if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
		const what = Array.isArray(value) ? 'a list' : 'a single value';
		return fail(`frontmatter must be keys like "title: ...", not ${what}`, {line: 2}, problems);
	}
	const data = coerceFields((value ?? {}) as Record<string, unknown>, (key, message) => {
		problems.push({...keyAt.get(key), message});
	});
	return {data, body: text.slice(bodyStart), bodyLine, problems};
}

function defaults(): FrontmatterFields {
	return {title: null, date: null, tags: [], category: UNCATEGORIZED, description: '', cover: ''};
}

/** 1-based line of `offset` in `text`. */
function countLines(text: string, offset: number): number {
	let lines = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) lines++;
	return lines;
}

interface YamlResult {
	value?: unknown;
	problems: Problem[];
	keyAt: Map<string, Position>;
	error?: string;
	errorAt?: Position;
}

function parseYaml(source: string): YamlResult {
	const simple = simpleYaml(source);
	if (simple) return {...simple, problems: []};
	const problems: Problem[] = [];
	const keyAt = new Map<string, Position>();
	const lineCounter = new LineCounter();
	const at = (offset: number): Position => {
		const {line, col} = lineCounter.linePos(offset);
		return {line: line + 1, column: col};
	};
	try {
		const doc = parseDocument(source, {...YAML_OPTIONS, lineCounter});
		const first = doc.errors[0];
		if (first) {
			const more = doc.errors.length > 1 ? ` (and ${doc.errors.length - 1} more YAML errors)` : '';
			return {problems, keyAt, error: `invalid YAML: ${yamlMessage(first)}${more}`, errorAt: yamlPosition(first)};
		}
		for (const warning of doc.warnings) problems.push({...yamlPosition(warning), message: yamlMessage(warning)});
		if (isMap(doc.contents)) {
			for (const pair of doc.contents.items) {
				if (!isScalar(pair.key) || !pair.key.range) continue;
				const key = String(pair.key.value);
				const pos = at(pair.key.range[0]);
				if (keyAt.has(key)) problems.push({...pos, message: `duplicate key "${sanitizeLine(key)}" (the last one wins)`});
				keyAt.set(key, pos);
			}
		}
		return {value: doc.toJS({maxAliasCount: 100}), problems, keyAt};
	} catch (err) {
		// toJS throws for alias bombs ("Excessive alias count") and unknown aliases.
		const message = err instanceof Error ? err.message : String(err);
		return {problems, keyAt, error: `invalid YAML: ${sanitize(message.split('\n')[0] ?? '')}`, errorAt: {line: 2}};
	}
}

/** yaml's messages end in a code frame quoting the raw source; keep the first line only. */
function yamlMessage(e: YAMLError): string {
	const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
	const tag = e.code === 'TAG_RESOLVE_FAILED' ? /^Unresolved tag: (.*)$/.exec(first)?.[1] : undefined;
	// resolveKnownTags:false leaves !!binary, !!set, !!js/function... as plain values; say so in YAML's own spelling.
	if (tag !== undefined) return sanitize(`unsupported tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')} ignored`);
	return sanitize(first);
}

function yamlPosition(e: YAMLError): Position {
	const pos = e.linePos?.[0];
	return pos ? {line: pos.line + 1, column: pos.col} : {line: 2};
}

type Report = (key: string, message: string) => void;

function coerceFields(raw: Record<string, unknown>, report: Report): FrontmatterFields {
	// Object.hasOwn, not `in`: a `__proto__` or `constructor` key must not reach the prototype.
	const get = (key: string): unknown => (Object.hasOwn(raw, key) ? raw[key] : undefined);
	return {
		title: text('title', get('title'), TEXT_LIMIT, report),
		date: calendarDate(get('date'), report),
		tags: tagList(get('tags'), report),
		category: text('category', get('category'), TEXT_LIMIT, report) ?? UNCATEGORIZED,
		description: text('description', get('description'), TEXT_LIMIT, report) ?? '',
		cover: text('cover', get('cover'), COVER_LIMIT, report) ?? '',
	};
}

function isPrimitive(value: unknown): value is string | number | boolean {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function quote(s: string): string {
	const line = sanitizeLine(s);
	return `"${line.length > 40 ? `${line.slice(0, 40)}…` : line}"`;
}

function cut(key: string, value: string, limit: number, report: Report): string {
	if (value.length <= limit) return value;
	const chars = Array.from(value);
	if (chars.length <= limit) return value;
	report(key, `${key} is ${chars.length} characters; cut to ${limit}`);
	return chars.slice(0, limit).join('');
}

function text(key: string, value: unknown, limit: number, report: Report): string | null {
	if (value === null || value === undefined) return null;
	let raw: string;
	if (typeof value === 'string') raw = value;
	else if (typeof value === 'number' || typeof value === 'boolean') {
		raw = String(value);
		report(key, `${key} should be text; read ${typeof value} ${raw} as ${quote(raw)} (quote it to keep it exactly)`);
	} else if (Array.isArray(value)) {
		const first: unknown = value.find(isPrimitive);
		if (first === undefined) {
			report(key, `${key} should be text, not a list; ignored`);
			return null;
		}
		raw = String(first);
		report(key, `${key} should be one value, not a list; used the first item ${quote(raw)}`);
	} else {
		report(key, `${key} should be text, not a mapping; ignored`);
		return null;
	}
	const clean = sanitizeLine(raw).trim();
	return clean === '' ? null : cut(key, clean, limit, report);
}

function tagList(value: unknown, report: Report): string[] {
	if (value === null || value === undefined) return [];
	let items: unknown[];
	if (typeof value === 'string') items = value.split(',');
	else if (Array.isArray(value)) items = value;
	else if (typeof value === 'number' || typeof value === 'boolean') {
		report('tags', `tags should be a list; read ${typeof value} ${String(value)} as one tag`);
		items = [String(value)];
	} else {
		report('tags', 'tags should be a list like [a, b], not a mapping; ignored');
		return [];
	}
	const tags = new Set<string>();
	let converted = 0;
	let dropped = 0;
	for (const item of items) {
		if (typeof item === 'number' || typeof item === 'boolean') converted++;
		else if (typeof item !== 'string') {
			dropped++;
			continue;
		}
		const tag = sanitizeLine(String(item)).trim();
		if (tag !== '') tags.add(cut('tags', tag, TAG_LIMIT, report));
	}
	if (converted) report('tags', `tags: ${converted} item(s) were not text and were read as text`);
	if (dropped) report('tags', `tags: ${dropped} item(s) were empty, lists or mappings and were dropped`);
	const list = [...tags];
	if (list.length > MAX_TAGS) {
		report('tags', `tags: ${list.length} tags; kept the first ${MAX_TAGS}`);
		return list.slice(0, MAX_TAGS);
	}
	return list;
}

const DATE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function calendarDate(value: unknown, report: Report): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'string') {
		report('date', `date should be YYYY-MM-DD; got ${Array.isArray(value) ? 'a list' : typeof value}`);
		return null;
	}
	const m = DATE.exec(value.trim());
	if (!m) {
		report('date', `date ${quote(value)} is not YYYY-MM-DD`);
		return null;
	}
	const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((part) => Number(part ?? 0));
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
	if (day < 1 || day > days || hour > 23 || minute > 59 || second > 60) {
		report('date', `date ${quote(value)} is not a real calendar date`);
		return null;
	}
	return `${m[1]}-${m[2]}-${m[3]}`;
}
