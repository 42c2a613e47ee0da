/**
 * The live shelf in a real terminal (tmux, 80x24): an article open in the
 * reader changes on disk, by a direct write and through `e` with a fake
 * $EDITOR script, and the reader shows the new text ("Reloaded") at the same
 * place; a new file appears in the library and search within a second or so;
 * a file deleted while open keeps its text on screen with a status line.
 */
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {HAS_TMUX, pressUntil, snapshotApp, startTmuxWithEnv, typeAppCommand, type Tmux} from '../helpers/tmux.js';

const WAIT = 15_000;

function note(title: string, body: string): string {
	return `---\ntitle: ${JSON.stringify(title)}\ntags: [notes]\n---\n${body}\n`;
}

/** A body with sections, long enough to scroll into the second one. */
function sections(extra = ''): string {
	const para = (n: number): string => Array.from({length: 15}, (_, i) => `Paragraph ${n}.${i} of steady filler text for scrolling.`).join('\n\n');
	return `# Start\n\n${para(1)}\n\n## Middle part\n\n${extra}${para(2)}\n\n## Last part\n\n${para(3)}\n`;
}

describe.skipIf(!HAS_TMUX)('live shelf in tmux at 80x24', () => {
	let tmux: Tmux;
	let work: string;
	let shelf: string;
	let cli: string;
	let editorLog: string;

	beforeAll(async () => {
		work = mkdtempSync(path.join(tmpdir(), 'inkshelf-live-'));
		shelf = path.join(work, 'shelf');
		mkdirSync(shelf);
		writeFileSync(path.join(shelf, 'alpha.md'), note('Alpha notes', sections()));
		writeFileSync(path.join(shelf, 'beta.md'), note('Beta notes', 'Beta body.'));
		cli = await snapshotApp(path.join(work, 'app'));
		// The fake editor: records its arguments, then inserts a line into the Middle section (the file is its last argument).
		editorLog = path.join(work, 'editor-args.txt');
		const editor = path.join(work, 'bin', 'vim');
		mkdirSync(path.dirname(editor));
		writeFileSync(editor, `#!/bin/sh\necho "$@" > ${JSON.stringify(editorLog)}\nfor last; do :; done\nsed -i 's/^## Middle part$/## Middle part\\n\\nWritten by the fake editor./' "$last"\n`);
		chmodSync(editor, 0o755);
		tmux = await startTmuxWithEnv(`inkshelf-live-${process.pid}`, {width: 80, height: 24}, {EDITOR: editor, INKSHELF_NO_STATE: '1'});
		typeAppCommand(tmux, cli, [shelf]);
		await tmux.waitFor(s => /inkshelf · .* · 2 articles/.test(s), WAIT);
	});

	afterAll(() => {
		tmux?.kill();
		if (work) rmSync(work, {recursive: true, force: true});
	});

	it('reloads the open article on a direct write, keeping the section, and says so', async () => {
		await tmux.key('Enter');
		await tmux.waitFor(s => s.startsWith(' Alpha notes') && s.includes('Paragraph 1.0'), WAIT);
		// Into the Middle section (each section is about 32 lines; a page is about 20). A key pressed
		// before the reader has measured the article does not move it: pressed again until it does.
		await pressUntil(tmux, 'j', s => s.includes('§ Middle part') && s.includes('Paragraph 2.'), 120);
		// Twenty lines are added above the place: a line number would now point into the first section.
		const above = Array.from({length: 20}, (_, i) => `Inserted line ${i}.`).join('\n\n');
		writeFileSync(path.join(shelf, 'alpha.md'), note('Alpha notes', sections().replace('# Start\n', `# Start\n\n${above}\n`)));
		// Still in the Middle section, though every line of it moved 40 lines down.
		const after = await tmux.waitFor(s => s.includes('Reloaded') && s.includes('Paragraph 2.'), WAIT);
		expect(after).toContain('Paragraph 2.');
		expect(after).not.toMatch(/Inserted line/);
	});

	it('e opens $EDITOR at the line on screen, takes the screen back, and shows the edit', async () => {
		await tmux.key('e');
		const screen = await tmux.waitFor(s => s.includes('Written by the fake editor.') && s.includes('Reloaded'), WAIT);
		expect(screen.startsWith(' Alpha notes')).toBe(true);
		const args = readFileSync(editorLog, 'utf8').trim().split(' ');
		expect(args[1]).toBe(path.join(shelf, 'alpha.md'));
		const line = Number(args[0]?.slice(1));
		expect(args[0]).toMatch(/^\+\d+$/);
		// The line is in the Middle section of the file as it was when e was pressed.
		const lines = readFileSync(path.join(shelf, 'alpha.md'), 'utf8').split('\n');
		const middle = lines.indexOf('## Middle part') + 1;
		expect(line).toBeGreaterThanOrEqual(middle);
		expect(line).toBeLessThan(lines.indexOf('## Last part') + 1);
	});

	it('a file deleted while open keeps the text on screen, with a status line', async () => {
		rmSync(path.join(shelf, 'alpha.md'));
		const screen = await tmux.waitFor(s => s.includes('file is gone'), WAIT);
		expect(screen).toContain('Written by the fake editor.');
	});

	it('a new file shows in the library and in search, counts included', async () => {
		await tmux.key('Escape');
		await tmux.waitFor(s => /· 1 article\b/.test(s), WAIT);
		writeFileSync(path.join(shelf, 'gamma.md'), note('Gamma arrives', 'Gamma talks about quinces.'));
		await tmux.waitFor(s => /· 2 articles/.test(s) && s.includes('Gamma arrives'), WAIT);
		await tmux.key('/');
		for (const ch of 'quinces') await tmux.key(ch);
		await tmux.waitFor(s => /1 result\b/.test(s) && s.includes('Gamma arrives'), WAIT);
		await tmux.key('Escape');
		await tmux.key('q');
	});
});
