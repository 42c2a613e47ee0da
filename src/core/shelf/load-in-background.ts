import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {startWorker} from '../young-generation.js';
import {loadShelf} from './loader.js';
import type {Shelf} from './types.js';

/**
 * Beyond this a folder is not handed to the app behind one file: taking it in
 * (copying it from the worker, grouping it, finding the links between its
 * articles) would hold up the reader for seconds. Measured: 1,050 articles
 * (29 MB) arrive in ~0.1 s; 35,000 (238 MB, a whole /tmp) take minutes.
 */
const MAX_ARTICLES = 5000;
const MAX_TEXT = 64 * 1024 * 1024;

/** Why `shelf` is too large to load behind a file, or null when it is not. */
export function tooLargeBehindAFile(shelf: Shelf, dir: string): string | null {
	let text = 0;
	for (const a of shelf.articles) text += a.body.length;
	if (shelf.articles.length <= MAX_ARTICLES && text <= MAX_TEXT) return null;
	const n = shelf.articles.length;
	return `${n.toLocaleString('en')} ${n === 1 ? 'article' : 'articles'}, too many to load behind one file; inkshelf ${dir} opens them all`;
}

export interface BackgroundLoad {
	/** The shelf, or why it could not be read. */
	done: Promise<{shelf: Shelf} | {error: string}>;
	/** Stops the walk (quitting must not wait for a folder of a million files). */
	cancel(): void;
}

/**
 * Loads `dir` in a worker thread when the built worker is beside this module
 * (dist/shelf-worker.js); from the sources (tests) it loads after a turn of
 * the event loop instead, which is the same result, only not in parallel.
 */
export function loadInBackground(dir: string, workerUrl: URL): BackgroundLoad {
	if (!existsSync(fileURLToPath(workerUrl))) {
		let cancelled = false;
		const done = new Promise<{shelf: Shelf} | {error: string}>(resolve => {
			setTimeout(() => {
				if (cancelled) return;
				loadShelf(dir).then(shelf => {
					const tooLarge = tooLargeBehindAFile(shelf, dir);
					resolve(tooLarge ? {error: tooLarge} : {shelf});
				}, (error: unknown) => resolve({error: String(error instanceof Error ? error.message : error)}));
			}, 50);
		});
		return {done, cancel: () => void (cancelled = true)};
	}
	const worker = startWorker(workerUrl, {workerData: {dir}});
	// A worker still walking never keeps inkshelf from exiting.
	worker.unref();
	const done = new Promise<{shelf: Shelf} | {error: string}>(resolve => {
		worker.once('message', (m: {ok: true; shelf: Shelf} | {ok: false; message: string}) => resolve(m.ok ? {shelf: m.shelf} : {error: m.message}));
		worker.once('error', error => resolve({error: error.message}));
		worker.once('exit', code => resolve({error: `the folder loader stopped (${code})`}));
	});
	void done.then(() => worker.terminate());
	return {done, cancel: () => void worker.terminate()};
}
