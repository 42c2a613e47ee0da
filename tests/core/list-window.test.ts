import {describe, it, expect} from 'vitest';
import {listWindow} from '../../src/core/state/list-window.js';

describe('the window of a list whose rows differ in height', () => {
	const heights = [3, 2, 2, 3, 2, 2, 2, 3, 2, 2];
	const h = (i: number): number => heights[i] ?? 1;
	const lines = (w: {start: number; end: number}): number => heights.slice(w.start, w.end).reduce((a, b) => a + b, 0);

	it('shows every row when they fit, with no position line', () => {
		expect(listWindow(10, 5, 23, h)).toEqual({start: 0, end: 10, overflow: false});
		expect(listWindow(0, 0, 10, h)).toEqual({start: 0, end: 0, overflow: false});
	});

	it('keeps the selection in view and within the lines, one kept for the position line', () => {
		for (let room = 3; room < 23; room++) {
			for (let sel = 0; sel < 10; sel++) {
				const w = listWindow(10, sel, room, h);
				expect(w.overflow).toBe(true);
				expect(sel).toBeGreaterThanOrEqual(w.start);
				expect(sel).toBeLessThan(w.end);
				if (w.end - w.start > 1) expect(lines(w)).toBeLessThanOrEqual(room - 1);
			}
		}
	});

	it('fills the screen at both ends of the list', () => {
		expect(listWindow(10, 0, 12, h)).toEqual({start: 0, end: 4, overflow: true});
		expect(listWindow(10, 9, 12, h)).toEqual({start: 5, end: 10, overflow: true});
	});

	it('asks only for the rows near the selection', () => {
		const asked = new Set<number>();
		listWindow(100_000, 50_000, 20, i => (asked.add(i), 2));
		expect(asked.size).toBeLessThan(40);
	});
});
