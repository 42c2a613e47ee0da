import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {IndexLockTimeout, withIndexLock} from '../../src/core/index/index-lock.js';

const file = (): string => path.join(mkdtempSync(path.join(tmpdir(), 'inkshelf-lock-')), 'index.sqlite');

/** The pid of a process that has ended. */
function deadPid(): number {
	const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
	return Number(r.stdout);
}

describe('the lock around opening an index', () => {
	it('is held while the work runs, user-only, and gone after, even when the work throws', () => {
		const f = file();
		const seen = withIndexLock(f, () => ({content: readFileSync(`${f}.lock`, 'utf8'), mode: statSync(`${f}.lock`).mode & 0o777}));
		expect(seen).toEqual({content: `${process.pid}\n`, mode: 0o600});
		expect(existsSync(`${f}.lock`)).toBe(false);
		expect(() => withIndexLock(f, () => {
			throw new Error('broken');
		})).toThrow('broken');
		expect(existsSync(`${f}.lock`)).toBe(false);
	});

	it('waits for a live holder and gives up with a clear error, leaving its lock alone', () => {
		const f = file();
		// The test runner's parent: alive for as long as this test runs.
		writeFileSync(`${f}.lock`, `${process.ppid}\n`);
		const started = Date.now();
		expect(() => withIndexLock(f, () => 'never', 150)).toThrow(IndexLockTimeout);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect(readFileSync(`${f}.lock`, 'utf8')).toBe(`${process.ppid}\n`);
	});

	it('takes over a lock left by a process that died holding it, or one older than any open takes', () => {
		const f = file();
		writeFileSync(`${f}.lock`, `${deadPid()}\n`);
		expect(withIndexLock(f, () => 'ran', 150)).toBe('ran');
		expect(existsSync(`${f}.lock`)).toBe(false);
		writeFileSync(`${f}.lock`, `${process.ppid}\n`);
		const old = new Date(Date.now() - 60_000);
		utimesSync(`${f}.lock`, old, old);
		expect(withIndexLock(f, () => 'ran', 150)).toBe('ran');
	});
});
