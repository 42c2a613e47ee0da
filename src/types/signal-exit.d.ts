// signal-exit 3 (the one Ink uses) ships no types.
declare module 'signal-exit' {
	/** Calls `callback` once when the process ends: normally, by process.exit, or by a signal (re-raised afterwards). */
	export default function onExit(callback: (code: number | null, signal: string | null) => void, options?: {alwaysLast?: boolean}): () => void;
}
