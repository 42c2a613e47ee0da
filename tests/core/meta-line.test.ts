import {describe, expect, it} from 'vitest';
import {articleMeta} from '../../src/core/shelf/index.js';
import {article} from '../helpers/articles.js';

describe('the line under a title', () => {
	it('says nothing of a missing date or category (a folder of plain notes is not "undated · Uncategorized" on every row)', () => {
		const note = article('note', {date: null, category: 'Uncategorized', readingMinutes: 2});
		expect(articleMeta(note, {minutes: 'min'})).toBe('2 min');
		expect(articleMeta(note, {minutes: 'min read', draft: true, tags: true})).toBe('2 min read');
	});

	it('names the date, two authors in a row and eight in the reader, every category but the placeholder', () => {
		const post = article('post', {
			date: '2026-03-04', authors: ['Ann', 'Bo', 'Cy'], category: 'Guides', categories: ['Guides', 'uncategorized', 'Ops'], readingMinutes: 7,
		});
		expect(articleMeta(post, {minutes: 'min'})).toBe('2026-03-04 · by Ann, Bo +1 · Guides, Ops · 7 min');
		expect(articleMeta(post, {minutes: 'min read'})).toBe('2026-03-04 · by Ann, Bo, Cy · Guides, Ops · 7 min read');
	});

	it('marks a draft first and lists the tags last when asked (`read`)', () => {
		const draft = article('d', {draft: true, tags: ['a', 'b'], category: 'X'});
		expect(articleMeta(draft, {minutes: 'min read', draft: true, tags: true})).toBe('draft · 2025-01-01 · X · 1 min read · #a #b');
		expect(articleMeta(draft, {minutes: 'min'})).toBe('2025-01-01 · X · 1 min');
	});
});
