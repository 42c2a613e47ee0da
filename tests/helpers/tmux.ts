/**
 * The one tmux driver of the end-to-end tests. It drives a program in a real
 * tmux pane as a person at a keyboard would: a private server (its own -L
 * socket, no config file), one key per send-keys call, and polling of the
 * visible screen instead of fixed sleeps. For the whole app it adds a frozen
 * copy of the build (so a rebuild by someone else cannot swap chunks under a
 * running app), typing a command with `echo EXIT=$?` after it, and BAD_SCREEN:
 * the one list of what must never be on screen.
 */
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import {REPO, ensureBuilt} from './cli.js';

export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

/** tmux key names that send-keys must receive as names; anything else is typed literally. */
const NAMED_KEYS = new Set([
	'Enter', 'Escape', 'Tab', 'BTab', 'Space', 'BSpace', 'Up', 'Down', 'Left', 'Right',
	'Home', 'End', 'PageUp', 'PageDown', 'PPage', 'NPage', 'C-c', 'C-d', 'C-u',
]);

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/** POSIX shell single-quoting, for the command line typed into the pane's shell. */
export function shellQuote(s: string): string {
	return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The environment of the tmux server and so of everything in its panes:
 * deliberately tiny. No DISPLAY/WAYLAND_DISPLAY (no real desktop clipboard is
 * touched), no CI variables (Ink renders non-interactively in CI), no colour
 * overrides, no outer $TMUX, and a UTF-8 locale so tmux keeps ✓ and box drawing.
 */
export function paneEnv(extra: Record<string, string> = {}): Record<string, string> {
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: process.env.HOME ?? '/tmp',
		// The app remembers reading places: a test must neither read the person's nor leave its own.
		XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'inkshelf-e2e-state-')),
		XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'inkshelf-e2e-cache-')),
		// Nor the person's config file: an empty folder unless a test writes one.
		XDG_CONFIG_HOME: mkdtempSync(path.join(tmpdir(), 'inkshelf-e2e-config-')),
		LANG: 'C.UTF-8',
		LC_ALL: 'C.UTF-8',
		TERM: 'xterm-256color',
		...extra,
	};
	// Where the client looks for the server's socket must not change between calls.
	if (process.env.TMUX_TMPDIR) env.TMUX_TMPDIR = process.env.TMUX_TMPDIR;
	return env;
}

export interface TmuxOptions {
	width?: number;
	height?: number;
	/** Pause after each key so the app handles keys one at a time, as typed. */
	keyDelayMs?: number;
}

export class Tmux {
	readonly server: string;
	readonly target = 'main';
	private readonly env: Record<string, string>;
	private readonly keyDelayMs: number;
	/** The server's socket: what `$TMUX` names for a program that should reach this server. */
	socketPath = '';
	/** Every screen captured so far, for checks over the whole session. */
	readonly screens: string[] = [];

	private constructor(server: string, env: Record<string, string>, keyDelayMs: number) {
		this.server = server;
		this.env = env;
		this.keyDelayMs = keyDelayMs;
	}

	/** Starts a private server with one session running a plain interactive bash. */
	static start(server: string, opts: TmuxOptions = {}): Tmux {
		const t = new Tmux(server, paneEnv(), opts.keyDelayMs ?? 40);
		// An explicit command: with -f /dev/null and no command the server may exit at once.
		t.run('-u', '-f', '/dev/null', 'new-session', '-d', '-x', String(opts.width ?? 80), '-y', String(opts.height ?? 24),
			'-s', t.target, 'bash --norc --noprofile');
		// The default ("external") ignores applications' OSC 52.
		t.run('set', '-g', 'set-clipboard', 'on');
		t.socketPath = t.run('display', '-p', '#{socket_path}').trim();
		return t;
	}

	/** An interactive bash ignores an inherited PS1, so the known prompt is set by typing it. */
	private async setPrompt(): Promise<void> {
		this.run('send-keys', '-t', this.target, '-l', `PS1='e2e$ '; clear`);
		this.run('send-keys', '-t', this.target, 'Enter');
		await this.waitFor(s => /^e2e\$\s*$/.test(s.trimEnd()), 10_000);
	}

	/** Runs a tmux command on this server; throws with tmux's message when it fails. */
	run(...args: string[]): string {
		const r = spawnSync('tmux', ['-L', this.server, ...args], {env: this.env, timeout: 10_000});
		if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed (${r.status}): ${String(r.stderr).trim()}`);
		return r.stdout.toString('utf8');
	}

	/** Kills whatever runs in the pane and starts a fresh shell there. */
	async resetPane(): Promise<void> {
		this.run('respawn-pane', '-k', '-t', this.target, 'bash --norc --noprofile');
		this.run('clear-history', '-t', this.target);
		await this.setPrompt();
	}

	/**
	 * Types `command` at the shell prompt and presses Enter. After it ends the
	 * shell prints `INKSHELF_EXIT:<status>` (see `waitForExit`).
	 */
	async runInShell(command: string): Promise<void> {
		this.run('send-keys', '-t', this.target, '-l', `${command}; echo "INKSHELF_EXIT:$?"`);
		this.run('send-keys', '-t', this.target, 'Enter');
	}

	/** One key, as one send-keys call: a tmux key name ('Enter', 'Escape', 'Space'...) or one character. */
	async key(key: string): Promise<void> {
		if (NAMED_KEYS.has(key)) this.run('send-keys', '-t', this.target, key);
		else if ([...key].length === 1) this.run('send-keys', '-t', this.target, '-l', key);
		else throw new Error(`key(): send one key at a time, not ${JSON.stringify(key)}`);
		// A lone ESC is held ~20 ms by Ink before it counts as Escape.
		await sleep(key === 'Escape' ? Math.max(this.keyDelayMs, 80) : this.keyDelayMs);
	}

	async keys(...keys: string[]): Promise<void> {
		for (const k of keys) await this.key(k);
	}

	/** The visible pane as text (no escape sequences). */
	screen(): string {
		const s = this.run('capture-pane', '-p', '-t', this.target);
		if (this.screens.at(-1) !== s) this.screens.push(s);
		return s;
	}

	/** The visible pane with its SGR attributes, for checking colours and inverse video. */
	screenWithAttributes(): string {
		return this.run('capture-pane', '-p', '-e', '-t', this.target);
	}

	/** The newest paste buffer, or null when there is none. */
	buffer(): string | null {
		const r = spawnSync('tmux', ['-L', this.server, 'show-buffer'], {env: this.env, timeout: 10_000});
		return r.status === 0 ? r.stdout.toString('utf8') : null;
	}

	/** Deletes every paste buffer, so an old one cannot pass for a new copy. */
	clearBuffers(): void {
		for (let i = 0; i < 1_000; i++) {
			if (spawnSync('tmux', ['-L', this.server, 'delete-buffer'], {env: this.env}).status !== 0) break;
		}
	}

	/** The command running in the pane (`bash` at the prompt, `node` while the app runs). */
	currentCommand(): string {
		return this.run('display', '-p', '-t', this.target, '#{pane_current_command}').trim();
	}

	/** Polls the screen until it shows `what`; returns that screen, or throws with the last one. */
	async waitFor(what: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
		const test = typeof what === 'string' ? (s: string) => s.includes(what)
			: what instanceof RegExp ? (s: string) => what.test(s) : what;
		let last = '';
		for (const start = Date.now(); ; ) {
			last = this.screen();
			if (test(last)) return last;
			if (Date.now() - start > timeoutMs) break;
			await sleep(50);
		}
		throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? 'a condition' : String(what)}; the screen was:\n${last}`);
	}

	/** Polls the newest paste buffer until it equals `text`; returns the last buffer seen. */
	async waitForBuffer(text: string, timeoutMs = 10_000): Promise<string | null> {
		let last: string | null = null;
		for (const start = Date.now(); Date.now() - start < timeoutMs; await sleep(50)) {
			last = this.buffer();
			if (last === text) return last;
		}
		return last;
	}

	/** Waits until the shell reports the app's exit status and the prompt is back. */
	async waitForExit(timeoutMs = 10_000): Promise<number> {
		const screen = await this.waitFor(/INKSHELF_EXIT:\d+/, timeoutMs);
		for (const start = Date.now(); this.currentCommand() !== 'bash'; await sleep(50)) {
			if (Date.now() - start > timeoutMs) throw new Error(`the pane still runs ${this.currentCommand()}`);
		}
		return Number(/INKSHELF_EXIT:(\d+)/.exec(screen)?.[1]);
	}

	kill(): void {
		spawnSync('tmux', ['-L', this.server, 'kill-server'], {env: this.env});
		// kill-server can leave the socket file behind.
		if (this.socketPath) rmSync(this.socketPath, {force: true});
	}
}

// ---------------------------------------------------------------- the whole app in a pane

/** Relative module names one built file imports (`from"./x.js"`, `import("./x.js")`). */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(/(?:from\s*|import\s*\(\s*)["'](\.\/[^"']+)["']/g)].map(m => m[1] as string);
}

/** Names of modules a copy of dist/ imports but does not hold (a copy taken mid-rebuild). */
function missingModules(dist: string): string[] {
	const missing: string[] = [];
	for (const name of readdirSync(dist)) {
		if (!name.endsWith('.js')) continue;
		for (const rel of importsOf(path.join(dist, name))) {
			if (!existsSync(path.join(dist, rel))) missing.push(`${name} → ${rel}`);
		}
	}
	return missing;
}

/**
 * Copies the built app (dist/, the bundled content/ beside it, package.json for
 * `"type": "module"`) into `into`, and returns the copy's cli.js. The copy is the
 * real build, byte for byte; it is only frozen. Builds first when dist/ is missing,
 * and copies again when the copy caught a rebuild half-way.
 */
export async function snapshotApp(into: string): Promise<string> {
	let problem = '';
	for (let attempt = 0; attempt < 60; attempt++) {
		try {
			ensureBuilt();
			rmSync(into, {recursive: true, force: true});
			mkdirSync(into, {recursive: true});
			cpSync(path.join(REPO, 'dist'), path.join(into, 'dist'), {recursive: true});
			cpSync(path.join(REPO, 'content'), path.join(into, 'content'), {recursive: true});
			cpSync(path.join(REPO, 'package.json'), path.join(into, 'package.json'));
			const cli = path.join(into, 'dist', 'cli.js');
			const missing = existsSync(cli) ? missingModules(path.join(into, 'dist')) : ['cli.js'];
			if (missing.length === 0) {
				const r = spawnSync(process.execPath, [cli, '--version'], {encoding: 'utf8', timeout: 30_000});
				if (r.status === 0) return cli;
				problem = `--version failed (${r.status}): ${r.stderr}`;
			} else {
				problem = `the copy misses ${missing.join(', ')}`;
			}
		} catch (error) {
			problem = String(error);
		}
		// dist/ is being rebuilt right now: let that finish.
		await sleep(500);
	}
	throw new Error(`could not take a consistent copy of dist/: ${problem}`);
}

/**
 * A private tmux server (see `Tmux.start`) whose panes get `env` on top of the
 * helper's tiny environment, with a fresh shell that already has it. The
 * server's global environment is what every later pane is started with.
 */
export async function startTmuxWithEnv(server: string, opts: {width: number; height: number; keyDelayMs?: number}, env: Record<string, string>): Promise<Tmux> {
	const tmux = Tmux.start(server, opts);
	for (const [name, value] of Object.entries(env)) tmux.run('set-environment', '-g', name, value);
	await tmux.resetPane();
	return tmux;
}

/** The global environment of the server, as `NAME=value` lines (`-NAME` when removed). */
export function serverEnvironment(tmux: Tmux): Map<string, string> {
	const vars = new Map<string, string>();
	for (const line of tmux.run('show-environment', '-g').split('\n')) {
		const at = line.indexOf('=');
		if (at > 0) vars.set(line.slice(0, at), line.slice(at + 1));
	}
	return vars;
}

/** Types `node <cli> <args…>; echo EXIT=$?` at the prompt and presses Enter. */
export function typeAppCommand(tmux: Tmux, cli: string, args: string[]): void {
	const command = [process.execPath, cli, ...args].map(shellQuote).join(' ');
	tmux.run('send-keys', '-t', tmux.target, '-l', `${command}; echo EXIT=$?`);
	tmux.run('send-keys', '-t', tmux.target, 'Enter');
}

/** Waits for the `EXIT=<status>` line and the shell back in the pane; returns the status. */
export async function waitForEchoedExit(tmux: Tmux, timeoutMs = 15_000): Promise<number> {
	const screen = await tmux.waitFor(/^EXIT=\d+\s*$/m, timeoutMs);
	for (const start = Date.now(); tmux.currentCommand() !== 'bash'; await sleep(50)) {
		if (Date.now() - start > timeoutMs) throw new Error(`the pane still runs ${tmux.currentCommand()}`);
	}
	return Number(/^EXIT=(\d+)\s*$/m.exec(screen)?.[1]);
}

/** Clears the pane at the prompt (so an old `EXIT=` line cannot answer for a new run). */
export async function clearShell(tmux: Tmux): Promise<void> {
	tmux.run('send-keys', '-t', tmux.target, '-l', 'clear');
	tmux.run('send-keys', '-t', tmux.target, 'Enter');
	await tmux.waitFor(s => /^e2e\$\s*$/.test(s.trimEnd()), 15_000);
	tmux.run('clear-history', '-t', tmux.target);
}

/** Every paste buffer's name (an empty list: nothing reached the clipboard). */
export function listBuffers(tmux: Tmux): string[] {
	return tmux.run('list-buffers', '-F', '#{buffer_name}').split('\n').filter(Boolean);
}

export function paneTitle(tmux: Tmux): string {
	return tmux.run('display', '-p', '-t', tmux.target, '#{pane_title}').replace(/\n$/, '');
}

export function paneSize(tmux: Tmux): {width: number; height: number} {
	const [w, h] = tmux.run('display', '-p', '-t', tmux.target, '#{pane_width} #{pane_height}').trim().split(' ').map(Number);
	return {width: w ?? 0, height: h ?? 0};
}

/** An escape sequence left as text: `[0m`, `]0;`, unless written out on purpose (`\033[0m`, `%033[0m`) or shown as `␛[0m`. */
const NOT_AN_ESCAPE = String.raw`(?<!␛|\\033|%033|\\e|\\x1b|\\u001b)`;

/**
 * Things that must never be on screen, whatever the shelf holds. inkshelf shows
 * a control character as a visible placeholder (ESC as `␛`), so `␛[31m` on
 * screen is the app doing its job; `[31m` or `]0;` with nothing before it is
 * an escape sequence that was half eaten on its way to the terminal.
 */
export const BAD_SCREEN: [string, RegExp][] = [
	['a stack frame', /\bat .*(?:file:\/\/|node:internal|\.js:\d+:\d+)/],
	['an error message', /^\s*(?:Uncaught\s+)?(?:[A-Z]\w*)?Error: /m],
	["Ink's error overview", /(?:^|\s)ERROR\s/],
	['a raw ESC or C1 byte', /[\x1b\x80-\x9f]/],
	['escape leftovers (SGR)', new RegExp(`${NOT_AN_ESCAPE}\\[\\d{1,3}(?:;\\d{1,3})*m`)],
	['escape leftovers (OSC)', new RegExp(`${NOT_AN_ESCAPE}\\]\\d{1,3};`)],
];

/**
 * Stricter, for a shelf whose articles are tiny and known (the hostile one):
 * no line starting with four spaces and `at `, and no `Error:` anywhere.
 */
export const STRICT_BAD_SCREEN: [string, RegExp][] = [
	['a stack trace', /^ {4}at /m],
	['an "Error:" text', /Error:/],
	...BAD_SCREEN,
];

/** What is wrong with one captured screen: bad text, or a line wider than the pane. */
export function screenProblems(screen: string, opts: {width?: number; patterns?: [string, RegExp][]} = {}): string[] {
	const problems = (opts.patterns ?? BAD_SCREEN).filter(([, re]) => re.test(screen)).map(([what]) => what);
	const width = opts.width;
	if (width !== undefined) {
		screen.split('\n').forEach((line, i) => {
			const w = stringWidth(line);
			if (w > width) problems.push(`line ${i + 1} is ${w} columns wide in a ${width}-column pane`);
		});
	}
	return problems;
}

/** Throws with the first screen that has a problem (and what it was). */
export function assertCleanScreens(screens: readonly string[], opts: {width?: number; patterns?: [string, RegExp][]} = {}): void {
	for (const screen of screens) {
		const problems = screenProblems(screen, opts);
		if (problems.length) throw new Error(`a screen showed ${problems.join(', ')}:\n${screen}`);
	}
}

/** The status line of the app: the last non-empty line of the pane. */
export function statusLine(screen: string): string {
	const lines = screen.trimEnd().split('\n');
	return lines[lines.length - 1] ?? '';
}

/** Reader position `top/total` from the status line's right side (`… · 191/493`), or null. */
export function readerPosition(screen: string): {top: number; total: number; done: boolean} | null {
	const m = /(\d+%|…) · (\d+)\/(\d+)(\+?)\s*$/.exec(statusLine(screen));
	return m ? {top: Number(m[2]), total: Number(m[3]), done: m[1] !== '…' && m[4] === ''} : null;
}

/** The selected article row of the library (marked `▌` in the focused list), without the unread dot. */
export function selectedArticle(screen: string): string | undefined {
	for (const line of screen.split('\n')) {
		const at = line.indexOf('▌');
		if (at > 0 || (at === 0 && !/^▌[≡↺▪#] /.test(line))) return line.slice(at + 1).replace(/^[●⚠] /, '').trim();
	}
	return undefined;
}

/**
 * Presses `key` until `done(screen)`, reading the screen after every press and
 * waiting for the frame that answers it (`answered`: by default, any change).
 * Throws after `max` presses.
 */
export async function pressUntil(tmux: Tmux, key: string, done: (screen: string) => boolean, max = 60, answered: (before: string, now: string) => boolean = (before, now) => now !== before): Promise<string> {
	let screen = tmux.screen();
	for (let i = 0; !done(screen); i++) {
		if (i >= max) throw new Error(`pressed ${key} ${max} times and never got there; the screen was:\n${screen}`);
		const before = screen;
		await tmux.key(key);
		screen = await tmux.waitFor(s => answered(before, s) || done(s), 3_000).catch(() => tmux.screen());
	}
	return screen;
}

/**
 * For `pressUntil` in a list: the key is answered when the selected row (marked `▌`) moved. Any other
 * change (an "indexing" mark, the status line) is not the answer: taking it for one sent the next key
 * before the frame of this one, and two keys read together moved the selection past the row wanted.
 */
export const selectionMoved = (before: string, now: string): boolean => {
	const selected = (screen: string): string => screen.split('\n').filter(line => line.includes('▌')).join('\n');
	return selected(now) !== selected(before);
};

/**
 * Like `tmux.waitFor`, but the screen must also stay the same for `settleMs`:
 * for values the app refines over a few frames (hit counts while an article renders).
 */
export async function waitForSettled(tmux: Tmux, done: (screen: string) => boolean, timeoutMs = 15_000, settleMs = 400): Promise<string> {
	const start = Date.now();
	for (;;) {
		const screen = await tmux.waitFor(done, Math.max(1, timeoutMs - (Date.now() - start)));
		await sleep(settleMs);
		const again = tmux.screen();
		if (again === screen) return screen;
		if (Date.now() - start > timeoutMs) throw new Error(`the screen kept changing for ${timeoutMs} ms; the last one was:\n${again}`);
	}
}

/**
 * Ends the app if it still runs (a test that failed half-way), so that it has
 * written its state before the temp folder goes, then kills the server.
 * Killing the server alone would hang the app up, and it saves on the way out.
 */
export async function stopAppAndKill(tmux: Tmux | undefined): Promise<void> {
	if (!tmux) return;
	try {
		for (let i = 0; i < 3 && tmux.currentCommand() !== 'bash'; i++) {
			tmux.run('send-keys', '-t', tmux.target, 'C-c');
			for (const start = Date.now(); Date.now() - start < 3_000 && tmux.currentCommand() !== 'bash'; ) await sleep(50);
		}
	} catch {
		// The server is gone already.
	}
	tmux.kill();
}
