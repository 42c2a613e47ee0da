import {useCallback, useEffect, useRef, useState} from 'react';
import {fuzzyFilter, ShelfSearch} from '../../core/search/shelf-search.js';
import type {Article} from '../../core/shelf/types.js';
import type {ShelfSource} from '../../core/index/shelf-source.js';
import type {SearchRow} from '../../core/state/reducer.js';

/** Articles indexed per slice of background work: small enough that a key never waits long. */
const SLICE_MS = 8;
const MAX_ROWS = 120;
/** Full-text hits asked of the index per key: each one costs a scan of its text for a snippet. */
const INDEX_HITS = 60;
/** How often a growing index is announced (each announcement redraws the screen). */
const ANNOUNCE_MS = 300;

/**
 * The search index, built after the first frame a slice at a time (a shelf
 * of thousands takes a while), and a function from a query to result rows.
 * Titles and metadata go in first, then the text: into the shelf's
 * persistent index (`source`), where only new and changed files need it, or
 * into memory. `indexing` is a quiet progress mark until all is done; results
 * are refreshed as it moves. The text is indexed only while the library is
 * on screen (`active`): one article's text is indexed in one go, and a
 * megabyte article would otherwise hold up the keys of whoever is reading it.
 */
export function useShelfSearch(articles: Article[], active: boolean, source?: ShelfSource): {indexing: string | null; search: (query: string) => SearchRow[]} {
	const index = useRef<ShelfSearch | null>(null);
	const [indexing, setIndexing] = useState<string | null>(() => (articles.length ? `indexing 0/${articles.length.toLocaleString('en-US')}` : null));
	useEffect(() => {
		index.current = new ShelfSearch(source?.text ?? undefined);
	}, [articles, source]);
	useEffect(() => {
		const search = index.current;
		if (!search || !active) return;
		let timer: NodeJS.Timeout;
		let announced = 0;
		let added = search.size;
		const textPending = (): number => (source?.text ? source.pending : search.pending);
		const step = (): void => {
			const until = performance.now() + SLICE_MS;
			// Metadata first (titles, tags: what most searches find), then the text.
			while (added < articles.length && performance.now() < until) search.add(articles[added++] as Article, {deferText: true});
			const done = added === articles.length && (source?.text ? source.indexPending(SLICE_MS) : search.indexPending(SLICE_MS));
			if (done || performance.now() - announced > ANNOUNCE_MS) {
				announced = performance.now();
				const n = Math.min(added, articles.length - textPending());
				setIndexing(done ? null : `indexing ${n.toLocaleString('en-US')}/${articles.length.toLocaleString('en-US')}`);
			}
			if (!done) timer = setTimeout(step, 0);
		};
		timer = setTimeout(step, 20);
		return () => clearTimeout(timer);
	}, [articles, active, source]);
	const search = useCallback((query: string): SearchRow[] => searchRows(query, articles, index.current), [articles]);
	return {indexing, search};
}

/**
 * Library search: an exact title first, then fuzzy title matches (with their
 * positions, for highlighting), then the index's tag/category/description and
 * full-text hits, each article once.
 */
export function searchRows(query: string, articles: Article[], index: ShelfSearch | null): SearchRow[] {
	const q = query.trim();
	if (q === '') return [];
	const {bySlug, lowerTitles} = shelfTables(articles);
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
	const candidates: {key: string; text: string}[] = [];
	lowerTitles.forEach((t, i) => {
		let at = 0;
		for (const c of letters) if ((at = t.indexOf(c, at) + 1) === 0) return;
		const a = articles[i] as Article;
		candidates.push({key: a.slug, text: a.title});
	});
	for (const m of fuzzyFilter(q, candidates).slice(0, 50)) {
		const article = bySlug.get(m.key);
		if (article && m.score > 0) add({article, kind: 'title', positions: m.positions, snippet: null});
	}
	for (const hit of index?.search(q, {limit: INDEX_HITS}) ?? []) {
		const article = bySlug.get(hit.slug);
		if (article) add({article, kind: hit.kind, positions: [], snippet: hit.snippet});
	}
	return rows;
}

const tables = new WeakMap<Article[], {bySlug: Map<string, Article>; lowerTitles: string[]}>();

/** Built once per shelf, not on every key. */
function shelfTables(articles: Article[]): {bySlug: Map<string, Article>; lowerTitles: string[]} {
	let t = tables.get(articles);
	if (!t) tables.set(articles, t = {bySlug: new Map(articles.map(a => [a.slug, a])), lowerTitles: articles.map(a => a.title.toLowerCase())});
	return t;
}
