/**
 * A first start's reading begun before the app's modules load. The CLI starts
 * the reading worker (read-helper.ts `startEarlyHelper`, `earlyRead`) as soon as it knows the shelf and sees no index of it:
 * the worker walks the folder and reads its files while the main thread
 * compiles the UI (~100 ms), and the index's first sync takes the worker's
 * walk (or walks itself, if the worker has not yet) and shares the rest of
 * the reading with it. Another root or exclude, or a snapshot after all,
 * stops the worker; the sync then walks and reads as without it.
 */
import {receiveMessageOnPort} from 'node:worker_threads';
import {SCANNED, startReadHelper, stopReadHelper, takeEarlyHelper, type ReadHelper} from '../read-helper.js';
import {UNSTATTED} from './walk.js';
import type {ShelfScan} from './loader.js';

/** A walk as the worker posts it: paths only (the files are listed without their stat). */
export interface PostedScan {
	root: string;
	paths: string[];
	skipped: ShelfScan['skipped'];
	folders: string[];
	vaults: string[];
}

/**
 * The helper for the shelf at `root` about to be read: the early one when it
 * was started for this root and these excludes, else a new one (`wanted`: a
 * first start). An early helper that does not fit is stopped.
 */
export function readHelperFor(root: string, exclude: readonly string[], wanted: boolean): ReadHelper | null {
	const helper = takeEarlyHelper();
	// Started early but never sent a shelf to walk: it is a plain helper, already loaded.
	const fits = !helper?.early || (helper.early.root === root && helper.early.exclude.join('\n') === exclude.join('\n'));
	if (helper && !helper.stopped && wanted && fits) return helper;
	stopReadHelper(helper);
	return wanted ? startReadHelper() : null;
}

/**
 * An early helper's walk when it is done; null for another helper, or when
 * the worker has not walked yet or could not: then the caller walks itself,
 * and readShared checks what the worker reads against that walk.
 */
export function takeScan(helper: ReadHelper | null): ShelfScan | null {
	if (!helper?.early || helper.stopped || Atomics.load(helper.state, SCANNED) === 0) return null;
	// The walk is the worker's first message (posted before SCANNED is set): the chunks it reads after it stay on the port for readShared.
	const posted = receiveMessageOnPort(helper.port)?.message as {scan: PostedScan | null} | undefined;
	if (!posted?.scan) {
		stopReadHelper(helper);
		return null;
	}
	const {root, paths, skipped, folders, vaults} = posted.scan;
	return {root, files: paths.map(path => ({path, ...UNSTATTED})), skipped, folders, vaults};
}
