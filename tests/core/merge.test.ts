import {describe, expect, it} from 'vitest';
import {mergeShelves, shelfNames} from '../../src/core/shelf/merge.js';
import {groupsOf} from '../../src/commands.js';
import {article} from '../helpers/articles.js';

describe('several shelves as one', () => {
	it('names shelves by folder, adding the parent while two are the same', () => {
		expect(shelfNames(['/home/me/notes', '/work/handbook'])).toEqual(['notes', 'handbook']);
		expect(shelfNames(['/home/me/docs', '/work/team/docs'])).toEqual(['me-docs', 'team-docs']);
	});

	it('prefixes slugs, keeps each article\'s shelf, and the library gets a group per shelf after All', () => {
		const a = {root: '/x/notes', articles: [article('intro', {title: 'N'})], skipped: []};
		const b = {root: '/x/handbook', articles: [article('intro', {title: 'H'}), article('guide/setup', {title: 'S'})], skipped: []};
		const merged = mergeShelves([a, b]);
		expect(merged.root).toBe('/x');
		expect(merged.articles.map(x => [x.slug, x.shelf])).toEqual([['notes/intro', 'notes'], ['handbook/intro', 'handbook'], ['handbook/guide/setup', 'handbook']]);
		const groups = groupsOf(merged);
		expect(groups[0]?.kind).toBe('all');
		expect(groups.filter(g => g.kind === 'shelf').map(g => [g.name, g.articles.length]).sort()).toEqual([['handbook', 2], ['notes', 1]]);
		expect(groups.findIndex(g => g.kind === 'shelf')).toBe(1);
		// One shelf: no shelf groups.
		expect(groupsOf(a).some(g => g.kind === 'shelf')).toBe(false);
		expect(mergeShelves([a])).toBe(a);
	});
});
