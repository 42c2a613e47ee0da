/**
 * Real tmux, no fakes: a private server (its own -L socket, no config) proves
 * that (1) tmux turns the exact bytes of our OSC 52 sequence into a paste
 * buffer, and (2) copyToClipboard's `tmux load-buffer` route, spawned by the
 * production run/which, fills the buffer of the server named by $TMUX.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {copyToClipboard, osc52Sequence} from '../../src/core/clipboard/copy.js';
import {HAS_TMUX, Tmux} from '../helpers/tmux.js';

const SERVER = `inkshelf-clip-${process.pid}`;

const TEXTS: [string, string][] = [
	['ascii command', 'npm run build && npm test'],
	['emoji and CJK', 'echo "👨‍👩‍👧 家族 ✓ naïve"'],
	['CRLF and tabs', 'line one\r\n\tline two\r\nend'],
	['trailing newline', 'echo hi\n'],
	['70 KB', 'const value = "ünïcödé ✓"; // padding to make this big\n'.repeat(1_200)],
];

describe.skipIf(!HAS_TMUX)('clipboard through a real tmux server', () => {
	let dir = '';
	let t: Tmux;
	let serverPid = '';

	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-clip-e2e-'));
		// The driver's server runs with a tiny environment: no outer $TMUX leaks in.
		t = Tmux.start(SERVER);
		serverPid = t.run('display', '-p', '#{pid}').trim();
	});

	// A buffer left by an earlier test must not be mistaken for this test's result.
	beforeEach(() => {
		t.clearBuffers();
	});

	afterAll(() => {
		t?.kill();
		if (dir) rmSync(dir, {recursive: true, force: true});
	});

	it.each(TEXTS)('tmux stores our OSC 52 sequence written by a pane: %s', async (name, text) => {
		const file = path.join(dir, `osc52-${name.replace(/\W+/g, '-')}`);
		// The env inside tmux: osc52Sequence must choose the plain (non-DCS) form there.
		const seq = osc52Sequence(text, {TMUX: `${t.socketPath},${serverPid},0`});
		expect(seq.startsWith('\x1b]52;c;')).toBe(true);
		writeFileSync(file, seq);
		// `sleep` keeps the pane alive until tmux has surely read all of the output.
		t.run('new-window', '-d', `cat '${file}'; sleep 2`);
		expect(await t.waitForBuffer(text, 5_000)).toBe(text);
	});

	it.each([...TEXTS, ['200 KB, over the OSC 52 limit', 'x'.repeat(199_999) + '\n'] as [string, string]])(
		'copyToClipboard fills the tmux buffer of the server in $TMUX: %s',
		async (_name, text) => {
			const result = await copyToClipboard(text, {
				env: {PATH: process.env.PATH, HOME: process.env.HOME, TMUX: `${t.socketPath},${serverPid},0`},
				isTTY: false,
				// Pinned so that no real desktop clipboard (pbcopy, clip.exe) is touched by the test.
				platform: 'linux',
				isWSL: false,
			});
			expect(result.tried.filter(t => t.route === 'tmux buffer')).toEqual([]);
			expect(result.routes).toEqual(['tmux buffer']);
			expect(result.ok).toBe(true);
			expect(result.message).toBe('copied via tmux buffer');
			expect(await t.waitForBuffer(text, 2_000)).toBe(text);
		},
	);
});
