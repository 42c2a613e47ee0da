import {chmodSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {spawn} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {CLI, cliEnv, ensureBuilt} from '../helpers/cli.js';
import {openShelfSource, type ShelfSource} from '../../src/core/index/shelf-source.js';
import {cacheFolder, indexFileFor} from '../../src/core/index/cache-location.js';
import {ShelfSearch} from '../../src/core/search/shelf-search.js';
import {buildIndex} from '../../src/core/shelf/catalog.js';

const temp = (tag: string): string => mkdtempSync(path.join(tmpdir(), `inkshelf-index-${tag}-`));

function article(title: string, body: string, tags: string[] = []): string {
	return `---\ntitle: ${JSON.stringify(title)}\ntags: ${JSON.stringify(tags)}\n---\n${body}\n`;
}

function shelfDir(): string {
	const dir = temp('shelf');
	mkdirSync(path.join(dir, 'guides'));
	writeFileSync(path.join(dir, 'alpha.md'), article('Alpha', 'The alpha article talks about kettles.', ['tea']));
	writeFileSync(path.join(dir, 'guides', 'beta.md'), article('Beta', 'Beta explains [alpha](../alpha.md) and saucers.'));
	writeFileSync(path.join(dir, 'gamma.md'), article('Gamma', 'Gamma is about teapots.'));
	return dir;
}

async function open(dir: string, env: NodeJS.ProcessEnv, noCache = false): Promise<ShelfSource> {
	const source = await openShelfSource(dir, {env, noCache, metaInIndexFrom: 0});
	while (!source.indexPending(1000));
	return source;
}

function find(source: ShelfSource, query: string): string[] {
	const search = new ShelfSearch(source.text ?? undefined, source.meta ?? undefined);
	for (const a of source.shelf.articles) search.add(a);
	return search.search(query).map(h => h.slug);
}

/** How many files the index read (not from the cache) the last time it was opened: counted by their ids' texts being queued. */
async function pendingOnReopen(dir: string, env: NodeJS.ProcessEnv): Promise<number> {
	const source = await openShelfSource(dir, {env});
	const n = source.pending;
	while (!source.indexPending(1000));
	source.close();
	return n;
}

describe('persistent shelf index', () => {
	it('keeps metadata and text between runs, and keeps no body in memory', async () => {
		const dir = shelfDir();
		const env = {XDG_CACHE_HOME: temp('cache')};
		const first = await open(dir, env);
		expect(first.status).toBeNull();
		expect(first.shelf.articles.map(a => a.slug)).toEqual(['alpha', 'gamma', 'guides/beta']);
		expect(first.shelf.articles.every(a => a.body === '')).toBe(true);
		expect(find(first, 'kettles')).toEqual(['alpha']);
		first.close();
		expect(await pendingOnReopen(dir, env)).toBe(0);
		const second = await open(dir, env);
		expect(second.shelf.articles.map(a => [a.slug, a.title, a.tags])).toEqual([['alpha', 'Alpha', ['tea']], ['gamma', 'Gamma', []], ['guides/beta', 'Beta', []]]);
		expect(find(second, 'saucers')).toEqual(['guides/beta']);
		expect(second.linksOf(second.shelf.articles[2]!)).toEqual(['../alpha.md']);
		const beta = await second.readNow(second.shelf.articles[2]!);
		expect(beta.body).toContain('saucers');
		second.close();
	});

	it('reads only what was added or changed, drops what was deleted, and follows a rename', async () => {
		const dir = shelfDir();
		const env = {XDG_CACHE_HOME: temp('cache')};
		(await open(dir, env)).close();
		writeFileSync(path.join(dir, 'delta.md'), article('Delta', 'Delta brings sugar.'));
		writeFileSync(path.join(dir, 'gamma.md'), article('Gamma two', 'Gamma now talks about lemons, a longer text.'));
		unlinkSync(path.join(dir, 'alpha.md'));
		renameSync(path.join(dir, 'guides', 'beta.md'), path.join(dir, 'renamed.md'));
		// Added and changed are read; the renamed file keeps its indexed text.
		expect(await pendingOnReopen(dir, env)).toBe(2);
		const s = await open(dir, env);
		expect(s.shelf.articles.map(a => `${a.slug}:${a.title}`)).toEqual(['delta:Delta', 'gamma:Gamma two', 'renamed:Beta']);
		expect(find(s, 'kettles')).toEqual([]);
		expect(find(s, 'teapots')).toEqual([]);
		expect(find(s, 'lemons')).toEqual(['gamma']);
		expect(find(s, 'sugar')).toEqual(['delta']);
		expect(find(s, 'saucers')).toEqual(['renamed']);
		s.close();
	});

	it('sync() picks up changes while open', async () => {
		const dir = shelfDir();
		const s = await open(dir, {XDG_CACHE_HOME: temp('cache')});
		writeFileSync(path.join(dir, 'epsilon.md'), article('Epsilon', 'Epsilon has honey.'));
		rmSync(path.join(dir, 'gamma.md'));
		expect(await s.sync()).toBe(true);
		while (!s.indexPending(1000));
		expect(s.shelf.articles.map(a => a.slug)).toEqual(['alpha', 'epsilon', 'guides/beta']);
		expect(find(s, 'honey')).toEqual(['epsilon']);
		expect(await s.sync()).toBe(false);
		s.close();
	});

	it('with deferWalk, shows the last shelf at once and corrects it when the walk ends', async () => {
		const dir = shelfDir();
		const env = {XDG_CACHE_HOME: temp('cache')};
		(await open(dir, env)).close();
		writeFileSync(path.join(dir, 'delta.md'), article('Delta', 'Delta brings sugar.', ['tea']));
		rmSync(path.join(dir, 'gamma.md'));
		const s = await openShelfSource(dir, {env, deferWalk: true, metaInIndexFrom: 0});
		// The index's last shelf, groups included, before any walk.
		expect(s.unwalked).toBe(true);
		expect(s.shelf.articles.map(a => a.slug)).toEqual(['alpha', 'gamma', 'guides/beta']);
		expect(buildIndex(s.shelf.articles).tags.map(g => [g.name, g.articles.map(a => a.slug)])).toEqual([['tea', ['alpha']]]);
		expect(find(s, 'teapots')).toEqual(['gamma']);
		expect(await s.sync()).toBe(true);
		expect(s.unwalked).toBe(false);
		while (!s.indexPending(1000));
		expect(s.shelf.articles.map(a => a.slug)).toEqual(['alpha', 'delta', 'guides/beta']);
		expect(buildIndex(s.shelf.articles).tags.map(g => [g.name, g.articles.map(a => a.slug).sort()])).toEqual([['tea', ['alpha', 'delta']]]);
		expect(find(s, 'sugar')).toEqual(['delta']);
		expect(find(s, 'teapots')).toEqual([]);
		s.close();
		// Nothing changed since: the next start's last shelf is the corrected one, and its walk changes nothing.
		const again = await openShelfSource(dir, {env, deferWalk: true, metaInIndexFrom: 0});
		expect(again.shelf.articles.map(a => a.slug)).toEqual(['alpha', 'delta', 'guides/beta']);
		expect(await again.sync()).toBe(false);
		expect(again.unwalked).toBe(false);
		again.close();
	});

	it('with firstScreen, shows stand-ins past the first screen until the shelf is made whole, also when the snapshot went away meanwhile', async () => {
		const dir = temp('shelf');
		for (let i = 0; i < 260; i++) writeFileSync(path.join(dir, `n${String(i).padStart(3, '0')}.md`), article(`Note ${i}`, `Body ${i}.`, [`t${i % 3}`]));
		const env = {XDG_CACHE_HOME: temp('cache')};
		const whole = await open(dir, env);
		const want = whole.shelf.articles.map(a => [a.slug, a.title]);
		whole.close();
		for (const ends of ['completes', 'syncs', 'loses its snapshot'] as const) {
			const s = await openShelfSource(dir, {env, deferWalk: true, firstScreen: true, metaInIndexFrom: 0});
			const shown = s.shelf.articles;
			expect(shown).toHaveLength(260);
			// 200 made for the first screen; the other 60 are one stand-in with no slug.
			expect(shown.filter(a => a.slug === '')).toHaveLength(60);
			if (ends === 'loses its snapshot') {
				const {DatabaseSync} = await import('node:sqlite');
				const db = new DatabaseSync(indexFileFor(dir, env).file);
				db.exec('DELETE FROM snapshot');
				db.close();
			}
			if (ends === 'syncs') expect(await s.sync()).toBe(false); // reading anything makes the shelf whole first
			else expect(s.completeFirstScreen?.()).toBe(true);
			expect(s.completeFirstScreen?.()).toBe(false);
			expect(s.shelf).not.toBe(shown);
			expect(s.shelf.articles.map(a => [a.slug, a.title])).toEqual(want);
			expect(find(s, 'Note 17')[0]).toBe('n017');
			s.close();
		}
	});

	it('on a first start with deferWalk, shows the shelf before writing it, and writes it while indexing', async () => {
		const dir = shelfDir();
		const env = {XDG_CACHE_HOME: temp('cache')};
		const s = await openShelfSource(dir, {env, deferWalk: true, metaInIndexFrom: 0});
		expect(s.shelf.articles.map(a => a.slug)).toEqual(['alpha', 'gamma', 'guides/beta']);
		expect(s.pending).toBe(3);
		while (!s.indexPending(1000));
		expect(s.pending).toBe(0);
		expect(find(s, 'kettles')).toEqual(['alpha']);
		expect(find(s, 'Gamma')).toEqual(['gamma']);
		expect(s.linksOf(s.shelf.articles[2]!)).toEqual(['../alpha.md']);
		s.close();
		const again = await openShelfSource(dir, {env, deferWalk: true, metaInIndexFrom: 0});
		expect(again.unwalked).toBe(true);
		expect(again.pending).toBe(0);
		expect(find(again, 'saucers')).toEqual(['guides/beta']);
		again.close();
	});

	it('rebuilds a corrupt, truncated or foreign index with one status line, never trusting it', async () => {
		const dir = shelfDir();
		const env = {XDG_CACHE_HOME: temp('cache')};
		(await open(dir, env)).close();
		const {file} = indexFileFor(dir, env);
		for (const damage of [
			() => writeFileSync(file, 'this is not a database at all'.repeat(100)),
			() => truncateSync(file, 1000),
			() => writeFileSync(file, readFileSync(file).fill(0x55, 100, 4000)),
			async () => {
				const {DatabaseSync} = await import('node:sqlite');
				const db = new DatabaseSync(file);
				db.exec("UPDATE info SET value = 'from-the-future' WHERE key = 'format'");
				db.close();
			},
		]) {
			await damage();
			const s = await open(dir, env);
			expect(s.status).toMatch(/damaged or from another version: rebuilt/);
			expect(s.shelf.articles).toHaveLength(3);
			expect(find(s, 'kettles')).toEqual(['alpha']);
			s.close();
			const again = await open(dir, env);
			expect(again.status).toBeNull();
			again.close();
		}
	});

	it('runs without a cache, with one status line, when the cache folder cannot be written', async () => {
		const dir = shelfDir();
		const base = temp('cache');
		chmodSync(base, 0o500);
		try {
			// root can write anywhere: only a file where the folder should be stops it.
			if (process.getuid?.() === 0) {
				chmodSync(base, 0o700);
				writeFileSync(path.join(base, 'inkshelf'), 'a file, not a folder');
			}
			const s = await open(dir, {XDG_CACHE_HOME: base});
			expect(s.status).toMatch(/^No index cache \(.*\): running without it$/);
			expect(find(s, 'teapots')).toEqual(['gamma']);
			s.close();
		} finally {
			chmodSync(base, 0o700);
		}
	});

	it('--no-cache writes nothing', async () => {
		const env = {XDG_CACHE_HOME: temp('cache')};
		const s = await open(shelfDir(), env, true);
		expect(find(s, 'kettles')).toEqual(['alpha']);
		s.close();
		expect(readdirSync(env.XDG_CACHE_HOME)).toEqual([]);
	});

	it('creates its folder and files for the user only', async () => {
		const env = {XDG_CACHE_HOME: temp('cache')};
		const dir = shelfDir();
		(await open(dir, env)).close();
		expect(statSync(cacheFolder(env)).mode & 0o777).toBe(0o700);
		for (const name of readdirSync(cacheFolder(env))) expect(statSync(path.join(cacheFolder(env), name)).mode & 0o777, name).toBe(0o600);
	});

	it('shares one index between two processes writing at once', async () => {
		const dir = shelfDir();
		const env = {XDG_CACHE_HOME: temp('cache')};
		const a = await openShelfSource(dir, {env});
		const b = await openShelfSource(dir, {env});
		for (let i = 0; i < 20; i++) writeFileSync(path.join(dir, `n${i}.md`), article(`N${i}`, `word${i} zebra`));
		await Promise.all([a.sync(), b.sync()]);
		while (!a.indexPending(5) || !b.indexPending(5));
		expect(a.status).toBeNull();
		expect(b.status).toBeNull();
		expect(find(a, 'word7')).toEqual(['n7']);
		expect(find(b, 'zebra')).toHaveLength(20);
		a.close();
		b.close();
		const c = await open(dir, env);
		expect(c.pending).toBe(0);
		expect(find(c, 'word19')).toEqual(['n19']);
		c.close();
	});
});

describe('the index from the command line', () => {
	function run(args: string[], env: NodeJS.ProcessEnv): Promise<{status: number | null; stdout: string; stderr: string}> {
		return new Promise(resolve => {
			const child = spawn(process.execPath, [CLI, ...args], {env: cliEnv(env as Record<string, string>)});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
			child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
			child.on('close', status => resolve({status, stdout, stderr}));
		});
	}

	it('two processes fill one index at once; both answer, nothing is printed about SQLite', async () => {
		ensureBuilt();
		const dir = shelfDir();
		for (let i = 0; i < 200; i++) writeFileSync(path.join(dir, `n${i}.md`), article(`N${i}`, `word${i} zebra`));
		const env = {XDG_CACHE_HOME: temp('cache')};
		const [a, b] = await Promise.all([run(['search', 'word150', dir], env), run(['search', 'zebra', dir, '--limit', '500', '--json'], env)]);
		expect(a).toMatchObject({status: 0, stderr: ''});
		expect(a.stdout).toContain('n150');
		expect(b).toMatchObject({status: 0, stderr: ''});
		expect(JSON.parse(b.stdout)).toHaveLength(200);
		const again = await run(['list', dir], env);
		expect(again).toMatchObject({status: 0, stderr: ''});
		expect(again.stdout.split('\n').filter(Boolean)).toHaveLength(203);
	});

	it('leaves nothing in the cache folder that others may read (the index and the compile cache, workers\' too)', async () => {
		ensureBuilt();
		const env = {XDG_CACHE_HOME: temp('cache')};
		// A first start of 2,000 files shares the reading with a worker, whose compile cache may be a folder of its own.
		const dir = shelfDir();
		for (let i = 0; i < 2000; i++) writeFileSync(path.join(dir, `w${i}.md`), article(`W${i}`, `word${i}`));
		expect((await run(['list', dir], env)).status).toBe(0);
		const modes: string[] = [];
		const walk = (at: string): void => {
			for (const entry of readdirSync(at, {withFileTypes: true})) {
				const full = path.join(at, entry.name);
				modes.push(`${(statSync(full).mode & 0o777).toString(8)} ${entry.isDirectory() ? 'dir' : 'file'}`);
				if (entry.isDirectory()) walk(full);
			}
		};
		walk(cacheFolder(env));
		// The worker's own folder is there only when it started before the reading was done (not on a busy machine).
		expect(modes.some(m => m.endsWith('dir')), 'the compile cache is there').toBe(true);
		expect(new Set(modes)).toEqual(new Set(['700 dir', '600 file']));
	});

	it('read prints the file as it is now, not as the index remembers it', async () => {
		ensureBuilt();
		const dir = shelfDir();
		const env = {XDG_CACHE_HOME: temp('cache')};
		expect((await run(['list', dir], env)).status).toBe(0);
		writeFileSync(path.join(dir, 'gamma.md'), article('Gamma', 'Gamma is now about sugar bowls.'));
		const read = await run(['read', 'gamma', dir], env);
		expect(read.stdout).toContain('sugar bowls');
		const search = await run(['search', 'bowls', dir], env);
		expect(search.stdout).toContain('gamma');
	});
});
