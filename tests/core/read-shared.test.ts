/** A first start's reading shared with a worker thread (src/core/shelf/read-shared.ts), through the real built worker. */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
import {readShared, SHARE_FROM, startReadHelper, type ReadHelper, type ReadJob} from '../../src/core/shelf/read-shared.js';
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
	it('tells how the reading goes, in order, ending with every file', () => {
		const dir = shelf(SHARE_FROM + 700);
		const scan = scanShelf(dir, {statFiles: false});
		const told: [number, number][] = [];
		const result = readShared(scan.root, [], scan.vaults, scan.files, startReadHelper(), (done, total) => told.push([done, total]));
		expect(result).toHaveLength(scan.files.length);
		expect(told.length).toBeGreaterThan(1);
		expect(told.every(([, total]) => total === scan.files.length)).toBe(true);
		expect(told.map(([done]) => done)).toEqual([...told.map(([done]) => done)].sort((a, b) => a - b));
		expect(told.at(-1)).toEqual([scan.files.length, scan.files.length]);
	});

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
		// Walked without a stat, each file has its size as read, and its time and inode are left to be taken (index/read-stat.ts).
		expect(alone.result.map(r => r.file)).toEqual(scanShelf(dir).files.map(f => ({path: f.path, size: f.size, mtimeMs: -1, ino: -1})));
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

	it('reads itself a chunk the worker took and never gave back', async () => {
		const dir = shelf(SHARE_FROM + 100);
		// A worker that takes the first chunk from the shared counter as it starts, then gives nothing back.
		const fake = path.join(mkdtempSync(path.join(tmpdir(), 'inkshelf-read-shared-fake-')), 'worker.mjs');
		writeFileSync(fake, "import {parentPort, workerData} from 'node:worker_threads';\nAtomics.add(new Int32Array(workerData.state), 0, 128);\nparentPort.postMessage('took');\n");
		const helper = startReadHelper(pathToFileURL(fake));
		await new Promise(resolve => helper?.thread.once('message', resolve));
		const {result} = read(dir, helper);
		expect(result.slice(0, 128).every(r => r !== undefined)).toBe(true);
		expect(result).toEqual(read(dir, null).result);
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
		helper.port.postMessage({root: scan.root, vaults: scan.vaults, paths: scan.files.map(f => f.path).join('\0')} satisfies ReadJob);
		const message = await new Promise<{start: number; items: unknown[]}>(resolve => helper.port.once('message', resolve));
		await helper.thread.terminate();
		helper.port.close();
		expect(message.start).toBe(0);
		expect(message.items).toEqual(read(dir, null).result);
		expect(message.items).toHaveLength(3);
	});
});
