/**
 * Themes in a real terminal: the built app in tmux, read back with
 * `capture-pane -e` (the attributes tmux keeps for every cell). NO_COLOR gives
 * no colour at all but keeps emphasis (bold);
 * --theme light uses the light palette, and neither bright white nor bright
 * cyan (invisible on white) appears anywhere. auto follows what tmux answers
 * to OSC 11 (its `window-style` background).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {clearShell, HAS_TMUX, pressUntil, selectedArticle, snapshotApp, startTmuxWithEnv, stopAppAndKill, type Tmux, typeAppCommand, waitForEchoedExit} from '../helpers/tmux.js';

const WAIT = 15_000;
/** Any SGR parameter that sets a colour (30-38, 40-48, 90-107); 39 and 49 (back to the default) are not one, and tmux writes them after every reset. */
const COLOUR_SGR = /\x1b\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;
/** Light palette accent (#005f87) as tmux reports it at 256 colours. */
const LIGHT_ACCENT = '\x1b[38;5;24m';
const DARK_ACCENT = '\x1b[38;5;81m';
/** Bright white and bright cyan, in their 16-colour and 256-colour forms. */
const INVISIBLE_ON_WHITE = /\x1b\[(?:[\d;]*;)?(?:97|96|38;5;15|38;5;14|38;5;231|38;5;51)(?:;[\d;]*)?m/;

const isLibrary = (s: string): boolean => s.includes(' Browse ') && /\d+ articles/.test(s);
/** The reader's position at the end of its status line: `42% · 25/411`, or `… · 1/351+` while it renders. */
const readerTop = (s: string): number | null => {
	const m = / · (\d+)\/\d+\+?\s*$/m.exec(s);
	return m ? Number(m[1]) : null;
};

describe.skipIf(!HAS_TMUX)('themes in tmux', () => {
	let dir: string;
	let cli: string;
	let tmux: Tmux | undefined;

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-theme-e2e-'));
		cli = await snapshotApp(path.join(dir, 'app'));
	}, 120_000);

	afterEach(async () => {
		await stopAppAndKill(tmux);
		tmux = undefined;
	});

	afterAll(() => {
		rmSync(dir, {recursive: true, force: true});
	});

	/** Library, then the first article (the code block is on its first screens), each read with attributes. */
	async function libraryAndReader(t: Tmux, args: string[]): Promise<string[]> {
		await clearShell(t);
		typeAppCommand(t, cli, args);
		await t.waitFor(s => isLibrary(s) && selectedArticle(s) !== undefined, WAIT);
		const library = t.screenWithAttributes();
		// Enter again if the first one came before the app had its keyboard (the terminal still in line mode).
		await pressUntil(t, 'Enter', s => !isLibrary(s), 3);
		// The first lines have arrived from the render worker (`… · 0/0+` is the reader waiting for them).
		await t.waitFor(s => (readerTop(s) ?? 0) >= 1, WAIT);
		await t.key('Space');
		await t.waitFor(s => (readerTop(s) ?? 0) > 1, WAIT);
		const reader = t.screenWithAttributes();
		await t.key('q');
		await t.key('q');
		expect(await waitForEchoedExit(t, WAIT)).toBe(0);
		return [library, reader];
	}

	for (const [width, height] of [[80, 24], [200, 60]] as const) {
		it(`NO_COLOR=1 at ${width}x${height}: no colour escapes at all, emphasis still in bold`, async () => {
			tmux = await startTmuxWithEnv(`inkshelf-theme-nc-${process.pid}-${width}`, {width, height}, {NO_COLOR: '1'});
			const screens = await libraryAndReader(tmux, []);
			for (const screen of screens) expect(screen.match(COLOUR_SGR)?.[0]).toBeUndefined();
			expect(screens[0]).toMatch(/\x1b\[(?:[\d;]*;)?1(?:;[\d;]*)?m/);
		}, 60_000);

		it(`--theme light at ${width}x${height}: the light palette, nothing in bright white or bright cyan`, async () => {
			tmux = await startTmuxWithEnv(`inkshelf-theme-light-${process.pid}-${width}`, {width, height}, {});
			const screens = await libraryAndReader(tmux, ['--theme', 'light']);
			expect(screens[0]).toContain(LIGHT_ACCENT);
			for (const screen of screens) expect(screen.match(INVISIBLE_ON_WHITE)?.[0]).toBeUndefined();
		}, 60_000);
	}

	it('auto follows the background tmux reports for OSC 11', async () => {
		tmux = await startTmuxWithEnv(`inkshelf-theme-auto-${process.pid}`, {width: 80, height: 24}, {});
		tmux.run('set-option', '-g', 'window-style', 'bg=white');
		await tmux.resetPane();
		const [light] = await libraryAndReader(tmux, []);
		expect(light).toContain(LIGHT_ACCENT);
		tmux.run('set-option', '-g', 'window-style', 'bg=black');
		await tmux.resetPane();
		const [dark] = await libraryAndReader(tmux, []);
		expect(dark).toContain(DARK_ACCENT);
		// Nothing of the terminal's answers was typed into the app or left at the prompt.
		expect(tmux.screen()).not.toMatch(/rgb:|\[\?\d/);
	}, 60_000);
});
