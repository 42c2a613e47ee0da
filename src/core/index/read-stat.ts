/**
 * The stat of a file read without one (a first start: read-shared.ts), taken
 * as it is written to the index, after the first frame. The index trusts a
 * stat to describe what was read, so a stat taken after the read must not
 * be newer than it: a file whose time is well before the reading began,
 * and whose size is the bytes read, has not changed since; any other is
 * read again with its stat (as every file was before) and keeps that stat
 * only if it reads the same. Otherwise it keeps no stat, and the next walk
 * reads it again.
 */
import {statSync} from 'node:fs';
import {fileOf, UNSTATTED, type ReadForIndex, type ShelfFile} from '../shelf/index.js';

/** How long before the reading began a file's time must be: FAT keeps times to 2 s, and a kernel's file clock lags a few ms. */
export const SETTLED_MS = 2000;

/** `readAgain` reads the file with its stat (fstat before the read); `read` is what was read without one, at `readAt` (Date.now()). */
export function statAfterRead(read: ReadForIndex, readAt: number, readAgain: (file: ShelfFile) => ReadForIndex): ShelfFile {
	const {path, size} = read.file;
	let now;
	try {
		now = statSync(path, {throwIfNoEntry: false});
	} catch {
		now = undefined;
	}
	if (!now?.isFile()) return {path, ...UNSTATTED};
	if (now.size === size && now.mtimeMs < readAt - SETTLED_MS) return fileOf(path, now);
	const again = readAgain({path, ...UNSTATTED});
	return same(again, read) ? again.file : {path, ...UNSTATTED};
}

function same(a: ReadForIndex, b: ReadForIndex): boolean {
	return JSON.stringify(a.article) === JSON.stringify(b.article) && a.links.length === b.links.length && a.links.every((link, i) => link === b.links[i]);
}
