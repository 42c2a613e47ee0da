/**
 * Several inkshelf processes opening one shelf's index at the same moment:
 * real processes, real SQLite, one cache. Each opener is the real ShelfStore,
 * bundled for a child process and started on an agreed millisecond.
 */
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {build} from 'esbuild';
import {beforeAll, describe, expect, it} from 'vitest';
import {REPO} from '../helpers/cli.js';
import {loadSqlite} from '../../src/core/index/sqlite.js';

const temp = (tag: string): string => mkdtempSync(path.join(tmpdir(), `inkshelf-race-${tag}-`));
let opener = '';

beforeAll(async () => {
	opener = path.join(temp('opener'), 'index-opener.mjs');
	await build({entryPoints: [path.join(REPO, 'tests/helpers/index-opener.ts')], outfile: opener, bundle: true, platform: 'node', format: 'esm', logLevel: 'error'});
}, 60_000);

interface Report {outcome?: string; error?: string; mine?: number}

function openAtOnce(file: string, count: number): Promise<Report[]> {
	const goAt = Date.now() + 600;
	return Promise.all(Array.from({length: count}, () => new Promise<Report>(resolve => {
		const child = spawn(process.execPath, [opener, file, '/shelf', String(goAt)], {stdio: ['ignore', 'pipe', 'pipe']});
		let out = '';
		let err = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		child.stderr.on('data', (d: Buffer) => (err += d.toString()));
		child.on('close', () => resolve(out.trim() ? JSON.parse(out.trim()) as Report : {error: err.trim().split('\n').filter(l => !/ExperimentalWarning|--trace-warnings/.test(l)).join(' ')}));
	})));
}

/** An index of an older format, as an earlier inkshelf left it: every process that opens it wants it remade. */
async function oldIndexAt(file: string): Promise<void> {
	const sqlite = await loadSqlite();
	if (!sqlite) throw new Error('no node:sqlite');
	const db = new sqlite.DatabaseSync(file);
	db.exec("PRAGMA journal_mode = WAL; CREATE TABLE info(key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO info VALUES ('format', '0'), ('root', '/shelf')");
	db.close();
}

describe('several processes opening one index at once', () => {
	it('an empty cache: the index is made once, never called damaged, nothing lost', async () => {
		for (let round = 0; round < 3; round++) {
			const file = path.join(temp('empty'), 'index.sqlite');
			const reports = await openAtOnce(file, 4);
			expect(reports.map(r => r.error)).toEqual([undefined, undefined, undefined, undefined]);
			expect(reports.filter(r => r.outcome === 'rebuilt')).toEqual([]);
			expect(reports.map(r => r.mine)).toEqual([30, 30, 30, 30]);
		}
	}, 60_000);

	it('an index of an older format: remade by one of them, the others open it; no I/O error, nothing lost', async () => {
		for (let round = 0; round < 6; round++) {
			const dir = temp('old');
			const file = path.join(dir, 'index.sqlite');
			await oldIndexAt(file);
			const reports = await openAtOnce(file, 4);
			expect(reports.map(r => r.error)).toEqual([undefined, undefined, undefined, undefined]);
			expect(reports.filter(r => r.outcome === 'rebuilt')).toHaveLength(1);
			expect(reports.map(r => r.mine)).toEqual([30, 30, 30, 30]);
			// The lock is gone once they are done.
			expect(readdirSync(dir).filter(name => name.endsWith('.lock'))).toEqual([]);
			expect(existsSync(file)).toBe(true);
		}
	}, 90_000);
});
