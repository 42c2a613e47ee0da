import {useCallback, useEffect, useRef, useState} from 'react';
import {ShelfSearch, searchRows, warmRowSteps, type SearchRow} from '../../core/search/index.js';
import type {Article} from '../../core/shelf/index.js';
import type {ShelfSource} from '../../core/index/index.js';
import {formatCount} from '../../core/plural.js';
import {collectWhenGrown} from '../../core/heap-trim.js';

/** Articles indexed per slice of background work: small enough that a key never waits long. */
const SLICE_MS = 8;
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
	const [indexing, setIndexing] = useState<string | null>(() => (articles.length ? `indexing 0/${formatCount(articles.length)}` : null));
	useEffect(() => {
		index.current = new ShelfSearch(source?.text ?? undefined, source?.meta ?? undefined);
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
				setIndexing(done ? null : `indexing ${formatCount(n)}/${formatCount(articles.length)}`);
			}
			if (!done) timer = setTimeout(step, 0);
			// All indexed: what the first key would read is read now, a slice at a time like the rest (in one go
			// it held the keys for 100-180 ms at 20,000 articles, and two keys pressed meanwhile came in as one).
			else timer = setTimeout(warm, 0);
		};
		const warming = warmSteps(search, articles);
		const warm = (): void => {
			const until = performance.now() + SLICE_MS;
			while (performance.now() < until) {
				if (!warming.next().done) continue;
				// All read: what start-up left behind is collected now, while nothing is typed (see heap-trim.ts).
				collectWhenGrown({settled: true});
				return;
			}
			timer = setTimeout(warm, 0);
		};
		timer = setTimeout(step, 20);
		return () => clearTimeout(timer);
	}, [articles, active, source]);
	const search = useCallback((query: string): SearchRow[] => {
		const rows = searchRows(query, articles, index.current);
		// What the keys' searches left behind is collected once the typing stops: see heap-trim.ts.
		collectWhenGrown();
		return rows;
	}, [articles]);
	return {indexing, search};
}

function* warmSteps(search: ShelfSearch, articles: Article[]): Generator<void> {
	yield* search.warmSteps();
	yield* warmRowSteps(articles);
}
