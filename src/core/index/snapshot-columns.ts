/**
 * A part of the snapshot's articles as columns (one JSON array per field),
 * not as one object per article: the second start parses it and makes its
 * articles before its first frame, and at 20,000 articles what that
 * allocates is most of the cost (V8 keeps a small young generation,
 * young-generation.ts, so every object made is copied by a scavenge or two
 * before the first frame). So the part holds as few JSON values as it can:
 * - names (categories, tags, authors, dates) as numbers into one table
 *   shared by every part, and lists of them flat (`[length, ...names]`), so
 *   parsing makes no list per article (an empty one is never made at all);
 * - fields most articles leave at their default (a path where the slug says,
 *   no aliases, not a draft...) only for the articles that differ, as
 *   `[position, value, ...]`; a field this file does not know of is kept,
 *   per article, in `extra`.
 * Measured at 20,000 articles, decoding alone, Node 22: 74 -> 51 ms (median
 * of 7, GC 37 -> 23 ms), with the parts' size in snapshot.ts.
 */
import {sep} from 'node:path';
import {NONE, type Article, type Problem} from '../shelf/index.js';

const TEXT = ['slug', 'title', 'description'] as const;
const LISTS = ['categories', 'tags', 'authors'] as const;
/** Fields with their default: what most articles have, left out of the part. */
const RARE = ['path', 'updated', 'draft', 'aliases', 'slugAlias', 'excerptSeparator', 'cover', 'problems', 'extra'] as const;
type Rare = (typeof RARE)[number];

export interface Columns {
	/** Articles in the part. */
	n: number;
	slug: string[];
	title: string[];
	description: string[];
	/** Names' numbers; -1 for null. */
	date: number[];
	category: number[];
	/** Each article's list as its length, then its names' numbers. */
	categories: number[];
	tags: number[];
	authors: number[];
	readingMinutes: number[];
	bodyLine: number[];
	/** `[position, value, ...]` for the articles whose field is not the default (`updated` and names: numbers). */
	rare: Partial<Record<Rare, unknown[]>>;
}

/** The Article fields this file stores itself (`extra` is not one: it holds the others). */
const KNOWN = new Set<string>([...TEXT, ...LISTS, ...RARE.filter(f => f !== 'extra'), 'date', 'category', 'readingMinutes', 'bodyLine', 'body']);

/** Where an article's file is when its slug says so (`prefix`: the root and a separator). */
const pathOf = (prefix: string, slug: string): string => prefix + (sep === '/' ? slug : slug.replaceAll('/', sep)) + '.md';

/** Numbers of names in one table, given out as they are first met. */
export class NameTable {
	readonly names: string[] = [];
	private readonly at = new Map<string, number>();

	of(name: string | null): number {
		if (name === null) return -1;
		let n = this.at.get(name);
		if (n === undefined) this.at.set(name, n = this.names.push(name) - 1);
		return n;
	}
}

export function encodeColumns(articles: readonly Article[], root: string, names: NameTable): Columns {
	const prefix = root + sep;
	const rare: Partial<Record<Rare, unknown[]>> = {};
	const put = (field: Rare, i: number, value: unknown): void => void (rare[field] ??= []).push(i, value);
	const c: Columns = {n: articles.length, slug: [], title: [], description: [], date: [], category: [], categories: [], tags: [], authors: [], readingMinutes: [], bodyLine: [], rare};
	articles.forEach((a, i) => {
		c.date.push(names.of(a.date));
		c.category.push(names.of(a.category));
		for (const field of LISTS) c[field].push(a[field].length, ...a[field].map(name => names.of(name)));
		c.readingMinutes.push(a.readingMinutes);
		c.bodyLine.push(a.bodyLine);
		if (a.path !== pathOf(prefix, a.slug)) put('path', i, a.path);
		if (a.updated !== null) put('updated', i, names.of(a.updated));
		if (a.draft) put('draft', i, 1);
		if (a.aliases.length) put('aliases', i, a.aliases);
		if (a.slugAlias !== null) put('slugAlias', i, a.slugAlias);
		if (a.excerptSeparator !== null) put('excerptSeparator', i, a.excerptSeparator);
		if (a.cover !== '') put('cover', i, a.cover);
		if (a.problems.length) put('problems', i, a.problems);
		const extra = Object.entries(a).filter(([key, value]) => !KNOWN.has(key) && value !== undefined);
		if (extra.length) put('extra', i, Object.fromEntries(extra));
	});
	for (const field of TEXT) c[field] = articles.map(a => a[field]);
	return c;
}

/** The articles of a part (bodies ''); throws when the columns are out of step (a damaged snapshot). */
export function decodeColumns(c: Columns, root: string, names: readonly string[]): Article[] {
	const n = c.n;
	const [slugs, titles, descriptions] = [c.slug, c.title, c.description];
	for (const column of [slugs, titles, descriptions, c.date, c.category, c.readingMinutes, c.bodyLine]) if (column.length !== n) throw new Error('snapshot columns out of step');
	const name = (i: number): string => {
		const s = names[i];
		if (s === undefined) throw new Error('snapshot name out of range');
		return s;
	};
	// A list of one name is one frozen list per name, shared like NONE: most articles have one category
	// (often one author), and 20,000 lists of one were 1 MiB made before the first frame.
	const single: string[][] = [];
	// One reader per list field, each with its own place: this runs 60,000 times before the first frame.
	const [categories, tags, authors] = [listReader(c.categories, name, single), listReader(c.tags, name, single), listReader(c.authors, name, single)];
	const prefix = root + sep;
	const out = new Array<Article>(n);
	for (let i = 0; i < n; i++) {
		const slug = slugs[i] as string;
		const date = c.date[i] as number;
		// One object literal, one shape: every article of the snapshot shares V8's hidden class.
		out[i] = {
			slug, path: pathOf(prefix, slug), title: titles[i] as string,
			date: date < 0 ? null : name(date), updated: null,
			categories: categories.next(), category: name(c.category[i] as number), tags: tags.next(), authors: authors.next(),
			draft: false, aliases: NONE, slugAlias: null, excerptSeparator: null,
			description: descriptions[i] as string, cover: '', readingMinutes: c.readingMinutes[i] as number,
			body: '', bodyLine: c.bodyLine[i] as number, problems: NONE,
		};
	}
	if (!categories.done() || !tags.done() || !authors.done()) throw new Error('snapshot list out of step');
	for (const field of RARE) setRare(out, field, c.rare[field] ?? [], name);
	return out;
}

/** Reads a flat list column (`[length, ...names]` per article) one article's list at a time. */
function listReader(flat: number[], name: (i: number) => string, single: string[][]): {next(): string[]; done(): boolean} {
	let at = 0;
	return {
		next(): string[] {
			const length = flat[at] as number;
			if (!(length >= 0 && at + length < flat.length)) throw new Error('snapshot list out of step');
			const start = at + 1;
			at = start + length;
			if (length === 0) return NONE;
			if (length === 1) {
				const n = flat[start] as number;
				return (single[n] ??= Object.freeze([name(n)]) as string[]);
			}
			const out = new Array<string>(length);
			for (let k = 0; k < length; k++) out[k] = name(flat[start + k] as number);
			return out;
		},
		done: () => at === flat.length,
	};
}

/** The articles whose `field` is not the default get theirs (the same shape: every field is there already). */
function setRare(out: Article[], field: Rare, pairs: unknown[], name: (i: number) => string): void {
	for (let k = 0; k + 1 < pairs.length; k += 2) {
		const a = out[pairs[k] as number];
		const value = pairs[k + 1];
		if (a === undefined) throw new Error('snapshot field out of step');
		if (field === 'extra') Object.assign(a, value);
		else if (field === 'updated') a.updated = name(value as number);
		else if (field === 'draft') a.draft = true;
		else if (field === 'problems') a.problems = value as Problem[];
		else (a as unknown as Record<string, unknown>)[field] = value;
	}
}
