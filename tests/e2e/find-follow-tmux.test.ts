/**
 * Issue "Finding and following", end to end: the real built app in a real
 * tmux pane, on the bundled articles, one key at a time.
 *
 * Search the shelf for `max_connections` → the PostgreSQL guide opens on a
 * highlighted hit → n → Esc clears the hits → the outline lists the headings.
 * Then a link of the TypeScript article is followed to a heading of another
 * article and Backspace comes back to the same line; the place in the article
 * is kept across a restart of the app ("Back where you left off"), and the
 * library shows what was read lately.
 *
 * Once at 80x24 (all of it) and once at 200x60 (search, outline, link).
 */
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {typeAppCommand, assertCleanScreens, clearShell, HAS_TMUX, listBuffers, type Tmux, readerPosition, pressUntil, selectedArticle, selectionMoved, serverEnvironment, snapshotApp, startTmuxWithEnv, statusLine, stopAppAndKill, waitForEchoedExit, waitForSettled} from '../helpers/tmux.js';

const WAIT = 15_000;
const QUERY = 'max_connections';
const GUIDE = 'The PostgreSQL Field Guide';
const TS_TITLE = 'TypeScript Strict Mode in Practice';
const JSON_TITLE = "Designing JSON APIs That Clients Don't Curse";
const ANCHOR_HEADING = 'Validating input at the boundary';

/** A find hit in reverse video, in a capture with attributes (`capture-pane -e`). */
const REVERSE_HIT = /\x1b\[(?:[\d;]*;)?7(?:;[\d;]*)?m(?:\x1b\[[\d;]*m)*max_connec/;

const isLibrary = (s: string): boolean => s.includes(' Browse ') && /^ inkshelf · bundled articles · \d+ articles/.test(s);
const readerOn = (title: string) => (s: string): boolean => s.startsWith(` ${title}`) && readerPosition(s) !== null;
const readerDone = (title: string) => (s: string): boolean => readerOn(title)(s) && (readerPosition(s)?.done ?? false);

/** The reader's text lines (below the 3-line header, above the status line), with the gutter mark blanked. */
function body(screen: string): string[] {
	const lines = screen.split('\n');
	return lines.slice(3, lines.length - 2).map(l => l.replace(/^[→▶┃]/, ' ').trimEnd());
}

interface Run {
	tmux: Tmux;
	cli: string;
	width: number;
	height: number;
}

async function startApp(run: Run): Promise<string> {
	typeAppCommand(run.tmux, run.cli, []);
	return run.tmux.waitFor(s => isLibrary(s) && selectedArticle(s) !== undefined, WAIT);
}

/** `/` max_connections → Enter → hit 1/N highlighted → n → hit 2/N → Esc → outline (t) → Esc. */
async function searchHitAndOutline(run: Run): Promise<void> {
	const t = run.tmux;
	await t.key('/');
	await t.waitFor(s => s.startsWith(' / ') && s.includes('Enter open'), WAIT);
	for (const ch of QUERY) await t.key(ch);
	let screen = await t.waitFor(s => s.startsWith(` / ${QUERY}`) && /^.* \d+ results? ─/m.test(s) && selectedArticle(s)?.startsWith(GUIDE) === true, WAIT);

	await t.key('Enter');
	// Hits are counted over the lines rendered so far: N is final once the whole article is, a frame later.
	screen = await waitForSettled(t, s => readerDone(GUIDE)(s) && /^ hit 1\/\d+ for "max_connections"/.test(statusLine(s)), WAIT);
	const hits = Number(/hit 1\/(\d+)/.exec(statusLine(screen))?.[1]);
	expect(hits).toBeGreaterThanOrEqual(2);
	// The hit is on screen, in reverse video.
	expect(screen).toContain('max_connections');
	expect(t.screenWithAttributes()).toMatch(REVERSE_HIT);

	await t.key('n');
	screen = await t.waitFor(s => readerOn(GUIDE)(s) && statusLine(s).startsWith(` hit 2/${hits} for "max_connections"`), WAIT);
	expect(t.screenWithAttributes()).toMatch(REVERSE_HIT);

	// Esc clears the hits and stays in the article.
	const top = readerPosition(screen)?.top;
	await t.key('Escape');
	screen = await t.waitFor(s => readerOn(GUIDE)(s) && !statusLine(s).includes('hit '), WAIT);
	expect(readerPosition(screen)?.top).toBe(top);
	expect(t.screenWithAttributes()).not.toMatch(REVERSE_HIT);

	// The outline: every heading; j/k walk it to the two that must be there.
	await t.key('t');
	screen = await t.waitFor(/^ Outline · \d+ headings · Enter go · Esc close/, WAIT);
	expect(Number(/Outline · (\d+) headings/.exec(screen)?.[1])).toBeGreaterThan(50);
	await pressUntil(t, 'j', s => /^[▶ ] +Troubleshooting Checklist\s*$/m.test(s), 160);
	await pressUntil(t, 'k', s => /^[▶ ] +Indexes\s*$/m.test(s), 160);
	await t.key('Escape');
	screen = await t.waitFor(s => readerOn(GUIDE)(s) && !s.includes(' Outline · '), WAIT);
	// Closing the outline does not move the article.
	expect(readerPosition(screen)?.top).toBe(top);
}

/** Esc back to the search results, Esc clears the search: the library as it was. */
async function backToLibrary(run: Run): Promise<void> {
	const t = run.tmux;
	await t.key('Escape');
	await t.waitFor(s => s.startsWith(` / ${QUERY}`) && selectedArticle(s)?.startsWith(GUIDE) === true, WAIT);
	await t.key('Escape');
	await t.waitFor(s => isLibrary(s) && / All articles · \d+ /.test(s), WAIT);
}

/** Opens the TypeScript article from the All list (j until it is the selected row). */
async function openTypeScript(run: Run): Promise<string> {
	const t = run.tmux;
	await pressUntil(t, 'j', s => selectedArticle(s)?.startsWith(TS_TITLE) === true, 20, selectionMoved);
	await t.key('Enter');
	return t.waitFor(readerDone(TS_TITLE), WAIT);
}

/**
 * Tab to the link to designing-json-apis.md#validating-input-at-the-boundary,
 * Enter → that heading at the top of the other article, Backspace → back on
 * the same line. Returns the status line that showed the link.
 */
async function followAndBack(run: Run): Promise<string> {
	const t = run.tmux;
	// The link: its line marked → in the margin, its target on the status line.
	let screen = await pressUntil(t, 'Tab', s => /^ → designing-json-apis\.md(?:#|…)/.test(statusLine(s)), 12);
	const linkStatus = statusLine(screen);
	expect(screen).toMatch(/^→ .*validating/m);
	const before = readerPosition(screen);
	const bodyBefore = body(screen);
	expect(before).not.toBeNull();

	await t.key('Enter');
	screen = await t.waitFor(readerDone(JSON_TITLE), WAIT);
	// The scroll to the heading waits for the whole article: give it a moment more.
	const atHeading = (s: string): boolean => body(s).slice(0, 3).some(l => l.trim() === ANCHOR_HEADING);
	screen = await t.waitFor(s => readerDone(JSON_TITLE)(s) && atHeading(s), 3_000).catch(() => t.screen());
	// Soft: when this fails, Backspace and the rest are still checked.
	expect.soft(atHeading(screen), `"${ANCHOR_HEADING}" is not at the top after following the link:\n${screen}`).toBe(true);

	await t.key('BSpace');
	screen = await t.waitFor(s => readerDone(TS_TITLE)(s) && readerPosition(s)?.top === before?.top, WAIT);
	expect(body(screen)).toEqual(bodyBefore);
	return linkStatus;
}

describe.skipIf(!HAS_TMUX)('finding and following', () => {
	let work = '';
	let cli = '';
	const servers: Tmux[] = [];

	beforeAll(async () => {
		work = mkdtempSync(path.join(tmpdir(), 'ink-ff-'));
		cli = await snapshotApp(path.join(work, 'app'));
	}, 120_000);

	afterAll(async () => {
		for (const s of servers) await stopAppAndKill(s);
		if (work) rmSync(work, {recursive: true, force: true});
	});

	/** A private server at this size, its panes' HOME and XDG folders in a fresh temp folder. */
	async function newRun(name: string, width: number, height: number): Promise<Run> {
		const dir = path.join(work, name);
		for (const sub of ['home', 'state', 'cache']) mkdirSync(path.join(dir, sub), {recursive: true});
		const tmux = await startTmuxWithEnv(`inkshelf-ff-${name}-${process.pid}`, {width, height, keyDelayMs: 40}, {
			HOME: path.join(dir, 'home'),
			XDG_STATE_HOME: path.join(dir, 'state'),
			XDG_CACHE_HOME: path.join(dir, 'cache'),
		});
		servers.push(tmux);
		const env = serverEnvironment(tmux);
		expect(env.get('TERM')).toBe('xterm-256color');
		expect(env.get('XDG_STATE_HOME')).toBe(path.join(dir, 'state'));
		expect(env.has('DISPLAY') || env.has('WAYLAND_DISPLAY')).toBe(false);
		tmux.clearBuffers();
		tmux.screens.length = 0;
		return {tmux, cli, width, height};
	}

	it('80x24: search → hit → n → outline; follow a link and come back; the place survives a restart', async () => {
		const run = await newRun('80x24', 80, 24);
		const t = run.tmux;
		await startApp(run);
		await searchHitAndOutline(run);
		await backToLibrary(run);

		await openTypeScript(run);
		await followAndBack(run);

		// Three pages down, then away: the place is remembered.
		let screen = t.screen();
		for (let i = 0; i < 3; i++) {
			const top = readerPosition(screen)?.top ?? 0;
			await t.key('Space');
			screen = await t.waitFor(s => readerDone(TS_TITLE)(s) && (readerPosition(s)?.top ?? 0) > top, WAIT);
		}
		const place = readerPosition(screen)?.top;
		const lines = body(screen);
		expect(lines.some(l => l.trim() !== '')).toBe(true);
		await t.key('q');
		await t.waitFor(isLibrary, WAIT);
		await t.key('q');
		expect(await waitForEchoedExit(t, WAIT)).toBe(0);

		// The same pane, the same XDG_STATE_HOME: a new run of the app.
		await clearShell(t);
		screen = await startApp(run);
		const recent = /↺ Recently read\s+(\d+)/.exec(screen);
		expect(recent, screen).not.toBeNull();
		expect(Number(recent?.[1])).toBeGreaterThanOrEqual(2);
		await openTypeScript(run);
		screen = await t.waitFor(s => readerDone(TS_TITLE)(s) && statusLine(s).startsWith(' Back where you left off'), WAIT);
		// The scroll may come a frame after the status.
		screen = await t.waitFor(s => readerPosition(s)?.top === place, 3_000).catch(() => t.screen());
		// Soft: when this fails, the rest of the flow still runs and is checked.
		expect.soft(readerPosition(screen)?.top, `reopened at another line than the one left (${place}):\n${screen}`).toBe(place);
		expect.soft(body(screen), 'the text on screen after reopening').toEqual(lines);

		await t.key('q');
		await t.waitFor(isLibrary, WAIT);
		await t.key('q');
		expect(await waitForEchoedExit(t, WAIT)).toBe(0);
		expect(listBuffers(t)).toEqual([]);
		assertCleanScreens(t.screens, {width: run.width});
	}, 240_000);

	it('200x60: search → hit → n → outline; the whole link target on the status line', async () => {
		const run = await newRun('200x60', 200, 60);
		const t = run.tmux;
		await startApp(run);
		await searchHitAndOutline(run);
		await backToLibrary(run);
		await openTypeScript(run);
		const linkStatus = await followAndBack(run);
		// 200 columns are enough to show where the link goes.
		expect(linkStatus).toMatch(/^ → designing-json-apis\.md#validating-input-at-the-boundary {2}\(Enter follows\)/);

		await t.key('q');
		await t.waitFor(isLibrary, WAIT);
		await t.key('q');
		expect(await waitForEchoedExit(t, WAIT)).toBe(0);
		expect(listBuffers(t)).toEqual([]);
		assertCleanScreens(t.screens, {width: run.width});
	}, 240_000);
});
