import {mkdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {sanitize} from '../sanitize.js';
import {stateDir} from './paths.js';


/**
 * Writes the full error to a log file and returns a one-line message for the
 * terminal naming that file: a stack trace is for a bug report, not the screen.
 */
export function reportCrash(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
	const detail = error instanceof Error ? `${error.stack ?? error.message}` : String(error);
	const name = `crash-${new Date().toISOString().replace(/[:.]/g, '-')}.log`;
	let where = '';
	for (const dir of [stateDir(env), tmpdir()]) {
		try {
			mkdirSync(dir, {recursive: true});
			const file = path.join(dir, name);
			writeFileSync(file, `inkshelf crashed at ${new Date().toISOString()}\nnode ${process.version} on ${process.platform}\n\n${detail}\n`);
			where = file;
			break;
		} catch {
			// Try the next folder: a read-only home must not hide the message itself.
		}
	}
	const first = sanitize(error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200) ?? '';
	return `inkshelf: something went wrong: ${first}${where ? `\nDetails: ${where}` : ''}`;
}
