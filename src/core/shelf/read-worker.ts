/**
 * The worker of `readShared` (dist/shelf-read-worker.js): started while the
 * folder is walked, it waits for the files, then takes chunks of them from
 * the shared counter until none is left, sending each chunk's articles back
 * as soon as it is read.
 */
import {workerData, type MessagePort} from 'node:worker_threads';
import {CHUNK, HELD, NEXT, indexReader, readForIndex, type ReadForIndex, type ReadJob, type ReadMessage} from './read-shared.js';
import type {Skipped} from './types.js';
import {UNSTATTED, type ShelfFile} from './walk.js';

const {state: shared, port} = workerData as {state: SharedArrayBuffer; port: MessagePort};
const state = new Int32Array(shared);

port.once('message', ({root, vaults, paths}: ReadJob) => {
	// Only the paths: a file's stat is taken when it is written to the index (index/read-stat.ts).
	const files = (paths === '' ? [] : paths.split('\0')).map(path => ({path, ...UNSTATTED}));
	const skipped: Skipped[] = [];
	const read = indexReader(root, skipped, vaults);
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
});
