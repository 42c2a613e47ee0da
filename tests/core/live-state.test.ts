import {describe, expect, it} from 'vitest';
import {initialState, reduce, selectedArticle, type Group} from '../../src/core/state/reducer.js';
import type {Article} from '../../src/core/shelf/types.js';

function article(slug: string, date: string): Article {
	return {slug, path: `/s/${slug}.md`, title: slug, date, tags: [], category: 'Uncategorized', description: '', cover: '', readingMinutes: 1, body: '', bodyLine: 1, problems: []} as unknown as Article;
}

const groupsOf = (articles: Article[]): Group[] => [{kind: 'all', name: 'All', articles}];
const key = (input: string) => ({type: 'key' as const, input, key: {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, home: false, end: false, return: false, escape: false, tab: false, backspace: false, delete: false, ctrl: false, shift: false, meta: false}});

describe('the shelf changing under the library', () => {
	it('keeps the selected article selected when articles are added above it or removed', () => {
		const a = article('a', '2024-01-03');
		const b = article('b', '2024-01-02');
		const c = article('c', '2024-01-01');
		let state = initialState(groupsOf([a, b, c]));
		state = reduce(reduce(state, key('j')), key('j'));
		expect(selectedArticle(state)?.slug).toBe('c');
		state = reduce(state, {type: 'groups', groups: groupsOf([article('new', '2024-02-01'), a, b, c])});
		expect(selectedArticle(state)?.slug).toBe('c');
		state = reduce(state, {type: 'groups', groups: groupsOf([a, c])});
		expect(selectedArticle(state)?.slug).toBe('c');
		state = reduce(state, {type: 'groups', groups: groupsOf([a])});
		expect(selectedArticle(state)?.slug).toBe('a');
	});

	it('r asks for a reload and e for the editor, on the selected article', () => {
		const state = initialState(groupsOf([article('a', '2024-01-01')]));
		expect(reduce(state, key('r')).fileRequest).toMatchObject({kind: 'reload', nonce: 1});
		expect(reduce(reduce(state, key('e')), key('e')).fileRequest).toEqual({kind: 'edit', slug: 'a', nonce: 2});
		expect(reduce(initialState(groupsOf([])), key('e')).status?.text).toBe('No article to edit here');
	});
});
