/**
 * Walking the shelf's folder: which files are articles, which paths are passed
 * over and why (symlinks out of the shelf or in loops, FIFOs, excluded folders).
 */
import {lstatSync, readdirSync, realpathSync, statSync} from 'node:fs';
import type {Dirent, Stats} from 'node:fs';
import {isAbsolute, join, relative, sep} from 'node:path';
import picomatch from 'picomatch';
import {MARKDOWN, SKIPPED_FOLDERS} from './file-facts.js';
import {attempt, errorCode, fileKind, reason} from './fs-errors.js';
import {sanitizeLine} from '../sanitize.js';
import type {Skipped} from './types.js';

/** A markdown file found by the walk, with what tells a changed file from an unchanged one. */
export interface ShelfFile {
	path: string;
	size: number;
	mtimeMs: number;
	ino: number;
}

export const fileOf = (path: string, s: Pick<Stats, 'size' | 'mtimeMs' | 'ino'>): ShelfFile => ({path, size: s.size, mtimeMs: s.mtimeMs, ino: s.ino});
/** A file listed without its stat (`statFiles` false): its size, time and inode are learnt when it is read. */
export const UNSTATTED = {size: -1, mtimeMs: -1, ino: -1} as const;
/** A file read without its stat (a first start, read-shared.ts): its size is the bytes read; its time and inode are taken as it is written to the index (index/read-stat.ts). */
export const statLater = (file: ShelfFile): boolean => file.mtimeMs === -1 && file.size >= 0;

/**
 * Walks real folders first and symlinked folders after, so a folder reached
 * both ways is listed under its real path and the link is the one skipped.
 */
/** Gathers in `found` the folders walked, skipped paths and Obsidian vaults (folders holding `.obsidian`). */
export function walk(root: string, realRoot: string, rootStat: Stats, found: {skipped: Skipped[]; folders: string[]; vaults: string[]}, excluded: (dir: string) => boolean = () => false, statFiles = true): ShelfFile[] {
	const steps = walkSteps(root, realRoot, rootStat, found, excluded, statFiles);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Entries looked at between two pauses of `walkSteps`. */
const STEP = 64;

/**
 * The walk, pausing (yielding) every few entries: a caller can spread it over turns of the event loop.
 * Without `statFiles`, a regular markdown file is listed from its folder entry alone (UNSTATTED): a
 * caller that reads every file anyway learns its stat then, and saves one lstat a file.
 */
export function* walkSteps(root: string, realRoot: string, rootStat: Stats, found: {skipped: Skipped[]; folders: string[]; vaults: string[]}, excluded: (dir: string) => boolean = () => false, statFiles = true): Generator<void, ShelfFile[]> {
	let looked = 0;
	const {skipped, folders, vaults} = found;
	const files: ShelfFile[] = [];
	const visited = new Set<string>();
	// `linkedFrom`: the real folder holding the symlink, to tell a loop (link to an ancestor) from a duplicate.
	const dirs: {dir: string; real: string; stats: Stats; linkedFrom?: string}[] = [{dir: root, real: realRoot, stats: rootStat}];
	const linked: typeof dirs = [];
	for (let next = dirs.pop(); next; next = dirs.pop() ?? linked.shift()) {
		if (visited.has(`${next.stats.dev}:${next.stats.ino}`)) {
			const loop = next.linkedFrom !== undefined && isInside(next.real, next.linkedFrom);
			skipped.push({path: next.dir, reason: loop ? 'symlink loop' : 'folder already on the shelf by another path'});
			continue;
		}
		visited.add(`${next.stats.dev}:${next.stats.ino}`);
		folders.push(next.dir);
		const entries = attempt(() => readdirSync(next.dir, {withFileTypes: true}));
		if (typeof entries === 'string') {
			skipped.push({path: next.dir, reason: `cannot read folder: ${entries}`});
			continue;
		}
		for (const entry of entries.sort(byName)) {
			if (++looked % STEP === 0) yield;
			const name = entry.name;
			// Hidden entries include .git and editor lock files (.#x.md, often broken symlinks).
			if (name === '.obsidian') vaults.push(next.dir);
			if (name.startsWith('.') || SKIPPED_FOLDERS.has(name)) continue;
			// Not join: the folder is already a clean path and an entry's name has no separator; join's
			// normalizing took half the walk (20,000 files: 40-55 ms against 21-29, Node 24).
			const path = next.dir.endsWith(sep) ? next.dir + name : next.dir + sep + name;
			if (!statFiles && entry.isFile()) {
				if (MARKDOWN.test(name)) files.push({path, size: -1, mtimeMs: -1, ino: -1}); // UNSTATTED, as a literal: no spread a file
				continue;
			}
			let real = join(next.real, name);
			let stats = attempt(() => lstatSync(path));
			if (typeof stats === 'string') {
				skipped.push({path, reason: stats});
				continue;
			}
			if (stats.isSymbolicLink()) {
				const target = followLink(path, realRoot);
				if (typeof target === 'string') {
					skipped.push({path, reason: target});
					continue;
				}
				if (!target.stats.isDirectory() && !MARKDOWN.test(name)) continue;
				if (target.outside) {
					skipped.push({path, reason: `symlink points outside the shelf: ${sanitizeLine(target.real)}`});
					continue;
				}
				({stats, real} = target);
				if (stats.isDirectory()) {
					linked.push({dir: path, real, stats, linkedFrom: next.real});
					continue;
				}
			}
			if (stats.isDirectory() && excluded(path)) skipped.push({path, reason: 'excluded by the config (exclude)'});
			else if (stats.isDirectory()) dirs.push({dir: path, real, stats});
			else if (!MARKDOWN.test(name)) continue;
			else if (stats.isFile()) files.push(fileOf(path, stats));
			// Never opened: reading a FIFO blocks until a writer comes, which may be never.
			else skipped.push({path, reason: `${fileKind(stats)}, not a regular file`});
		}
	}
	return files;
}

/** Whether a folder (absolute path) is excluded by one of the globs, matched against its path under the root. */
export function folderFilter(root: string, globs: readonly string[] | undefined): (dir: string) => boolean {
	if (!globs?.length) return () => false;
	const matches = picomatch([...globs], {dot: true});
	return dir => matches(relative(root, dir).split(sep).join('/'));
}

function followLink(path: string, realRoot: string): string | {real: string; stats: Stats; outside: boolean} {
	try {
		const real = realpathSync(path);
		return {real, stats: statSync(real), outside: !isInside(realRoot, real)};
	} catch (err) {
		const code = errorCode(err);
		if (code === 'ELOOP') return 'symlink loop';
		if (code === 'ENOENT') return 'broken symlink';
		return `cannot follow symlink: ${reason(err)}`;
	}
}

export function isInside(parent: string, child: string): boolean {
	const rel = relative(parent, child);
	return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

const byName = (a: Dirent, b: Dirent): number => compare(a.name, b.name);

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
