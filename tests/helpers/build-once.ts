/**
 * vitest globalSetup: runs once before any test file. Tests of the CLI and the
 * tmux tests run the BUILT app (dist/), so after an edit to src/ a plain
 * `npx vitest run` would test the old build; this rebuilds first whenever any
 * file under src/ (or the build script) is newer than dist/cli.js.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(REPO, 'dist', 'cli.js');
/** The render worker is its own bundle: the reader and `read`/`check`/`code` need it. */
const WORKER = path.join(REPO, 'dist', 'render-worker.js');
/** So is the worker that shares a first start's reading (tests of core/shelf/read-shared.ts use it). */
const READ_WORKER = path.join(REPO, 'dist', 'shelf-read-worker.js');

function newestIn(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
	}
	return newest;
}

/** Why dist/ must be built again, or null when it is current. */
export function staleBuild(): string | null {
	if (!existsSync(CLI)) return 'dist/cli.js is missing';
	if (!existsSync(WORKER)) return 'dist/render-worker.js is missing';
	if (!existsSync(READ_WORKER)) return 'dist/shelf-read-worker.js is missing';
	const built = statSync(CLI).mtimeMs;
	const sources = Math.max(newestIn(path.join(REPO, 'src')), statSync(path.join(REPO, 'scripts', 'build.mjs')).mtimeMs, statSync(path.join(REPO, 'package.json')).mtimeMs);
	return sources > built ? 'src/ changed since dist/ was built' : null;
}

export default function setup(): void {
	const why = staleBuild();
	if (!why) return;
	const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], {cwd: REPO, encoding: 'utf8', timeout: 180_000});
	if (r.status !== 0 || !existsSync(CLI)) throw new Error(`${why}; rebuilding failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}
