import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {NARROW} from '../../src/core/render/index.js';
import inkStringWidth from '../../src/ink-string-width.js';

const segmenter = new Intl.Segmenter();
const graphemes = (s: string): number => [...segmenter.segment(s)].length;

describe('NARROW: characters one column wide, each a grapheme of its own', () => {
	const narrow = Array.from({length: 0x10000}, (_, u) => String.fromCharCode(u)).filter(c => NARROW.test(c));
	it('holds only what string-width measures as one column', () => {
		expect(narrow.length).toBeGreaterThan(800);
		expect(narrow.filter(c => stringWidth(c) !== 1)).toEqual([]);
	});
	it('holds nothing that joins the character before or after it, or its like, into one grapheme', () => {
		// Combining marks, joiners and spacing marks join what comes before; prepended marks what comes
		// after; Hangul jamo and regional indicators join their own kind.
		expect(narrow.filter(c => graphemes(`a${c}a`) !== 3 || graphemes(c + c) !== 2)).toEqual([]);
	});
});

describe('Ink\'s string-width (src/ink-string-width.ts)', () => {
	const samples = [
		'', 'plain ASCII', ' 91 results ──────────', '2023-07-17 · Testing · 1 min  #go', 'Fuzz snapshot lexer…', '≡ All  2000', '▤ notes', '✓ pinned',
		'\x1b[1m\x1b[38;2;1;2;3mbold\x1b[39m\x1b[22m · x', '\x1b]8;;https://x.org\x07link\x1b]8;;\x07', '\x9b31mcsi', '漢字 wide', 'emoji 👍🏽 and 👨‍👩‍👧', 'e\u0301 combining',
		'keycap 1\u20e3', 'soft\u00adhyphen', 'zero\u200bwidth', '⚠\ufe0f', '◽◾', '한국어', '각 jamo', '🇫🇷', 'tab\there', 'ctrl\x07', '\u202eRTL',
	];
	it('answers what string-width answers', () => {
		for (const s of samples) expect([s, inkStringWidth(s)]).toEqual([s, stringWidth(s)]);
		expect(inkStringWidth('·漢', {ambiguousIsNarrow: false})).toBe(stringWidth('·漢', {ambiguousIsNarrow: false}));
		expect(inkStringWidth('\x1b[31m·\x1b[39m', {countAnsiEscapeCodes: true})).toBe(stringWidth('\x1b[31m·\x1b[39m', {countAnsiEscapeCodes: true}));
	});
	it('answers what string-width answers for any mix of narrow, wide, combining, emoji and escape characters', () => {
		const piece = fc.constantFrom('a', ' ', '·', '…', '─', '▌', '≡', '✓', '⚠', '\u00ad', '\u0301', '\u200d', '\ufe0f', '漢', '👍', '🏽', '\x1b[1m', '\x1b[0m', '\x1b]8;;u\x07', '\x9b', '\x07', '\t', 'ᄀ', 'ᅡ', '🇫', '\u20e3', '1');
		fc.assert(fc.property(fc.array(piece, {maxLength: 16}), parts => {
			const s = parts.join('');
			expect(inkStringWidth(s)).toBe(stringWidth(s));
		}), {numRuns: 3000});
	});
});
