/** Opens the shelf's index file in the cache folder, or an index in memory when the cache cannot be used (one status line says why). */
import {sanitizeLine} from '../sanitize.js';
import {cacheFolder, indexFileFor, makeCacheFolder} from './cache-location.js';
import {ShelfStore} from './store.js';
import type {IndexOptions} from './indexed-shelf.js';

export function openStore(sqlite: typeof import('node:sqlite'), scanRoot: string, options: IndexOptions): {store: ShelfStore; status: string | null} {
	let status: string | null = null;
	let store: ShelfStore;
	if (options.noCache) store = ShelfStore.open(sqlite, ':memory:', scanRoot).store;
	else {
		const {file, realRoot} = indexFileFor(scanRoot, options.env);
		try {
			makeCacheFolder(cacheFolder(options.env));
			const opened = ShelfStore.open(sqlite, file, realRoot);
			store = opened.store;
			if (opened.outcome === 'rebuilt') status = 'The shelf index was damaged or from another version: rebuilt';
		} catch (error) {
			status = `No index cache (${sanitizeLine(cacheFolder(options.env))}: ${why(error)}): running without it`;
			store = ShelfStore.open(sqlite, ':memory:', scanRoot).store;
		}
	}
	return {store, status};
}

/** A short reason for a status line: 'not writable', or the error's first 80 characters. */
export function why(error: unknown): string {
	const code = error instanceof Error && 'code' in error ? String(error.code) : '';
	if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'not writable';
	return sanitizeLine(error instanceof Error ? error.message : String(error)).slice(0, 80);
}
