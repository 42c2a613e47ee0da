/**
 * Every foreground colour each palette uses, against that palette's xterm
 * default background (black for dark, white for light), at every colour level
 * as the terminal would show it: WCAG 4.5:1 for text, 3:1 for lines and frames.
 */
import {describe, expect, it} from 'vitest';
import {XTERM16, contrast, hexToRgb, nearest256, rgbOf256} from '../../src/core/theme/colors.js';
import {shownRgb, type ColorLevel} from '../../src/core/theme/paint.js';
import {DECORATION_TOKENS, PALETTES, TEXT_TOKENS} from '../../src/core/theme/palettes.js';

const LEVELS: ColorLevel[] = [1, 2, 3];

describe('colour arithmetic', () => {
	it('WCAG contrast of the extremes and a known pair', () => {
		expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
		expect(contrast([118, 118, 118], [255, 255, 255])).toBeCloseTo(4.54, 2);
	});

	it('the 256-colour table and the nearest colour', () => {
		expect(rgbOf256(16)).toEqual([0, 0, 0]);
		expect(rgbOf256(231)).toEqual([255, 255, 255]);
		expect(rgbOf256(244)).toEqual([128, 128, 128]);
		expect(rgbOf256(9)).toEqual(XTERM16.redBright);
		expect(nearest256('#5f87af')).toBe(67);
		expect(rgbOf256(nearest256('#808080'))).toEqual([128, 128, 128]);
		expect(hexToRgb('#0a0b0c')).toEqual([10, 11, 12]);
	});
});

for (const palette of [PALETTES.dark, PALETTES.light]) {
	const background = palette.background === 'black' ? XTERM16.black : XTERM16.whiteBright;
	describe(`${palette.name} palette on ${palette.background}`, () => {
		for (const level of LEVELS) {
			it(`text tokens reach 4.5:1 and decorations 3:1 at colour level ${level}`, () => {
				const failures: string[] = [];
				let checked = 0;
				for (const [tokens, minimum] of [[TEXT_TOKENS, 4.5], [DECORATION_TOKENS, 3]] as const) {
					for (const token of tokens) {
						const rgb = shownRgb(palette.tokens[token], level);
						if (!rgb) continue; // the terminal's own foreground
						checked++;
						const ratio = contrast(rgb, background);
						if (ratio < minimum) failures.push(`${token} rgb(${rgb.join(',')}) ${ratio.toFixed(2)} < ${minimum}`);
					}
				}
				expect(failures).toEqual([]);
				expect(checked).toBeGreaterThan(20);
			});
		}
	});
}

describe('mono palette', () => {
	it('has no colour at any level', () => {
		for (const level of LEVELS) {
			for (const style of Object.values(PALETTES.mono.tokens)) expect(shownRgb(style, level)).toBeUndefined();
		}
	});
});
