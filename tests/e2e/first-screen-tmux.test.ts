/**
 * A second start in a real terminal (tmux, 80x24) draws its first screen
 * from stand-ins (first-screen.ts) and makes the whole shelf right after it:
 * the recently read are counted, the last article is there at once (G), and
 * it opens. A shelf of 300 notes: more than a first screen makes.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {HAS_TMUX, snapshotApp, startTmuxWithEnv, typeAppCommand, waitForEchoedExit, type Tmux} from '../helpers/tmux.js';

const WAIT = 15_000;
const NOTES = 300;
const dayOf = (i: number): string => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);

describe.skipIf(!HAS_TMUX)('a second start in tmux at 80x24', () => {
	let tmux: Tmux;
	let work: string;
	let shelf: string;
	let cli: string;

	beforeAll(async () => {
		work = mkdtempSync(path.join(tmpdir(), 'inkshelf-first-screen-'));
		shelf = path.join(work, 'shelf');
		mkdirSync(shelf);
		for (let i = 0; i < NOTES; i++) writeFileSync(path.join(shelf, `note-${i}.md`), `---\ntitle: "Note number ${i}"\ndate: ${dayOf(i)}\ntags: [t${i % 4}]\n---\nThe text of note ${i}.\n`);
		cli = await snapshotApp(path.join(work, 'app'));
		const state = path.join(work, 'state');
		mkdirSync(path.join(state, 'inkshelf'), {recursive: true});
		// Read before: the oldest note (far from the first screen), the newest (on it) and one since deleted.
		writeFileSync(path.join(state, 'inkshelf', 'state.json'), JSON.stringify({version: 1, places: {}, recent: ['note-0', `note-${NOTES - 1}`, 'gone'], opened: ['note-0']}));
		tmux = await startTmuxWithEnv(`inkshelf-first-screen-${process.pid}`, {width: 80, height: 24}, {XDG_STATE_HOME: state, XDG_CACHE_HOME: path.join(work, 'cache')});
		// The first start builds the index and its snapshot.
		typeAppCommand(tmux, cli, [shelf]);
		await tmux.waitFor(s => s.includes(`${NOTES} articles`) && !s.includes('indexing'), WAIT);
		await tmux.key('q');
		expect(await waitForEchoedExit(tmux)).toBe(0);
		tmux.run('send-keys', '-t', tmux.target, 'clear', 'Enter');
	});

	afterAll(() => {
		tmux?.kill();
		if (work) rmSync(work, {recursive: true, force: true});
	});

	it('counts the recently read, shows the last article at once and opens it', async () => {
		typeAppCommand(tmux, cli, [shelf]);
		// Each wait is for the whole frame: a capture can land while tmux is still drawing one (seen
		// once in CI on a loaded machine: the last row's title there, its date line not yet).
		const first = await tmux.waitFor(s => s.includes(`${NOTES} articles`) && s.includes(`Note number ${NOTES - 1}`) && s.includes('Recently read'), WAIT);
		expect(first).toMatch(/Recently read\s+2\b/);
		await tmux.key('G');
		const last = await tmux.waitFor(s => s.includes('Note number 0') && s.includes(dayOf(0)), WAIT);
		expect(last).toContain(`${NOTES}/${NOTES}`);
		await tmux.key('Enter');
		await tmux.waitFor(s => s.includes('The text of note 0.'), WAIT);
	});
});
