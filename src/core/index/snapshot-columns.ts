/**
 * A part of the snapshot's articles as columns (one JSON array per field),
 * not as one object per article: the second start parses it before its first
 * frame, and at 20,000 articles JSON objects cost ~85 ms to parse where these
 * columns and the objects made from them cost ~35 ms. Names (categories,
 * tags, authors, dates) are numbers into one table shared by every part, so
 * each name is one string however many articles carry it; a path that is
 * where the slug says is left out; lists that are empty share one frozen
 * list. A field this file does not know of is kept, per article, in `extra`.
 */
import {sep} from 'node:path';
import type {Article, Problem} from '../shelf/index.js';

// Typed as a mutable list because Article says so; frozen, so a change would throw rather than spread to every article.
const NONE = Object.freeze([]) as unknown as never[];

export interface Columns {
	slug: string[];
	/** 0: `root/slug.md`. */
	path: (string | 0)[];
	title: string[];
	/** Names' numbers; -1 for null. */
	date: number[];
	updated: number[];
	category: number[];
	categories: number[][];
	tags: number[][];
	authors: number[][];
	draft: number[];
	aliases: (string[] | 0)[];
	slugAlias: (string | null)[];
	excerptSeparator: (string | null)[];
	description: string[];
	cover: string[];
	readingMinutes: number[];
	bodyLine: number[];
	problems: (Problem[] | 0)[];
	/** Fields of an article not listed above (`shelf`, `error`...), or 0. */
	extra: (Record<string, unknown> | 0)[];
}

const KNOWN = new Set(['slug', 'path', 'title', 'date', 'updated', 'category', 'categories', 'tags', 'authors', 'draft', 'aliases', 'slugAlias', 'excerptSeparator', 'description', 'cover', 'readingMinutes', 'bodyLine', 'problems', 'body']);

/** Where an article's file is when its slug says so. */
const pathOf = (root: string, slug: string): string => `${root}${sep}${sep === '/' ? slug : slug.replaceAll('/', sep)}.md`;

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
	const c: Columns = {slug: [], path: [], title: [], date: [], updated: [], category: [], categories: [], tags: [], authors: [], draft: [], aliases: [], slugAlias: [], excerptSeparator: [], description: [], cover: [], readingMinutes: [], bodyLine: [], problems: [], extra: []};
	const list = (l: readonly string[]): number[] => l.map(n => names.of(n));
	for (const a of articles) {
		c.slug.push(a.slug);
		c.path.push(a.path === pathOf(root, a.slug) ? 0 : a.path);
		c.title.push(a.title);
		c.date.push(names.of(a.date));
		c.updated.push(names.of(a.updated));
		c.category.push(names.of(a.category));
		c.categories.push(list(a.categories));
		c.tags.push(list(a.tags));
		c.authors.push(list(a.authors));
		c.draft.push(a.draft ? 1 : 0);
		c.aliases.push(a.aliases.length ? a.aliases : 0);
		c.slugAlias.push(a.slugAlias);
		c.excerptSeparator.push(a.excerptSeparator);
		c.description.push(a.description);
		c.cover.push(a.cover);
		c.readingMinutes.push(a.readingMinutes);
		c.bodyLine.push(a.bodyLine);
		c.problems.push(a.problems.length ? a.problems : 0);
		const extra = Object.entries(a).filter(([key, value]) => !KNOWN.has(key) && value !== undefined);
		c.extra.push(extra.length ? Object.fromEntries(extra) : 0);
	}
	return c;
}

/** The articles of a part (bodies ''); throws when the columns are out of step (a damaged snapshot). */
export function decodeColumns(c: Columns, root: string, names: readonly string[]): Article[] {
	const n = c.slug.length;
	for (const column of Object.values(c) as unknown[][]) if (column.length !== n) throw new Error('snapshot columns out of step');
	const name = (i: number): string => {
		const s = names[i];
		if (s === undefined) throw new Error('snapshot name out of range');
		return s;
	};
	// The parsed lists of numbers become the lists of names in place: no second list per article.
	const list = (l: number[] | undefined): string[] => {
		if (!l || l.length === 0) return NONE;
		const out = l as unknown as string[];
		for (let i = 0; i < l.length; i++) out[i] = name(l[i] as number);
		return out;
	};
	const out = new Array<Article>(n);
	for (let i = 0; i < n; i++) {
		const slug = c.slug[i] as string;
		const path = c.path[i];
		const date = c.date[i] as number;
		const updated = c.updated[i] as number;
		// One object literal, one shape: every article of the snapshot shares V8's hidden class.
		const a: Article = {
			slug, path: path === 0 || path === undefined ? pathOf(root, slug) : path, title: c.title[i] as string,
			date: date < 0 ? null : name(date), updated: updated < 0 ? null : name(updated),
			categories: list(c.categories[i]), category: name(c.category[i] as number), tags: list(c.tags[i]), authors: list(c.authors[i]),
			draft: c.draft[i] === 1, aliases: c.aliases[i] || NONE, slugAlias: c.slugAlias[i] ?? null, excerptSeparator: c.excerptSeparator[i] ?? null,
			description: c.description[i] as string, cover: c.cover[i] as string, readingMinutes: c.readingMinutes[i] as number,
			body: '', bodyLine: c.bodyLine[i] as number, problems: c.problems[i] || NONE,
		};
		const extra = c.extra[i];
		if (extra) Object.assign(a, extra);
		out[i] = a;
	}
	return out;
}
