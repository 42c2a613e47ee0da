/**
 * A shelf never indexed (a first start: every file is read before the first
 * frame) starts being walked and read by a worker while the app's modules
 * load; the index's first sync takes over what it has done (see
 * core/shelf/early-read.ts). Light on purpose: the CLI runs it first thing.
 */
import {existsSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
import {earlyRead, startEarlyHelper, stopReadHelper, takeEarlyHelper} from './core/read-helper.js';
import {indexFileFor} from './core/cache-location.js';

/** The folder `spec` names when it is a folder with no index yet (or none is kept), else null. */
function unindexedFolder(spec: string | undefined, noCache: boolean, env: NodeJS.ProcessEnv): string | null {
	if (spec === undefined) return null;
	const root = resolve(spec);
	try {
		// A file is a document, read alone (its folder behind it, without the index). A git URL is no folder.
		if (!statSync(root).isDirectory()) return null;
	} catch {
		return null; // the open says why
	}
	return noCache || !existsSync(indexFileFor(root, env).file) ? root : null;
}

/** Before the config is read: the worker starts loading when the folder given may be read whole. */
export function loadReaderEarly(dir: string | undefined, noCache: boolean, env: NodeJS.ProcessEnv): void {
	if (unindexedFolder(dir, noCache, env) !== null) startEarlyHelper();
}

/** Once the shelves are known: a single folder with no index is walked and read at once; otherwise an early worker is let go. */
export function startReadingEarly(specs: readonly string[], exclude: readonly string[], noCache: boolean, env: NodeJS.ProcessEnv): void {
	// Several shelves are read whole and merged, without the index: not this way.
	const root = specs.length === 1 ? unindexedFolder(specs[0], noCache, env) : null;
	if (root !== null) earlyRead(root, exclude);
	else stopReadHelper(takeEarlyHelper());
}
