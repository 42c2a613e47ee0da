/**
 * A full garbage collection after a burst of work, once the heap has grown
 * well past what was alive after the last one. V8 keeps a small young
 * generation here (young-generation.ts), so most of what a search key makes
 * is moved to the old generation before it dies; and V8 waits until the old
 * generation is hundreds of megabytes (its first limit is half the heap's
 * maximum, a few gigabytes on this kind of machine) before collecting it.
 * Typing a query at 20,000 articles grew it by 40 MiB, at 100,000 by 150.
 *
 * The collection runs a little after the last call (the key's frame is out
 * by then), only when the heap grew by more than 24 MiB or half of what was
 * alive: at 20,000 articles it takes ~10-30 ms, about every 5 keys.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

const MIN_GROWTH = 24 * 1024 * 1024;
/** After the last call: Ink draws a frame within 34 ms of a change. */
const DELAY_MS = 50;

let collect: (() => void) | null | undefined;
let aliveAfterLast = 0;
let timer: NodeJS.Timeout | null = null;

/** The function V8 gives scripts when `--expose-gc` is set: asked for once, in a context of its own. */
function collector(): (() => void) | null {
	if (collect !== undefined) return collect;
	try {
		v8.setFlagsFromString('--expose-gc');
		const gc: unknown = vm.runInNewContext('typeof gc === "function" ? gc : null');
		collect = typeof gc === 'function' ? () => void (gc as () => unknown)() : null;
	} catch {
		collect = null;
	}
	return collect;
}

/** Collects garbage DELAY_MS after the last call, when the heap grew enough since the last collection. */
export function collectWhenGrown(): void {
	if (timer) clearTimeout(timer);
	timer = setTimeout(() => {
		timer = null;
		const used = v8.getHeapStatistics().used_heap_size;
		if (used - aliveAfterLast < Math.max(MIN_GROWTH, aliveAfterLast / 2)) return;
		collector()?.();
		aliveAfterLast = v8.getHeapStatistics().used_heap_size;
	}, DELAY_MS);
	// Never keeps the process alive.
	timer.unref();
}
