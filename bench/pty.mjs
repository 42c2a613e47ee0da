// Runs one program in a real pseudo-terminal through ptytime.py and parses
// what it prints: one line per expect/press step and the peak RSS.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** ptytime.py: $PTYTIME, else the shared tool, else the copy beside this file (for CI). */
export function findPtytime() {
	const candidates = [process.env.PTYTIME, '/work/shared/tools/ptytime.py', path.join(here, 'ptytime.py')].filter(Boolean);
	const found = candidates.find((p) => existsSync(p));
	if (!found) throw new Error(`ptytime.py not found (looked at ${candidates.join(', ')}); set PTYTIME`);
	return found;
}

let python;
/** The real python3 binary: a version-manager shim (pyenv) costs ~0.4 s a start, far more than a frame. */
export function findPython() {
	if (python) return python;
	const r = spawnSync(process.env.PYTHON ?? 'python3', ['-c', 'import sys; print(sys.executable)'], {encoding: 'utf8'});
	python = r.status === 0 && r.stdout.trim() ? r.stdout.trim() : 'python3';
	return python;
}

export const COLS = 100;
export const ROWS = 30;

/**
 * @param {object} o
 * @param {string[]} o.command   program and arguments
 * @param {string[]} o.steps     ptytime steps (expect:RE, press:KEYS, send:KEYS, sleep:MS)
 * @param {Record<string,string>} [o.env]  environment of the program (whole; defaults to process.env)
 * @param {string} [o.cwd]       working folder
 * @param {number} [o.timeout]   seconds per step
 * @param {number} [o.quiet]     ms of silence that ends a burst
 * @returns {Promise<{ok: boolean, expects: {step: string, atMs: number, sinceSendMs: number}[],
 *   presses: {step: string, key: string, atMs: number, firstMs: number, endMs: number}[],
 *   peakRssKib: number|null, error: string|null, wallMs: number}>}
 */
export function ptytime({command, steps, env = process.env, cwd = process.cwd(), timeout = 10, quiet = 30, cols = COLS, rows = ROWS, python = findPython()}) {
	const args = [findPtytime(), '--cols', String(cols), '--rows', String(rows), '--timeout', String(timeout), '--quiet', String(quiet)];
	for (const s of steps) args.push('--step', s);
	args.push('--', ...command);
	const started = performance.now();
	return new Promise((resolve) => {
		const child = spawn(python, args, {env, cwd, stdio: ['ignore', 'pipe', 'pipe']});
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('error', (e) => (err += String(e)));
		child.on('close', (code) => {
			const result = {ok: code === 0, expects: [], presses: [], peakRssKib: null, error: null, wallMs: performance.now() - started};
			for (const line of out.split('\n')) {
				if (!line) continue;
				const f = line.split('\t');
				if (f[0] === 'peak-rss-kib') result.peakRssKib = Number(f[1]);
				else if (f[0].startsWith('expect:')) result.expects.push({step: f[0], atMs: Number(f[1]), sinceSendMs: Number(f[2])});
				else if (f[0].startsWith('press:')) result.presses.push({step: f[0], key: f[0].slice(6), atMs: Number(f[1]), firstMs: Number(f[2]), endMs: Number(f[3])});
			}
			if (code !== 0) {
				// ptytime reports a program that ended in the middle of a press as a Python traceback.
				const ended = /EOFError\s*$/.test(err.trim()) ? `program ended during step ${steps[result.expects.length + result.presses.length] ?? '?'}` : null;
				result.error = (ended ?? (err.trim() || `ptytime exited with ${code}`)).slice(0, 1500);
			}
			resolve(result);
		});
	});
}

/** Escapes text for use inside an expect regex. */
export const reEscape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
