/**
 * Drives a program in a real tmux pane, as a person at a keyboard would:
 * a private server (its own -L socket, no config file), one key per
 * send-keys call, and polling of the visible screen instead of fixed sleeps.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

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
	private socketPath = '';
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
