/**
 * Where a shelf's index lives: $XDG_CACHE_HOME/inkshelf/ (or ~/.cache/inkshelf/),
 * one file per shelf, named by a hash of the shelf's real path so the same
 * folder reached by two paths shares one index. The folder is user-only (0700).
 */
import {createHash} from 'node:crypto';
import {chmodSync, mkdirSync, realpathSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';

export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
	const xdg = env['XDG_CACHE_HOME'];
	return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.cache'), 'inkshelf');
}

/** The index file for a shelf folder (its real path, so symlinked paths share it). */
export function indexFileFor(shelfRoot: string, env: NodeJS.ProcessEnv = process.env): {file: string; realRoot: string} {
	let realRoot = path.resolve(shelfRoot);
	try {
		realRoot = realpathSync(realRoot);
	} catch {
		// A root that vanished is reported by the loader; the hash of the given path will do.
	}
	const hash = createHash('sha256').update(realRoot).digest('hex').slice(0, 20);
	return {file: path.join(cacheFolder(env), `shelf-${hash}.sqlite`), realRoot};
}

/** Creates the cache folder user-only; throws when it cannot be made or written. */
export function makeCacheFolder(dir: string): void {
	mkdirSync(dir, {recursive: true, mode: 0o700});
	// mkdir's mode is filtered by the umask and does not change an existing folder.
	chmodSync(dir, 0o700);
}
