/**
 * The stat walk of a shelf (`scanShelf`) off the thread that reads keys: on a
 * shelf of 20,000 files it takes 0.1–0.2 s, which a key pressed meanwhile
 * would wait for. Files cross from the worker as columns (one string of paths,
 * one array of numbers), which is far cheaper to copy than 20,000 objects.
 */
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {scanShelf, type ShelfScan} from './loader.js';

/** A scan as the worker sends it. */
export interface PackedScan {
	root: string;
	paths: string;
	numbers: Float64Array;
	skipped: ShelfScan['skipped'];
	folders: string[];
	vaults: string[];
}

export function packScan(scan: ShelfScan): PackedScan {
	const numbers = new Float64Array(scan.files.length * 3);
	scan.files.forEach((f, i) => numbers.set([f.size, f.mtimeMs, f.ino], i * 3));
	// A path never holds a NUL byte.
	return {root: scan.root, paths: scan.files.map(f => f.path).join('\0'), numbers, skipped: scan.skipped, folders: scan.folders, vaults: scan.vaults};
}

export function unpackScan(packed: PackedScan): ShelfScan {
	const paths = packed.paths === '' ? [] : packed.paths.split('\0');
	const n = packed.numbers;
	const files = paths.map((path, i) => ({path, size: n[i * 3] as number, mtimeMs: n[i * 3 + 1] as number, ino: n[i * 3 + 2] as number}));
	return {root: packed.root, files, skipped: packed.skipped, folders: packed.folders, vaults: packed.vaults};
}

/**
 * Scans `dir` in the worker at `workerUrl` (the built dist/shelf-worker.js);
 * where it is not there (running from the sources) the scan runs here, after
 * a turn of the event loop. Rejects as scanShelf throws (a root that vanished).
 */
export function scanInBackground(dir: string, exclude: readonly string[], workerUrl: URL | undefined): Promise<ShelfScan> {
	if (!workerUrl || !existsSync(fileURLToPath(workerUrl))) {
		return new Promise((resolve, reject) => setImmediate(() => {
			try {
				resolve(scanShelf(dir, {exclude}));
			} catch (error) {
				reject(error instanceof Error ? error : new Error(String(error)));
			}
		}));
	}
	const worker = new Worker(workerUrl, {workerData: {dir, scan: true, exclude}});
	// A walk never keeps inkshelf from exiting.
	worker.unref();
	const done = new Promise<ShelfScan>((resolve, reject) => {
		worker.once('message', (m: {ok: true; scan: PackedScan} | {ok: false; message: string}) => (m.ok ? resolve(unpackScan(m.scan)) : reject(new Error(m.message))));
		worker.once('error', reject);
		worker.once('exit', code => reject(new Error(`the folder walk stopped (${code})`)));
	});
	void done.finally(() => worker.terminate()).catch(() => undefined);
	return done;
}
