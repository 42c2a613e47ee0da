/** The wide library's preview: the beginning of an article read from its file, and a render that stops at a screen. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {readBodyHead} from '../../src/core/shelf/body-head.js';
import {workerService} from '../helpers/worker-render.js';
import {article} from '../helpers/articles.js';

const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-preview-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function file(name: string, text: string | Buffer): string {
	const p = path.join(dir, name);
	writeFileSync(p, text);
	return p;
}

describe('readBodyHead', () => {
	it('starts at the body line (after the front matter) and ends at a whole line', async () => {
		const body = Array.from({length: 500}, (_, i) => `Line ${i + 1} of the body.`).join('\n');
		const p = file('long.md', `---\ntitle: Long\ntags: [a]\n---\n${body}\n`);
		const head = await readBodyHead(article('long', {path: p, bodyLine: 5}), 200);
		expect(head.startsWith('Line 1 of the body.\n')).toBe(true);
		expect(head.length).toBeLessThanOrEqual(200);
		expect(head.endsWith('\n')).toBe(true);
		expect(head).not.toContain('title:');
	});

	it('reads past a first chunk when the front matter is long, and takes the whole of a short body', async () => {
		const p = file('fm.md', `\uFEFF---\nnotes: "${'x'.repeat(100_000)}"\n---\nShort body.\nSecond line`);
		expect(await readBodyHead(article('fm', {path: p, bodyLine: 4}), 4000)).toBe('Short body.\nSecond line');
	});

	it('reads no more than a screen needs from a big file', async () => {
		const p = file('big.md', 'word '.repeat(2_000_000));
		const head = await readBodyHead(article('big', {path: p, bodyLine: 1}), 1000);
		expect(head.length).toBe(1000);
	});

	it('uses a body already in memory, cut at a line', async () => {
		expect(await readBodyHead(article('m', {body: 'one\ntwo\nthree\n'}), 9)).toBe('one\ntwo\n');
		expect(await readBodyHead(article('m', {body: 'one\ntwo'}), 100)).toBe('one\ntwo');
	});

	it('a file that is gone rejects (the preview says why)', async () => {
		await expect(readBodyHead(article('gone', {path: path.join(dir, 'nope.md')}), 100)).rejects.toThrow(/ENOENT/);
	});
});

describe('a render with maxLines', () => {
	it('stops once the screen is full, long before the end of the article', async () => {
		const body = Array.from({length: 2000}, (_, i) => `Paragraph ${i + 1} of a long article.`).join('\n\n');
		const snapshot = await workerService().render({body, width: 60, level: 0, maxLines: 20}, false).finished;
		expect(snapshot.done).toBe(true);
		expect(snapshot.lines.length).toBeGreaterThanOrEqual(20);
		expect(snapshot.lines.length).toBeLessThan(400);
		expect(snapshot.lines.join('\n')).toContain('Paragraph 1 of a long article.');
	});
});
