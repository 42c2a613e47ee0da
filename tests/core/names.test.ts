import {describe, expect, it} from 'vitest';
import {namesOf, oneOf, oneOfOrNull} from '../../src/core/shelf/names.js';
import {NONE} from '../../src/core/shelf/types.js';

describe('names made one', () => {
	it('gives back the same text, null as null', () => {
		expect(oneOf('rust')).toBe('rust');
		expect(oneOf(['ru', 'st'].join(''))).toBe('rust');
		expect(oneOfOrNull(null)).toBeNull();
		expect(oneOfOrNull('2024-01-02')).toBe('2024-01-02');
	});

	it('changes a list in place without changing what it says, and leaves a frozen list alone', () => {
		const list = ['a', 'b', 'a'];
		expect(namesOf(list)).toBe(list);
		expect(list).toEqual(['a', 'b', 'a']);
		expect(namesOf(NONE)).toBe(NONE);
		const frozen = Object.freeze(['x']) as string[];
		expect(() => namesOf(frozen)).not.toThrow();
	});

	it('still answers after its table fills and starts again', () => {
		for (let i = 0; i < 60_000; i++) expect(oneOf(`tag-${i}`)).toBe(`tag-${i}`);
		expect(oneOf('tag-5')).toBe('tag-5');
	});
});
