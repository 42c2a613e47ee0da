import {describe, expect, it} from 'vitest';
import {editDistance} from '../../src/core/edit-distance.js';

/** The textbook Levenshtein distance, unbounded, with a fresh table per call. */
function reference(a: string, b: string): number {
	const d = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const row = d[i] as number[];
			const up = d[i - 1] as number[];
			row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
	}
	return (d[a.length] as number[])[b.length] as number;
}

describe('editDistance', () => {
	it('is the Levenshtein distance when within max, and above max otherwise', () => {
		let seed = 7;
		const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		// Lengths from 0 to 150, in no order: the rows it reuses between calls grow and are reused shorter.
		const word = (): string => Array.from({length: Math.floor(random() ** 3 * 150)}, () => 'abcde'[Math.floor(random() * 5)]).join('');
		for (let n = 0; n < 3000; n++) {
			const [a, b, max] = [word(), word(), Math.floor(random() * 8)];
			const exact = reference(a, b);
			const bounded = editDistance(a, b, max);
			if (exact <= max) expect(bounded).toBe(exact);
			else expect(bounded).toBeGreaterThan(max);
		}
	});

	it('gives the same answer for a long word after a short one and again after', () => {
		const long = 'x'.repeat(300) + 'abc';
		expect(editDistance('ab', 'abc', 2)).toBe(1);
		expect(editDistance(long, long.replace('abc', 'abd'), 3)).toBe(1);
		expect(editDistance('kitten', 'sitting', 5)).toBe(3);
	});
});
