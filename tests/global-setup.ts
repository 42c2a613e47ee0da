/**
 * Builds dist/ once before the tests when a source file is newer than the
 * build (or there is none): the CLI, tmux and render-worker tests run the
 * built files, and must not test yesterday's code.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));

function newest(dir: string): number {
	let t = 0;
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const p = path.join(dir, entry.name);
		t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
	}
	return t;
}

export default function setup(): void {
	const built = path.join(repo, 'dist', 'render-worker.js');
	const cli = path.join(repo, 'dist', 'cli.js');
	if (existsSync(built) && existsSync(cli) && statSync(cli).mtimeMs >= newest(path.join(repo, 'src'))) return;
	const r = spawnSync(process.execPath, [path.join(repo, 'scripts', 'build.mjs')], {cwd: repo, stdio: 'inherit'});
	if (r.status !== 0) throw new Error('build failed');
}
