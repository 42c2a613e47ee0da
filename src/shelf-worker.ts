/**
 * Loads a shelf off the thread that reads keys: `inkshelf ~/notes.md` shows the
 * file at once while its folder, however large, is walked here.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {loadShelf} from './core/shelf/loader.js';

const {dir} = workerData as {dir: string};
try {
	parentPort?.postMessage({ok: true, shelf: await loadShelf(dir)});
} catch (error) {
	parentPort?.postMessage({ok: false, message: error instanceof Error ? error.message : String(error)});
}
