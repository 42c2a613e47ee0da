import {describe, expect, it} from 'vitest';
import {compareNames} from '../../src/core/compare-names.js';

const collator = new Intl.Collator('en', {sensitivity: 'base', numeric: true});
const slow = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** A small deterministic generator, so a failure can be run again. */
function random(seed: number): () => number {
	let s = seed >>> 0;
	return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

// Letters and spaces (the fast path), and what must go to the collator: digits, punctuation, accents,
// combining marks, an ignorable soft hyphen and zero-width joiner, ligatures, other scripts.
const ALPHABET = [...'aAbBeEfFlLsSzZ  ', ...'0129', ...'-_.,:()#\'"!?&', 'é', 'É', 'e\u0301', '\u00ad', '\u200d', 'ß', 'æ', 'ﬁ', 'ı', 'Ω', 'ж', '中', '😀', '\t'];

describe('compareNames', () => {
	it('orders as the collator does, on 200,000 random pairs', () => {
		const next = random(12);
		const word = (): string => Array.from({length: Math.floor(next() * 7)}, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
		for (let i = 0; i < 200_000; i++) {
			const a = word();
			// Half the pairs share a start, so they differ late (or one is the other's start).
			const b = next() < 0.5 ? a.slice(0, Math.floor(next() * (a.length + 1))) + word() : word();
			const [fast, want] = [Math.sign(compareNames(a, b)), Math.sign(slow(a, b))];
			if (fast !== want) expect({a, b, fast}).toEqual({a, b, fast: want});
		}
	});

	it('orders every pair of letters, spaces and their cases as the collator does', () => {
		const chars = [' ', ...'abcdefghijklmnopqrstuvwxyz', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
		for (const x of chars) for (const y of chars) for (const tail of ['', 'a', '2', '\u0301']) {
			expect(Math.sign(compareNames(`${x}${tail}`, `${y}`))).toBe(Math.sign(slow(`${x}${tail}`, `${y}`)));
		}
	});

	it('keeps numbers in number order and case apart only as a last resort', () => {
		expect(['Item 10', 'item 2', 'Item 2', 'Item 1'].sort(compareNames)).toEqual(['Item 1', 'Item 2', 'item 2', 'Item 10']);
		expect(['beta', 'Alpha', 'alpha beta', 'alpha'].sort(compareNames)).toEqual(['Alpha', 'alpha', 'alpha beta', 'beta']);
	});
});
