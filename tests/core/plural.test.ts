import {describe, expect, it} from 'vitest';
import {countOf, formatCount} from '../../src/core/plural.js';

describe('counts', () => {
	it('formatCount writes what toLocaleString("en-US") writes, without ICU', () => {
		for (const n of [0, 1, 7, 12, 123, 999, 1000, 1234, 12_345, 20_000, 123_456, 1_234_567, 100_000_000, -1, -999, -1000, -1_234_567, Number.MAX_SAFE_INTEGER, 1.5, 12_345.25]) {
			expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
		}
	});

	it('countOf puts the noun in the right number', () => {
		expect(countOf(1, 'article')).toBe('1 article');
		expect(countOf(2, 'article')).toBe('2 articles');
		expect(countOf(0, 'match', 'matches')).toBe('0 matches');
	});
});
