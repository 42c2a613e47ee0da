/**
 * node:sqlite, loaded with its ExperimentalWarning kept off the screen: Node
 * prints it on stderr, which is the terminal the app draws on. Only that one
 * warning is dropped; every other warning still goes through.
 */
import type {DatabaseSync as DatabaseSyncType} from 'node:sqlite';

export type Database = DatabaseSyncType;
let loaded: typeof import('node:sqlite') | null | undefined;

/** The module, or null where this Node has none (older than 22.5, or built without it). */
export async function loadSqlite(): Promise<typeof import('node:sqlite') | null> {
	if (loaded !== undefined) return loaded;
	const emit = process.emitWarning;
	process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]): void {
		const text = typeof warning === 'string' ? warning : warning.message;
		if (/SQLite is an experimental feature/i.test(text)) return;
		// The rest of the arguments are passed on as given (emitWarning has several overloads).
		(emit as (...args: unknown[]) => void).call(process, warning, ...rest);
	} as typeof process.emitWarning;
	try {
		loaded = await import('node:sqlite');
	} catch {
		loaded = null;
	} finally {
		process.emitWarning = emit;
	}
	return loaded;
}
