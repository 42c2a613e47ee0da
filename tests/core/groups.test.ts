import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../src/core/shelf/catalog.js';
import {libraryGroups, withRecent} from '../../src/core/shelf/groups.js';
import {article as make} from '../helpers/articles.js';
import type {Article} from '../../src/core/shelf/types.js';

function article(slug: string, category: string, tags: string[], date: string | null = null): Article {
	return make(slug, {category, categories: [category], tags, date});
}

const shelf = [article('a', 'Guides', ['x'], '2024-01-02'), article('b', 'Notes', ['x', 'y'], '2024-01-01'), article('c', 'Guides', [])];

describe('libraryGroups', () => {
	it('lists All, then categories, then tags, each with its kind', () => {
		const groups = libraryGroups(buildIndex(shelf));
		expect(groups.map(g => [g.kind, g.name, g.articles.map(a => a.slug).join('')])).toEqual([
			['all', 'All', 'abc'],
			['category', 'Guides', 'ac'],
			['category', 'Notes', 'b'],
			['tag', 'x', 'ab'],
			['tag', 'y', 'b'],
		]);
	});
});

describe('withRecent', () => {
	const groups = libraryGroups(buildIndex(shelf));
	it('puts Recently read after All, most recent first, leaving out slugs no longer on the shelf', () => {
		const out = withRecent(groups, ['c', 'gone', 'a']);
		expect(out.map(g => g.name)).toEqual(['All', 'Recently read', 'Guides', 'Notes', 'x', 'y']);
		expect(out[1]).toMatchObject({kind: 'recent'});
		expect(out[1]?.articles.map(a => a.slug)).toEqual(['c', 'a']);
	});
	it('keeps an empty Recently read group when nothing was read yet', () => {
		expect(withRecent(groups, [])[1]?.articles).toEqual([]);
	});
});
