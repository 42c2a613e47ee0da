import {mkdir, mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkShelf} from '../../src/core/shelf/check.js';
import {loadShelf} from '../../src/core/shelf/loader.js';
import type {Article, Shelf} from '../../src/core/shelf/types.js';
import {HOSTILE_BROKEN, makeHostileShelf} from '../helpers/hostile-shelf.js';

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function article(path: string, fields: Partial<Article> = {}): Article {
	return {
		slug: path.replace(/\.md$/, ''), path: `/shelf/${path}`, title: path, date: null, tags: [],
		category: 'Uncategorized', description: '', cover: '', readingMinutes: 1, body: '', bodyLine: 1,
		problems: [],
		updated: null, categories: [], authors: [], draft: false, aliases: [], slugAlias: null, excerptSeparator: null, ...fields,
	};
}

describe('checkShelf', () => {
	it.each([
		['a clean article', article('ok.md'), [], 0],
		['an error with line and column', article('a.md', {error: 'invalid YAML: x', errorAt: {line: 4, column: 7}}),
			['a.md:4:7: error: invalid YAML: x'], 1],
		['an error with a line only', article('b.md', {error: 'never closes', errorAt: {line: 1}}), ['b.md:1: error: never closes'], 1],
		['an error without position', article('c.md', {error: 'binary file'}), ['c.md: error: binary file'], 1],
		['problems without position', article('d.md', {problems: [{message: 'not valid UTF-8'}]}), ['d.md: warning: not valid UTF-8'], 0],
		['a nested path', article('g/e.md', {problems: [{line: 3, column: 1, message: 'bad date'}]}),
			['g/e.md:3:1: warning: bad date'], 0],
	])('%s', (_name, a, lines, broken) => {
		expect(checkShelf({root: '/shelf', articles: [a], skipped: []})).toEqual({lines, broken});
	});

	it('orders by path, then line and column, and lists skipped paths', () => {
		const shelf: Shelf = {
			root: '/shelf',
			articles: [
				article('z.md', {problems: [{line: 5, column: 2, message: 'late'}, {line: 2, column: 9, message: 'early'}]}),
				article('a.md', {error: 'empty file'}),
			],
			skipped: [{path: '/shelf/m.md', reason: 'broken symlink'}],
		};
		expect(checkShelf(shelf).lines).toEqual([
			'a.md: error: empty file',
			'm.md: skipped: broken symlink',
			'z.md:2:9: warning: early',
			'z.md:5:2: warning: late',
		]);
	});

	it('sanitizes file names in its output', () => {
		const shelf: Shelf = {root: '/shelf', articles: [article('\x1b]0;x\x07.md', {error: 'binary file'})], skipped: []};
		const [line] = checkShelf(shelf).lines;
		expect(line).toBe('␛]0;x␇.md: error: binary file');
	});

	it('reports every hostile case, with no raw control characters', async () => {
		const tmp = await mkdtemp(join(tmpdir(), 'inkshelf-check-'));
		try {
			const dir = join(tmp, 'shelf');
			await mkdir(dir);
			await makeHostileShelf(dir);
			const {lines, broken} = checkShelf(await loadShelf(dir));
			expect(broken).toBe(Object.keys(HOSTILE_BROKEN).length + (process.getuid?.() === 0 ? 0 : 1));
			for (const slug of Object.keys(HOSTILE_BROKEN)) {
				expect(lines.some((l) => l.startsWith(`${slug}.md`) && l.includes(': error: '))).toBe(true);
			}
			expect(lines).toContain('broken-link.md: skipped: broken symlink');
			expect(lines.join('\n')).not.toMatch(RAW_CONTROL);
		} finally {
			await rm(tmp, {recursive: true, force: true});
		}
	});
});

describe('checkShelf on tests/fixtures/hostile', () => {
	it('matches the committed fixture, line for line', async () => {
		const result = checkShelf(await loadShelf('tests/fixtures/hostile'));
		expect(result.broken).toBe(4);
		expect(result.lines).toEqual([
			'bad-date.md:3:1: warning: date "2023-02-29" is not a real calendar date',
			'bad-yaml.md:4:1: error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
			'duplicate-keys.md:3:1: warning: duplicate key "title" (the last one wins)',
			'empty.md: error: empty file',
			'nul-bytes.md: error: binary file',
			'unclosed-frontmatter.md:1: error: frontmatter starts on line 1 but never closes (end it with a line of ---)',
			'wrong-types.md:2:1: warning: title should be text; read number 12345 as "12345" (quote it to keep it exactly)',
			'wrong-types.md:3:1: warning: tags: 1 item(s) were not text and were read as text',
			'wrong-types.md:3:1: warning: tags: 1 item(s) were empty, lists or mappings and were dropped',
			'wrong-types.md:5:1: warning: description should be text, not a mapping; ignored',
		]);
	});

	it('loads the good and escape-title articles as usable, sanitized', async () => {
		const shelf = await loadShelf('tests/fixtures/hostile');
		const escape = shelf.articles.find((a) => a.slug === 'escape-title');
		expect(escape?.title).toBe('␛]0;pwned␇<U+009B>31m<U+202E>Escape title');
		expect(escape?.tags).toEqual(['␛[31mred']);
		expect(shelf.articles.find((a) => a.slug === 'good')?.error).toBeUndefined();
	});
});
