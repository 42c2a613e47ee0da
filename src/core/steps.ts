/**
 * Work written as a generator that yields between steps can be spread over
 * turns of the event loop (the app, between keys) or run through at once
 * (the commands, tests): `drain` is the latter.
 */
export function drain<T>(steps: Generator<void, T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}
