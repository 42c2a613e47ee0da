import {homedir} from 'node:os';
import path from 'node:path';

/** Where inkshelf keeps state and crash logs: $XDG_STATE_HOME/inkshelf, else ~/.local/state/inkshelf. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
	const base = env['XDG_STATE_HOME'] && path.isAbsolute(env['XDG_STATE_HOME']) ? env['XDG_STATE_HOME'] : path.join(homedir(), '.local', 'state');
	return path.join(base, 'inkshelf');
}
