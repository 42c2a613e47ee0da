/**
 * The worker of `readShared` (dist/shelf-read-worker.js): started while the
 * folder is walked, it waits for the files, then takes chunks of them from
 * the shared counter until none is left, sending each chunk's articles back
 * as soon as it is read.
 */
import {workerData, type MessagePort} from 'node:worker_threads';
import {articleReader, scanShelf, type ShelfScan} from './loader.js';
import {CHUNK, SHARE_FROM, readForIndex, type ReadForIndex, type ReadJob, type ReadMessage} from './read-shared.js';
import {HELD, NEXT, SCANNED, type EarlyJob} from '../read-helper.js';
import type {PostedScan} from './early-read.js';
import type {Skipped} from './types.js';
import type {ShelfFile} from './walk.js';

const {state: shared, port} = workerData as {state: SharedArrayBuffer; port: MessagePort};
const state = new Int32Array(shared);

port.once('message', (job: ReadJob | {early: EarlyJob}) => ('early' in job ? walkAndRead(job.early) : readAll(job)));

/** Started before the app's modules load (core/shelf/early-read.ts): walk, post the walk, and read at once. */
function walkAndRead(early: EarlyJob): void {
	let scan: ShelfScan | null = null;
	try {
		scan = scanShelf(early.root, {exclude: early.exclude, statFiles: false});
	} catch {
		// The main thread walks again and says why.
	}
	const posted: PostedScan | null = scan && {root: scan.root, paths: scan.files.map(f => f.path), skipped: scan.skipped, folders: scan.folders, vaults: scan.vaults};
	port.postMessage({scan: posted});
	Atomics.store(state, SCANNED, 1);
	Atomics.notify(state, SCANNED);
	// A small shelf is read by the main thread alone (readShared's SHARE_FROM).
	if (scan && scan.files.length >= SHARE_FROM) readAll({root: scan.root, vaults: scan.vaults, files: scan.files});
	else port.close();
}

function readAll({root, vaults, files}: ReadJob): void {
	const skipped: Skipped[] = [];
	const read = articleReader(root, skipped, vaults);
	for (;;) {
		// Held before it is taken: the caller, once every chunk is taken, waits while any is held.
		Atomics.add(state, HELD, 1);
		const start = Atomics.add(state, NEXT, CHUNK);
		if (start < files.length) {
			const items: ReadForIndex[] = [];
			for (let i = start; i < Math.min(start + CHUNK, files.length); i++) items.push(readForIndex(read, files[i] as ShelfFile));
			port.postMessage({start, items, skipped: skipped.splice(0)} satisfies ReadMessage);
		}
		Atomics.sub(state, HELD, 1);
		Atomics.notify(state, HELD);
		if (start >= files.length) break;
	}
	port.close();
}
