import {describe, expect, it} from 'vitest';
import {searchRows} from '../../src/core/search/rows.js';
import {ShelfSearch, createSearchIndex, type TextIndex} from '../../src/core/search/shelf-search.js';
import type {Article} from '../../src/core/shelf/types.js';
import {article as make} from '../helpers/articles.js';

function article(slug: string, title: string, body = '', tags: string[] = []): Article {
	return make(slug, {title, date: null, tags, body, category: 'Notes', categories: ['Notes']});
}

const shelf = [
	article('pg', 'Postgres tuning', 'max_connections and work_mem'),
	article('git', 'Git', 'rebase onto main'),
	article('gist', 'Getting started', 'install it'),
	article('notes', 'Notes on tools', 'git bisect finds the commit', ['git']),
];

describe('searchRows', () => {
	const index = createSearchIndex(shelf);
	it('returns nothing for an empty or blank query', () => {
		expect(searchRows('', shelf, index)).toEqual([]);
		expect(searchRows('   ', shelf, index)).toEqual([]);
	});
	it('puts an exact title first, with every position marked, then fuzzy titles, then tags and text, each article once', () => {
		const rows = searchRows('git', shelf, index);
		expect(rows[0]).toEqual({article: shelf[1], kind: 'title', positions: [0, 1, 2], snippet: null});
		const slugs = rows.map(r => r.article.slug);
		expect(new Set(slugs).size).toBe(slugs.length);
		expect(slugs).toContain('notes');
		expect(rows.find(r => r.article.slug === 'notes')?.kind).not.toBe('title');
	});
	it('finds words in the text, with a snippet, through the index', () => {
		const rows = searchRows('max_connections', shelf, index);
		expect(rows.map(r => [r.article.slug, r.kind])).toEqual([['pg', 'body']]);
		expect(rows[0]?.snippet?.text).toContain('max_connections');
	});
	it('without an index yet, titles still match', () => {
		expect(searchRows('postgres', shelf, null).map(r => r.article.slug)).toEqual(['pg']);
	});
	it('cuts a snippet only for a row that is read (drawn), once, from the article\'s text then', () => {
		// Every article's text holds the word: each is a text hit, and a snippet would read its file.
		const many = Array.from({length: 30}, (_, i) => article(`a${i}`, `Article ${i}`, `intro\nthe cache line ${i}`));
		const read: string[] = [];
		const text: TextIndex = {
			search: () => many.map((a, i) => ({id: a.slug, score: 30 - i, terms: ['cache'], queryTerms: ['cache']})),
			plainOf: slug => {
				read.push(slug);
				return `intro\nthe cache line ${slug.slice(1)}`;
			},
		};
		const lazy = new ShelfSearch(text);
		for (const a of many) lazy.add(a);
		const rows = searchRows('cache', many, lazy);
		expect(rows.map(r => r.article.slug)).toEqual(many.map(a => a.slug));
		expect(read).toEqual([]);
		expect(rows[2]?.snippet).toEqual({line: 2, text: 'the cache line 2'});
		expect(rows[2]?.snippet).toEqual({line: 2, text: 'the cache line 2'});
		expect(read).toEqual(['a2']);
	});
});
