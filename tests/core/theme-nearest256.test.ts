import {describe, expect, it} from 'vitest';
import {hexToRgb, nearest256, rgbOf256} from '../../src/core/theme/colors.js';

/** The plain search over rgbOf256, as nearest256 was first written: the flat table must agree with it. */
function reference(hex: string): number {
	const [r, g, b] = hexToRgb(hex);
	let best = 16;
	let bestDistance = Infinity;
	for (let n = 16; n < 256; n++) {
		const [cr, cg, cb] = rgbOf256(n);
		const d = 2 * (cr - r) ** 2 + 4 * (cg - g) ** 2 + 3 * (cb - b) ** 2;
		if (d < bestDistance) {
			bestDistance = d;
			best = n;
		}
	}
	return best;
}

describe('nearest256', () => {
	it('picks what the plain search picks, for every colour on a 17-step grid and the cube and grey ramp themselves', () => {
		const steps = Array.from({length: 17}, (_, i) => Math.min(255, i * 16));
		const hex = (r: number, g: number, b: number): string => `#${[r, g, b].map(c => c.toString(16).padStart(2, '0')).join('')}`;
		for (const r of steps) for (const g of steps) for (const b of steps) expect(nearest256(hex(r, g, b))).toBe(reference(hex(r, g, b)));
		for (let n = 16; n < 256; n++) {
			const [r, g, b] = rgbOf256(n);
			expect(nearest256(hex(r, g, b))).toBe(reference(hex(r, g, b)));
		}
	});
});
