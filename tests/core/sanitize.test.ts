import {describe, expect, it} from 'vitest';
import {sanitize, sanitizeLine} from '../../src/core/sanitize.js';
import {articleFromText} from '../../src/core/shelf/index.js';

describe('sanitize', () => {
	it('gives plain text back as it is, tabs and newlines kept', () => {
		expect(sanitize('Plain — text\twith a tab\nand a line, ünïcode 🙂')).toBe('Plain — text\twith a tab\nand a line, ünïcode 🙂');
	});

	it('makes every control and bidi character visible', () => {
		expect(sanitize('a\u001b[31mred\u0007')).toBe('a␛[31mred␇');
		expect(sanitize('x\u007fy\u0085z')).toBe('x␡y<U+0085>z');
		expect(sanitize('evil\u202eexe.md')).toBe('evil<U+202E>exe.md');
		expect(sanitize('\u2066iso\u2069')).toBe('<U+2066>iso<U+2069>');
		expect(sanitize('cr\r')).toBe('cr␍');
	});
});

describe('sanitizeLine', () => {
	it('turns tabs and newlines into spaces, and nothing else when there is nothing to do', () => {
		expect(sanitizeLine('one\ttwo\nthree')).toBe('one two three');
		expect(sanitizeLine('A title')).toBe('A title');
	});

	it('makes control characters visible as sanitize does, on one line', () => {
		expect(sanitizeLine('t\u001b]0;owned\u0007\n2')).toBe('t␛]0;owned␇ 2');
	});
});

describe('a file with a NUL byte', () => {
	const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

	it('is a binary file, wherever the NUL is', () => {
		expect(articleFromText('/shelf', '/shelf/a.md', bytes('---\ntitle: A\n---\n\nBody\u0000')).error).toBe('binary file');
	});

	it('is read when the bytes are part of a larger buffer whose NUL lies outside them', () => {
		const whole = new Uint8Array(64);
		const text = bytes('# Title\n\nWords here.\n');
		whole.set(text, 8);
		const view = whole.subarray(8, 8 + text.length);
		const article = articleFromText('/shelf', '/shelf/a.md', view);
		expect(article.error).toBeUndefined();
		expect(article.title).toBe('Title');
	});
});
