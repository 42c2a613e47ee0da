/**
 * V8 doubles its young generation (where new objects are made) each time many
 * of them outlive a scavenge, up to 32 MiB on Node 22 and 128 MiB on Node 24,
 * and never gives the pages back: a shelf of 20,000 articles (all of them
 * long-lived objects, made at start) grew it to the top, and Node 24's peak
 * memory after a search was 290 MiB against Node 22's 207 (`node
 * --max-semi-space-size=4` gave 187 on both). Flags cannot be passed to
 * `inkshelf` or `node dist/cli.js`, but the growth factor is read by V8 each
 * time it grows the young generation, so setting it to 1 from here keeps the
 * young generation at its starting size (measured: 2 MiB on Node 22, 12 on
 * Node 24), whereas the maximum size is fixed when the heap is made and
 * setting it from here does nothing.
 *
 * Node 22 puts V8's flags back as they were given whenever a worker thread
 * starts (measured: the setting is lost once a worker is online, on Node 22
 * only), so every worker is started through `startWorker`.
 */
import v8 from 'node:v8';
import {Worker, type WorkerOptions} from 'node:worker_threads';

/**
 * With the young generation small, what a search key makes ends in the old generation, which V8
 * lets grow by its own factor (up to 4x what was alive) before collecting it. The growth is read
 * by V8 at each collection, so it can be bounded from here too: 30% over what was alive. Measured
 * interleaved at 100,000 articles on Node 24, peak RSS after a search: 274-351 MiB without, 261-286
 * with 30% and 255-270 with 10% (whose search keys were ~25 ms slower); at 20,000 the search key
 * was no slower on Node 22 or 24.
 */
const SMALL = ['--semi-space-growth-factor=1', '--heap-growing-percent=30'];
/** V8's own defaults (`node --v8-options`, Node 22 and 24). */
const GROWING = ['--semi-space-growth-factor=2', '--heap-growing-percent=0'];
/** What was asked for; nothing is set until then (a start compiles its modules with V8's defaults). */
let flags = GROWING;
/** Workers loading their modules with V8's defaults (see `startWorker`). */
const loading = new Set<Worker>();
/** The longest a worker may keep V8's defaults without saying it has loaded. */
const LOADING_MS = 1000;

function set(list: readonly string[]): void {
	for (const flag of list) {
		try {
			v8.setFlagsFromString(flag);
		} catch {
			// A Node without the flag: memory as before.
		}
	}
}

function apply(): void {
	set(loading.size ? GROWING : flags);
}

/**
 * Keeps V8's young generation at its starting size from now on (for the whole process, workers
 * included), or with `false` lets it grow again. Called where a shelf's articles are about to be
 * made (opening its index), not at start: a flag that differs from V8's defaults makes V8 refuse
 * the code caches Node ships for its own modules and keeps for the app's (they carry a hash of the
 * flags), and the modules a start loads would be compiled from source.
 *
 * A small shelf (under 5,000 articles, searched by the in-memory index) is told `false` once it is
 * open: its search keys make many short-lived objects, a small young generation moved them to the
 * old one before they died (2,000 articles: 3-9 ms more per search key), and its memory is far
 * below the limits (~165 MiB).
 */
export function keepYoungGenerationSmall(keep = true): void {
	flags = keep ? SMALL : GROWING;
	apply();
}

/** Whether the young generation is being kept small (what `keepYoungGenerationSmall` was last told). */
export function youngGenerationKeptSmall(): boolean {
	return flags === SMALL;
}

/** The flags set in V8 now: V8's defaults while a worker loads, else what was asked for. */
export function youngGenerationFlags(): readonly string[] {
	return loading.size ? GROWING : flags;
}

/**
 * A worker thread, started without undoing `keepYoungGenerationSmall`. With `loadsWithDefaults`,
 * V8's defaults are put back while the worker loads its modules, until `workerLoaded` is called
 * (the caller knows the worker's first message) or the worker ends, or after a second at most:
 * with the flags set, Node and the app's code caches were refused and a worker took 30-35 ms more
 * to load (Node 22 and 24; ~100 ms more inside a first start of 20,000 articles). Meanwhile the
 * young generation may grow a step; only workers a start waits for load this way.
 */
export function startWorker(file: URL | string, options?: WorkerOptions & {loadsWithDefaults?: boolean}): Worker {
	const {loadsWithDefaults = false, ...workerOptions} = options ?? {};
	if (!loadsWithDefaults || flags === GROWING) {
		const worker = new Worker(file, workerOptions);
		worker.once('online', apply);
		return worker;
	}
	// Before the worker is made: it loads as soon as it is.
	set(GROWING);
	let worker: Worker;
	try {
		worker = new Worker(file, workerOptions);
	} catch (error) {
		apply(); // no worker loads: the flags asked for again
		throw error;
	}
	loading.add(worker);
	const timer = setTimeout(() => workerLoaded(worker), LOADING_MS);
	timer.unref();
	worker.once('exit', () => workerLoaded(worker));
	return worker;
}

/** The worker has loaded its modules: the flags asked for are set again once no worker loads. */
export function workerLoaded(worker: Worker): void {
	if (loading.delete(worker)) apply();
}
