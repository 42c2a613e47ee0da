import {describe, expect, it} from 'vitest';
import {loadShelf} from '../../src/core/shelf/loader.js';
import {buildIndex} from '../../src/core/shelf/catalog.js';
import {checkShelf} from '../../src/core/shelf/check.js';

/** Each fixture shelf as its generator would publish it: slug, date, title, categories, tags, authors, draft. */
type Row = [slug: string, date: string | null, title: string, categories: string[], tags: string[], authors: string[], draft?: true];

const SHELVES: Record<string, Row[]> = {
	hugo: [
		['content/posts/tide-tables', '2023-11-02', 'Reading Tide Tables', ['Seamanship', 'Guides'], ['tides', 'charts'], ['Mara Quay']],
		['content/posts/lighthouse-keeping', '2022-06-30', 'Lighthouse Keeping', ['History'], ['lighthouses'], ['Mara Quay'], true],
		['content/notes/knots', '2021-04-09', 'Three Knots Worth Knowing', ['Seamanship'], ['knots', 'rope'], ['Olin Reef']],
		['content', null, 'Harbour Log', [], [], []],
		['content/posts', null, 'Posts', [], [], []],
	],
	jekyll: [
		['_posts/2023-11-02-kettle-release', '2023-11-02', 'Kettle 2.0 Released', ['news'], ['ruby', 'static-sites'], ['Pim Brass']],
		['releases/_posts/2023-10-01-kettle-rc', '2023-10-01', 'Kettle 2.0 release candidate', ['releases'], ['ruby'], ['Pim Brass']],
		['_posts/2023-09-14-unpublished', '2023-09-14', 'An Unpublished Note', ['News'], [], [], true],
		['_drafts/steam-whistle', null, 'The Steam Whistle Idea', [], ['ideas'], [], true],
	],
	docusaurus: [
		['blog/2022-05-01-unknown-author', '2022-05-02', 'A Post by Someone Unlisted', [], [], ['nobody-here']],
		['blog/2022-03-10-map-tiles', '2022-03-10', 'Faster Map Tiles', [], ['Performance', 'docs'], ['Wren Atlas', 'Guest Writer']],
		['blog/2021-08-26-welcome', '2021-08-26', 'Welcome to the Atlas Blog', [], ['welcome', 'Docs'], ['Wren Atlas', 'Tomás Fjord']],
	],
	obsidian: [
		['Journal/2024-06-01', '2024-06-01', '2024-06-01', [], ['garden'], []],
		['Garden/Tomato care', '2024-05-12', 'Tomato care', [], ['garden', 'garden/vegetables', 'Summer'], []],
		['Garden/Compost', null, 'Compost', [], ['garden'], []],
	],
	zola: [
		['content/posts/2024/2024-02-14-antenna', '2024-02-14', 'A Wire Antenna', [], ['radio', 'DIY'], [], true],
		['content/posts/2023/2023-12-26-radio-nights', '2023-12-26', 'Radio Nights', ['Hobbies'], ['radio', 'shortwave'], []],
		['content', null, 'Static Noise', [], [], []],
	],
	astro: [
		['src/content/blog/star-charts', '2023-03-03', 'Star Charts in MDX', [], [], []],
		['src/content/blog/first-light', '2022-07-08', 'First Light', [], [], []],
	],
	mixed: [
		['guides/bread', '2024-02-01', 'Sourdough Basics', ['Kitchen'], ['baking', 'Bread'], ['Ida Crumb']],
		['guides/soup', '2024-01-20', 'Winter Soup', ['kitchen'], ['bread', 'soup'], ['ida crumb']],
		['notes/pickles', '2023-08-30', 'Quick Pickles', ['KITCHEN', 'Preserving'], ['bread'], []],
		['notes/broken-date', null, 'A Note With a Bad Date', [], [], []],
		['notes/README', null, 'Plain GitHub Notes', [], [], []],
	],
};

describe('dialect fixture shelves list what their generator publishes', () => {
	it.each(Object.entries(SHELVES))('%s', async (name, rows) => {
		const shelf = await loadShelf(`tests/fixtures/dialects/${name}`);
		const got = buildIndex(shelf.articles).all.map((a): Row => {
			const row: Row = [a.slug, a.date, a.title, a.categories, a.tags, a.authors];
			if (a.draft) row.push(true);
			return row;
		});
		expect(got).toEqual(rows);
		expect(shelf.articles.filter(a => a.error)).toEqual([]);
	});

	it('groups kitchen, Kitchen and KITCHEN as one category named as most articles spell it; tags likewise', async () => {
		const index = buildIndex((await loadShelf('tests/fixtures/dialects/mixed')).articles);
		expect(index.categories.map(c => [c.name, c.articles.length])).toEqual([['Kitchen', 3], ['Preserving', 1], ['Uncategorized', 2]]);
		expect(index.tags.find(t => t.name.toLowerCase() === 'bread')).toMatchObject({kind: 'tag', name: 'bread', articles: {length: 3}});
		expect(index.authors.map(a => [a.name, a.articles.length])).toEqual([['Ida Crumb', 2]]);
	});

	it('reports odd fields as warnings with file and line, and nothing as broken', async () => {
		const mixed = checkShelf(await loadShelf('tests/fixtures/dialects/mixed'));
		expect(mixed).toEqual({broken: 0, lines: ['notes/broken-date.md:3:1: warning: date "next tuesday" is not a date (write it as YYYY-MM-DD)']});
		const docusaurus = checkShelf(await loadShelf('tests/fixtures/dialects/docusaurus'));
		expect(docusaurus.lines).toEqual(['blog/2022-05-01-unknown-author.md:3:1: warning: unknown author key "nobody-here" (not in authors.yml); shown as written']);
	});

	it('keeps the excerpt separator, aliases and slug for the renderer and links', async () => {
		const jekyll = await loadShelf('tests/fixtures/dialects/jekyll');
		expect(jekyll.articles.find(a => a.slug.endsWith('kettle-release'))?.excerptSeparator).toBe('<!--cut-->');
		const obsidian = await loadShelf('tests/fixtures/dialects/obsidian');
		expect(obsidian.articles.find(a => a.slug === 'Garden/Tomato care')?.aliases).toEqual(['Tomatoes', 'Growing tomatoes']);
		const hugo = await loadShelf('tests/fixtures/dialects/hugo');
		expect(hugo.articles.find(a => a.slug === 'content/notes/knots')?.slugAlias).toBe('knots-101');
		expect(hugo.articles.find(a => a.slug === 'content/posts/lighthouse-keeping')?.cover).toBe('lamp.jpg');
	});
});
