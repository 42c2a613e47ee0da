/**
 * Issue "Hostile and broken input", end to end: the real built app in a real
 * tmux pane at 80x24 browses a shelf of everything a folder can throw at it
 * (FIFOs, symlink loops, invalid UTF-8, escape sequences in file names, titles,
 * tags and headings, broken frontmatter…), the way a person would: every
 * article of the All list is opened, paged through and left again, and every
 * broken one answers with "Cannot open …". Then the window is resized fast.
 *
 * What must hold: the app is alive and quits with 0, it never retitled the
 * pane, nothing reached the clipboard (tmux paste buffers), and no screen seen
 * during the walk showed a crash, raw control bytes or half-eaten escapes,
 * or a line wider than the pane.
 *
 * The checks that prove themselves first: an OSC 0 typed in the pane does
 * retitle it, and an OSC 52 does fill a buffer, so "unchanged" and "empty"
 * below mean the app tried nothing, not that tmux would have ignored it.
 */
import {spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {REPO, STACK_TRACE, cliEnv} from '../helpers/cli.js';
import {makeHostileShelf} from '../helpers/hostile-shelf.js';
import {paneSize, paneTitle, typeAppCommand, assertCleanScreens, clearShell, HAS_TMUX, listBuffers, type Tmux, readerPosition, screenProblems, selectedArticle, serverEnvironment, snapshotApp, startTmuxWithEnv, statusLine, stopAppAndKill, STRICT_BAD_SCREEN, waitForEchoedExit} from '../helpers/tmux.js';

const WAIT = 15_000;
const TITLE = 'before-inkshelf';
const STATIC_HOSTILE = path.join(REPO, 'tests', 'fixtures', 'hostile');

/** 20 sizes between 20x5 and 200x60, jumping around (small after big, wide and flat, narrow and tall). */
const SIZES: [number, number][] = [
	[20, 5], [200, 60], [37, 9], [120, 40], [21, 6], [160, 50], [55, 12], [90, 30], [25, 7], [200, 5],
	[20, 60], [64, 18], [100, 24], [30, 10], [140, 45], [45, 15], [180, 55], [70, 20], [33, 8], [110, 36],
];

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/** `N articles (M broken)` from the library's title line. */
function counts(screen: string): {articles: number; broken: number} | null {
	const m = / · (\d+) articles(?: \((\d+) broken\))?\s*$/.exec(screen.split('\n')[0] ?? '');
	return m ? {articles: Number(m[1]), broken: Number(m[2] ?? 0)} : null;
}

/** The article list's position line (` ↓ 3/40`), as `index` (1-based) of `total`. */
function listPosition(screen: string, total: number): number | null {
	for (const line of screen.split('\n')) {
		const m = /[↑ ][↓ ] (\d+)\/(\d+)\s*$/.exec(line);
		if (m && Number(m[2]) === total && (m.index ?? 0) > 0) return Number(m[1]);
	}
	return null;
}

const isLibrary = (s: string): boolean => s.includes(' Browse ') && counts(s) !== null;
/** The reader: its title line on top, the position (`100% · 1/4`) at the right of the status line. */
const isReader = (s: string): boolean => !s.includes(' Browse ') && readerPosition(s) !== null;

describe.skipIf(!HAS_TMUX)('hostile and broken input', () => {
	let work = '';
	let shelf = '';
	let cli = '';
	let tmux: Tmux | undefined;

	beforeAll(async () => {
		// Short: the shelf's path is in the title line, with the counts after it.
		work = mkdtempSync(path.join(tmpdir(), 'ink-h-'));
		cli = await snapshotApp(path.join(work, 'app'));
		shelf = path.join(work, 'shelf');
		mkdirSync(shelf);
		await makeHostileShelf(shelf);
		cpSync(STATIC_HOSTILE, path.join(shelf, 'static'), {recursive: true});
		for (const dir of ['home', 'state', 'cache']) mkdirSync(path.join(work, dir));
		tmux = await startTmuxWithEnv(`inkshelf-hostile-${process.pid}`, {width: 80, height: 24, keyDelayMs: 40}, {
			HOME: path.join(work, 'home'),
			XDG_STATE_HOME: path.join(work, 'state'),
			XDG_CACHE_HOME: path.join(work, 'cache'),
		});
	}, 120_000);

	afterAll(async () => {
		await stopAppAndKill(tmux);
		if (work) rmSync(work, {recursive: true, force: true});
	});

	it('browses the whole hostile shelf, survives fast resizing, and leaves title and clipboard alone', async () => {
		const t = tmux as Tmux;
		const env = serverEnvironment(t);
		expect(env.get('TERM')).toBe('xterm-256color');
		expect(env.get('LC_ALL')).toMatch(/UTF-8/);
		expect(env.get('XDG_STATE_HOME')).toBe(path.join(work, 'state'));
		expect(env.get('XDG_CACHE_HOME')).toBe(path.join(work, 'cache'));
		expect(env.has('DISPLAY') || env.has('WAYLAND_DISPLAY')).toBe(false);

		// The detectors work: a program in this pane CAN retitle it and fill a paste buffer.
		t.run('send-keys', '-t', t.target, '-l', String.raw`printf '\033]0;probe-title\007\033]52;c;cHJvYmU=\007'`);
		t.run('send-keys', '-t', t.target, 'Enter');
		for (const start = Date.now(); paneTitle(t) !== 'probe-title' || listBuffers(t).length === 0; await sleep(50)) {
			if (Date.now() - start > WAIT) throw new Error(`the probe did not work: title ${JSON.stringify(paneTitle(t))}, buffers ${listBuffers(t).join(',')}`);
		}
		await clearShell(t);

		t.run('select-pane', '-t', t.target, '-T', TITLE);
		t.clearBuffers();
		expect(paneTitle(t)).toBe(TITLE);
		expect(listBuffers(t)).toEqual([]);
		t.screens.length = 0;

		typeAppCommand(t, cli, [shelf]);
		let screen = await t.waitFor(isLibrary, WAIT);
		const {articles: total, broken: brokenCount} = counts(screen) as {articles: number; broken: number};
		expect(total).toBeGreaterThan(30);
		expect(brokenCount).toBeGreaterThan(10);
		expect(screen).toContain(`All articles · ${total}`);

		// Every entry of the All list, top to bottom.
		const opened: string[] = [];
		const broken: string[] = [];
		for (let i = 1; i <= total; i++) {
			screen = await t.waitFor(s => isLibrary(s) && listPosition(s, total) === i, WAIT);
			const title = selectedArticle(screen) ?? '';
			expect(title, `entry ${i} has a selected row`).not.toBe('');
			await t.key('Enter');
			screen = await t.waitFor(s => isReader(s) || /^ Cannot open /.test(statusLine(s)), WAIT);
			if (isReader(screen)) {
				opened.push(title);
				// The reader shows the article that was selected (the list may have cut its title short).
				expect(screen.split('\n')[0]?.trim().startsWith(title.replace(/…$/, '').trim()), `entry ${i}: ${title}\n${screen}`).toBe(true);
				await t.key('G');
				await t.waitFor(s => /100% · \d+\/\d+$/m.test(statusLine(s)), WAIT);
				await t.key('g');
				await t.waitFor(s => readerPosition(s)?.top === 1, WAIT);
				await t.key('Space');
				await t.key(']');
				await t.waitFor(s => /This article has no code blocks|block \d+\/\d+/.test(statusLine(s)), WAIT);
				await t.key('Escape');
				await t.waitFor(s => isLibrary(s) && listPosition(s, total) === i, WAIT);
			} else {
				// "Cannot open <slug>: <why>", for the file the selected row names.
				const m = /^ Cannot open (\S+): \S/.exec(statusLine(screen));
				expect(m, `entry ${i}: ${statusLine(screen)}`).not.toBeNull();
				expect(title.replace(/\.(md|markdown)$/i, '')).toBe(path.posix.basename(m?.[1] ?? ''));
				expect(screen).toContain(' Browse ');
				broken.push(title);
			}
			if (i < total) await t.key('j');
		}
		expect(broken).toHaveLength(brokenCount);
		expect(opened).toHaveLength(total - brokenCount);
		const beforeResizing = await t.waitFor(s => isLibrary(s) && listPosition(s, total) === total, WAIT);
		// Every screen of the walk, at 80 columns.
		assertCleanScreens(t.screens, {width: 80, patterns: STRICT_BAD_SCREEN});
		const walked = t.screens.length;

		// Fast resizing: several sizes a second, each screen read right after the resize.
		const resized: {screen: string; width: number}[] = [];
		for (const [width, height] of SIZES) {
			t.run('resize-window', '-t', t.target, '-x', String(width), '-y', String(height));
			resized.push({screen: t.screen(), width});
			await sleep(150);
			resized.push({screen: t.screen(), width});
		}
		for (const {screen: s, width} of resized) {
			const problems = screenProblems(s, {width, patterns: STRICT_BAD_SCREEN});
			expect(problems, `at width ${width}:\n${s}`).toEqual([]);
		}

		// The smallest size: usable content or the short "enlarge" message, never garbage.
		t.run('resize-window', '-t', t.target, '-x', '20', '-y', '5');
		expect(paneSize(t)).toEqual({width: 20, height: 5});
		let last = '';
		const tiny = await t.waitFor(s => {
			const stable = s === last;
			last = s;
			return stable && (/^enlarge to 20×5\s*$/.test(s.trim()) || (s.startsWith(' inkshelf') && selectedArticle(s) !== undefined));
		}, WAIT);
		expect(screenProblems(tiny, {width: 20, patterns: STRICT_BAD_SCREEN})).toEqual([]);
		expect(tiny.trimEnd().split('\n').length).toBeLessThanOrEqual(5);

		// Back to 80x24: the same library as before the resizing, nothing left over.
		t.run('resize-window', '-t', t.target, '-x', '80', '-y', '24');
		expect(paneSize(t)).toEqual({width: 80, height: 24});
		screen = await t.waitFor(s => s === beforeResizing, WAIT).catch(() => t.screen());
		expect(screen).toBe(beforeResizing);

		// Alive: q quits cleanly.
		await t.key('q');
		expect(await waitForEchoedExit(t, WAIT)).toBe(0);
		expect(paneTitle(t)).toBe(TITLE);
		expect(listBuffers(t)).toEqual([]);
		// And every one since (widths of the resizing were checked above, each against its own size).
		assertCleanScreens(t.screens.slice(walked), {width: 200, patterns: STRICT_BAD_SCREEN});
	}, 300_000);

	/** The built CLI as a plain child process, from the repository like a person in a shell. */
	function check(dir: string): {status: number | null; stdout: string; stderr: string} {
		const r = spawnSync(process.execPath, [cli, 'check', dir], {
			cwd: REPO, encoding: 'utf8', timeout: 60_000,
			env: cliEnv({XDG_STATE_HOME: path.join(work, 'state'), XDG_CACHE_HOME: path.join(work, 'cache')}),
		});
		if (r.error) throw r.error;
		return {status: r.status, stdout: r.stdout, stderr: r.stderr};
	}

	it('inkshelf check tests/fixtures/hostile: exit 1, one line per broken case', () => {
		const r = check('tests/fixtures/hostile');
		expect(r.status).toBe(1);
		const lines = r.stdout.trimEnd().split('\n');
		for (const line of lines) expect(line).toMatch(/^[\w.-]+\.md(?::\d+){0,2}: (?:error|warning|skipped): \S/);
		const errors = lines.filter(l => / error: /.test(l)).map(l => l.split(':')[0]);
		expect(errors).toEqual(['bad-yaml.md', 'empty.md', 'nul-bytes.md', 'unclosed-frontmatter.md']);
		// Problems that still load are warnings, and a clean article is not mentioned.
		for (const file of ['bad-date.md', 'duplicate-keys.md', 'wrong-types.md']) {
			expect(lines.some(l => l.startsWith(`${file}:`) && / warning: /.test(l)), file).toBe(true);
		}
		expect(lines.some(l => l.startsWith('good.md'))).toBe(false);
		const files = readdirSync(STATIC_HOSTILE).filter(f => f.endsWith('.md')).length;
		expect(r.stderr).toBe(`${errors.length} of ${files} articles are broken.\n`);
		expect(r.stdout + r.stderr).not.toMatch(/[\x1b\x80-\x9f]/);
		expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
	});

	it('inkshelf check content: exit 0', () => {
		const r = check('content');
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/^\d+ articles, none broken\.\n$/);
		expect(r.status).toBe(0);
	});
});
