/** A first start's reading shared with a worker thread (src/core/shelf/read-shared.ts), through the real built worker. */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readShared, SHARE_FROM} from '../../src/core/shelf/read-shared.js';
import {earlyRead, SCANNED, startEarlyHelper, startReadHelper, takeEarlyHelper, type ReadHelper} from '../../src/core/read-helper.js';
import {takeScan} from '../../src/core/shelf/early-read.js';
import {loadShelf, scanShelf} from '../../src/core/shelf/loader.js';
import {openShelfSource} from '../../src/core/index/shelf-source.js';
import type {Skipped} from '../../src/core/shelf/types.js';

/** A shelf of `n` articles in 8 folders, with links, odd front matter, broken files, and one folder's unusable authors file. */
function shelf(n: number): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-read-shared-'));
	for (let f = 0; f < 8; f++) mkdirSync(path.join(dir, `folder-${f}`));
	writeFileSync(path.join(dir, 'folder-3', 'authors.yml'), 'a: [unclosed\n');
	for (let i = 0; i < n; i++) {
		const file = path.join(dir, `folder-${i % 8}`, `${String(i).padStart(5, '0')}-note.md`);
		const kind = i % 10;
		const text = kind === 0 ? '---\ntitle: [never closed\n---\nbody\n'
			: kind === 1 ? `+++\ntitle = "Toml ${i}"\ntags = ["t${i % 7}"]\n+++\n\n# Heading\n\nSee [next](./${i + 1}.md) and [[wiki ${i}]].\n`
				: kind === 2 ? Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a, 0x61])
					: kind === 3 ? `# Only a heading ${i}\r\n\r\nwords ${'word '.repeat(i % 500)}\r\n`
						: `---\ntitle: Note ${i}\ndate: 2024-01-${String(1 + (i % 28)).padStart(2, '0')}\ntags: [a${i % 5}, b]\nauthors: [a]\ndescription: "About ${i}"\n---\n\n${'text '.repeat(i % 900)}[x](https://example.com/${i})\n`;
		writeFileSync(file, text);
	}
	return dir;
}

function read(dir: string, helper: ReadHelper | null): {result: ReturnType<typeof readShared>; skipped: Skipped[]} {
	const scan = scanShelf(dir, {statFiles: false});
	const skipped: Skipped[] = [];
	return {result: readShared(scan.root, skipped, scan.vaults, scan.files, helper), skipped};
}

describe('reading shared with a worker', () => {
	it('gives what reading on one thread gives, in the same order', () => {
		const dir = shelf(SHARE_FROM + 700);
		const alone = read(dir, null);
		const helper = startReadHelper();
		expect(helper).not.toBeNull(); // the built worker (dist/shelf-read-worker.js) is there: tests run after a build
		const shared = read(dir, helper);
		expect(shared.result).toEqual(alone.result);
		expect(shared.skipped).toEqual(alone.skipped);
		expect(alone.skipped.map(s => path.basename(s.path))).toEqual(['authors.yml']);
		expect(alone.result.every(r => r.article.body === '')).toBe(true);
		// Walked without a stat, each file has the one taken as it was read: what the walk with stats gives.
		expect(alone.result.map(r => r.file)).toEqual(scanShelf(dir).files);
		expect(alone.result.filter(r => r.article.error).length).toBeGreaterThan(200);
		expect(alone.result.find(r => r.article.title === 'Toml 1')?.links).toEqual(['./2.md', 'inkshelf:wiki:wiki%201']);
	});

	it('reads everything itself when the worker is gone', async () => {
		const dir = shelf(SHARE_FROM);
		const helper = startReadHelper();
		await helper?.thread.terminate();
		expect(read(dir, helper).result).toEqual(read(dir, null).result);
	});

	it('gives a first start of the index what a shelf read alone gives, with stats that a second start finds unchanged', async () => {
		const dir = shelf(SHARE_FROM + 300);
		const env = {XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'inkshelf-read-shared-cache-'))};
		const first = await openShelfSource(dir, {env, deferWalk: true});
		const loaded = await loadShelf(dir);
		expect(first.shelf.articles).toEqual(loaded.articles.map(a => ({...a, body: ''})));
		expect(first.shelf.skipped).toEqual(loaded.skipped);
		while (!first.indexPending(1000));
		first.close();
		const second = await openShelfSource(dir, {env});
		expect(second.pending).toBe(0); // nothing read again: every stat was stored as a walk sees it
		expect(second.shelf.articles).toEqual(first.shelf.articles);
		second.close();
	});

	it('leaves a small shelf to the calling thread', () => {
		const dir = shelf(20);
		const helper = startReadHelper();
		const {result} = read(dir, helper);
		expect(result).toHaveLength(20);
	});
});

describe('the worker on its own', () => {
	it('reads files whose front matter needs the full YAML parser (loaded only then) as the calling thread does', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-read-shared-yaml-'));
		writeFileSync(path.join(dir, 'authors.yml'), 'ann:\n  name: Ann Example\n');
		writeFileSync(path.join(dir, 'block.md'), '---\ntitle: Block\nsummary: |\n  two\n  lines\nauthors: [ann]\n---\nbody\n');
		writeFileSync(path.join(dir, 'anchor.md'), '---\ntitle: &t Anchored\nkeywords: [*t]\ntags: [x, y]\n---\nbody\n');
		writeFileSync(path.join(dir, 'broken.md'), '---\ntitle: [never closed\n---\nbody\n');
		const scan = scanShelf(dir, {statFiles: false});
		const helper = startReadHelper();
		expect(helper).not.toBeNull();
		if (!helper) return;
		// The job as readShared sends it; the worker takes every chunk (the counter starts at 0) and sends them back.
		helper.port.postMessage({root: scan.root, vaults: scan.vaults, files: scan.files});
		const message = await new Promise<{start: number; items: unknown[]}>(resolve => helper.port.once('message', resolve));
		await helper.thread.terminate();
		helper.port.close();
		expect(message.start).toBe(0);
		expect(message.items).toEqual(read(dir, null).result);
		expect(message.items).toHaveLength(3);
	});
});

describe('a first start read early (the worker walks and reads while the app loads)', () => {
	const open = async (dir: string, exclude: string[] = []): Promise<Awaited<ReturnType<typeof openShelfSource>>> =>
		openShelfSource(dir, {env: {XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'inkshelf-early-cache-'))}, deferWalk: true, exclude});

	it('walks the shelf in the worker as the calling thread would, and reads it with the calling thread', () => {
		const dir = shelf(SHARE_FROM + 300);
		startEarlyHelper();
		earlyRead(path.resolve(dir), ['folder-5']);
		const helper = takeEarlyHelper();
		if (helper) Atomics.wait(helper.state, SCANNED, 0, 10_000);
		const scan = takeScan(helper);
		const walked = scanShelf(dir, {statFiles: false, exclude: ['folder-5']});
		expect(scan).toEqual(walked);
		const skipped: Skipped[] = [];
		const result = readShared(walked.root, skipped, walked.vaults, scan?.files ?? [], helper);
		expect(result).toEqual(readShared(walked.root, [], walked.vaults, walked.files, null));
		expect(helper?.stopped).toBe(true);
	});

	it('checks what the worker read against the calling thread\'s own walk, when it walked itself (the folder changed between the two)', () => {
		const dir = shelf(SHARE_FROM + 600);
		startEarlyHelper();
		earlyRead(path.resolve(dir), []);
		const helper = takeEarlyHelper();
		if (helper) Atomics.wait(helper.state, SCANNED, 0, 10_000);
		// Files the worker's walk does not have, early in the order: every index after them is another file here.
		for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, 'folder-0', `00000-added-${i}.md`), `# Added ${i}\n`);
		const walked = scanShelf(dir, {statFiles: false});
		const result = readShared(walked.root, [], walked.vaults, walked.files, helper);
		expect(result).toEqual(readShared(walked.root, [], walked.vaults, walked.files, null));
		expect(result.filter(r => r.article.title.startsWith('Added '))).toHaveLength(40);
	});

	it('gives the shelf a first start gives without it, the worker taken by the index', async () => {
		const dir = shelf(SHARE_FROM + 500);
		const plain = await open(dir);
		startEarlyHelper();
		earlyRead(path.resolve(dir), []);
		const early = await open(dir);
		expect(takeEarlyHelper()).toBeNull(); // the index's first sync took it
		expect(early.shelf.articles).toEqual(plain.shelf.articles);
		expect(early.shelf.skipped).toEqual(plain.shelf.skipped);
		expect(early.folders).toEqual(plain.folders);
		plain.close();
		early.close();
	});

	it('is let go when another folder or other excludes are opened, and the shelf is read as without it', async () => {
		const dir = shelf(SHARE_FROM + 100);
		const other = shelf(SHARE_FROM + 100);
		const plain = await open(dir, ['folder-2']);
		startEarlyHelper();
		earlyRead(path.resolve(other), ['folder-2']);
		const wrongFolder = await open(dir, ['folder-2']);
		startEarlyHelper();
		earlyRead(path.resolve(dir), []);
		const wrongExclude = await open(dir, ['folder-2']);
		expect(wrongFolder.shelf.articles).toEqual(plain.shelf.articles);
		expect(wrongExclude.shelf.articles).toEqual(plain.shelf.articles);
		expect(plain.shelf.articles.some(a => a.path.includes('folder-2'))).toBe(false);
		for (const s of [plain, wrongFolder, wrongExclude]) s.close();
	});

	it('reads a small shelf on the calling thread, and serves as a plain helper when it never got a folder', async () => {
		const small = shelf(30);
		startEarlyHelper();
		earlyRead(path.resolve(small), []);
		expect((await open(small)).shelf.articles).toHaveLength(30);
		const dir = shelf(SHARE_FROM + 10);
		const plain = await open(dir);
		startEarlyHelper();
		const loadedOnly = await open(dir);
		expect(loadedOnly.shelf.articles).toEqual(plain.shelf.articles);
	});
});
