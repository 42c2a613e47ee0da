import {useCallback, useEffect, useRef, useState} from 'react';
import {createSearchIndex, fuzzyFilter, type ShelfSearch} from '../../core/search.js';
import type {Article} from '../../core/types.js';
import type {SearchRow} from '../../core/state.js';

/** Articles indexed per slice of background work: small enough that a key never waits long. */
const SLICE_MS = 8;
const MAX_ROWS = 200;
/** How often a growing index is announced (each announcement redraws the screen). */
const ANNOUNCE_MS = 300;

/**
 * The full-text index, built after the first frame a slice at a time (a shelf
 * of thousands takes a while), and a function from a query to result rows.
 * `indexed` grows as it builds, so results can be refreshed as it does.
 */
export function useShelfSearch(articles: Article[]): {indexed: number; search: (query: string) => SearchRow[]} {
	const index = useRef<ShelfSearch | null>(null);
	const [indexed, setIndexed] = useState(0);
	useEffect(() => {
		// Titles, tags and descriptions are searchable at once; the text of every article follows.
		const search = createSearchIndex(articles, {deferText: true});
		index.current = search;
		let timer: NodeJS.Timeout;
		let announced = performance.now();
		const step = (): void => {
			const done = search.indexPending(SLICE_MS);
			if (done || performance.now() - announced > ANNOUNCE_MS) {
				announced = performance.now();
				setIndexed(articles.length - search.pending);
			}
			if (!done) timer = setTimeout(step, 0);
		};
		timer = setTimeout(step, 20);
		return () => clearTimeout(timer);
	}, [articles]);
	const search = useCallback((query: string): SearchRow[] => searchRows(query, articles, index.current), [articles]);
	return {indexed, search};
}

/**
 * Library search: an exact title first, then fuzzy title matches (with their
 * positions, for highlighting), then the index's tag/category/description and
 * full-text hits, each article once.
 */
export function searchRows(query: string, articles: Article[], index: ShelfSearch | null): SearchRow[] {
	const q = query.trim();
	if (q === '') return [];
	const bySlug = new Map(articles.map(a => [a.slug, a]));
	const rows: SearchRow[] = [];
	const seen = new Set<string>();
	const add = (row: SearchRow): void => {
		if (seen.has(row.article.slug) || rows.length >= MAX_ROWS) return;
		seen.add(row.article.slug);
		rows.push(row);
	};
	const exact = articles.find(a => a.title.toLowerCase() === q.toLowerCase());
	if (exact) add({article: exact, kind: 'title', positions: [...exact.title].map((_, i) => i), snippet: null});
	for (const m of fuzzyFilter(q, articles.map(a => ({key: a.slug, text: a.title}))).slice(0, 50)) {
		const article = bySlug.get(m.key);
		if (article && m.score > 0) add({article, kind: 'title', positions: m.positions, snippet: null});
	}
	for (const hit of index?.search(q, {limit: MAX_ROWS}) ?? []) {
		const article = bySlug.get(hit.slug);
		if (article) add({article, kind: hit.kind, positions: [], snippet: hit.snippet});
	}
	return rows;
}
