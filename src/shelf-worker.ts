/**
 * Loads a shelf off the thread that reads keys: `inkshelf ~/notes.md` shows the
 * file at once while its folder, however large, is walked here. With `scan`,
 * only walks it (one stat a file): the shelf index compares that with what it
 * has, so the library's first frame never waits for the walk.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {loadShelf, packScan, scanShelf, tooLargeBehindAFile} from './core/shelf/index.js';

const {dir, scan, exclude} = workerData as {dir: string; scan?: boolean; exclude?: string[]};
try {
	if (scan) {
		parentPort?.postMessage({ok: true, scan: packScan(scanShelf(dir, {exclude: exclude ?? []}))});
	} else {
		const shelf = await loadShelf(dir);
		const tooLarge = tooLargeBehindAFile(shelf, dir);
		parentPort?.postMessage(tooLarge ? {ok: false, message: tooLarge} : {ok: true, shelf});
	}
} catch (error) {
	parentPort?.postMessage({ok: false, message: error instanceof Error ? error.message : String(error)});
}
