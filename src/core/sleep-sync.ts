/** Blocks this thread for `ms` (for code that must stay synchronous: waiting for a lock, a busy file). */
export function sleepSync(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
