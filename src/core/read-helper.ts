/**
 * The worker that shares a first start's reading (core/shelf/read-shared.ts),
 * started and stopped from here. A module of its own, light on purpose: the
 * CLI starts it before the app's modules load (`startEarlyHelper`), so it must
 * not load the loader and its parsers to do so.
 */
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {MessageChannel, type MessagePort, type Worker} from 'node:worker_threads';
import {bundledFile} from './bundled-file.js';
import {startWorker, workerLoaded} from './young-generation.js';

/** Slots of the shared state: the next file to take, chunks the worker holds, and (an early helper) whether its walk is posted. */
export const NEXT = 0;
export const HELD = 1;
export const SCANNED = 2;

/** A worker thread that will read part of the files, started before they are known (it loads while the folder is walked). */
export interface ReadHelper {
	thread: Worker;
	port: MessagePort;
	state: Int32Array;
	/** Stopped (its job done or never needed): reading goes on without it. */
	stopped: boolean;
	/** A helper that walks the shelf itself and reads its files at once (early-read.ts): what it was asked to walk. */
	early: EarlyJob | null;
}

/** What an early helper walks: the shelf's root and the folders left out (config `exclude`). */
export interface EarlyJob {
	root: string;
	exclude: string[];
}

/** Starts the worker (dist/shelf-read-worker.js), or null where it is not built (tests from the sources) or cannot start. */
export function startReadHelper(file: URL = bundledFile('shelf-read-worker.js')): ReadHelper | null {
	try {
		if (!existsSync(fileURLToPath(file))) return null;
		const shared = new SharedArrayBuffer(12);
		const {port1, port2} = new MessageChannel();
		// It loads with V8's default flags (young-generation.ts): its first chunk says it has loaded.
		const thread = startWorker(file, {workerData: {state: shared, port: port2}, transferList: [port2], stdout: true, stderr: true, loadsWithDefaults: true});
		// Never keeps the process alive; a worker that fails is simply not heard from (its files are read here).
		thread.unref();
		thread.on('error', () => undefined);
		return {thread, port: port1, state: new Int32Array(shared), stopped: false, early: null};
	} catch {
		return null;
	}
}

export function stopReadHelper(helper: ReadHelper | null): void {
	if (!helper || helper.stopped) return;
	helper.stopped = true;
	workerLoaded(helper.thread);
	helper.port.close();
	void helper.thread.terminate();
}

let early: ReadHelper | null = null;

/**
 * Starts the worker before the app's modules load, for a shelf that may be
 * read whole (a first start): it loads while the CLI reads its config, and
 * `earlyRead` then has it walk and read the shelf (core/shelf/early-read.ts).
 */
export function startEarlyHelper(): void {
	stopReadHelper(early);
	early = startReadHelper();
}

/** Has the helper started by `startEarlyHelper` (or a new one) walk the shelf at `root` and read its files at once. */
export function earlyRead(root: string, exclude: readonly string[]): void {
	early ??= startReadHelper();
	if (!early || early.early) return;
	early.early = {root, exclude: [...exclude]};
	early.port.postMessage({early: early.early});
}

/** The helper `startEarlyHelper` started, once (null when none is waiting). */
export function takeEarlyHelper(): ReadHelper | null {
	const helper = early;
	early = null;
	return helper;
}
