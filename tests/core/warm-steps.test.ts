import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {searchRows, warmRowSteps} from '../../src/core/search/rows.js';
import {ShelfSearch, createSearchIndex} from '../../src/core/search/shelf-search.js';
import {openShelfSource} from '../../src/core/index/shelf-source.js';
import {article} from '../helpers/articles.js';

/** Steps a generator takes before it is done. */
function steps(g: Generator<void>): number {
	let n = 0;
	while (!g.next().done) n++;
	return n;
}

// What the first search reads once everything is indexed is read in steps between keys: in one go it held
// the keys for 100-180 ms at 20,000 articles, and two keys pressed meanwhile came in as one.
describe('warming up search in steps', () => {
	it('makes the title tables a thousand articles a step, and searches find the same with or without them', () => {
		const shelf = Array.from({length: 2500}, (_, i) => article(`a${i}`, {title: `Kettle number ${i}`, date: null}));
		const cold = searchRows('kettle number 2499', [...shelf], createSearchIndex([]));
		expect(steps(warmRowSteps(shelf))).toBe(2);
		expect(steps(warmRowSteps(shelf))).toBe(0);
		expect(searchRows('kettle number 2499', shelf, createSearchIndex([])).map(r => r.article.slug)).toEqual(cold.map(r => r.article.slug));
	});

	it('reads the index\'s field lengths and vocabulary a page at a time, and ranks as before', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-warm-'));
		mkdirSync(path.join(dir, 'notes'));
		for (let i = 0; i < 1200; i++) writeFileSync(path.join(dir, 'notes', `n${i}.md`), `---\ntitle: "Teapot ${i} word${i}"\ntags: [t${i % 7}]\n---\nBody ${i}.\n`);
		const env = {XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'inkshelf-warm-cache-'))};
		const first = await openShelfSource(dir, {env, metaInIndexFrom: 0});
		while (!first.indexPending(1000));
		first.close();
		const search = async (): Promise<{s: ShelfSearch; close: () => void}> => {
			const source = await openShelfSource(dir, {env, metaInIndexFrom: 0});
			const s = new ShelfSearch(source.text ?? undefined, source.meta ?? undefined);
			for (const a of source.shelf.articles) s.add(a);
			return {s, close: () => source.close()};
		};
		const cold = await search();
		const coldHits = cold.s.search('teapot word1199 wrd11').map(h => [h.slug, h.score]);
		cold.close();
		const warmed = await search();
		// 1,200 files' lengths in pages of 500, then the vocabulary (~1,200 words) in pages of 500.
		expect(steps(warmed.s.warmSteps())).toBeGreaterThanOrEqual(6);
		expect(steps(warmed.s.warmSteps())).toBe(0);
		expect(warmed.s.search('teapot word1199 wrd11').map(h => [h.slug, h.score])).toEqual(coldHits);
		expect(coldHits[0]?.[0]).toBe('notes/n1199');
		warmed.close();
	});
});
