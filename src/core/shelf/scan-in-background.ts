/**
 * The stat walk of a shelf (`scanShelf`) spread over turns of the event loop,
 * a few milliseconds at a time: on a shelf of 20,000 files it takes 0.1–0.2 s,
 * which a key pressed meanwhile would otherwise wait for. (A worker thread
 * would walk in parallel, but a second V8 costs ~30 MiB of memory at start.)
 */
import {scanSteps, type LoadOptions, type ShelfScan} from './loader.js';

/** Work between two turns of the event loop. */
const SLICE_MS = 4;

/** Scans `dir` in slices; rejects as scanShelf throws (a root that vanished). */
export function scanInBackground(dir: string, exclude: LoadOptions['exclude']): Promise<ShelfScan> {
	return inSlices(scanSteps(dir, {exclude}));
}

/** Runs a generator to its end, a few milliseconds of it per turn of the event loop. */
export async function inSlices<T>(steps: Generator<void, T>): Promise<T> {
	for (;;) {
		await new Promise(resolve => setImmediate(resolve));
		const until = performance.now() + SLICE_MS;
		for (;;) {
			const step = steps.next();
			if (step.done) return step.value;
			if (performance.now() >= until) break;
		}
	}
}
