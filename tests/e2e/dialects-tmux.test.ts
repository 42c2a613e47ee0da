/**
 * Issue 11's bodies, end to end: the built app in a real tmux pane at 80x24
 * opens a Hugo, a Jekyll, a Docusaurus and an Obsidian fixture article, shows
 * none of their markup raw, copies the code of a `{{< highlight >}}` shortcode
 * (tmux's paste buffer holds exactly the source between the tags), and follows
 * a wikilink to another note and comes back with Backspace.
 */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, REPO} from '../helpers/cli.js';
import {BAD_SCREEN, HAS_TMUX, pressUntil, readerPosition, selectedArticle, shellQuote, statusLine, Tmux, waitForSettled} from '../helpers/tmux.js';
import {tmuxSuite} from '../helpers/tmux-suite.js';

const SHELVES = path.join(REPO, 'tests', 'fixtures', 'dialects');
/** Markup a generator reads and a reader must never see raw. */
const LEAKED = /\{\{[<%]|\{%|:::|\[!|\[\[|%%|<\/?Tab/;
const HIGHLIGHT_SOURCE = 'func nextHigh(t Table) Tide {\n\treturn t.Highs[0] // the first one after now\n}';

describe.skipIf(!HAS_TMUX)('dialect articles in tmux at 80x24', () => {
	let tmux!: Tmux;
	tmuxSuite('inkshelf-dialects', {width: 80, height: 24}, {patterns: BAD_SCREEN, ready: t => (tmux = t)});

	/** Starts the app on one fixture shelf and opens the article titled `title`, rendered to its end. */
	async function open(shelf: string, title: string): Promise<string> {
		await tmux.runInShell(['TERM=xterm-256color', process.execPath, CLI, path.join(SHELVES, shelf)].map((s, i) => (i === 0 ? s : shellQuote(s))).join(' '));
		await selectTitle(title);
		await tmux.key('Enter');
		return tmux.waitFor(s => s.startsWith(` ${title}`) && (readerPosition(s)?.done ?? false));
	}

	/**
	 * Moves the selection to `title`, up or down, reading a settled screen before
	 * each key: a slow first frame must not turn two presses into an overshoot.
	 */
	async function selectTitle(title: string): Promise<void> {
		for (let i = 0; i < 12; i++) {
			const screen = await waitForSettled(tmux, s => s.includes(' Browse ') && selectedArticle(s) !== undefined, 15_000, 300);
			if (selectedArticle(screen)?.includes(title)) return;
			const lines = screen.split('\n');
			const at = lines.findIndex(l => l.includes('▌'));
			const target = lines.findIndex(l => l.includes(title));
			expect(target, `${title} is listed:\n${screen}`).toBeGreaterThanOrEqual(0);
			await tmux.key(target > at ? 'j' : 'k');
		}
		throw new Error(`could not select ${title}:\n${tmux.screen()}`);
	}

	/** Every line of the article, paging down to the end (Space), leak-free on every screen. */
	async function readToEnd(): Promise<string> {
		let screen = tmux.screen();
		let all = screen;
		for (let i = 0; i < 10 && !/100% · /.test(statusLine(screen)); i++) {
			const before = screen;
			await tmux.key('Space');
			screen = await tmux.waitFor(s => s !== before, 3_000).catch(() => tmux.screen());
			all += `\n${screen}`;
		}
		// Hugo's escaped shortcode is shown as written, on purpose.
		expect(all.replace('{{< figure src="chart.png" >}}', '')).not.toMatch(LEAKED);
		return all;
	}

	async function quit(): Promise<void> {
		await tmux.key('q');
		await tmux.waitFor(s => s.includes(' Browse '));
		await tmux.key('q');
		expect(await tmux.waitForExit()).toBe(0);
	}

	it('Hugo: the highlight shortcode is block 1, numbered and marked; y copies exactly its source', async () => {
		let screen = await open('hugo', 'Reading Tide Tables');
		await tmux.key(']');
		screen = await tmux.waitFor('block 1/1 go');
		expect(screen).toMatch(/\[1\] go ─/);
		expect(screen).toMatch(/┃ 2 {5}return t\.Highs\[0\]/);
		await tmux.key('y');
		await tmux.waitFor('✓ Copied block 1');
		expect(await tmux.waitForBuffer(HIGHLIGHT_SOURCE)).toBe(HIGHLIGHT_SOURCE);
		const all = await readToEnd();
		expect(all).toContain('▣ A week of tides at the quay');
		expect(all).toContain('⟨youtube tideclip01⟩');
		await quit();
	}, 60_000);

	it('Jekyll: highlight block, post_url link, raw text and dim markers', async () => {
		await open('jekyll', 'Kettle 2.0 Released');
		const all = await readToEnd();
		expect(all).toMatch(/\[1\] ruby ─/);
		expect(all).toContain('print {{ page.title'); // {% raw %} content, as written
		expect(all).toContain('⟨include upgrade-note.html⟩');
		await quit();
	}, 60_000);

	it('Docusaurus: admonitions framed, tabs labelled, the fence title in the frame', async () => {
		await open('docusaurus', 'Faster Map Tiles');
		const all = await readToEnd();
		expect(all).toContain('┃ Tip: Cache them');
		expect(all).toContain('── Command line ──');
		expect(all).toMatch(/\[2\] ts · src\/tiles\.ts/);
		expect(all).not.toMatch(/^import /m);
		await quit();
	}, 60_000);

	it('Obsidian: Tab selects the wikilink, Enter follows it to the note, Backspace comes back', async () => {
		let screen = await open('obsidian', 'Compost');
		expect(screen).toContain('┃ ▸ Tip: Turning the pile');
		screen = await pressUntil(tmux, 'Tab', s => /→ wiki:Tomato care\b/.test(statusLine(s)), 6);
		await tmux.key('Enter');
		screen = await tmux.waitFor(s => s.startsWith(' Tomato care') && (readerPosition(s)?.done ?? false));
		expect(screen).not.toMatch(LEAKED);
		await tmux.key('BSpace');
		screen = await tmux.waitFor(s => s.startsWith(' Compost'));
		expect(screen).toContain('Link back to Tomato care.');
		await quit();
	}, 60_000);
});
