import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {decodeSnapshot, encodeSnapshot} from '../../src/core/index/snapshot.js';
import {buildIndex} from '../../src/core/shelf/catalog.js';
import type {Article, Shelf} from '../../src/core/shelf/index.js';

const root = path.join(path.sep, 'shelves', 'notes');

function article(slug: string, fields: Partial<Article> = {}): Article {
	return {
		slug, path: path.join(root, `${slug}.md`), title: `Title of ${slug}`, date: '2024-05-01', updated: null, categories: ['Guides'], category: 'Guides',
		tags: ['tea', 'cups'], authors: [], draft: false, aliases: [], slugAlias: null, excerptSeparator: null, description: `About ${slug}`, cover: '',
		readingMinutes: 2, body: '', bodyLine: 4, problems: [], ...fields,
	};
}

function roundTrip(shelf: Shelf, ids: number[]): ReturnType<typeof decodeSnapshot> {
	const parts = encodeSnapshot({shelf, ids, folders: [root], vaults: []});
	return decodeSnapshot(n => parts[n] ?? null, shelf.root);
}

describe('the snapshot of the last shelf', () => {
	it('gives back every field of every article, odd ones included, and the groups', () => {
		const articles = [
			article('a'),
			article('guides/b', {date: null, updated: '2024-06-02', categories: [], category: 'Uncategorized', tags: [], authors: ['Ann', 'Bo'], draft: true}),
			// A path that is not where the slug says (another extension, a front matter slug), aliases, problems, an error.
			article('c', {path: path.join(root, 'c.markdown'), aliases: ['see'], slugAlias: 'sea', excerptSeparator: '<!--more-->', cover: 'c.png', problems: [{line: 2, message: 'odd'}]}),
			article('d', {error: 'not UTF-8', errorAt: {line: 1}, shelf: 'notes'}),
		];
		// Ids as a store gives them: mostly consecutive, one gap.
		const back = roundTrip({root, articles, skipped: [{path: 'x.bin', reason: 'binary'}]}, [1, 2, 3, 7]);
		expect(back).not.toBeNull();
		expect(back?.shelf.articles).toEqual(articles);
		expect(back?.ids).toEqual([1, 2, 3, 7]);
		expect(back?.shelf.skipped).toEqual([{path: 'x.bin', reason: 'binary'}]);
		const index = buildIndex(back?.shelf.articles ?? []);
		expect(index.tags.map(g => [g.name, g.articles.map(a => a.slug)])).toEqual([['cups', ['a', 'c', 'd']], ['tea', ['a', 'c', 'd']]]);
		expect(index.authors.map(g => g.name)).toEqual(['Ann', 'Bo']);
	});

	it('shares one string per name, one empty list and one list per single name, and keeps no body', () => {
		const articles = Array.from({length: 5000}, (_, i) => article(`n${i}`, {body: 'text'}));
		const back = roundTrip({root, articles, skipped: []}, articles.map((_, i) => i + 1));
		const all = back?.shelf.articles ?? [];
		expect(all).toHaveLength(5000);
		expect(all.every(a => a.body === '')).toBe(true);
		expect(all[0]?.aliases).toBe(all[4999]?.aliases);
		expect(Object.isFrozen(all[0]?.aliases)).toBe(true);
		// One category each: one frozen list of it for all 5,000.
		expect(all[0]?.categories).toEqual(['Guides']);
		expect(all[0]?.categories).toBe(all[4999]?.categories);
		expect(Object.isFrozen(all[0]?.categories)).toBe(true);
		expect(all.map(a => a.slug)).toEqual(articles.map(a => a.slug));
	});

	it('is not trusted when a part is missing, out of step or of another shelf', () => {
		const articles = Array.from({length: 2500}, (_, i) => article(`n${i}`, {draft: i === 7}));
		const parts = encodeSnapshot({shelf: {root, articles, skipped: []}, ids: articles.map((_, i) => i + 1), folders: [root], vaults: []});
		// The head, the articles, a first screen's articles (first-screen.ts) and every slug.
		expect(parts.length).toBe(4);
		expect(decodeSnapshot(n => (n === 1 ? null : parts[n] ?? null), root)).toBeNull();
		const changed = (change: (c: Record<string, unknown>) => void): string => {
			const c = JSON.parse(parts[1] as string) as Record<string, unknown>;
			change(c);
			return JSON.stringify(c);
		};
		// A title short, a list one name short, a draft past the last article.
		const broken = [
			changed(c => void (c['title'] = (c['title'] as string[]).slice(1))),
			changed(c => void (c['tags'] = (c['tags'] as number[]).slice(0, -1))),
			changed(c => void (c['rare'] = {draft: [2500, 1]})),
		];
		for (const part of broken) expect(decodeSnapshot(n => (n === 1 ? part : parts[n] ?? null), root)).toBeNull();
		expect(decodeSnapshot(n => parts[n] ?? null, path.join(root, 'other'))).toBeNull();
		expect(decodeSnapshot(n => (n === 1 ? '{"slug": [' : parts[n] ?? null), root)).toBeNull();
	});

	it('keeps a part to few JSON values: lists flat, defaults left out', () => {
		const articles = Array.from({length: 3}, (_, i) => article(`n${i}`, i === 1 ? {cover: 'x.png'} : {}));
		const parts = encodeSnapshot({shelf: {root, articles, skipped: []}, ids: [1, 2, 3], folders: [root], vaults: []});
		const c = JSON.parse(parts[1] as string) as Record<string, unknown>;
		expect(c['tags']).toEqual([2, expect.any(Number), expect.any(Number), 2, expect.any(Number), expect.any(Number), 2, expect.any(Number), expect.any(Number)]);
		expect(c['rare']).toEqual({cover: [1, 'x.png']});
	});

	it('keeps the order and the groups across several parts', () => {
		const articles = Array.from({length: 20_001}, (_, i) => article(`n${i}`, {date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`, tags: i === 20_000 ? ['last'] : ['tea']}));
		const back = roundTrip({root, articles, skipped: []}, articles.map((_, i) => i + 1));
		expect(back?.shelf.articles.map(a => a.slug)).toEqual(articles.map(a => a.slug));
		const index = buildIndex(back?.shelf.articles ?? []);
		const made = buildIndex([...articles]);
		expect(index.all.map(a => a.slug)).toEqual(made.all.map(a => a.slug));
		expect(index.tags.map(g => [g.name, g.articles.length])).toEqual([['tea', 20_000], ['last', 1]]);
	});

	it('ignores a snapshot of an older shape without reading its ids as runs', () => {
		// Shape 4 kept each id (20,000 of them from 19,001 up); read as runs of (first, length) they were 200 million ids.
		const ids = Array.from({length: 20_000}, (_, i) => 19_001 + i);
		const old = JSON.stringify({shape: 4, root, skipped: [], count: ids.length, ids, folders: [root], vaults: [], order: {all: [], categories: [], tags: [], authors: []}});
		const before = process.memoryUsage().heapUsed;
		expect(decodeSnapshot(n => (n === 0 ? old : null), root)).toBeNull();
		expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
	});
});
