/**
 * The pieces behind `copyToClipboard`: the OSC 52 encoder, the choice of
 * system clipboard tool per platform, and the real (non-test) dependencies.
 * The tools are spawned directly instead of through clipboardy so that a
 * bundled build has no missing fallback binaries and no execa.
 */
import {execFile} from 'node:child_process';
import {detectWSL, makeRun, makeWhich, type Env, type RunTool} from '../system/index.js';

export type {Env, RunResult} from '../system/index.js';

export interface ClipboardDeps {
	env: Env;
	platform: NodeJS.Platform;
	/** Whether `writeTerminal` reaches a terminal; OSC 52 is only sent to one. */
	isTTY: boolean;
	/** Raw bytes for the terminal. Ink's <Text> strips OSC 52, so this must bypass Ink. */
	writeTerminal(data: string): void;
	/** Runs a tool with `input` on stdin. Resolves, never rejects. */
	run: RunTool;
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
