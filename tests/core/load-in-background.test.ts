import {describe, it, expect} from 'vitest';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {loadInBackground, tooLargeBehindAFile} from '../../src/core/shelf/load-in-background.js';
import {article} from '../helpers/articles.js';

describe('the folder behind a file', () => {
	it('is loaded when it is of a reasonable size', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-behind-'));
		try {
			writeFileSync(path.join(dir, 'a.md'), '# A\n\ntext\n');
			writeFileSync(path.join(dir, 'b.md'), '# B\n\ntext\n');
			// From the sources there is no built worker: the same load, after a turn of the event loop.
			const result = await loadInBackground(dir, new URL('file:///nonexistent/shelf-worker.js')).done;
			expect('shelf' in result && result.shelf.articles.map(a => a.slug)).toEqual(['a', 'b']);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('is refused, with a way to open it, when taking it in would hold the reader up', () => {
		const many = {root: '/big', skipped: [], articles: Array.from({length: 5001}, (_, i) => article(`a${i}`))};
		expect(tooLargeBehindAFile(many, '/big')).toBe('5,001 articles, too many to load behind one file; inkshelf /big opens them all');
		const heavy = {root: '/big', skipped: [], articles: [article('x', {body: 'x'.repeat(65 * 1024 * 1024)})]};
		expect(tooLargeBehindAFile(heavy, '/big')).toMatch(/^1 article, too many/);
		expect(tooLargeBehindAFile({root: '/ok', skipped: [], articles: [article('a')]}, '/ok')).toBeNull();
	});
});
