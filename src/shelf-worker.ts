/**
 * Loads a shelf off the thread that reads keys: `inkshelf ~/notes.md` shows the
 * file at once while its folder, however large, is walked here.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {loadShelf, tooLargeBehindAFile} from './core/shelf/index.js';

const {dir} = workerData as {dir: string};
try {
	const shelf = await loadShelf(dir);
	const tooLarge = tooLargeBehindAFile(shelf, dir);
	parentPort?.postMessage(tooLarge ? {ok: false, message: tooLarge} : {ok: true, shelf});
} catch (error) {
	parentPort?.postMessage({ok: false, message: error instanceof Error ? error.message : String(error)});
}
