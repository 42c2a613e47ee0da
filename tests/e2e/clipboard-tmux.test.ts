/**
 * Real tmux, no fakes: a private server (its own -L socket, no config) proves
 * that (1) tmux turns the exact bytes of our OSC 52 sequence into a paste
 * buffer, and (2) copyToClipboard's `tmux load-buffer` route, spawned by the
 * production run/which, fills the buffer of the server named by $TMUX.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {copyToClipboard, osc52Sequence} from '../../src/core/clipboard/copy.js';

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SERVER = `inkshelf-clip-${process.pid}`;

// The test may itself run inside tmux: never let the outer server's $TMUX leak in.
const cleanEnv: Record<string, string | undefined> = {...process.env};
delete cleanEnv.TMUX;
delete cleanEnv.TMUX_PANE;

function tmux(...args: string[]): Buffer {
	const r = spawnSync('tmux', ['-L', SERVER, ...args], {env: cleanEnv, timeout: 10_000});
	if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed (${r.status}): ${String(r.stderr)}`);
	return r.stdout;
}

/** tmux parses pane output asynchronously, so wait for the newest buffer to become `text`. */
async function waitForBuffer(text: string, timeoutMs = 5_000): Promise<string> {
	const want = Buffer.from(text, 'utf8');
	let last = '';
	for (const start = Date.now(); Date.now() - start < timeoutMs; ) {
		const r = spawnSync('tmux', ['-L', SERVER, 'show-buffer'], {env: cleanEnv});
		if (r.status === 0 && r.stdout.equals(want)) return r.stdout.toString('utf8');
		last = r.status === 0 ? r.stdout.toString('utf8') : `(no buffer: ${String(r.stderr).trim()})`;
		await new Promise(resolve => setTimeout(resolve, 50));
	}
	return last;
}

const TEXTS: [string, string][] = [
	['ascii command', 'npm run build && npm test'],
	['emoji and CJK', 'echo "👨‍👩‍👧 家族 ✓ naïve"'],
	['CRLF and tabs', 'line one\r\n\tline two\r\nend'],
	['trailing newline', 'echo hi\n'],
	['70 KB', 'const value = "ünïcödé ✓"; // padding to make this big\n'.repeat(1_200)],
];

describe.skipIf(!HAS_TMUX)('clipboard through a real tmux server', () => {
	let dir = '';
	let socketPath = '';
	let serverPid = '';

	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-clip-e2e-'));
		tmux('-f', '/dev/null', 'new-session', '-d', '-x', '80', '-y', '24');
		// The default ("external") ignores OSC 52 from applications.
		tmux('set', '-g', 'set-clipboard', 'on');
		socketPath = tmux('display', '-p', '#{socket_path}').toString('utf8').trim();
		serverPid = tmux('display', '-p', '#{pid}').toString('utf8').trim();
	});

	// A buffer left by an earlier test must not be mistaken for this test's result.
	beforeEach(() => {
		for (let i = 0; i < 1_000; i++) {
			if (spawnSync('tmux', ['-L', SERVER, 'delete-buffer'], {env: cleanEnv}).status !== 0) break;
		}
	});

	afterAll(() => {
		spawnSync('tmux', ['-L', SERVER, 'kill-server'], {env: cleanEnv});
		// kill-server can leave the socket file behind in /tmp/tmux-UID.
		if (socketPath) rmSync(socketPath, {force: true});
		if (dir) rmSync(dir, {recursive: true, force: true});
	});

	it.each(TEXTS)('tmux stores our OSC 52 sequence written by a pane: %s', async (name, text) => {
		const file = path.join(dir, `osc52-${name.replace(/\W+/g, '-')}`);
		// The env inside tmux: osc52Sequence must choose the plain (non-DCS) form there.
		const seq = osc52Sequence(text, {TMUX: `${socketPath},${serverPid},0`});
		expect(seq.startsWith('\x1b]52;c;')).toBe(true);
		writeFileSync(file, seq);
		// `sleep` keeps the pane alive until tmux has surely read all of the output.
		tmux('new-window', '-d', `cat '${file}'; sleep 2`);
		expect(await waitForBuffer(text)).toBe(text);
	});

	it.each([...TEXTS, ['200 KB, over the OSC 52 limit', 'x'.repeat(199_999) + '\n'] as [string, string]])(
		'copyToClipboard fills the tmux buffer of the server in $TMUX: %s',
		async (_name, text) => {
			const result = await copyToClipboard(text, {
				env: {PATH: cleanEnv.PATH, HOME: cleanEnv.HOME, TMUX: `${socketPath},${serverPid},0`},
				isTTY: false,
				// Pinned so that no real desktop clipboard (pbcopy, clip.exe) is touched by the test.
				platform: 'linux',
				isWSL: false,
			});
			expect(result.tried.filter(t => t.route === 'tmux buffer')).toEqual([]);
			expect(result.routes).toEqual(['tmux buffer']);
			expect(result.ok).toBe(true);
			expect(result.message).toBe('copied via tmux buffer');
			expect(await waitForBuffer(text, 2_000)).toBe(text);
		},
	);
});
