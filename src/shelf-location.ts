/**
 * Where the shelf comes from: a folder as given, or a git URL cloned into the
 * cache (see core/system/git-shelf). Errors become one line for the person.
 */
import {CliError} from './commands.js';
import {sanitizeLine} from './core/sanitize.js';
import type {Io} from './commands.js';

export interface ShelfLocation {
	dir: string;
	/** Shown in the title bar and messages. */
	title: string;
	/** For the status line: now (an offline copy) and once the background fetch ends. */
	notices: {now: string | null; later: Promise<string | null> | null};
}

export async function locateShelf(spec: string, update: boolean, io: Io): Promise<ShelfLocation> {
	const {isGitSpec, parseGitSpec, GitSourceError} = await import('./core/shelf/git-source.js');
	if (!isGitSpec(spec)) {
		if (update) throw new CliError('--update is for shelves from a git URL', 2);
		return {dir: spec, title: spec, notices: {now: null, later: null}};
	}
	const {openGitShelf, GitShelfError} = await import('./core/system/git-shelf.js');
	try {
		const source = parseGitSpec(spec);
		const progress = (message: string): void => {
			// Only a person at a terminal wants to know why nothing happens yet.
			if ('isTTY' in io.err && io.err.isTTY) io.err.write(`${sanitizeLine(message)}\n`);
		};
		const shelf = await openGitShelf(source, {env: io.env, update, progress});
		return {dir: shelf.dir, title: source.spec, notices: {now: shelf.notice, later: shelf.background}};
	} catch (error) {
		if (error instanceof GitSourceError || error instanceof GitShelfError) throw new CliError(sanitizeLine(error.message));
		throw error;
	}
}
