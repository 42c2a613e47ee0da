import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import * as real from '@alcalzone/ansi-tokenize';
import {styledCharsFromTokens, styledCharsToString, tokenize} from '../../src/ink-ansi-tokenize.js';

const samples = ['', 'plain', '\x1b[1m\x1b[38;5;109mbold\x1b[39m\x1b[22m · x', '\x1b]8;;https://x.org\x07link\x1b]8;;\x07', '漢字 👍🏽 e\u0301', '─── 91 results ───'];

describe('Ink\'s ansi-tokenize (src/ink-ansi-tokenize.ts)', () => {
	it('answers what @alcalzone/ansi-tokenize answers', () => {
		for (const s of samples) {
			expect(tokenize(s)).toEqual(real.tokenize(s));
			expect(styledCharsFromTokens(tokenize(s))).toEqual(real.styledCharsFromTokens(real.tokenize(s)));
			expect(tokenize(s, 3)).toEqual(real.tokenize(s, 3));
		}
		expect(styledCharsToString).toBe(real.styledCharsToString);
	});
	it('answers the same for any mix of text and escapes', () => {
		const piece = fc.constantFrom('a', ' ', '·', '漢', '👍', '\u0301', '\x1b[1m', '\x1b[31m', '\x1b[0m', '\x1b[39m', '\x1b]8;;u\x07', '\x1b]8;;\x07', '\n');
		fc.assert(fc.property(fc.array(piece, {maxLength: 20}), parts => {
			const s = parts.join('');
			expect(styledCharsFromTokens(tokenize(s))).toEqual(real.styledCharsFromTokens(real.tokenize(s)));
		}), {numRuns: 500});
	});
	it('hands a text drawn again the tokens and characters it made the last time, and forgets texts long not drawn', () => {
		const text = 'kept between frames';
		const tokens = tokenize(text);
		expect(tokenize(text)).toBe(tokens);
		expect(styledCharsFromTokens(tokenize(text))).toBe(styledCharsFromTokens(tokens));
		for (let i = 0; i < 1100; i++) tokenize(`other ${i}`);
		expect(tokenize(text)).not.toBe(tokens);
		expect(tokenize(text)).toEqual(tokens);
	});
});
