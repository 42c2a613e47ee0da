/**
 * `Y` and `L` in the built app in a real tmux: the paste buffer must hold the
 * commands alone (no prompts, no output) and the section link.
 */
import {describe, expect, it} from 'vitest';
import {CLI} from '../helpers/cli.js';
import {HAS_TMUX, Tmux, shellQuote} from '../helpers/tmux.js';
import {tmuxSuite} from '../helpers/tmux-suite.js';

const ARTICLE = `---
title: Session notes
date: 2026-01-02
---

## Install it

\`\`\`console
$ npm install inkshelf
added 12 packages in 2s
$ inkshelf --version \\
  --help
0.1.0
# whoami
root
\`\`\`

## Later on

Words.
`;

describe.skipIf(!HAS_TMUX)('Y and L in tmux', () => {
	let tmux!: Tmux;
	let shelf = '';
	tmuxSuite('inkshelf-copyv', {width: 80, height: 24}, {files: {'session.md': ARTICLE}, ready: (t, dir) => ((tmux = t), (shelf = dir))});

	it('Y copies only the commands, L a link to the section', async () => {
		await tmux.runInShell([process.execPath, CLI, 'read', 'session', shelf].map(shellQuote).join(' '));
		await tmux.waitFor(s => s.startsWith(' Session notes') && /\d+% · \d+\/\d+/.test(s));

		await tmux.key('Y');
		const screen = await tmux.waitFor('✓ Copied block 1');
		expect(screen).toContain('3 commands, 3 output lines left out');
		const want = 'npm install inkshelf\ninkshelf --version \\\n  --help\nwhoami';
		expect(await tmux.waitForBuffer(want)).toBe(want);

		tmux.clearBuffers();
		await tmux.key('L');
		await tmux.waitFor('✓ Copied link to "Install it"');
		expect(await tmux.waitForBuffer('session#install-it')).toBe('session#install-it');

		// Esc leaves the article for the library, q there quits.
		await tmux.key('Escape');
		await tmux.waitFor(' Browse ');
		await tmux.key('q');
		expect(await tmux.waitForExit()).toBe(0);
	}, 60_000);
});
