/**
 * A full garbage collection in a pause, when the heap has grown well past
 * what was alive after the last one. V8 keeps a small young generation here
 * (young-generation.ts), so most of what a search key makes is moved to the
 * old generation before it dies; and V8 waits until the old generation is
 * hundreds of megabytes before collecting it: typing a query grew it by
 * ~40 MiB at 20,000 articles and ~150 at 100,000.
 *
 * A collection takes 50-150 ms at 20,000-100,000 articles on a busy machine,
 * so it waits for 100 ms without a key (the key's frame is long out by then):
 * run 50 ms after each key, it once held a key's frame back long enough for
 * the bench to take it for the next key's. Once start-up's work is done
 * (`settled`), what it left behind is collected whatever the growth.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

const MIN_GROWTH = 24 * 1024 * 1024;
/** Without a call for this long: Ink has drawn the last key's frame (it draws within 34 ms of a change). */
const DELAY_MS = 100;

let collect: (() => void) | null | undefined;
let aliveAfterLast = 0;
let timer: NodeJS.Timeout | null = null;

/** The function V8 gives scripts when `--expose-gc` is set: asked for once, in a context of its own. */
function collector(): (() => void) | null {
	if (collect !== undefined) return collect;
	try {
		v8.setFlagsFromString('--expose-gc');
		const gc: unknown = vm.runInNewContext('typeof gc === "function" ? gc : null');
		// The function stays; the flag goes back to its default at once: a V8 flag off its default makes V8
		// refuse the code caches of Node and the app (a worker started after took ~50 ms more to load).
		v8.setFlagsFromString('--no-expose-gc');
		collect = typeof gc === 'function' ? () => void (gc as () => unknown)() : null;
	} catch {
		collect = null;
	}
	return collect;
}

/** Collects garbage DELAY_MS after the last call, when the heap grew enough since the last collection (or, `settled`, anyway). */
export function collectWhenGrown({settled = false}: {settled?: boolean} = {}): void {
	if (timer) clearTimeout(timer);
	timer = setTimeout(() => {
		timer = null;
		const used = v8.getHeapStatistics().used_heap_size;
		if (!settled && used - aliveAfterLast < Math.max(MIN_GROWTH, aliveAfterLast / 2)) return;
		collector()?.();
		aliveAfterLast = v8.getHeapStatistics().used_heap_size;
	}, DELAY_MS);
	// Never keeps the process alive.
	timer.unref();
}
