/** Reading time counted on a file's bytes (src/core/shelf/word-count.ts) is the count on its text. */
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {bodyWords, wordsInBytes, wordsInText, wordsOneByOne} from '../../src/core/shelf/word-count.js';
import {WORD_COUNT_WASM} from '../../src/core/shelf/word-count-wasm.js';
import {articleFromText} from '../../src/core/shelf/loader.js';
import {parseFrontmatter} from '../../src/core/shelf/frontmatter.js';

const PIECES = ['word', ' ', '  ', '\n', '\r\n', '\r', '\t', 'é', '日本語', '\u00a0', '\uFEFF', '😀', '---', '+++', '{"title": "x"}', '# h', '[a](b)', 'x'];

/** A seeded mix of words, spaces, line ends, multi-byte characters and front matter fences. */
function texts(n: number): string[] {
	let seed = 7;
	const next = (k: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
	const out = ['---\ntitle: a\n---\nbody words here\n', '---\ntitle: a\n---', '{"title": "j"} after the brace', '{"title": "j"}\nnext line', '\uFEFF---\ntitle: b\n---\n\ntext', '\uFEFF\uFEFF two marks', '---\r\ntitle: c\r\n---\r\nwindows text\r\n', '+++\ntitle = "t"\n+++\nzola words'];
	for (let i = 0; i < n; i++) {
		const head = next(3) === 0 ? `---\ntitle: t${i}\n---\n` : next(2) === 0 ? '+++\ntitle = "x"\n+++\n' : '';
		out.push(head + Array.from({length: 1 + next(40)}, () => PIECES[next(PIECES.length)]).join(''));
	}
	return out;
}

describe('words for the reading time', () => {
	it('counts the same on bytes as on the text', () => {
		for (const text of texts(3000)) expect(wordsInBytes(Buffer.from(text), 0)).toBe(wordsInText(text));
	});

	it('counts the same wherever the bytes lie in memory and wherever counting starts (16 bytes a step, then one at a time)', () => {
		const spaces = new Set([9, 10, 13, 32]);
		const oneByOne = (bytes: Uint8Array, start: number): number => {
			let words = 0;
			for (let i = start; i < bytes.length; i++) if (!spaces.has(bytes[i] as number) && (i === start || spaces.has(bytes[i - 1] as number))) words++;
			return words;
		};
		for (const text of texts(500)) {
			const bytes = Buffer.from(text);
			for (let offset = 0; offset < 4; offset++) {
				const placed = new Uint8Array(new ArrayBuffer(bytes.length + 4), offset, bytes.length);
				placed.set(bytes);
				for (let start = 0; start <= Math.min(17, bytes.length); start++) {
					expect([text, offset, start, wordsInBytes(placed, start)]).toEqual([text, offset, start, oneByOne(bytes, start)]);
					expect(wordsOneByOne(placed, start)).toBe(oneByOne(bytes, start));
				}
			}
		}
	});

	it('counts past the counter\'s memory (64 KiB a page), a word cut by the page\'s end counted once', () => {
		for (const [word, gap] of [['abc', ' '], ['x', '\n'], ['longer-word', '\t\r\n'], ['日本語', ' ']] as const) {
			const text = `${word}${gap}`.repeat(Math.ceil(200_000 / (word.length + gap.length)));
			const bytes = Buffer.from(text);
			for (const start of [0, 1, 65_535, 65_536, 65_537]) expect(wordsInBytes(bytes, start)).toBe(wordsOneByOne(bytes, start));
			expect(wordsInBytes(bytes, 0)).toBe(wordsInText(text));
		}
	});

	it('runs the committed WebAssembly: word-count-wasm.ts is word-count.wat compiled (node scripts/word-count-wasm.mjs)', () => {
		expect(execFileSync(process.execPath, ['scripts/word-count-wasm.mjs', '--check'], {encoding: 'utf8'})).toContain('is word-count.wat compiled');
		expect(WebAssembly.validate(Buffer.from(WORD_COUNT_WASM, 'base64'))).toBe(true); // SIMD included: the counter runs here, not the fallback
	});

	it('counts the same for a body found in the bytes as on the parsed body', () => {
		for (const text of texts(3000)) {
			const bytes = Buffer.from(text);
			const decoded = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
			const {body, error} = parseFrontmatter(decoded);
			if (error !== undefined) continue;
			expect([text, bodyWords(bytes, decoded, body)]).toEqual([text, wordsInText(body)]);
		}
	});

	it('gives an article the reading time of its body, valid UTF-8 or not', () => {
		const words = (n: number): string => Array.from({length: n}, (_, i) => `w${i}`).join(' ');
		expect(articleFromText('/shelf', '/shelf/a.md', Buffer.from(`---\ntitle: A\n---\n${words(700)}\n`)).readingMinutes).toBe(3);
		expect(articleFromText('/shelf', '/shelf/b.md', Buffer.from(`\uFEFF---\r\ntitle: B\r\n---\r\n${words(1000)}\r\n`)).readingMinutes).toBe(4);
		const broken = Buffer.concat([Buffer.from(`# T\n${words(500)} `), Buffer.from([0xff, 0x20, 0xc3]), Buffer.from(` ${words(500)}`)]);
		expect(articleFromText('/shelf', '/shelf/c.md', broken).readingMinutes).toBe(Math.round(1004 / 230)); // "#", "T", 1,000 words and two replacement characters
	});
});
