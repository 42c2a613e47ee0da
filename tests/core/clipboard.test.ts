import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {
	OSC52_MAX_BASE64,
	copyToClipboard,
	osc52Sequence,
	prepareForPaste,
	type ClipboardDeps,
	type Env,
	type RunResult,
} from '../../src/core/clipboard/copy.js';
import {tmuxSupportsW} from '../../src/core/clipboard/routes.js';
import {makeRun, makeWhich} from '../../src/core/system/processes.js';

interface Call {
	cmd: string;
	args: string[];
	input: string;
	timeoutMs: number;
	extraEnv?: Env;
}

interface FakeOptions {
	env?: Env;
	platform?: NodeJS.Platform;
	isTTY?: boolean;
	isWSL?: boolean;
	installed?: string[];
	/** Result per tool name; a function lets a test see the call or throw. */
	results?: Record<string, RunResult | ((call: Call) => RunResult)>;
	tmuxVersion?: string | null;
}

function fake(o: FakeOptions = {}) {
	const calls: Call[] = [];
	const written: string[] = [];
	const deps: ClipboardDeps = {
		env: o.env ?? {},
		platform: o.platform ?? 'linux',
		isTTY: o.isTTY ?? false,
		isWSL: o.isWSL ?? false,
		writeTerminal: data => void written.push(data),
		which: cmd => ((o.installed ?? []).includes(cmd) ? `/fake/bin/${cmd}` : null),
		run: async (cmd, args, input, timeoutMs, extraEnv) => {
			const call: Call = {cmd, args, input, timeoutMs, extraEnv};
			calls.push(call);
			const result = o.results?.[path.basename(cmd)];
			if (typeof result === 'function') return result(call);
			return result ?? {code: 0, stderr: ''};
		},
		tmuxVersion: async () => (o.tmuxVersion === undefined ? 'tmux 3.4' : o.tmuxVersion),
	};
	return {deps, calls, written};
}

/** Inverse of osc52Sequence for both framings, so tests check bytes rather than our own encoder. */
function decodeOsc52(seq: string): string {
	const plain = /^\x1b\]52;c;([A-Za-z0-9+/=]*)\x07$/.exec(seq);
	if (plain) return Buffer.from(plain[1] ?? '', 'base64').toString('utf8');
	// Screen framing: only complete DCS strings, each holding a slice of one OSC 52.
	expect(seq).toMatch(/^(?:\x1bP[^]*?\x1b\\)+$/);
	const inner = /^\x1b\]52;c;([A-Za-z0-9+/=]*)\x07$/.exec(seq.replace(/\x1bP|\x1b\\/g, ''));
	if (!inner) throw new Error(`not an OSC 52 sequence: ${JSON.stringify(seq.slice(0, 40))}`);
	return Buffer.from(inner[1] ?? '', 'base64').toString('utf8');
}

const TRICKY: [string, string][] = [
	['empty', ''],
	['ascii command', 'npm install --save-dev vitest'],
	['emoji with ZWJ', 'family: 👨‍👩‍👧 thumbs 👍🏽'],
	['CJK', '日本語のテキストと中文'],
	['CRLF', 'line one\r\nline two\r\n'],
	['trailing newline', 'echo hi\n'],
	['tabs and quotes', '\tif (a) {\n\t\treturn "x\'y`z";\n\t}'],
	['80 KB', 'const x = 1; // ✓ ünïcödé\n'.repeat(3100)],
];

describe('osc52Sequence', () => {
	it.each(TRICKY)('plain OSC 52 round-trips %s', (_name, text) => {
		const seq = osc52Sequence(text, {});
		expect(seq.startsWith('\x1b]52;c;')).toBe(true);
		expect(decodeOsc52(seq)).toBe(text);
	});

	it.each(TRICKY)('screen DCS chunks round-trip %s', (_name, text) => {
		const seq = osc52Sequence(text, {STY: '1234.pts-0.host', TERM: 'screen'});
		expect(seq.startsWith('\x1bP\x1b]52;c;')).toBe(true);
		expect(seq.endsWith('\x07\x1b\\')).toBe(true);
		// Every DCS string screen sees stays short: 76 base64 chars plus the OSC framing.
		for (const piece of seq.split('\x1b\\')) expect(piece.length).toBeLessThanOrEqual(2 + 7 + 76 + 1);
		expect(decodeOsc52(seq)).toBe(text);
	});

	it('uses plain OSC 52 in tmux even when $STY leaked into the environment', () => {
		expect(osc52Sequence('x', {TMUX: '/tmp/tmux-1/default,1,0', STY: '1.pts'})).toBe('\x1b]52;c;eA==\x07');
	});
});

describe('copyToClipboard: route choice per platform', () => {
	interface Case {
		name: string;
		opts: FakeOptions;
		text?: string;
		routes: string[];
		/** Expected tool invocations (basename and args), in order. */
		calls: [string, string[]][];
	}
	const cases: Case[] = [
		{
			name: 'Linux X11 with xclip',
			opts: {env: {DISPLAY: ':0'}, installed: ['xclip', 'xsel']},
			routes: ['xclip'],
			calls: [['xclip', ['-selection', 'clipboard']]],
		},
		{
			name: 'Linux X11 with only xsel',
			opts: {env: {DISPLAY: ':0'}, installed: ['xsel']},
			routes: ['xsel'],
			calls: [['xsel', ['--clipboard', '--input']]],
		},
		{
			name: 'Linux Wayland',
			opts: {env: {WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0'}, installed: ['wl-copy', 'xclip']},
			routes: ['wl-copy'],
			calls: [['wl-copy', ['--type', 'text/plain;charset=utf-8']]],
		},
		{
			name: 'Wayland without wl-copy falls back to XWayland xclip',
			opts: {env: {WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0'}, installed: ['xclip']},
			routes: ['xclip'],
			calls: [['xclip', ['-selection', 'clipboard']]],
		},
		{
			name: 'FreeBSD is treated like Linux',
			opts: {platform: 'freebsd', env: {DISPLAY: ':0'}, installed: ['xsel']},
			routes: ['xsel'],
			calls: [['xsel', ['--clipboard', '--input']]],
		},
		{
			name: 'macOS pbcopy',
			opts: {platform: 'darwin', installed: ['pbcopy']},
			routes: ['pbcopy'],
			calls: [['pbcopy', []]],
		},
		{
			name: 'Windows, ASCII: clip.exe',
			opts: {platform: 'win32', installed: ['clip.exe', 'powershell.exe']},
			routes: ['clip.exe'],
			calls: [['clip.exe', []]],
		},
		{
			name: 'Windows, non-ASCII: powershell',
			opts: {platform: 'win32', installed: ['clip.exe', 'powershell.exe']},
			text: 'echo "naïve ✓"',
			routes: ['powershell'],
			calls: [['powershell.exe', ['-NoProfile', '-NonInteractive', '-EncodedCommand', expect.any(String) as unknown as string]]],
		},
		{
			name: 'WSL, ASCII: clip.exe even with a display',
			opts: {isWSL: true, env: {DISPLAY: ':0'}, installed: ['clip.exe', 'powershell.exe', 'xclip']},
			routes: ['clip.exe'],
			calls: [['clip.exe', []]],
		},
		{
			name: 'WSL, non-ASCII: powershell',
			opts: {isWSL: true, installed: ['clip.exe', 'powershell.exe']},
			text: '世界',
			routes: ['powershell'],
			calls: [['powershell.exe', ['-NoProfile', '-NonInteractive', '-EncodedCommand', expect.any(String) as unknown as string]]],
		},
		{
			name: 'WSL with interop off uses WSLg wl-copy',
			opts: {isWSL: true, env: {WAYLAND_DISPLAY: 'wayland-0'}, installed: ['wl-copy']},
			routes: ['wl-copy'],
			calls: [['wl-copy', ['--type', 'text/plain;charset=utf-8']]],
		},
		{
			name: 'isWSL is ignored on macOS',
			opts: {platform: 'darwin', isWSL: true, installed: ['pbcopy', 'clip.exe']},
			routes: ['pbcopy'],
			calls: [['pbcopy', []]],
		},
		{
			name: 'SSH without tmux or display: OSC 52 only',
			opts: {isTTY: true, env: {SSH_TTY: '/dev/pts/3'}, installed: ['xclip']},
			routes: ['OSC 52'],
			calls: [],
		},
		{
			name: 'tmux 3.3 over SSH: OSC 52 + tmux buffer with -w',
			opts: {isTTY: true, env: {TMUX: '/tmp/tmux-1000/default,42,0'}, installed: ['tmux'], tmuxVersion: 'tmux 3.3a'},
			routes: ['OSC 52', 'tmux buffer'],
			calls: [['tmux', ['load-buffer', '-w', '-']]],
		},
		{
			name: 'tmux 3.1 gets no -w',
			opts: {env: {TMUX: '/tmp/tmux-1000/default,42,0'}, installed: ['tmux'], tmuxVersion: 'tmux 3.1c'},
			routes: ['tmux buffer'],
			calls: [['tmux', ['load-buffer', '-']]],
		},
		{
			name: 'everything at once: OSC 52, tmux buffer and xclip',
			opts: {isTTY: true, env: {TMUX: '/tmp/t,1,0', DISPLAY: ':1'}, installed: ['tmux', 'xclip'], tmuxVersion: 'tmux next-3.5'},
			routes: ['OSC 52', 'tmux buffer', 'xclip'],
			calls: [
				['tmux', ['load-buffer', '-w', '-']],
				['xclip', ['-selection', 'clipboard']],
			],
		},
		{
			name: '$TMUX set but no tmux binary',
			opts: {env: {TMUX: '/tmp/t,1,0', DISPLAY: ':0'}, installed: ['xclip']},
			routes: ['xclip'],
			calls: [['xclip', ['-selection', 'clipboard']]],
		},
	];

	it.each(cases)('$name', async ({opts, text = 'ls -la', routes, calls}) => {
		const f = fake(opts);
		const result = await copyToClipboard(text, f.deps);
		expect(result.routes).toEqual(routes);
		expect(result.ok).toBe(routes.length > 0);
		// tmux and the system tool run concurrently, so their call order is not part of the contract.
		const seen = f.calls.map(c => [path.basename(c.cmd), c.args]);
		expect(seen.sort()).toEqual([...calls].sort());
		for (const c of f.calls) expect(c.input).toBe(text);
		expect(f.written.length).toBe(routes.includes('OSC 52') ? 1 : 0);
		expect(result.message.length).toBeLessThanOrEqual(100);
		expect(result.message).toContain(routes.includes('OSC 52') ? 'sent via' : 'copied via');
		for (const r of routes) expect(result.message).toContain(r);
	});

	it('says "sent via OSC 52 + tmux buffer" when both worked', async () => {
		const f = fake({isTTY: true, env: {TMUX: '/tmp/t,1,0'}, installed: ['tmux']});
		expect((await copyToClipboard('x', f.deps)).message).toBe('sent via OSC 52 + tmux buffer');
	});

	it('resolves tools to their PATH location and spawns that', async () => {
		const f = fake({env: {DISPLAY: ':0'}, installed: ['xclip']});
		await copyToClipboard('x', f.deps);
		expect(f.calls[0]?.cmd).toBe('/fake/bin/xclip');
	});

	it('runs pbcopy with a UTF-8 locale, overriding a non-UTF-8 LC_ALL', async () => {
		const f = fake({platform: 'darwin', env: {LC_ALL: 'C'}, installed: ['pbcopy']});
		await copyToClipboard('café', f.deps);
		expect(f.calls[0]?.extraEnv).toEqual({LC_CTYPE: 'UTF-8', LC_ALL: 'en_US.UTF-8'});
	});

	it('powershell reads stdin as UTF-8 and calls Set-Clipboard', async () => {
		const f = fake({platform: 'win32', installed: ['powershell.exe']});
		await copyToClipboard('ü', f.deps);
		const encoded = f.calls[0]?.args.at(-1) ?? '';
		const script = Buffer.from(encoded, 'base64').toString('utf16le');
		expect(script).toContain('UTF8Encoding');
		expect(script).toContain('Set-Clipboard');
		expect(f.calls[0]?.timeoutMs).toBeGreaterThan(2_000);
	});

	it('does not hand non-ASCII text to clip.exe when powershell is missing', async () => {
		const f = fake({platform: 'win32', installed: ['clip.exe']});
		const result = await copyToClipboard('naïve', f.deps);
		expect(result.ok).toBe(false);
		expect(f.calls).toEqual([]);
		expect(result.tried.map(t => t.route)).toEqual(['OSC 52', 'tmux buffer', 'powershell', 'clip.exe']);
		expect(result.tried.find(t => t.route === 'clip.exe')?.error).toMatch(/non-ASCII/);
	});
});

describe('copyToClipboard: OSC 52', () => {
	it.each(TRICKY.filter(([, t]) => Buffer.byteLength(t) * (4 / 3) <= OSC52_MAX_BASE64))(
		'the written payload decodes to exactly the input: %s',
		async (_name, text) => {
			const f = fake({isTTY: true});
			const result = await copyToClipboard(text, f.deps);
			expect(result.routes).toEqual(['OSC 52']);
			expect(f.written).toHaveLength(1);
			expect(decodeOsc52(f.written[0] ?? '')).toBe(text);
		},
	);

	it('uses screen DCS chunking under GNU screen', async () => {
		const f = fake({isTTY: true, env: {STY: '99.pts-1.box', TERM: 'screen.xterm-256color'}});
		const text = 'x'.repeat(500) + ' ✓';
		await copyToClipboard(text, f.deps);
		expect(f.written[0]?.startsWith('\x1bP')).toBe(true);
		expect(decodeOsc52(f.written[0] ?? '')).toBe(text);
	});

	it('INKSHELF_OSC52=1 forces it without a TTY; =0 disables it on a TTY', async () => {
		const forced = fake({isTTY: false, env: {INKSHELF_OSC52: '1'}});
		expect((await copyToClipboard('a', forced.deps)).routes).toEqual(['OSC 52']);
		const off = fake({isTTY: true, env: {INKSHELF_OSC52: '0'}});
		const result = await copyToClipboard('a', off.deps);
		expect(off.written).toEqual([]);
		expect(result.tried).toContainEqual({route: 'OSC 52', error: expect.stringMatching(/disabled/) as unknown as string});
		expect(result.message).toContain('OSC 52 disabled');
	});

	it('sends exactly OSC52_MAX_BASE64 of base64 and refuses one byte more, saying why', async () => {
		const atLimit = 'a'.repeat((OSC52_MAX_BASE64 / 4) * 3);
		const ok = fake({isTTY: true});
		expect((await copyToClipboard(atLimit, ok.deps)).routes).toEqual(['OSC 52']);

		const tooBig = fake({isTTY: true, env: {INKSHELF_OSC52: '1'}});
		const result = await copyToClipboard(atLimit + 'a', tooBig.deps);
		expect(tooBig.written).toEqual([]);
		expect(result.ok).toBe(false);
		const reason = result.tried.find(t => t.route === 'OSC 52')?.error ?? '';
		expect(reason).toMatch(/too large/);
		expect(reason).toContain(String(OSC52_MAX_BASE64));
		expect(result.message).toContain('too large for OSC 52');
	});

	it('refuses an 80 KB snippet but still copies it with the system tool', async () => {
		const text = TRICKY.find(([n]) => n === '80 KB')?.[1] ?? '';
		const f = fake({isTTY: true, env: {DISPLAY: ':0'}, installed: ['xclip']});
		const result = await copyToClipboard(text, f.deps);
		expect(result.routes).toEqual(['xclip']);
		expect(f.written).toEqual([]);
		expect(f.calls[0]?.input).toBe(text);
		expect(result.tried.map(t => t.route)).toContain('OSC 52');
	});

	it('reports a terminal write that throws instead of crashing', async () => {
		const f = fake({isTTY: true});
		f.deps.writeTerminal = () => {
			throw new Error('write EIO');
		};
		const result = await copyToClipboard('a', f.deps);
		expect(result.ok).toBe(false);
		expect(result.tried).toContainEqual({route: 'OSC 52', error: 'write EIO'});
	});
});

describe('copyToClipboard: failures are reported, never thrown', () => {
	it('no display, not in tmux, no TTY: a clear message naming what was tried', async () => {
		const f = fake({env: {SSH_CONNECTION: '1 2 3 4'}, installed: ['xclip', 'xsel', 'wl-copy']});
		const result = await copyToClipboard('make test', f.deps);
		expect(result.ok).toBe(false);
		expect(result.routes).toEqual([]);
		expect(f.calls).toEqual([]);
		expect(result.message).toBe('nothing copied: no display for xclip/xsel/wl-copy, not in tmux, no terminal for OSC 52');
		expect(result.tried).toEqual([
			{route: 'OSC 52', error: expect.stringMatching(/not a terminal/) as unknown as string},
			{route: 'tmux buffer', error: '$TMUX is not set'},
			{route: 'xclip/xsel/wl-copy', error: expect.stringMatching(/no DISPLAY or WAYLAND_DISPLAY/) as unknown as string},
		]);
	});

	it('exit 1, not installed and timeout each reported, falling through to the next tool', async () => {
		const f = fake({
			env: {WAYLAND_DISPLAY: 'wayland-1', DISPLAY: ':0'},
			installed: ['wl-copy', 'xclip', 'xsel'],
			results: {
				'wl-copy': {code: null, stderr: 'timed out after 2000 ms'},
				xclip: {code: 1, stderr: "Error: Can't open display: :0\nmore detail"},
				xsel: {code: null, stderr: 'not installed (not found on PATH)'},
			},
		});
		const result = await copyToClipboard('x', f.deps);
		expect(result.ok).toBe(false);
		expect(f.calls.map(c => path.basename(c.cmd))).toEqual(['wl-copy', 'xclip', 'xsel']);
		expect(result.tried.slice(2)).toEqual([
			{route: 'wl-copy', error: 'timed out after 2000 ms'},
			{route: 'xclip', error: "exit 1: Error: Can't open display: :0"},
			{route: 'xsel', error: 'not installed (not found on PATH)'},
		]);
		expect(result.message).toBe('nothing copied: wl-copy timed out, xclip exit 1, xsel not installed, not in tmux, …');
		expect(result.message.length).toBeLessThanOrEqual(100);
	});

	it('keeps the routes that worked when another one failed', async () => {
		const f = fake({
			isTTY: true,
			env: {TMUX: '/tmp/t,1,0', DISPLAY: ':0'},
			installed: ['tmux', 'xclip'],
			results: {tmux: {code: 1, stderr: 'no server running on /tmp/t'}},
		});
		const result = await copyToClipboard('x', f.deps);
		expect(result.ok).toBe(true);
		expect(result.routes).toEqual(['OSC 52', 'xclip']);
		expect(result.tried).toEqual([{route: 'tmux buffer', error: 'exit 1: no server running on /tmp/t'}]);
		expect(result.message).toBe('sent via OSC 52 + xclip');
	});

	it('retries tmux load-buffer without -w when tmux rejects the flag', async () => {
		const f = fake({
			env: {TMUX: '/tmp/t,1,0'},
			installed: ['tmux'],
			tmuxVersion: null,
			results: {tmux: call => (call.args.includes('-w') ? {code: 1, stderr: 'load-buffer: unknown flag -w'} : {code: 0, stderr: ''})},
		});
		const result = await copyToClipboard('x', f.deps);
		expect(result.routes).toEqual(['tmux buffer']);
		expect(f.calls.map(c => c.args)).toEqual([
			['load-buffer', '-w', '-'],
			['load-buffer', '-'],
		]);
	});

	it('a dependency that rejects or throws becomes a failed route', async () => {
		const f = fake({env: {TMUX: '/tmp/t,1,0', DISPLAY: ':0'}, installed: ['tmux', 'xclip']});
		f.deps.run = () => Promise.reject(new Error('spawn EAGAIN'));
		f.deps.tmuxVersion = () => {
			throw new Error('boom');
		};
		const result = await copyToClipboard('x', f.deps);
		expect(result.ok).toBe(false);
		expect(result.tried).toContainEqual({route: 'tmux buffer', error: 'boom'});
		expect(result.tried).toContainEqual({route: 'clipboard tool', error: 'spawn EAGAIN'});
	});
});

describe('tmuxSupportsW', () => {
	it.each([
		['tmux 3.3a', true],
		['tmux 3.2', true],
		['tmux 3.1c', false],
		['tmux 2.9a', false],
		['tmux 10.0', true],
		['tmux next-3.6', true],
		['tmux master', true],
		['tmux openbsd-7.5', true],
		['tmux openbsd-6.8', false],
		[null, true],
	] as const)('%s -> %s', (version, expected) => {
		expect(tmuxSupportsW(version)).toBe(expected);
	});
});

describe('prepareForPaste', () => {
	it.each<[string, string, string, string[]]>([
		['plain command', 'ls -la', 'ls -la', []],
		['drops one trailing newline', 'ls -la\n', 'ls -la', []],
		['drops only one of several', 'a\n\n', 'a\n', []],
		['drops a trailing CRLF', 'dir\r\n', 'dir', []],
		['CRLF inside is not a warning', 'a\r\nb\r\n', 'a\r\nb', []],
		['empty', '', '', []],
		['tabs are fine', '\tx\n', '\tx', []],
		['emoji ZWJ is fine', '👩‍💻\n', '👩‍💻', []],
		['ESC', 'printf "\x1b[31mred"', 'printf "\x1b[31mred"', ['contains ESC (escape sequences)']],
		[
			'bracketed paste terminator',
			'echo safe\x1b[201~rm -rf ~\n',
			'echo safe\x1b[201~rm -rf ~',
			['contains ESC[201~ (ends bracketed paste)', 'contains ESC (escape sequences)'],
		],
		['lone CR', 'echo a\rrm x', 'echo a\rrm x', ['contains CR without LF (acts as Enter)']],
		['BEL and NUL, once each', 'a\x07b\x07c\x00', 'a\x07b\x07c\x00', ['contains control character U+0007 (BEL)', 'contains control character U+0000 (NUL)']],
		['DEL', 'a\x7f', 'a\x7f', ['contains DEL (U+007F)']],
		['C1 CSI', 'a\u009b31m', 'a\u009b31m', ['contains C1 control U+009B']],
		['RLO (trojan source)', 'if (x) { /*\u202e } \u2066*/', 'if (x) { /*\u202e } \u2066*/', ['contains bidi control U+202E', 'contains bidi control U+2066']],
		['zero-width space', 'pip install req\u200buests', 'pip install req\u200buests', ['contains zero-width character U+200B']],
		['BOM and word joiner', '\ufeffa\u2060b\u200c', '\ufeffa\u2060b\u200c', ['contains zero-width character U+FEFF', 'contains zero-width character U+2060', 'contains zero-width character U+200C']],
	])('%s', (_name, source, text, warnings) => {
		expect(prepareForPaste(source)).toEqual({text, warnings});
	});
});

// The real spawn wrapper and PATH lookup, against /bin/sh: these are what production uses.
describe.skipIf(process.platform === 'win32')('default run and which (real processes)', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-clip-unit-'));
	afterAll(() => rmSync(dir, {recursive: true, force: true}));
	const run = makeRun(process.env);

	it('pipes the exact text to stdin', async () => {
		const out = path.join(dir, 'out.txt');
		const text = 'héllo\r\n世界 👋\n';
		const r = await run('/bin/sh', ['-c', `cat > '${out}'`], text, 2_000);
		expect(r).toEqual({code: 0, stderr: ''});
		expect(readFileSync(out, 'utf8')).toBe(text);
	});

	it('turns ENOENT into "not installed"', async () => {
		const r = await run('inkshelf-no-such-tool-xyz', [], 'x', 2_000);
		expect(r.code).toBeNull();
		expect(r.stderr).toMatch(/not installed/);
	});

	it('reports exit code and stderr', async () => {
		expect(await run('/bin/sh', ['-c', 'echo "cannot open display" >&2; exit 3'], '', 2_000)).toEqual({
			code: 3,
			stderr: 'cannot open display',
		});
	});

	it('times out a hung tool', async () => {
		const r = await run('/bin/sh', ['-c', 'sleep 10'], '', 200);
		expect(r).toEqual({code: null, stderr: 'timed out after 200 ms'});
	});

	it('does not wait for a forked clipboard server that keeps stderr open (xclip, wl-copy)', async () => {
		const started = Date.now();
		const r = await run('/bin/sh', ['-c', 'cat >/dev/null; (sleep 3 &); exit 0'], 'x', 2_000);
		expect(r.code).toBe(0);
		expect(Date.now() - started).toBeLessThan(1_000);
	});

	it('which finds executables on PATH only, skipping empty entries', () => {
		writeFileSync(path.join(dir, 'xclip-fake'), '#!/bin/sh\n');
		chmodSync(path.join(dir, 'xclip-fake'), 0o755);
		writeFileSync(path.join(dir, 'noexec-fake'), '#!/bin/sh\n');
		chmodSync(path.join(dir, 'noexec-fake'), 0o644);
		const which = makeWhich({PATH: `:${dir}:/nonexistent`}, process.platform);
		expect(which('xclip-fake')).toBe(path.join(dir, 'xclip-fake'));
		expect(which('noexec-fake')).toBeNull();
		expect(which('inkshelf-no-such-tool-xyz')).toBeNull();
		expect(makeWhich({PATH: ''}, process.platform)('sh')).toBeNull();
		expect(makeWhich({PATH: '/bin:/usr/bin'}, process.platform)('sh')).toMatch(/\/sh$/);
	});
});
