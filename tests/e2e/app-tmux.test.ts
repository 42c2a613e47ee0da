/**
 * The real built app in a real terminal: tmux at 80x24, driven one key at a
 * time the way a person would, reading the screen between keys. Copying is
 * checked end to end: the app's OSC 52 and tmux routes must leave exactly the
 * block's source in tmux's paste buffer.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, CONTENT} from '../helpers/cli.js';
import {fencedBlocksOf} from '../helpers/fences.js';
import {BAD_SCREEN, HAS_TMUX, Tmux, pressUntil as pressUntilOn, selectionMoved, shellQuote} from '../helpers/tmux.js';
import {tmuxSuite} from '../helpers/tmux-suite.js';

const PYTHON_ARTICLE = path.join(CONTENT, 'why-python-dominates-ai.md');
const GUIDE_ARTICLE = path.join(CONTENT, 'guides', 'postgres-field-guide.md');

/** The line of the pane that holds the selected row: `▌` marks it in the focused pane. */
function selectedRow(screen: string, pane: 'groups' | 'articles'): string | undefined {
	for (const line of screen.split('\n')) {
		const at = line.indexOf('▌');
		if (at < 0) continue;
		if (pane === 'groups' && at === 0) return line.slice(1, 22).trim();
		// An article never opened is marked with a dot before its title.
		if (pane === 'articles' && at > 0) return line.slice(at + 1).trim().replace(/^● /, '');
	}
	return undefined;
}

describe.skipIf(!HAS_TMUX)('the app in tmux at 80x24', () => {
	let tmux!: Tmux;
	// Every screen seen during a test is checked, not just the last one. The bundled articles are
	// clean UTF-8, so a replacement character there is text mangled on its way to the screen.
	tmuxSuite('inkshelf-e2e', {width: 80, height: 24}, {patterns: [...BAD_SCREEN, ['a replacement character', /\uFFFD/]], ready: t => (tmux = t)});

	async function startApp(...args: string[]): Promise<string> {
		// TERM as in a desktop terminal; the pane's environment has no DISPLAY/WAYLAND_DISPLAY.
		await tmux.runInShell(['TERM=xterm-256color', process.execPath, CLI, ...args].map((s, i) => (i === 0 ? s : shellQuote(s))).join(' '));
		return tmux.waitFor(s => s.includes(' Browse ') && /\d+ articles/.test(s));
	}

	const pressUntil = (key: string, done: (screen: string) => boolean): Promise<string> => pressUntilOn(tmux, key, done, 60, selectionMoved);

	it('category → article → block 2 → copy → back → quit', async () => {
		const fences = fencedBlocksOf(PYTHON_ARTICLE);
		const blockCount = fences.length;
		// Block 2 of the article is its 2nd python block: the one the issue copies.
		expect(fences.slice(0, 2).map(f => f.lang)).toEqual(['python', 'python']);
		const block2 = fences[1]?.source as string;

		let screen = await startApp();
		expect(screen).toContain('All articles');

		// Tab to the group pane (the left one), then down to the category.
		await tmux.key('Tab');
		screen = await tmux.waitFor(s => selectedRow(s, 'groups')?.includes('All') ?? false);
		screen = await pressUntil('j', s => /^▪ AI & ML\s/.test(selectedRow(s, 'groups') ?? ''));
		expect(selectedRow(screen, 'groups')).toMatch(/^▪ AI & ML\s+\d+$/);
		// The article pane's title names the group the selection is on.
		expect(screen).toMatch(/ AI & ML · \d+ ─/);

		// Enter shows the category's articles (focus moves right); find the article there.
		await tmux.key('Enter');
		screen = await tmux.waitFor(s => selectedRow(s, 'articles') !== undefined);
		screen = await pressUntil('j', s => selectedRow(s, 'articles')?.startsWith('Why Python Dominates') ?? false);

		// Enter opens it.
		await tmux.key('Enter');
		screen = await tmux.waitFor(s => s.startsWith(' Why Python Dominates') && /\d+% · \d+\/\d+/.test(s));
		expect(screen).not.toContain(' Browse ');

		// ] ] selects block 2.
		await tmux.key(']');
		await tmux.waitFor(`block 1/${blockCount} python`);
		await tmux.key(']');
		screen = await tmux.waitFor(`block 2/${blockCount} python`);
		// The selected block is on screen, marked in the margin.
		expect(screen).toMatch(/^▶ .*\[2\] python/m);

		await tmux.key('y');
		screen = await tmux.waitFor('✓ Copied block 2');
		expect(await tmux.waitForBuffer(block2)).toBe(block2);

		// Esc goes back to the library, where the article is still the selected one.
		await tmux.key('Escape');
		screen = await tmux.waitFor(s => s.includes(' Browse '));
		expect(selectedRow(screen, 'articles')).toMatch(/^Why Python Dominates/);
		expect(screen).toMatch(/ AI & ML · \d+ /);

		// q quits: the shell is back.
		await tmux.key('q');
		expect(await tmux.waitForExit()).toBe(0);
		expect(tmux.screen()).toMatch(/^e2e\$\s*$/m);
	}, 60_000);

	it('keys typed while a large shelf loads are read by the app and do not shift the screen', async () => {
		// A first start of 3,000 articles: a moment with the terminal still in line mode, echoing keys.
		const shelf = mkdtempSync(path.join(tmpdir(), 'inkshelf-typeahead-'));
		for (let i = 0; i < 3000; i++) writeFileSync(path.join(shelf, `n${String(i).padStart(4, '0')}.md`), `---\ntitle: Note ${i}\ndate: 2026-01-01\n---\n\nWords ${i}.\n`);
		const cache = mkdtempSync(path.join(tmpdir(), 'inkshelf-typeahead-cache-'));
		try {
			await tmux.runInShell(`XDG_CACHE_HOME=${shellQuote(cache)} ${[process.execPath, CLI, shelf].map(shellQuote).join(' ')}`);
			await tmux.keys('j', 'j', 'j');
			const screen = await tmux.waitFor(s => / Browse /.test(s) && /3000 articles/.test(s), 30_000);
			const lines = screen.split('\n');
			expect(lines[0]).toMatch(/^ inkshelf · /);
			expect(lines[1]).toMatch(/^ Browse /);
			// The three j's were kept for the app: the fourth article is selected.
			await tmux.waitFor(s => selectedRow(s, 'articles') === 'Note 3');
			await tmux.key('q');
			await tmux.waitFor('INKSHELF_EXIT:0');
		} finally {
			rmSync(shelf, {recursive: true, force: true});
			rmSync(cache, {recursive: true, force: true});
		}
	}, 60_000);

	it('the long guide: End, Home, page down, copy block 3 by number, help', async () => {
		const guideBlocks = fencedBlocksOf(GUIDE_ARTICLE);
		const block3 = guideBlocks[2]?.source as string;
		expect(block3).toBeTruthy();

		let screen = await startApp();
		// "All" in the group pane…
		await tmux.key('Tab');
		await tmux.waitFor(s => selectedRow(s, 'groups') !== undefined);
		await tmux.key('g');
		screen = await tmux.waitFor(s => selectedRow(s, 'groups')?.startsWith('≡ All') ?? false);
		expect(screen).toMatch(/ All articles · \d+ /);
		// …then the article pane, down to the guide.
		await tmux.key('Tab');
		await tmux.waitFor(s => selectedRow(s, 'articles') !== undefined);
		screen = await pressUntil('j', s => selectedRow(s, 'articles')?.startsWith('The PostgreSQL Field Guide') ?? false);
		await tmux.key('Enter');
		screen = await tmux.waitFor(s => s.startsWith(' The PostgreSQL Field Guide') && /· 1\/\d+$/m.test(s));
		const total = Number(/· 1\/(\d+)$/m.exec(screen)?.[1]);
		expect(total).toBeGreaterThan(1000);

		// G: the end.
		await tmux.key('G');
		screen = await tmux.waitFor(/ 100% · \d+\/\d+$/m);
		// g: the top again.
		await tmux.key('g');
		screen = await tmux.waitFor(new RegExp(` \\d+% · 1/${total}$`, 'm'));
		expect(screen).not.toMatch(/ 100% · /);
		// Space: one page down.
		await tmux.key('Space');
		screen = await tmux.waitFor(s => {
			const top = Number(/· (\d+)\/\d+$/m.exec(s)?.[1]);
			return top > 1;
		});

		// 3 copies block 3 (and shows it).
		await tmux.key('3');
		screen = await tmux.waitFor('✓ Copied block 3');
		expect(await tmux.waitForBuffer(block3)).toBe(block3);
		expect(screen).toContain('[3]');

		// ? shows the help, ? closes it.
		await tmux.key('?');
		screen = await tmux.waitFor(/^ inkshelf keys\s*$/m);
		expect(screen).toContain('Reader');
		expect(screen).toContain(' ? or Esc closes');
		await tmux.key('?');
		screen = await tmux.waitFor(s => !/^ inkshelf keys/m.test(s) && s.startsWith(' The PostgreSQL Field Guide'));

		// Back to the library, then quit.
		await tmux.key('Escape');
		await tmux.waitFor(' Browse ');
		await tmux.key('q');
		expect(await tmux.waitForExit()).toBe(0);
	}, 60_000);
});
