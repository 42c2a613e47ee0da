/**
 * Running the programs inkshelf hands work to (clipboard tools, the browser
 * opener) and finding them: PATH lookup without a shell, WSL detection, a
 * spawn that always resolves with what happened.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {accessSync, constants, readFileSync, statSync} from 'node:fs';
import {release} from 'node:os';
import path from 'node:path';
import {errorCode} from './errors.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface RunResult {
	/** Exit code; null when the tool never ran, timed out or died from a signal (`stderr` says which). */
	code: number | null;
	stderr: string;
}

/** Runs a tool with `input` on stdin. Resolves, never rejects. */
export type RunTool = (cmd: string, args: string[], input: string, timeoutMs: number, extraEnv?: Env) => Promise<RunResult>;

const STDERR_CAP = 4_096;
/** How long to wait for stderr after the tool exited, see `run`'s 'exit' handler. */
const STDERR_DRAIN_MS = 50;

export function makeRun(baseEnv: Env): RunTool {
	return (cmd, args, input, timeoutMs, extraEnv) =>
		new Promise<RunResult>(resolve => {
			let stderr = '';
			let settled = false;
			let child: ChildProcess | undefined;
			const timers: NodeJS.Timeout[] = [];
			const finish = (result: RunResult): void => {
				if (settled) return;
				settled = true;
				for (const t of timers) clearTimeout(t);
				// A daemonized xclip/wl-copy may still hold our pipes; they must not keep Node alive.
				child?.stdin?.destroy();
				child?.stderr?.destroy();
				child?.unref();
				resolve(result);
			};
			try {
				// stdout is ignored, not piped: xclip/xsel/wl-copy fork a server that inherits it
				// and would keep a piped stdout open for as long as they own the selection.
				child = spawn(cmd, args, {env: {...baseEnv, ...extraEnv}, stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true});
			} catch (err) {
				finish({code: null, stderr: err instanceof Error ? err.message : String(err)});
				return;
			}
			child.on('error', err => {
				finish({code: null, stderr: errorCode(err) === 'ENOENT' ? 'not installed (not found on PATH)' : err.message});
			});
			child.stderr?.setEncoding('utf8');
			child.stderr?.on('data', (chunk: string) => {
				if (stderr.length < STDERR_CAP) stderr += chunk;
			});
			let exitCode: number | null = null;
			let exitSignal: NodeJS.Signals | null = null;
			const done = (): void => {
				const text = stderr.trim();
				if (exitSignal) finish({code: null, stderr: `killed by ${exitSignal}${text ? `: ${text}` : ''}`});
				else finish({code: exitCode, stderr: text});
			};
			// 'close' waits for stderr to end, which a forked clipboard server can postpone
			// forever, so after 'exit' we only give the pipe a moment to drain.
			child.on('exit', (code, signal) => {
				exitCode = code;
				exitSignal = signal;
				timers.push(setTimeout(done, STDERR_DRAIN_MS));
			});
			child.on('close', done);
			timers.push(
				setTimeout(() => {
					child?.kill('SIGKILL');
					finish({code: null, stderr: `timed out after ${timeoutMs} ms`});
				}, timeoutMs),
			);
			// EPIPE when a tool exits without reading stdin; its exit status is the real report.
			child.stdin?.on('error', () => {});
			child.stdin?.end(input, 'utf8');
		});
}

function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
	try {
		if (!statSync(file).isFile()) return false;
		if (platform !== 'win32') accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** PATH lookup in `env` without a shell (no `command -v`, no quoting issues, nothing to inject into). */
export function makeWhich(env: Env, platform: NodeJS.Platform): (cmd: string) => string | null {
	const win = platform === 'win32';
	// Windows env names are case-insensitive, but a copied env object is not.
	const lookup = (name: string): string | undefined =>
		win ? Object.entries(env).find(([k]) => k.toUpperCase() === name)?.[1] : env[name];
	return cmd => {
		if (cmd.includes('/') || (win && cmd.includes('\\'))) return isExecutableFile(cmd, platform) ? cmd : null;
		const exts = win && !path.extname(cmd) ? (lookup('PATHEXT') ?? '.COM;.EXE;.BAT;.CMD').split(';') : [''];
		for (const dir of (lookup('PATH') ?? '').split(win ? ';' : ':')) {
			// An empty entry means the current directory; never run a tool from an article's folder.
			if (!dir) continue;
			for (const ext of exts) {
				const file = path.join(dir, cmd + ext);
				if (isExecutableFile(file, platform)) return file;
			}
		}
		return null;
	};
}

export function detectWSL(platform: NodeJS.Platform): boolean {
	if (platform !== 'linux') return false;
	if (/microsoft/i.test(release())) return true;
	try {
		return /microsoft/i.test(readFileSync('/proc/version', 'utf8'));
	} catch {
		return false;
	}
}
