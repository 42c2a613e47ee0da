/**
 * The mouse in the built app in a real tmux: M turns reporting on (tmux's
 * pane flag says so), the raw SGR reports a terminal would send (written into
 * the pane) scroll and click, a click on a selected block's label copies it,
 * and reporting is off again after quitting and after a SIGTERM.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI} from '../helpers/cli.js';
import {HAS_TMUX, Tmux, serverEnvironment, shellQuote} from '../helpers/tmux.js';
import {tmuxSuite} from '../helpers/tmux-suite.js';

const LONG = `---
title: Long read
date: 2026-01-03
---

${Array.from({length: 30}, (_, i) => `Paragraph ${i + 1} of the long read.`).join('\n\n')}

\`\`\`bash
echo "from the mouse"
\`\`\`

The end.
`;

const other = (n: number): string => `---\ntitle: Other ${n}\ndate: 2026-01-0${n}\n---\n\nShort.\n`;

describe.skipIf(!HAS_TMUX)('the mouse in tmux at 80x24', () => {
	let tmux!: Tmux;
	let shelf = '';
	const files = {
		'long.md': LONG,
		'other1.md': other(1),
		'other2.md': other(2),
		'draft.md': '---\ntitle: Unfinished draft\ndate: 2025-12-01\ndraft: true\n---\n\nNot yet.\n',
	};
	tmuxSuite('inkshelf-mouse', {width: 80, height: 24}, {files, ready: (t, dir) => ((tmux = t), (shelf = dir))});

	/** What a terminal sends for a press (button 0), a release or a wheel turn at 0-based column x, row y. */
	function mouse(kind: 'click' | 'wheelDown' | 'wheelUp', x: number, y: number): void {
		const at = `${x + 1};${y + 1}`;
		const seqs = kind === 'click' ? [`\x1b[<0;${at}M`, `\x1b[<0;${at}m`] : [`\x1b[<${kind === 'wheelDown' ? 65 : 64};${at}M`];
		for (const s of seqs) tmux.run('send-keys', '-t', tmux.target, '-l', s);
	}

	const reporting = (): string => tmux.run('display', '-p', '-t', tmux.target, '#{mouse_any_flag}').trim();

	async function start(): Promise<string> {
		await tmux.runInShell([process.execPath, CLI, shelf].map(shellQuote).join(' '));
		await tmux.waitFor(s => s.includes(' Browse ') && s.includes('4 articles'));
		expect(reporting()).toBe('0');
		await tmux.key('M');
		const screen = await tmux.waitFor('Mouse on');
		for (const begin = Date.now(); reporting() !== '1' && Date.now() - begin < 5_000; ) await new Promise(r => setTimeout(r, 50));
		expect(reporting()).toBe('1');
		return screen;
	}

	const rowOf = (screen: string, text: string): number => screen.split('\n').findIndex(l => l.includes(text));

	it('wheel, clicks, a copy from a block label; reporting off after quitting', async () => {
		let screen = await start();
		// Newest first: Long read (Jan 3) is selected; the wheel over the list moves down.
		expect(screen).toMatch(/▌.*Long read/);
		mouse('wheelDown', 50, 6);
		screen = await tmux.waitFor(/▌.*Other 2/);
		// A click on an article selects it, a second click opens it.
		const row = rowOf(screen, 'Long read');
		mouse('click', 50, row);
		screen = await tmux.waitFor(/▌.*Long read/);
		mouse('click', 50, row);
		screen = await tmux.waitFor(s => s.startsWith(' Long read') && /\d+% · 1\/\d+/.test(s));
		// The wheel scrolls the reader, three lines a turn.
		mouse('wheelDown', 40, 10);
		screen = await tmux.waitFor(/% · 4\/\d+/);
		await tmux.key('G');
		screen = await tmux.waitFor('[1] bash');
		const label = rowOf(screen, '[1] bash');
		mouse('click', 20, label + 1);
		screen = await tmux.waitFor('Block 1 selected');
		mouse('click', 20, label);
		await tmux.waitFor('✓ Copied block 1');
		expect(await tmux.waitForBuffer('echo "from the mouse"')).toBe('echo "from the mouse"');

		await tmux.key('q');
		await tmux.waitFor(' Browse ');
		await tmux.key('q');
		expect(await tmux.waitForExit()).toBe(0);
		expect(reporting()).toBe('0');
	}, 60_000);

	it('M again gives the terminal its selection back; a SIGTERM also turns reporting off', async () => {
		await start();
		await tmux.key('M');
		await tmux.waitFor('Mouse off');
		expect(reporting()).toBe('0');
		await tmux.key('M');
		await tmux.waitFor('Mouse on');
		for (const begin = Date.now(); reporting() !== '1' && Date.now() - begin < 5_000; ) await new Promise(r => setTimeout(r, 50));
		const shell = tmux.run('display', '-p', '-t', tmux.target, '#{pane_pid}').trim();
		const app = spawnSync('pgrep', ['-P', shell], {encoding: 'utf8'}).stdout.trim().split('\n')[0];
		expect(app).toMatch(/^\d+$/);
		process.kill(Number(app), 'SIGTERM');
		await tmux.waitForExit();
		expect(reporting()).toBe('0');
	}, 60_000);

	it('config mouse: true starts with reporting on (M still toggles); drafts: false starts with drafts hidden (d shows them)', async () => {
		const home = serverEnvironment(tmux).get('XDG_CONFIG_HOME') ?? '';
		expect(home).not.toBe('');
		mkdirSync(path.join(home, 'inkshelf'), {recursive: true});
		writeFileSync(path.join(home, 'inkshelf', 'config.yaml'), 'mouse: true\ndrafts: false\n');
		try {
			await tmux.runInShell([process.execPath, CLI, shelf].map(shellQuote).join(' '));
			let screen = await tmux.waitFor(s => s.includes(' Browse ') && s.includes('Long read'));
			expect(screen).not.toContain('Unfinished draft');
			for (const begin = Date.now(); reporting() !== '1' && Date.now() - begin < 5_000; ) await new Promise(r => setTimeout(r, 50));
			expect(reporting()).toBe('1');
			await tmux.key('d');
			screen = await tmux.waitFor('Unfinished draft');
			await tmux.key('M');
			await tmux.waitFor('Mouse off');
			expect(reporting()).toBe('0');
			await tmux.key('q');
			expect(await tmux.waitForExit()).toBe(0);
		} finally {
			rmSync(path.join(home, 'inkshelf'), {recursive: true, force: true});
		}
	}, 60_000);
});
