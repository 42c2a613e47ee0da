/**
 * The hooks every tmux test file needs, written once: build the app if it is
 * missing, one private tmux server per file, a fresh pane and empty paste
 * buffers before each test, an optional temp shelf of `files`, and (with
 * `patterns`) every screen seen during a test checked for leaks after it.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach} from 'vitest';
import {ensureBuilt} from './cli.js';
import {Tmux, assertCleanScreens} from './tmux.js';

export interface TmuxSuiteOptions {
	/** Files of a temp shelf, by path relative to it; the shelf is removed after the file's tests. */
	files?: Record<string, string>;
	/** Checked on every screen of every test (see `assertCleanScreens`). */
	patterns?: [string, RegExp][];
	/** Called once the server runs (and the shelf is written), before the first test. */
	ready: (tmux: Tmux, shelf: string) => void;
}

/** Registers the hooks in the current `describe`; `name` names the tmux server (with the pid). */
export function tmuxSuite(name: string, size: {width: number; height: number}, opts: TmuxSuiteOptions): void {
	let tmux: Tmux | undefined;
	let shelf = '';

	beforeAll(() => {
		ensureBuilt();
		if (opts.files) {
			shelf = mkdtempSync(path.join(tmpdir(), `${name}-`));
			for (const [rel, text] of Object.entries(opts.files)) {
				mkdirSync(path.dirname(path.join(shelf, rel)), {recursive: true});
				writeFileSync(path.join(shelf, rel), text);
			}
		}
		tmux = Tmux.start(`${name}-${process.pid}`, size);
		opts.ready(tmux, shelf);
	});

	afterAll(() => {
		tmux?.kill();
		if (shelf) rmSync(shelf, {recursive: true, force: true});
	});

	beforeEach(async () => {
		await tmux?.resetPane();
		tmux?.clearBuffers();
		if (tmux) tmux.screens.length = 0;
	});

	if (opts.patterns) {
		const patterns = opts.patterns;
		afterEach(() => {
			if (tmux) assertCleanScreens(tmux.screens, {patterns});
		});
	}
}
