/**
 * One inkshelf at a time opens a shelf's index file: checks it, makes it, or
 * deletes and makes it again. Without this, two processes that both found an
 * index of an older format each deleted it and made their own, one deleting
 * the file (and its WAL) the other was already writing: "disk I/O error",
 * or writes lost with the unlinked file. SQLite's own locks cannot guard
 * this, since what is decided is whether to delete the file they live in.
 *
 * The lock is a file beside the index, made with O_EXCL and holding the
 * holder's pid. It is held for the few milliseconds an open takes, never
 * while the app runs. One left by a process that died holding it (its pid
 * is gone, or it is older than STALE_MS) is taken over.
 */
import {closeSync, openSync, readFileSync, rmSync, statSync, writeSync} from 'node:fs';
import {sleepSync} from '../sleep-sync.js';

/** How long an open waits for another process's open before giving up (then it runs without the cache). */
const WAIT_MS = 10_000;
/** A lock this old is left over, whoever holds it: an open takes milliseconds. */
const STALE_MS = 30_000;
const POLL_MS = 15;

export class IndexLockTimeout extends Error {}

/** Runs `work` holding the lock of the index at `file`. */
export function withIndexLock<T>(file: string, work: () => T, waitMs = WAIT_MS): T {
	const lock = `${file}.lock`;
	const mine = `${process.pid}\n`;
	const until = Date.now() + waitMs;
	while (!tryLock(lock, mine)) {
		if (leftOver(lock)) {
			rmSync(lock, {force: true});
			continue;
		}
		if (Date.now() >= until) throw new IndexLockTimeout(`another inkshelf has held ${lock} for ${Math.round(waitMs / 1000)} s`);
		sleepSync(POLL_MS);
	}
	try {
		return work();
	} finally {
		// Only our own: had this process stalled past STALE_MS, the lock may be another's by now.
		if (readLock(lock) === mine) rmSync(lock, {force: true});
	}
}

function tryLock(lock: string, content: string): boolean {
	let fd: number;
	try {
		fd = openSync(lock, 'wx', 0o600);
	} catch (error) {
		if (codeOf(error) === 'EEXIST') return false;
		throw error;
	}
	try {
		writeSync(fd, content);
	} finally {
		closeSync(fd);
	}
	return true;
}

/** The lock's holder died (or it is older than any open takes). A lock that is gone counts as not left over: it is tried again. */
function leftOver(lock: string): boolean {
	let age: number;
	try {
		age = Date.now() - statSync(lock).mtimeMs;
	} catch {
		return false;
	}
	if (age > STALE_MS) return true;
	const pid = Number.parseInt(readLock(lock) ?? '', 10);
	// Made but not yet written (its holder is between open and write), or not ours to read: wait for it.
	if (!Number.isInteger(pid) || pid <= 0) return age > 2000;
	try {
		process.kill(pid, 0);
		return false;
	} catch (error) {
		return codeOf(error) === 'ESRCH';
	}
}

function readLock(lock: string): string | null {
	try {
		return readFileSync(lock, 'utf8');
	} catch {
		return null;
	}
}

function codeOf(error: unknown): string {
	return error instanceof Error && 'code' in error ? String(error.code) : '';
}
