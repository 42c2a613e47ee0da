/**
 * Turning one untrusted front-matter value into text or a list of texts:
 * every value comes out sanitized and cut to a limit, and anything of the
 * wrong shape becomes one problem for its field instead of a crash.
 */
import {sanitizeLine} from '../sanitize.js';

/** Longest title, category or description kept, in characters. */
export const TEXT_LIMIT = 500;
/** Covers are paths or URLs, which run longer than prose fields. */
export const COVER_LIMIT = 2048;
export const ITEM_LIMIT = 100;
export const MAX_ITEMS = 100;

/** Says what was odd about a field; the caller keeps one message per field. */
export type Report = (key: string, message: string) => void;

export function isPrimitive(value: unknown): value is string | number | boolean {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `raw.a.b` by own keys only: a `__proto__` or `constructor` key must never reach a prototype. */
export function pick(raw: Record<string, unknown>, path: string): unknown {
	if (!path.includes('.')) return Object.hasOwn(raw, path) ? raw[path] : undefined;
	let value: unknown = raw;
	for (const part of path.split('.')) {
		if (!isRecord(value) || !Object.hasOwn(value, part)) return undefined;
		value = value[part];
	}
	return value;
}

export function quote(s: string): string {
	const line = sanitizeLine(s);
	return `"${line.length > 40 ? `${line.slice(0, 40)}…` : line}"`;
}

export function cut(key: string, value: string, limit: number, report: Report): string {
	if (value.length <= limit) return value;
	const chars = Array.from(value);
	if (chars.length <= limit) return value;
	report(key, `${key} is ${chars.length} characters; cut to ${limit}`);
	return chars.slice(0, limit).join('');
}

/** One line of text, or null when absent, empty or of a shape that cannot be text. */
export function text(key: string, value: unknown, limit: number, report: Report): string | null {
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

export interface ListOptions {
	/** How a single string is split: Jekyll splits on spaces, most others on commas. */
	split: 'none' | 'comma-or-space' | 'names';
	/** Longest item kept, in characters (default ITEM_LIMIT). */
	limit?: number;
	/** A mapping item gives its text through this (a tag's `label`, an author's `name`); null drops it. */
	fromRecord?: (item: Record<string, unknown>) => unknown;
}

/** A list of distinct texts from a list, a string or one value; odd items are counted into one problem. */
export function textList(key: string, value: unknown, options: ListOptions, report: Report): string[] {
	if (value === null || value === undefined) return [];
	let items: unknown[];
	if (typeof value === 'string') items = splitString(value, options.split);
	else if (Array.isArray(value)) items = value;
	else if (typeof value === 'number' || typeof value === 'boolean') {
		report(key, `${key} should be a list; read ${typeof value} ${String(value)} as one item`);
		items = [String(value)];
	} else if (options.fromRecord && isRecord(value) && options.fromRecord(value) !== undefined) items = [value];
	else {
		report(key, `${key} should be a list like [a, b], not a mapping; ignored`);
		return [];
	}
	const out = new Map<string, string>();
	let converted = 0;
	let dropped = 0;
	for (let item of items) {
		if (isRecord(item) && options.fromRecord) item = options.fromRecord(item);
		if (typeof item === 'number' || typeof item === 'boolean') converted++;
		else if (typeof item !== 'string') {
			dropped++;
			continue;
		}
		const one = sanitizeLine(String(item)).trim();
		if (one !== '' && !out.has(one.toLowerCase())) out.set(one.toLowerCase(), cut(key, one, options.limit ?? ITEM_LIMIT, report));
	}
	if (converted) report(key, `${key}: ${converted} item(s) were not text and were read as text`);
	if (dropped) report(key, `${key}: ${dropped} item(s) were empty, lists or mappings and were dropped`);
	const list = [...out.values()];
	if (list.length > MAX_ITEMS) {
		report(key, `${key}: ${list.length} ${key.endsWith('s') ? key : 'items'}; kept the first ${MAX_ITEMS}`);
		return list.slice(0, MAX_ITEMS);
	}
	return list;
}

function splitString(value: string, split: ListOptions['split']): string[] {
	if (split === 'none') return [value];
	// `A, B and C`, `A and B`, `A & B` are several people; `The Rust and WebAssembly WG` is one.
	if (split === 'names') return value.split(/^\s*the\s/i.test(value) ? /\s*[,&]\s*/ : /\s*(?:,\s*and\s+|,|&|\s+and\s+)\s*/);
	return value.includes(',') ? value.split(',') : value.trim().split(/\s+/);
}

/** Merges lists keeping the first spelling of each value (case-insensitively). */
export function mergeLists(...lists: string[][]): string[] {
	const filled = lists.filter(l => l.length > 0);
	if (filled.length === 0) return [];
	if (filled.length === 1) return filled[0] as string[];
	const out = new Map<string, string>();
	for (const list of lists) for (const item of list) if (!out.has(item.toLowerCase())) out.set(item.toLowerCase(), item);
	return [...out.values()].slice(0, MAX_ITEMS);
}
