import {chmodSync} from 'node:fs';
import module from 'node:module';
import {homedir} from 'node:os';
import path from 'node:path';
import {isMainThread} from 'node:worker_threads';

/**
 * Node ≥ 22.1 can keep compiled code between runs; start-up then skips most
 * of the parsing of the bundle. The cache lives in the user's cache folder.
 * On older Node, or when the folder cannot be made, start-up is just slower.
 * Node makes the folders itself with the process umask; the cache is the
 * user's alone (like the index beside it), so they are made user-only. A
 * worker may not change the umask: its folder is made user-only after.
 */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
	const enable = (module as {enableCompileCache?: (dir?: string) => unknown}).enableCompileCache;
	if (typeof enable !== 'function' || env['NODE_DISABLE_COMPILE_CACHE']) return;
	const base = env['XDG_CACHE_HOME'] && path.isAbsolute(env['XDG_CACHE_HOME']) ? env['XDG_CACHE_HOME'] : path.join(homedir(), '.cache');
	const umask = isMainThread ? process.umask(0o077) : undefined;
	try {
		enable(path.join(base, 'inkshelf', 'compile-cache'));
		// A worker's V8 flags differ from the main thread's, so Node gives it a folder of its own,
		// made with the process umask: it is made user-only here.
		const made = (module as {getCompileCacheDir?: () => string | undefined}).getCompileCacheDir?.();
		if (!isMainThread && made) chmodSync(made, 0o700);
	} catch {
		// A read-only home: run without the cache.
	} finally {
		if (umask !== undefined) process.umask(umask);
	}
}
