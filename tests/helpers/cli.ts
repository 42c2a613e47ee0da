/**
 * Runs the BUILT command line (dist/cli.js) the way a user's shell would: a
 * real child process, no shell in between, stdin not a terminal.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(REPO, 'dist', 'cli.js');
export const CONTENT = path.join(REPO, 'content');

/** Builds dist/cli.js when it is missing (a fresh checkout); an existing build is used as is. */
export function ensureBuilt(): void {
	if (existsSync(CLI)) return;
	const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], {cwd: REPO, encoding: 'utf8', timeout: 120_000});
	if (r.status !== 0 || !existsSync(CLI)) throw new Error(`build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/**
 * The environment of the child: the parent's, minus anything that changes
 * colour or terminal detection, plus `extra`. An `undefined` in `extra` removes a variable.
 */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env};
	for (const name of ['NO_COLOR', 'FORCE_COLOR', 'COLORTERM', 'COLORFGBG', 'TMUX', 'TMUX_PANE', 'INKSHELF_OSC52']) delete env[name];
	for (const [name, value] of Object.entries(extra)) {
		if (value === undefined) delete env[name];
		else env[name] = value;
	}
	return env;
}

export interface CliResult {
	status: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	/** stdout as bytes, for byte-exact comparisons. */
	raw: Buffer;
}

export function runCli(args: string[], opts: {env?: Record<string, string | undefined>; cwd?: string} = {}): CliResult {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: opts.cwd ?? REPO,
		env: cliEnv(opts.env),
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 30_000,
		maxBuffer: 64 * 1024 * 1024,
	});
	if (r.error) throw r.error;
	return {status: r.status, signal: r.signal, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout};
}

/** Slugs of every article file under `dir` (what the loader should find), sorted. */
export function articleSlugs(dir: string): string[] {
	const slugs: string[] = [];
	const walk = (rel: string): void => {
		for (const entry of readdirSync(path.join(dir, rel), {withFileTypes: true})) {
			if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
			const child = rel ? `${rel}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(child);
			else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) slugs.push(child.replace(/\.(md|markdown)$/i, ''));
		}
	};
	walk('');
	return slugs.sort();
}

/** Signs that a crash, not a message, reached the user. */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\)|node:internal)/m;
