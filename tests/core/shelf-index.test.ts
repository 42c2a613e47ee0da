import {describe, expect, it} from 'vitest';
import {buildIndex, compareArticles, findArticle, sortArticles, suggest} from '../../src/core/shelf/catalog.js';
import type {Article} from '../../src/core/shelf/types.js';

function article(slug: string, fields: Partial<Article> = {}): Article {
	return {
		slug, path: `/shelf/${slug}.md`, title: slug, date: null, tags: [], category: 'Uncategorized',
		description: '', cover: '', readingMinutes: 1, body: '', bodyLine: 1, problems: [],
		updated: null, categories: [], authors: [], draft: false, aliases: [], slugAlias: null, excerptSeparator: null, ...fields,
	};
}

const articles = [
	article('old', {title: 'Old', date: '2023-01-01', tags: ['python', 'intro'], category: 'Guides'}),
	article('new', {title: 'New', date: '2025-01-01', tags: ['python'], category: 'Guides'}),
	article('undated-b', {title: 'beta', tags: ['zsh']}),
	article('undated-a', {title: 'Alpha', category: 'advanced'}),
	article('broken', {title: 'broken.md', error: 'binary file'}),
	article('same-day-b', {title: 'B same day', date: '2024-06-01', category: 'Zebra', tags: ['intro']}),
	article('same-day-a', {title: 'a same day', date: '2024-06-01', category: 'Zebra'}),
];

describe('buildIndex', () => {
	const index = buildIndex(articles);

	it('sorts a date at a time exactly as compareArticles sorts all at once', () => {
		let seed = 11;
		const next = (k: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
		const titles = ['alpha', 'Alpha', 'ÅNGSTRÖM', 'angstrom', 'item 10', 'item 9', 'Zebra', 'zebra', '', 'über', '日本'];
		const many = Array.from({length: 3000}, (_, i) => article(`s/${next(500)}-${i}`, {
			title: titles[next(titles.length)] as string,
			date: next(8) === 0 ? null : `202${next(3)}-0${1 + next(9)}-1${next(10)}`,
		}));
		expect(sortArticles(many).map(a => a.slug)).toEqual([...many].sort(compareArticles).map(a => a.slug));
	});

	it('orders All newest first, undated last, then by title (case-insensitive)', () => {
		expect(index.all.map((a) => a.slug)).toEqual([
			'new', 'same-day-a', 'same-day-b', 'old', 'undated-a', 'undated-b', 'broken',
		]);
	});

	it('keeps broken articles in All and in Uncategorized', () => {
		expect(index.all.some((a) => a.slug === 'broken')).toBe(true);
		const uncategorized = index.categories.find((c) => c.name === 'Uncategorized');
		expect(uncategorized?.articles.map((a) => a.slug)).toContain('broken');
	});

	it('sorts categories by name with Uncategorized last, counting articles', () => {
		expect(index.categories.map((c) => [c.name, c.articles.length])).toEqual([
			['advanced', 1], ['Guides', 2], ['Zebra', 2], ['Uncategorized', 2],
		]);
	});

	it('sorts tags by count, then name, with articles in All order', () => {
		expect(index.tags.map((t) => [t.name, t.articles.length])).toEqual([['intro', 2], ['python', 2], ['zsh', 1]]);
		expect(index.tags[1]?.articles.map((a) => a.slug)).toEqual(['new', 'old']);
	});

	it('does not mutate its input and handles an empty shelf', () => {
		const before = articles.map((a) => a.slug);
		buildIndex(articles);
		expect(articles.map((a) => a.slug)).toEqual(before);
		expect(buildIndex([])).toEqual({all: [], categories: [], tags: [], authors: []});
	});

	it('counts a tag repeated on one article once', () => {
		const index2 = buildIndex([article('x', {tags: ['a', 'a']})]);
		expect(index2.tags).toMatchObject([{kind: 'tag', name: 'a', articles: [expect.anything()]}]);
	});
});

describe('findArticle', () => {
	const shelf = [article('guides/intro'), article('notes')];
	it.each([
		['guides/intro', 'guides/intro'],
		['guides/intro.md', 'guides/intro'],
		['guides/intro.MD', 'guides/intro'],
		['./notes.markdown', 'notes'],
		['guides\\intro', 'guides/intro'],
		['intro', undefined],
		['', undefined],
	])('%s → %s', (wanted, slug) => {
		expect(findArticle(shelf, wanted)?.slug).toBe(slug);
	});

	it('prefers an exact slug that itself ends in .md', () => {
		const withExt = [article('a'), article('a.md')];
		expect(findArticle(withExt, 'a.md')?.slug).toBe('a.md');
	});
});

describe('suggest', () => {
	const slugs = ['guides/getting-started', 'guides/install', 'python-tips', 'shell-basics', 'notes'];
	it.each([
		['getting-startd', ['guides/getting-started']],
		['instal', ['guides/install']],
		['python', ['python-tips']],
		['guides', ['guides/getting-started', 'guides/install']],
		['Shell-Basics.md', ['shell-basics']],
		['zzzzzzzz', []],
		['', []],
	])('%s → %j', (wanted, expected) => {
		expect(suggest(slugs, wanted)).toEqual(expected);
	});

	it('returns at most the limit', () => {
		expect(suggest(['a1', 'a2', 'a3', 'a4'], 'a', 2)).toEqual(['a1', 'a2']);
	});
});
