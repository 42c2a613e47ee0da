/**
 * Issue 10: no article can freeze or kill the reader. cmark's seventeen
 * pathological inputs (tests/helpers/pathological.ts), generated as articles:
 * `inkshelf read` prints each and exits 0 with no stack trace (a render that
 * trips the watchdog prints plain text and says so on stderr); in tmux at
 * 80x24 the app opens each, shows its first screen or the plain-text notice,
 * and quits on q. Two cases are over the 8 MiB size limit and
 * one holds NUL bytes: those keep the loader's clear refusal ("file is 47.7
 * MiB; the limit is 8 MiB", "binary file").
 */
import {mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {STACK_TRACE, ensureBuilt, runCli} from '../helpers/cli.js';
import {PATHOLOGICAL, pathologicalFile} from '../helpers/pathological.js';
import {HAS_TMUX, readerPosition, screenProblems, snapshotApp, startTmuxWithEnv, stopAppAndKill, typeAppCommand, waitForEchoedExit, type Tmux} from '../helpers/tmux.js';

const LIMIT = 8 * 1024 * 1024;
const work = mkdtempSync(path.join(tmpdir(), 'ink-patho-'));
const shelf = path.join(work, 'shelf');
const cases = Object.keys(PATHOLOGICAL).map(name => ({name, slug: pathologicalFile(name).replace(/\.md$/, '')}));
/** Refused by the loader, as any file this large or binary is: not rendered at all. */
const refused = (slug: string): RegExp | null => {
	const size = statSync(path.join(shelf, `${slug}.md`)).size;
	if (size > LIMIT) return /cannot be read: file is [\d.]+ MiB; the limit is 8 MiB/;
	return slug === 'u-0000-in-input' ? /cannot be read: binary file/ : null;
};

beforeAll(() => {
	ensureBuilt();
	mkdirSync(shelf);
	for (const [name, make] of Object.entries(PATHOLOGICAL)) {
		writeFileSync(path.join(shelf, pathologicalFile(name)), `---\ntitle: "Pathological: ${name.replace(/[^a-z0-9 +]/gi, ' ')}"\n---\n${make()}`);
	}
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

describe('cmark pathological cases with `inkshelf read`', () => {
	for (const {name, slug} of cases) {
		it(`${name}: printed, exit 0, no stack trace`, () => {
			const r = runCli(['read', slug, shelf], {env: {XDG_CACHE_HOME: path.join(work, 'cache'), XDG_STATE_HOME: path.join(work, 'state')}});
			expect(r.signal).toBeNull();
			expect(r.stderr).not.toMatch(STACK_TRACE);
			const refusal = refused(slug);
			if (refusal) {
				expect(r.stderr).toMatch(refusal);
				expect(r.status).toBe(1);
				return;
			}
			expect(r.status).toBe(0);
			expect(r.stdout.split('\n').length).toBeGreaterThan(2);
			// Plain text is said once, on stderr, with the reason; stdout holds only the article.
			if (r.stderr) expect(r.stderr).toMatch(/^inkshelf: [a-z0-9-]+: shown as plain text: too complex to render \([^)]+\)\n$/);
			expect(r.stdout).not.toContain('shown as plain text');
		});
	}

	it('the one that froze the app falls back to plain text, and says why', () => {
		const r = runCli(['read', 'nested-strong-emph', shelf]);
		expect(r.status).toBe(0);
		expect(r.stderr).toMatch(/shown as plain text: too complex to render \(no progress in 2 s\)/);
		expect(r.stdout).toContain('*a **a *a **a');
	});

	it('`check` reports it as a warning, not a crash', () => {
		const r = runCli(['check', shelf]);
		expect(r.stderr).not.toMatch(STACK_TRACE);
		expect(r.stdout).toMatch(/^nested-strong-emph\.md: warning: renders as plain text: too complex to render/m);
		// Only the refused files are broken.
		expect(r.stderr).toMatch(/^3 of 17 articles are broken\.$/m);
	});

	it('`code` finds no block in a fallback article without hanging', () => {
		const r = runCli(['code', 'nested-strong-emph', '1', shelf]);
		expect(r.stderr).not.toMatch(STACK_TRACE);
		expect(r.stderr).toMatch(/No code block "1" in nested-strong-emph; it has none/);
		expect(r.status).toBe(1);
	});
});

describe.skipIf(!HAS_TMUX)('cmark pathological cases in the app, 80x24', () => {
	let tmux: Tmux | undefined;
	let cli = '';

	beforeAll(async () => {
		cli = await snapshotApp(path.join(work, 'app'));
		for (const dir of ['home', 'state', 'cache']) mkdirSync(path.join(work, dir), {recursive: true});
		tmux = await startTmuxWithEnv(`inkshelf-patho-${process.pid}`, {width: 80, height: 24}, {
			HOME: path.join(work, 'home'), XDG_STATE_HOME: path.join(work, 'state'), XDG_CACHE_HOME: path.join(work, 'cache'),
		});
	});
	afterAll(async () => stopAppAndKill(tmux));

	for (const {name, slug} of cases) {
		it(`${name}: opens, shows a first screen or the notice, quits on q`, async () => {
			const t = tmux as Tmux;
			await t.resetPane();
			typeAppCommand(t, cli, ['read', slug, shelf]);
			if (refused(slug)) {
				// A refused article: the app opens on the library, saying why it cannot open it.
				await t.waitFor(/Cannot open .*(limit is 8 MiB|binary file)/, 30_000);
				await t.key('q');
			} else {
				const screen = await t.waitFor(s => s.includes('Pathological') && (readerPosition(s) !== null || s.includes('shown as plain text')), 30_000);
				expect(screenProblems(screen, {width: 80})).toEqual([]);
				// q leaves the article the app started on (and quits, as a pager does).
				await t.key('q');
				const after = await t.waitFor(s => /^EXIT=\d+/m.test(s) || s.includes('All articles'), 15_000);
				if (!/^EXIT=\d+/m.test(after)) await t.key('q');
			}
			expect(await waitForEchoedExit(t, 15_000)).toBe(0);
		});
	}
});

describe.skipIf(!HAS_TMUX)('keys while a render is in flight (the worker slowed down on purpose)', () => {
	let tmux: Tmux | undefined;
	let cli = '';
	const slowShelf = path.join(work, 'slow');

	beforeAll(async () => {
		cli = await snapshotApp(path.join(work, 'app-slow'));
		mkdirSync(slowShelf, {recursive: true});
		const paragraphs = Array.from({length: 3000}, (_, i) => `Paragraph ${i + 1} links to [part ${i + 1}](https://example.com/${i + 1}) and goes on a little.`);
		writeFileSync(path.join(slowShelf, 'long.md'), `---\ntitle: Long read\n---\n# Long read\n\n${paragraphs.join('\n\n')}\n`);
		for (const dir of ['home2', 'state2', 'cache2']) mkdirSync(path.join(work, dir), {recursive: true});
		tmux = await startTmuxWithEnv(`inkshelf-slow-${process.pid}`, {width: 80, height: 24}, {
			HOME: path.join(work, 'home2'), XDG_STATE_HOME: path.join(work, 'state2'), XDG_CACHE_HOME: path.join(work, 'cache2'),
			// The worker renders one block, then sleeps 100 ms: the article takes five minutes to render.
			INKSHELF_TEST_SLOW_RENDER_MS: '100', INKSHELF_RENDER_BUDGET_MS: '600000',
		});
	});
	afterAll(async () => stopAppAndKill(tmux));

	it('scrolls what has arrived, selects a link, goes back and quits, all before the render ends', async () => {
		const t = tmux as Tmux;
		typeAppCommand(t, cli, ['read', 'long', slowShelf]);
		// The first screen, with the position still open-ended (`… · 1/40+`): the rest is on its way.
		await t.waitFor(s => s.includes('Paragraph 1 links') && readerPosition(s)?.done === false, 30_000);
		// More than a screen has arrived (so there is somewhere to scroll), and still not all of it.
		const first = await t.waitFor(s => (readerPosition(s)?.total ?? 0) > 30 && readerPosition(s)?.done === false, 30_000);
		expect(readerPosition(first)?.top).toBe(1);
		await t.key('j');
		const scrolled = await t.waitFor(s => readerPosition(s)?.top === 2, 10_000);
		expect(readerPosition(scrolled)?.done).toBe(false);
		await t.key('Tab');
		const linked = await t.waitFor(/→ https:\/\/example\.com\/\d+ /, 10_000);
		expect(readerPosition(linked)?.done).toBe(false);
		await t.key('Escape');
		await t.waitFor(/All articles/, 10_000);
		// Back in, the same job is still in flight (nothing was rendered twice); q leaves, q quits.
		await t.key('Enter');
		const again = await t.waitFor(s => s.includes('Paragraph 1 links') && readerPosition(s) !== null, 10_000);
		expect(readerPosition(again)?.done).toBe(false);
		await t.key('q');
		await t.waitFor(/All articles/, 10_000);
		await t.key('q');
		expect(await waitForEchoedExit(t, 15_000)).toBe(0);
	});
});
