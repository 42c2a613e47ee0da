/**
 * A first start reads its files without a stat and takes each stat after the first frame
 * (src/core/index/read-stat.ts); the reading itself is article-file.ts's `readLimited` with `statless`.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readLimited, type FileStat} from '../../src/core/shelf/article-file.js';
import {articleReader} from '../../src/core/shelf/loader.js';
import {indexReader, readForIndex, type ReadForIndex} from '../../src/core/shelf/read-shared.js';
import {UNSTATTED, type ShelfFile} from '../../src/core/shelf/walk.js';
import {SETTLED_MS, statAfterRead} from '../../src/core/index/read-stat.js';
import {openShelfSource} from '../../src/core/index/shelf-source.js';

const temp = (name: string): string => mkdtempSync(path.join(tmpdir(), `inkshelf-read-stat-${name}-`));
/** A time well before any reading in these tests. */
const LONG_AGO = new Date('2024-03-01T12:00:00Z');

function readBoth(file: string, maxBytes = 8 * 1024 * 1024): {statful: string; statless: string; told: FileStat[]} {
	const told: FileStat[] = [];
	const show = (r: Uint8Array | string): string => (typeof r === 'string' ? r : Buffer.from(r).toString('latin1'));
	const statful = show(readLimited(file, maxBytes));
	return {statful, statless: show(readLimited(file, maxBytes, s => told.push(s), true)), told};
}

describe('reading without a stat', () => {
	it('reads the same bytes as with one at every size around its buffers, and tells the size read', () => {
		const dir = temp('sizes');
		for (const n of [0, 1, 4096, 65535, 65536, 65537, 131071, 131072, 131073, 300_000]) {
			const file = path.join(dir, `s${n}.md`);
			writeFileSync(file, Buffer.alloc(n, 0x61 + (n % 26)));
			const {statful, statless, told} = readBoth(file);
			expect(statless.length).toBe(n);
			expect(statless).toBe(statful);
			expect(told).toEqual([{size: n, mtimeMs: -1, ino: -1}]);
		}
	});

	it('says a file is too large as a read with a stat does, and tells its real stat (a later walk does not read it again)', () => {
		const dir = temp('large');
		const file = path.join(dir, 'big.md');
		writeFileSync(file, 'x'.repeat(3000));
		for (const maxBytes of [2048, 2999]) {
			const {statful, statless, told} = readBoth(file, maxBytes);
			expect(statless).toBe(statful);
			expect(statless).toMatch(/^file is 2\.9 KiB; the limit is/);
			expect(told.map(s => [s.size, s.ino])).toEqual([[3000, statSync(file).ino]]);
		}
		expect(readBoth(file, 3000).statless).toHaveLength(3000);
	});

	it('says what a folder or a named pipe swapped in for a file is, never waiting on the pipe', () => {
		const dir = temp('odd');
		mkdirSync(path.join(dir, 'folder.md'));
		expect(readBoth(path.join(dir, 'folder.md')).statless).toBe('folder, not a regular file');
		const fifo = path.join(dir, 'pipe.md');
		execFileSync('mkfifo', [fifo]);
		expect(readBoth(fifo).statless).toBe('named pipe (FIFO), not a regular file');
		expect(readBoth(path.join(dir, 'gone.md')).statless).toBe('file no longer exists');
	});
});

describe('the stat taken after the read', () => {
	const setUp = (text: string, when?: Date): {file: string; read: ReadForIndex; readAt: number} => {
		const file = path.join(temp('after'), 'note.md');
		writeFileSync(file, text);
		if (when) utimesSync(file, when, when);
		const readAt = Date.now();
		const read = readForIndex(indexReader(path.dirname(file), [], []), {path: file, ...UNSTATTED});
		return {file, read, readAt};
	};
	const again = (calls: ShelfFile[]) => (file: ShelfFile): ReadForIndex => {
		calls.push(file);
		return readForIndex(articleReader(path.dirname(file.path), [], [], {forIndex: true}), file);
	};
	const statOf = (file: string): ShelfFile => ({path: file, size: statSync(file).size, mtimeMs: statSync(file).mtimeMs, ino: statSync(file).ino});

	it('is taken as is for a file last changed well before the reading, with the size read', () => {
		const {file, read, readAt} = setUp('---\ntitle: Old\n---\nwords\n', LONG_AGO);
		expect(read.file).toEqual({path: file, size: statSync(file).size, mtimeMs: -1, ino: -1});
		const calls: ShelfFile[] = [];
		expect(statAfterRead(read, readAt, again(calls))).toEqual(statOf(file));
		expect(calls).toEqual([]);
	});

	it('reads a file changed lately again, and keeps the stat of that read when it reads the same', () => {
		const {file, read, readAt} = setUp('---\ntitle: New\n---\nwords\n');
		expect(statSync(file).mtimeMs).toBeGreaterThan(readAt - SETTLED_MS);
		const calls: ShelfFile[] = [];
		expect(statAfterRead(read, readAt, again(calls))).toEqual(statOf(file));
		expect(calls).toHaveLength(1);
	});

	it('keeps no stat for a file changed since it was read (the next walk reads it again), even one whose time says otherwise', () => {
		const changed = setUp('---\ntitle: Before\n---\nwords\n');
		writeFileSync(changed.file, '---\ntitle: After!\n---\nwords\n');
		expect(statAfterRead(changed.read, changed.readAt, again([]))).toEqual({path: changed.file, ...UNSTATTED});
		// Changed to another size, then given back an old time (a copy that keeps times): the size tells.
		const backdated = setUp('---\ntitle: Before\n---\nwords\n', LONG_AGO);
		writeFileSync(backdated.file, '---\ntitle: After, longer\n---\nwords\n');
		utimesSync(backdated.file, LONG_AGO, LONG_AGO);
		expect(statAfterRead(backdated.read, backdated.readAt, again([]))).toEqual({path: backdated.file, ...UNSTATTED});
		const deleted = setUp('---\ntitle: Gone\n---\n', LONG_AGO);
		rmSync(deleted.file);
		expect(statAfterRead(deleted.read, deleted.readAt, again([]))).toEqual({path: deleted.file, ...UNSTATTED});
	});
});

describe('a first start of the index', () => {
	const shelf = (when?: Date): string => {
		const dir = temp('shelf');
		for (let i = 0; i < 30; i++) {
			const file = path.join(dir, `note-${i}.md`);
			writeFileSync(file, `---\ntitle: Note ${i}\ntags: [t${i % 3}]\n---\n\nwords ${i}\n`);
			if (when) utimesSync(file, when, when);
		}
		return dir;
	};

	it.each([['old', LONG_AGO], ['just written', undefined]])('stores stats of %s files that a second start finds unchanged', async (_name, when) => {
		const dir = shelf(when);
		const env = {XDG_CACHE_HOME: temp('cache')};
		const first = await openShelfSource(dir, {env, deferWalk: true});
		while (!first.indexPending(1000));
		expect(await first.sync()).toBe(false); // the live shelf's next walk too: the stats are in memory as well
		first.close();
		const second = await openShelfSource(dir, {env});
		expect(second.pending).toBe(0); // nothing read again
		expect(second.shelf.articles.map(a => a.title)).toEqual(first.shelf.articles.map(a => a.title));
		second.close();
	});

	it('reads a file changed between its read and its stat again on the next start, with what it says now', async () => {
		const dir = shelf(LONG_AGO);
		const env = {XDG_CACHE_HOME: temp('cache')};
		const first = await openShelfSource(dir, {env, deferWalk: true});
		expect(first.shelf.articles.find(a => a.slug === 'note-7')?.title).toBe('Note 7');
		// Changed after the first frame, before the index took its stat: same size, a new time.
		writeFileSync(path.join(dir, 'note-7.md'), '---\ntitle: Note X\ntags: [t1]\n---\n\nwords 7\n');
		while (!first.indexPending(1000));
		first.close();
		const second = await openShelfSource(dir, {env});
		expect(second.pending).toBe(1);
		expect(second.shelf.articles.find(a => a.slug === 'note-7')?.title).toBe('Note X');
		second.close();
	});
});
