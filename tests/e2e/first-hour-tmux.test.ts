/**
 * The first things a new user types, in the built app in a real tmux:
 * `inkshelf FILE.md` opens the reader at once with its folder behind it,
 * `… | inkshelf -` reads a pipe with keys from the terminal, a post's leading
 * title is not shown twice, links read as text and host (the real host, even
 * when the text names another), and a folder of one says "1 article".
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI, REPO, ensureBuilt} from '../helpers/cli.js';
import {assertCleanScreens, HAS_TMUX, shellQuote, Tmux} from '../helpers/tmux.js';

const RECAP = `---
title: "Harbour Meetup 2026: A Recap"
date: 2026-03-14
category: Events
---

# Harbour meetup 2026 — a recap

The first paragraph of the recap, after the title.

Thanks to [Ann Example](https://www.github.com/ann-example), [the venue](https://harbour-hall.example.org/visit),
[the next meetup](next-meetup.md), [https://bank.example/login](https://bank.example.evil.example/login)
and [github.com](https://tracker.example/github.com).
`;

const NEXT = `---
title: The next meetup
date: 2026-04-01
category: Events
---

The next meetup is in April.
`;

const cmd = (args: string[]): string => [process.execPath, CLI, ...args].map(shellQuote).join(' ');

describe.skipIf(!HAS_TMUX)('the first hour, in tmux', () => {
	let dir = '';
	const servers: Tmux[] = [];
	const start = async (width: number, height: number): Promise<Tmux> => {
		const tmux = Tmux.start(`inkshelf-firsthour-${servers.length}-${process.pid}`, {width, height});
		servers.push(tmux);
		await tmux.resetPane();
		return tmux;
	};

	beforeAll(() => {
		ensureBuilt();
		dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-firsthour-'));
		mkdirSync(path.join(dir, 'events'));
		writeFileSync(path.join(dir, 'events', 'harbour-recap.md'), RECAP);
		writeFileSync(path.join(dir, 'events', 'next-meetup.md'), NEXT);
		mkdirSync(path.join(dir, 'solo'));
		writeFileSync(path.join(dir, 'solo', 'only.md'), '# The only one\n\nAlone in its folder.\n');
	});

	afterAll(() => {
		for (const t of servers) t.kill();
		if (dir) rmSync(dir, {recursive: true, force: true});
	});

	for (const [width, height] of [[80, 24], [200, 60]] as const) {
		it(`${width}x${height}: inkshelf FILE.md opens the reader; links to siblings work; Esc shows its folder; q quits`, async () => {
			const tmux = await start(width, height);
			await tmux.runInShell(`cd ${shellQuote(dir)} && ${cmd(['events/harbour-recap.md'])}`);
			let screen = await tmux.waitFor(s => s.startsWith(' Harbour Meetup 2026: A Recap') && s.includes('The first paragraph'));
			// The body's own "# Harbour meetup 2026 — a recap" is not shown under the header.
			expect(screen).not.toMatch(/Harbour meetup 2026 — a recap/);
			expect(screen).not.toContain('═');
			const prose = screen.replace(/\n\s+/g, ' ');
			expect(prose).toContain('Thanks to Ann Example [github.com], the venue [harbour-hall.example.org], the next meetup, https://bank.example/login [bank.example.evil.example] and github.com [tracker.example].');
			expect(screen).not.toContain('https://www.github.com');
			// Tab selects a link: the whole address is on the status line.
			await tmux.key('Tab');
			await tmux.waitFor('→ https://www.github.com/ann-example');
			await tmux.keys('Tab', 'Tab');
			await tmux.waitFor('→ next-meetup.md');
			await tmux.key('Enter');
			screen = await tmux.waitFor(s => s.startsWith(' The next meetup') && s.includes('The next meetup is in April.'));
			await tmux.key('BSpace');
			await tmux.waitFor(s => s.startsWith(' Harbour Meetup 2026: A Recap'));
			await tmux.key('Escape');
			screen = await tmux.waitFor(s => s.includes(' Browse ') && s.includes('2 articles'));
			expect(screen).toMatch(/▌(?:● )?Harbour Meetup 2026: A Recap/);
			expect(screen).toContain('The next meetup');
			await tmux.key('q');
			expect(await tmux.waitForExit()).toBe(0);
			assertCleanScreens(tmux.screens, {width});
		}, 60_000);
	}

	it('a folder with one article says "1 article"; q in the article quits at once', async () => {
		const tmux = await start(80, 24);
		await tmux.runInShell(`cd ${shellQuote(dir)} && ${cmd(['solo/only.md'])}`);
		await tmux.waitFor(s => s.startsWith(' The only one') && s.includes('Alone in its folder.'));
		await tmux.key('Escape');
		const screen = await tmux.waitFor(s => s.includes(' Browse ') && /· 1 article\b/.test(s));
		expect(screen).not.toMatch(/\b1 articles\b/);
		await tmux.key('Enter');
		await tmux.waitFor('Alone in its folder.');
		await tmux.key('Escape');
		await tmux.waitFor(' Browse ');
		await tmux.key('q');
		expect(await tmux.waitForExit()).toBe(0);
	}, 60_000);

	it('a file in a large folder is on screen at once, and q quits while the folder is still loading', async () => {
		const big = path.join(dir, 'big');
		for (let f = 0; f < 40; f++) {
			mkdirSync(path.join(big, `f${f}`), {recursive: true});
			for (let i = 0; i < 100; i++) writeFileSync(path.join(big, `f${f}`, `n${i}.md`), `---\ntitle: Note ${f}-${i}\n---\n\n${'Words and more words. '.repeat(40)}\n`);
		}
		writeFileSync(path.join(big, 'start.md'), '# Start here\n\nThe file asked for.\n');
		const tmux = await start(80, 24);
		await tmux.runInShell(`cd ${shellQuote(big)} && ${cmd(['start.md'])}`);
		await tmux.waitFor(s => s.startsWith(' Start here') && s.includes('The file asked for.'));
		await tmux.key('q');
		expect(await tmux.waitForExit(10_000)).toBe(0);
	}, 60_000);

	it('inkshelf README.md opens the reader on the README', async () => {
		const tmux = await start(80, 24);
		await tmux.runInShell(`cd ${shellQuote(REPO)} && ${cmd(['README.md'])}`);
		const screen = await tmux.waitFor(s => s.startsWith(' inkshelf\n') && s.includes('A fast, keyboard-driven terminal reader'));
		expect(screen).not.toMatch(/ Browse ─/);
		await tmux.key('q');
		expect(await tmux.waitForExit()).toBe(0);
	}, 60_000);

	it('printf … | inkshelf - opens the reader on the pipe, keys from the terminal, q quits', async () => {
		const tmux = await start(80, 24);
		await tmux.runInShell(`printf '# Piped notes\\n\\nhello from a pipe, see [the docs](https://www.example.com/docs).\\n\\n%s\\n' "$(seq -s ' ' 1 400)" | ${cmd(['-'])}`);
		let screen = await tmux.waitFor(s => s.startsWith(' Piped notes') && s.includes('hello from a pipe'));
		expect(screen).toContain('the docs [example.com]');
		// Keys work: the text scrolls, and Tab selects the link.
		await tmux.key('Tab');
		screen = await tmux.waitFor('→ https://www.example.com/docs');
		await tmux.key('q');
		expect(await tmux.waitForExit()).toBe(0);
		assertCleanScreens(tmux.screens, {width: 80});
	}, 60_000);
});
