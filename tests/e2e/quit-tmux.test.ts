/**
 * q right after the first frame ends the app at once, while the render
 * worker is still loading its modules (an empty cache folder each time, so
 * nothing is compiled yet) or still rendering a long article. The app used
 * to force an exit 500 ms after Ink finished because an ended worker once
 * held the process open; now the render service lets go of its worker
 * before ending it, and nothing else keeps the process alive. The bound
 * below is a liveness check (a held process never exits), not a speed figure.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {HAS_TMUX, clearShell, readerPosition, snapshotApp, startTmuxWithEnv, stopAppAndKill, typeAppCommand, waitForEchoedExit, type Tmux} from '../helpers/tmux.js';

const work = mkdtempSync(path.join(tmpdir(), 'ink-quit-'));
const shelf = path.join(work, 'shelf');
/** Far longer than one would wait for a process that is done; a held one never exits. */
const EXIT_WITHIN_MS = 5000;

function longArticle(): string {
	const part = (n: number): string => `## Part ${n}\n\nA paragraph of plain prose that goes on for a while, part ${n}.\n\n\`\`\`python\nprint(${n})\n\`\`\`\n\n`;
	return `---\ntitle: Long Article\n---\n${Array.from({length: 3000}, (_, i) => part(i + 1)).join('')}`;
}

beforeAll(() => {
	mkdirSync(shelf);
	writeFileSync(path.join(shelf, 'short.md'), '---\ntitle: Short Article\n---\nA few words.\n');
	writeFileSync(path.join(shelf, 'long.md'), longArticle());
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

describe.skipIf(!HAS_TMUX)('q right after the first frame, 80x24', () => {
	let tmux: Tmux | undefined;
	let cli = '';

	beforeAll(async () => {
		cli = await snapshotApp(path.join(work, 'app'));
		tmux = await startTmuxWithEnv(`inkshelf-quit-${process.pid}`, {width: 80, height: 24}, {XDG_STATE_HOME: path.join(work, 'state')});
	});
	afterAll(async () => stopAppAndKill(tmux));

	/** Runs the app with an empty cache folder (the worker compiles everything), quits at the first frame. */
	async function quitAtFirstFrame(args: string[], firstFrame: (screen: string) => boolean): Promise<number> {
		const t = tmux as Tmux;
		await clearShell(t);
		const cache = mkdtempSync(path.join(work, 'cache-'));
		t.run('send-keys', '-t', t.target, '-l', `export XDG_CACHE_HOME=${cache}`);
		t.run('send-keys', '-t', t.target, 'Enter');
		typeAppCommand(t, cli, args);
		await t.waitFor(firstFrame, 30_000);
		await t.key('q');
		return await waitForEchoedExit(t, EXIT_WITHIN_MS).finally(() => rmSync(cache, {recursive: true, force: true}));
	}

	for (let round = 1; round <= 3; round++) {
		it(`the library (round ${round})`, async () => {
			expect(await quitAtFirstFrame([shelf], s => s.includes('All articles'))).toBe(0);
		}, 60_000);

		it(`a long article still rendering (round ${round})`, async () => {
			expect(await quitAtFirstFrame(['read', 'long', shelf], s => s.includes('Long Article') && readerPosition(s) !== null)).toBe(0);
		}, 60_000);
	}
});
