/**
 * The pieces behind `copyToClipboard`: the OSC 52 encoder, the choice of
 * system clipboard tool per platform, and the real (non-test) dependencies.
 * The tools are spawned directly instead of through clipboardy so that a
 * bundled build has no missing fallback binaries and no execa.
 */
import {execFile, spawn, type ChildProcess} from 'node:child_process';
import {accessSync, constants, readFileSync, statSync} from 'node:fs';
import {release} from 'node:os';
import path from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export interface RunResult {
	/** Exit code; null when the tool never ran, timed out or died from a signal (`stderr` says which). */
	code: number | null;
	stderr: string;
}

export interface ClipboardDeps {
	env: Env;
	platform: NodeJS.Platform;
	/** Whether `writeTerminal` reaches a terminal; OSC 52 is only sent to one. */
	isTTY: boolean;
	/** Raw bytes for the terminal. Ink's <Text> strips OSC 52, so this must bypass Ink. */
	writeTerminal(data: string): void;
	/** Runs a tool with `input` on stdin. Resolves, never rejects. */
	run(cmd: string, args: string[], input: string, timeoutMs: number, extraEnv?: Env): Promise<RunResult>;
	/** Absolute path of `cmd` on PATH, or null. */
	which(cmd: string): string | null;
	isWSL: boolean;
	/** Output of `<tmux> -V` (e.g. "tmux 3.3a"), or null when it cannot be read. */
	tmuxVersion(tmux: string): Promise<string | null>;
}

// ---------------------------------------------------------------- OSC 52

/** Above this much base64 terminals (and tmux) start dropping or truncating OSC 52. */
export const OSC52_MAX_BASE64 = 100_000;

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

/** Length of the base64 payload without building it (the text may be megabytes). */
export function osc52Base64Length(text: string): number {
	return 4 * Math.ceil(Buffer.byteLength(text, 'utf8') / 3);
}

/** GNU screen without tmux inside it: screen drops OSC 52 but passes DCS strings through. */
function inScreenOnly(env: Env): boolean {
	return Boolean(env.STY) && !env.TMUX;
}

/**
 * The bytes that ask the terminal to set its clipboard to `text`. Inside tmux
 * the plain sequence is right: tmux (set-clipboard on) keeps it as a paste
 * buffer and forwards it itself. Screen caps the length of one DCS string, so
 * the payload is cut into 76-character pieces that the outer terminal
 * reassembles. When both $TMUX and $STY are set we cannot tell which one is
 * innermost and assume tmux, the common case.
 */
export function osc52Sequence(text: string, env: Env = {}): string {
	const b64 = Buffer.from(text, 'utf8').toString('base64');
	if (!inScreenOnly(env)) return `${ESC}]52;c;${b64}${BEL}`;
	const chunks = b64.match(/.{1,76}/g) ?? [''];
	return `${ESC}P${ESC}]52;c;${chunks.join(`${ST}${ESC}P`)}${BEL}${ST}`;
}

// ---------------------------------------------------------------- tmux

/**
 * `load-buffer -w` (also send to the outer terminal's clipboard) exists since
 * tmux 3.2. An unreadable version is treated as new because the caller
 * retries without -w when tmux rejects the flag.
 */
export function tmuxSupportsW(version: string | null): boolean {
	if (!version) return true;
	const m = /(\d+)\.(\d+)/.exec(version);
	if (!m) return true; // "tmux master" and other source builds
	const major = Number(m[1]);
	const minor = Number(m[2]);
	// OpenBSD reports its own release; 6.9 was the first to ship tmux 3.2.
	if (/openbsd-/i.test(version)) return major > 6 || (major === 6 && minor >= 9);
	return major > 3 || (major === 3 && minor >= 2);
}

// ---------------------------------------------------------------- system tools

export const TOOL_TIMEOUT_MS = 2_000;
/** powershell.exe alone often takes 1–3 s to start. */
const POWERSHELL_TIMEOUT_MS = 6_000;

/** A step of the platform route: a tool to try, or a reason a family of tools was skipped. */
export type ToolStep =
	| {kind: 'tool'; route: string; cmd: string; args: string[]; timeoutMs: number; extraEnv?: Env}
	| {kind: 'skip'; route: string; error: string; short: string};

/**
 * `-Command Set-Clipboard` would read stdin in the console's OEM code page and
 * mangle exactly the non-ASCII text we send to PowerShell for, so read stdin
 * as UTF-8 ourselves. -EncodedCommand sidesteps Windows command-line quoting.
 */
const POWERSHELL_SCRIPT = [
	"$ErrorActionPreference = 'Stop'",
	'[Console]::InputEncoding = New-Object System.Text.UTF8Encoding $false',
	'Set-Clipboard -Value ([Console]::In.ReadToEnd())',
].join('\n');

const POWERSHELL_ARGS = [
	'-NoProfile',
	'-NonInteractive',
	'-EncodedCommand',
	Buffer.from(POWERSHELL_SCRIPT, 'utf16le').toString('base64'),
];

function windowsSteps(ascii: boolean): ToolStep[] {
	const clip: ToolStep = {kind: 'tool', route: 'clip.exe', cmd: 'clip.exe', args: [], timeoutMs: TOOL_TIMEOUT_MS};
	const powershell: ToolStep = {
		kind: 'tool',
		route: 'powershell',
		cmd: 'powershell.exe',
		args: POWERSHELL_ARGS,
		timeoutMs: POWERSHELL_TIMEOUT_MS,
	};
	// clip.exe is fast but decodes stdin in the OEM code page (microsoft/WSL#4852),
	// so it is only trusted with ASCII; a garbled snippet is worse than none.
	if (ascii) return [clip, powershell];
	return [
		powershell,
		{kind: 'skip', route: 'clip.exe', error: 'skipped: clip.exe garbles non-ASCII text', short: 'clip.exe unsafe for non-ASCII'},
	];
}

/** pbcopy decodes stdin by the locale and mangles UTF-8 under LANG=C or no locale (common over SSH). */
function pbcopyEnv(env: Env): Env {
	const extra: Record<string, string> = {LC_CTYPE: 'UTF-8'};
	if (env.LC_ALL && !/utf-?8/i.test(env.LC_ALL)) extra.LC_ALL = 'en_US.UTF-8';
	return extra;
}

/** The system clipboard tools for this machine, in the order to try them; the first that works wins. */
export function platformSteps(platform: NodeJS.Platform, env: Env, isWSL: boolean, text: string): ToolStep[] {
	const ascii = /^[\u0000-\u007f]*$/.test(text);
	if (platform === 'darwin') {
		return [{kind: 'tool', route: 'pbcopy', cmd: 'pbcopy', args: [], timeoutMs: TOOL_TIMEOUT_MS, extraEnv: pbcopyEnv(env)}];
	}
	if (platform === 'win32') return windowsSteps(ascii);

	// WSL tries the Windows tools first, then X/Wayland (WSLg) in case interop is off.
	const steps: ToolStep[] = isWSL ? windowsSteps(ascii) : [];
	if (env.WAYLAND_DISPLAY) {
		// An explicit type: inferred types turn an HTML snippet into rich text in editors.
		steps.push({kind: 'tool', route: 'wl-copy', cmd: 'wl-copy', args: ['--type', 'text/plain;charset=utf-8'], timeoutMs: TOOL_TIMEOUT_MS});
	}
	if (env.DISPLAY) {
		steps.push(
			{kind: 'tool', route: 'xclip', cmd: 'xclip', args: ['-selection', 'clipboard'], timeoutMs: TOOL_TIMEOUT_MS},
			{kind: 'tool', route: 'xsel', cmd: 'xsel', args: ['--clipboard', '--input'], timeoutMs: TOOL_TIMEOUT_MS},
		);
	}
	if (!env.WAYLAND_DISPLAY && !env.DISPLAY) {
		steps.push({
			kind: 'skip',
			route: 'xclip/xsel/wl-copy',
			error: 'no DISPLAY or WAYLAND_DISPLAY, so no X11/Wayland clipboard to reach',
			short: 'no display for xclip/xsel/wl-copy',
		});
	}
	return steps;
}

// ---------------------------------------------------------------- real dependencies

const STDERR_CAP = 4_096;
/** How long to wait for stderr after the tool exited, see `run`'s 'exit' handler. */
const STDERR_DRAIN_MS = 50;

function errorCode(err: unknown): string | undefined {
	return err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

export function makeRun(baseEnv: Env): ClipboardDeps['run'] {
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
export function makeWhich(env: Env, platform: NodeJS.Platform): ClipboardDeps['which'] {
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

const tmuxVersions = new Map<string, Promise<string | null>>();

/** `tmux -V`, asked once per binary per process. */
export function readTmuxVersion(tmux: string): Promise<string | null> {
	let version = tmuxVersions.get(tmux);
	if (!version) {
		version = new Promise(resolve => {
			execFile(tmux, ['-V'], {timeout: TOOL_TIMEOUT_MS, windowsHide: true}, (err, stdout) => {
				resolve(err ? null : String(stdout).trim() || null);
			});
		});
		tmuxVersions.set(tmux, version);
	}
	return version;
}

/** Real dependencies, each one replaceable; `run` and `which` use the (possibly injected) env. */
export function resolveDeps(deps: Partial<ClipboardDeps>): ClipboardDeps {
	const env = deps.env ?? process.env;
	const platform = deps.platform ?? process.platform;
	return {
		env,
		platform,
		isTTY: deps.isTTY ?? process.stdout.isTTY === true,
		writeTerminal: deps.writeTerminal ?? (data => void process.stdout.write(data)),
		run: deps.run ?? makeRun(env),
		which: deps.which ?? makeWhich(env, platform),
		isWSL: deps.isWSL ?? detectWSL(platform),
		tmuxVersion: deps.tmuxVersion ?? readTmuxVersion,
	};
}
