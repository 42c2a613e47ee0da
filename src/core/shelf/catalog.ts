/**
 * Pure grouping of articles for the library screen. Broken articles are kept
 * in every view they belong to: hiding them would hide the fact that a file
 * needs fixing.
 */
import {facetsOf, isUncategorized, type Facet} from './facets.js';
import {MARKDOWN} from './file-facts.js';
import {editDistance} from '../edit-distance.js';
import {compareNames} from '../compare-names.js';
import type {Article} from './types.js';

/** A group in the library's left pane: everything, recently read, one shelf (of several), one category, tag or author. */
export interface Group {
	kind: 'all' | 'recent' | 'shelf' | 'category' | 'tag' | 'author';
	name: string;
	/** In the same order as `ShelfIndex.all` (recently read: most recent first). */
	articles: Article[];
}

export interface ShelfIndex {
	/** Newest first; undated after dated; then by title, then slug. */
	all: Article[];
	/** By name, "Uncategorized" last. */
	categories: Group[];
	/** Most used first, then by name. */
	tags: Group[];
	/** By name; empty when no article names an author. */
	authors: Group[];
}

/** Newest first, undated last. */
const byDate = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1);

export function compareArticles(a: Article, b: Article): number {
	return byDate(a.date, b.date) || byTitle(a, b);
}

const byTitle = (a: Article, b: Article): number => compareNames(a.title, b.title) || compareNames(a.slug, b.slug);

/** Indexes made already, by the articles they were made of: the library, `list` and completion ask for the same one. */
const built = new WeakMap<readonly Article[], ShelfIndex>();

/**
 * Gives `buildIndex(articles)` an index made before (the shelf index keeps
 * one with the articles, so a second start does not sort and group 20,000
 * articles again). The caller answers for it being what buildIndex would make.
 */
export function rememberIndex(articles: readonly Article[], index: ShelfIndex): void {
	built.set(articles, index);
}

/** The index of `articles`; the same object for the same array (neither is ever changed in place). */
export function buildIndex(articles: readonly Article[]): ShelfIndex {
	let index = built.get(articles);
	if (!index) built.set(articles, index = makeIndex(articles));
	return index;
}

/**
 * `articles` in `compareArticles` order, sorted a date at a time: a shelf has far fewer dates than
 * articles (20,000 generated articles: 2,190), so dates are sorted once each and titles compared only
 * among articles of one date. Sorting 20,000 with compareArticles alone took ~30 ms before a first frame.
 */
export function sortArticles(articles: readonly Article[]): Article[] {
	const articlesOn = new Map<string | null, Article[]>();
	for (const article of articles) {
		const same = articlesOn.get(article.date);
		if (same) same.push(article);
		else articlesOn.set(article.date, [article]);
	}
	const dates = [...articlesOn.keys()].sort(byDate);
	const sorted: Article[] = [];
	for (const date of dates) {
		const same = articlesOn.get(date) as Article[];
		if (same.length > 1) same.sort(byTitle);
		for (const article of same) sorted.push(article);
	}
	return sorted;
}

function makeIndex(articles: readonly Article[]): ShelfIndex {
	const all = sortArticles(articles);
	const [categories = [], tags = [], authors = []] = facetsOf(all, ['category', 'tag', 'author']);
	const groups = (kind: 'category' | 'tag' | 'author', found: Facet[]): Group[] => found.map(f => ({kind, name: f.name, articles: f.articles}));
	return {
		all,
		categories: groups('category', categories).sort(
			(a, b) => Number(isUncategorized(a.name)) - Number(isUncategorized(b.name)) || compareNames(a.name, b.name),
		),
		tags: groups('tag', tags).sort((a, b) => b.articles.length - a.articles.length || compareNames(a.name, b.name)),
		authors: groups('author', authors).sort((a, b) => compareNames(a.name, b.name)),
	};
}

/**
 * The article whose slug is `slug`; `guides/intro.md` and `./guides/intro` find
 * `guides/intro` too, and so does another name it has: front matter `slug`
 * (alone or in place of the last part) or, case-insensitively, an Obsidian alias.
 */
export function findArticle(articles: readonly Article[], slug: string): Article | undefined {
	const exact = articles.find((a) => a.slug === slug);
	if (exact) return exact;
	const wanted = slug.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(MARKDOWN, '').replace(/\/+$/, '');
	const bundle = wanted.replace(/\/_?index$/, '');
	const plain = articles.find((a) => a.slug === wanted || a.slug === bundle);
	if (plain) return plain;
	const folder = (a: Article): string => a.slug.slice(0, a.slug.lastIndexOf('/') + 1);
	const named = articles.find((a) => a.slugAlias !== null && a.slugAlias !== undefined && (a.slugAlias === wanted || folder(a) + a.slugAlias === wanted));
	if (named) return named;
	const lower = wanted.toLowerCase();
	return articles.find((a) => a.aliases?.some(alias => alias.toLowerCase() === lower));
}

/** Up to `limit` slugs closest to `wanted`, for "no article x; did you mean y?". */
export function suggest(slugs: readonly string[], wanted: string, limit = 3): string[] {
	const target = wanted.toLowerCase().replace(MARKDOWN, '');
	if (target === '') return [];
	const allowed = Math.max(2, Math.floor(target.length / 3));
	const scored = slugs.map((slug) => {
		const lower = slug.toLowerCase();
		const name = lower.slice(lower.lastIndexOf('/') + 1);
		// A slug that contains what was typed is a better guess than any edit distance.
		const contains = lower.includes(target) || (name !== '' && target.includes(name));
		// Past `allowed` the exact distance does not matter: the slug is left out.
		const distance = contains ? 0 : Math.min(editDistance(lower, target, allowed), editDistance(name, target, allowed));
		return {slug, score: distance};
	});
	return scored
		.filter((s) => s.score <= allowed)
		.sort((a, b) => a.score - b.score || compareNames(a.slug, b.slug))
		.slice(0, limit)
		.map((s) => s.slug);
}
