/**
 * Library search as rows: the pure ranking behind the search line. The index
 * (built in the background by the UI) is handed in; nothing here waits for it.
 */
import type {ShelfSearch} from './shelf-search.js';
import {fuzzyFilterTitles} from './fuzzy.js';
import type {Article} from '../shelf/index.js';
import {drain} from '../steps.js';

const MAX_ROWS = 120;
/** Full-text hits asked of the index per key: a few screens of them (a snippet is cut only for a row drawn). */
const INDEX_HITS = 60;

/** One row of library search results. */
export interface SearchRow {
	article: Article;
	/** Where the query matched: title, tags/category/description, or only the text. */
	kind: 'title' | 'meta' | 'body';
	/** Matched character positions in the title, for highlighting. */
	positions: number[];
	readonly snippet: {line: number; text: string} | null;
}

/**
 * Library search: an exact title first, then fuzzy title matches (with their
 * positions, for highlighting), then the index's tag/category/description and
 * full-text hits, each article once.
 */
export function searchRows(query: string, articles: Article[], index: Pick<ShelfSearch, 'search' | 'articleOf'> | null): SearchRow[] {
	const q = query.trim();
	if (q === '') return [];
	const {lowerTitles} = shelfTables(articles);
	const rows: SearchRow[] = [];
	const seen = new Set<string>();
	const add = (row: SearchRow): void => {
		if (seen.has(row.article.slug) || rows.length >= MAX_ROWS) return;
		seen.add(row.article.slug);
		rows.push(row);
	};
	const lower = q.toLowerCase();
	const exact = articles[lowerTitles.indexOf(lower)];
	if (exact) add({article: exact, kind: 'title', positions: [...exact.title].map((_, i) => i), snippet: null});
	// Only titles holding the query's letters in order can match: a cheap test before the scored match.
	const letters = lower.replace(/\s+/g, '');
	// Plain loops into one reused array: an iterator per title, or a list grown on every key, was most of
	// what a key allocated at 100,000 articles.
	if (candidates.length < lowerTitles.length) candidates = new Int32Array(lowerTitles.length);
	let count = 0;
	titles: for (let i = 0; i < lowerTitles.length; i++) {
		const t = lowerTitles[i] as string;
		for (let at = 0, c = 0; c < letters.length; c++) if ((at = t.indexOf(letters[c] as string, at) + 1) === 0) continue titles;
		candidates[count++] = i;
	}
	for (const m of fuzzyFilterTitles(q, i => (articles[i] as Article).title, lowerTitles, candidates.subarray(0, count), 50)) {
		const article = articles[m.at];
		if (article && m.score > 0) add({article, kind: 'title', positions: m.positions, snippet: null});
	}
	for (const hit of index?.search(q, {limit: INDEX_HITS}) ?? []) {
		const article = index?.articleOf(hit.slug);
		// The snippet is read only for a row that is drawn: see SearchHit.
		if (article) add({article, kind: hit.kind, positions: [], get snippet() { return hit.snippet; }});
	}
	return rows;
}

interface Tables {
	/** The titles lowercased: an object per title, or a map by slug, would cost ~8 MiB at 100,000 articles. */
	lowerTitles: string[];
}

const tables = new WeakMap<Article[], Tables>();
/** Titles that may match the query, by index: one array for every key. */
let candidates = new Int32Array(0);

/** Makes the tables searchRows needs for these articles in a quiet moment, not on the first key: yields every 1,000 articles. */
export function* warmRowSteps(articles: Article[]): Generator<void> {
	if (tables.has(articles)) return;
	const t: Tables = {lowerTitles: []};
	for (let i = 0; i < articles.length; i++) {
		t.lowerTitles.push((articles[i] as Article).title.toLowerCase());
		if (i % 1000 === 999) yield;
	}
	// A search while this was under way made them already: those stay.
	if (!tables.has(articles)) tables.set(articles, t);
}

/** Built once per shelf, not on every key. */
function shelfTables(articles: Article[]): Tables {
	let t = tables.get(articles);
	if (!t) {
		drain(warmRowSteps(articles));
		t = tables.get(articles) as Tables;
	}
	return t;
}
