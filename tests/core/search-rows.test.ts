import {describe, expect, it} from 'vitest';
import {searchRows} from '../../src/core/search/rows.js';
import {createSearchIndex} from '../../src/core/search/shelf-search.js';
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
});
