import {describe, expect, it} from 'vitest';
import {ExactTitles, numberOf} from '../../src/core/search/exact-titles.js';

describe('ExactTitles', () => {
	it('finds articles by their whole title, ignoring case and spacing, in the order added', () => {
		const t = new ExactTitles();
		const titles = new Map([['a', 'Deploy  Notes'], ['b', 'deploy notes'], ['c', 'Deploy notes, part 2']]);
		for (const [slug, title] of titles) t.add(slug, title);
		const titleOf = (slug: string): string | undefined => titles.get(slug);
		expect(t.find(' DEPLOY notes ', titleOf)).toEqual(['a', 'b']);
		expect(t.find('deploy', titleOf)).toEqual([]);
		t.remove('a', 'Deploy  Notes');
		expect(t.find('deploy notes', titleOf)).toEqual(['b']);
		t.remove('b', 'deploy notes');
		expect(t.find('deploy notes', titleOf)).toEqual([]);
	});

	it('tells apart two titles that share a number', () => {
		// Titles are kept by a 30-bit number: among 100,000 titles a few pairs share one.
		const seen = new Map<number, string>();
		let pair: [string, string] | null = null;
		for (let i = 0; !pair && i < 300_000; i++) {
			const title = `note ${i}`;
			const other = seen.get(numberOf(title));
			if (other !== undefined) pair = [other, title];
			seen.set(numberOf(title), title);
		}
		if (!pair) throw new Error('no two titles share a number');
		const [x, y] = pair;
		const t = new ExactTitles();
		t.add('x', x);
		t.add('y', y);
		const titleOf = (slug: string): string => (slug === 'x' ? x : y);
		expect(t.find(x, titleOf)).toEqual(['x']);
		expect(t.find(y, titleOf)).toEqual(['y']);
		t.remove('x', x);
		expect(t.find(x, titleOf)).toEqual([]);
		expect(t.find(y, titleOf)).toEqual(['y']);
	});
});
