/**
 * Reading many files for the index (a first start: 20,000 files before the
 * first frame), shared with a worker thread so both cores work. The files are
 * taken a chunk at a time from one shared counter by whichever thread is free,
 * so a worker that starts late or gets little CPU (a busy machine) only takes
 * fewer chunks: the calling thread never waits on more than the worker's
 * chunk in hand, and reads itself what the worker failed to give back.
 *
 * Synchronous on purpose, like the loader: results come in through
 * receiveMessageOnPort and the last wait is Atomics.wait, so the index's
 * sync stays one synchronous step.
 */
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {isMainThread, MessageChannel, receiveMessageOnPort, type MessagePort, type Worker} from 'node:worker_threads';
import {articleReader} from './loader.js';
import {fileOf, type ShelfFile} from './walk.js';
import {linkTargets} from './related.js';
import {bundledFile} from '../bundled-file.js';
import {startWorker, workerLoaded} from '../young-generation.js';
import {NONE, orNone, type Article, type Skipped} from './types.js';

/** An article read for the index: no body (it is read again when opened or indexed), its link targets, and its file: with the walk's stat, or, walked without one, its size as read and its time and inode to be taken (`statLater`). */
export interface ReadForIndex {
	file: ShelfFile;
	article: Article;
	links: string[];
}

/** Files per chunk: big enough that a message costs little, small enough that the last wait is short. */
export const CHUNK = 128;
/** Below this many files the worker is not asked: its start (~50–100 ms of a core) costs more than it saves. */
export const SHARE_FROM = 2000;
/** The longest the caller waits for the worker's last chunk before reading it itself. */
const LAST_WAIT_MS = 2000;

/** Slots of the shared state: the next file to take, and chunks the worker holds. */
export const NEXT = 0;
export const HELD = 1;

/** The job the worker is sent once the walk has found the files. */
export interface ReadJob {
	root: string;
	vaults: string[];
	/** The files' paths joined by NUL, which no path holds: one string costs a message far less than 20,000 objects (~2 ms against ~8, and as much again to receive). */
	paths: string;
}

/** What the worker sends back: a chunk's articles from `start`, and what it passed over since its last chunk. */
export interface ReadMessage {
	start: number;
	items: ReadForIndex[];
	skipped: Skipped[];
}

type ArticleReader = ReturnType<typeof articleReader>;

/** The reader of both threads: no body kept, no stat taken (one system call fewer a file: a first start's 20,000 before its first frame). */
export const indexReader = (root: string, skipped: Skipped[], vaults: string[]): ArticleReader => articleReader(root, skipped, vaults, {forIndex: true, statless: true});

/** `read` is statless (indexReader): a file keeps the walk's stat, taken before it was read, or gets its size as read. */
export function readForIndex(read: ArticleReader, walked: ShelfFile): ReadForIndex {
	let file = walked;
	const article = read(walked.path, walked.size < 0 ? stats => (file = fileOf(walked.path, stats)) : undefined);
	// A body '' has no link: its file had none (head-article.ts).
	if (article.body === '') return {file, article, links: NONE};
	return {file, article: {...article, body: ''}, links: article.error ? NONE : orNone(linkTargets(article))};
}

/** A worker thread that will read part of the files, started before they are known (it loads while the folder is walked). */
export interface ReadHelper {
	thread: Worker;
	port: MessagePort;
	state: Int32Array;
	/** Stopped (its job done or never needed): reading goes on without it. */
	stopped: boolean;
}

/** Starts the worker (dist/shelf-read-worker.js), or null where it is not built (tests from the sources) or cannot start. */
export function startReadHelper(file: URL = bundledFile('shelf-read-worker.js')): ReadHelper | null {
	if (!existsSync(fileURLToPath(file))) return null;
	// Node makes the worker's compile cache folder with the process umask, which a worker may not set, and
	// compile-cache.ts makes it user-only just after: a worker stopped between the two (a first start whose
	// reading ended while it loaded, on a busy machine) left it readable by others. The umask is user-only
	// while the worker lives: before the first frame, when nothing else is made but the index (user-only too).
	const umask = isMainThread ? process.umask(0o077) : null;
	const restore = (): void => void (umask !== null && process.umask(umask));
	try {
		const shared = new SharedArrayBuffer(8);
		const {port1, port2} = new MessageChannel();
		// It loads with V8's default flags (young-generation.ts): its first chunk says it has loaded.
		const thread = startWorker(file, {workerData: {state: shared, port: port2}, transferList: [port2], stdout: true, stderr: true, loadsWithDefaults: true});
		thread.once('exit', restore);
		// Never keeps the process alive; a worker that fails is simply not heard from (its files are read here).
		thread.unref();
		thread.on('error', () => undefined);
		return {thread, port: port1, state: new Int32Array(shared), stopped: false};
	} catch {
		restore();
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

/**
 * Reads `files` of the shelf at `root` into articles for the index, in the
 * same order (a file walked without its stat gets it here); problems found on the way (an unusable authors file) are added
 * to `skipped`. With a helper and enough files, its worker reads part of
 * them. The helper is stopped.
 */
export function readShared(root: string, skipped: Skipped[], vaults: string[], files: ShelfFile[], helper: ReadHelper | null, progress?: (done: number, total: number) => void): ReadForIndex[] {
	// Both threads may find the same unusable authors file (one per folder): each problem is listed once.
	const addOnce = (found: Skipped): void => void (skipped.some(k => k.path === found.path) || skipped.push(found));
	const own: Skipped[] = [];
	const read = indexReader(root, own, vaults);
	const results: (ReadForIndex | undefined)[] = new Array(files.length);
	const worker = files.length >= SHARE_FROM && helper && !helper.stopped ? helper : null;
	if (!worker) stopReadHelper(helper);
	worker?.port.postMessage({root, vaults, paths: files.map(f => f.path).join('\0')} satisfies ReadJob);
	const state = worker?.state ?? new Int32Array(2);
	const take = (message: ReadMessage): void => {
		if (worker) workerLoaded(worker.thread);
		message.items.forEach((item, i) => {
			// The walk's path in place of the two copies the message made of it: fewer strings kept (copied by each scavenge).
			const walked = files[message.start + i];
			if (walked && item.file.path === walked.path && item.article.path === walked.path) item.file.path = item.article.path = walked.path;
			results[message.start + i] = item;
		});
		for (const s of message.skipped) addOnce(s);
	};
	const drain = (): void => {
		if (!worker) return;
		for (let m = receiveMessageOnPort(worker.port); m; m = receiveMessageOnPort(worker.port)) take(m.message as ReadMessage);
	};
	for (let start = Atomics.add(state, NEXT, CHUNK); start < files.length; start = Atomics.add(state, NEXT, CHUNK)) {
		for (let i = start; i < Math.min(start + CHUNK, files.length); i++) results[i] = readForIndex(read, files[i] as ShelfFile);
		drain();
		progress?.(Math.min(start + CHUNK, files.length), files.length); // chunks taken so far: the worker's in hand are nearly read
	}
	if (worker) {
		// Every chunk is taken: wait for the ones the worker holds (it may have died with one).
		const until = performance.now() + LAST_WAIT_MS;
		for (let held = Atomics.load(state, HELD); held > 0 && performance.now() < until; held = Atomics.load(state, HELD)) {
			drain();
			Atomics.wait(state, HELD, held, Math.max(1, until - performance.now()));
		}
		drain();
		stopReadHelper(worker);
	}
	// Not results.map: map passes over the holes a chunk the worker never gave back leaves.
	const all = Array.from(results, (r, i) => r ?? readForIndex(read, files[i] as ShelfFile));
	for (const s of own) addOnce(s);
	progress?.(files.length, files.length);
	return all;
}
