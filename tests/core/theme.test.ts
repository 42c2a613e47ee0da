import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {backgroundFromColorfgbg, decideTheme, isLight, parseOsc11Reply} from '../../src/core/theme/detect.js';
import {queryBackground} from '../../src/core/system/terminal-background.js';
import {colorLevelFor, makeStyles} from '../../src/core/render/styles.js';
import {highlightCode} from '../../src/core/render/highlight.js';
import {renderArticle} from '../../src/core/render/article.js';
import {uiTheme} from '../../src/ui/theme.js';

/** Any SGR that sets a colour: 30-37, 39-47, 49, 90-97, 100-107, or 38/48 with 5 or 2. */
const COLOUR_SGR = /\x1b\[(?:[\d;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;
const TRUECOLOR = /\x1b\[[\d;]*[34]8;2;/;

const ARTICLE = '# Title\n\nSome *text* with `code` and a [link](https://example.com).\n\n> a quote\n\n```python\ndef f(x):\n    return x + 1  # comment\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';

describe('OSC 11 replies', () => {
	it('reads 4, 2 and 1 hex digits a channel, ended by BEL or ST', () => {
		expect(parseOsc11Reply('\x1b]11;rgb:ffff/ffff/ffff\x07')).toEqual([255, 255, 255]);
		expect(parseOsc11Reply('\x1b]11;rgb:1e1e/1e1e/2e2e\x1b\\')).toEqual([30, 30, 46]);
		expect(parseOsc11Reply('\x1b]11;rgb:c0/c0/c0\x07')).toEqual([192, 192, 192]);
		expect(parseOsc11Reply('\x1b]11;rgb:f/0/0\x07')).toEqual([255, 0, 0]);
		expect(parseOsc11Reply('\x1b]11;?\x07')).toBeNull();
		expect(parseOsc11Reply('')).toBeNull();
	});

	it('tells light from dark', () => {
		expect(isLight([255, 255, 255])).toBe(true);
		expect(isLight([253, 246, 227])).toBe(true); // solarized light
		expect(isLight([0, 43, 54])).toBe(false); // solarized dark
		expect(isLight([30, 30, 46])).toBe(false);
	});
});

describe('choosing the theme', () => {
	it('COLORFGBG: 7 and 9-15 light, 0-6 and 8 dark, the rest unknown', () => {
		expect(backgroundFromColorfgbg('0;15')).toBe('light');
		expect(backgroundFromColorfgbg('15;0')).toBe('dark');
		expect(backgroundFromColorfgbg('0;default;7')).toBe('light');
		expect(backgroundFromColorfgbg('15;default;8')).toBe('dark');
		expect(backgroundFromColorfgbg('default;default')).toBeNull();
		expect(backgroundFromColorfgbg(undefined)).toBeNull();
	});

	it('NO_COLOR first, then the choice, then the answer to OSC 11, then COLORFGBG, then dark', () => {
		expect(decideTheme('light', {NO_COLOR: '1'}).theme).toBe('mono');
		expect(decideTheme('light', {NO_COLOR: ''}).theme).toBe('light');
		expect(decideTheme('dark', {COLORFGBG: '0;15'}).theme).toBe('dark');
		expect(decideTheme('auto', {COLORFGBG: '15;0'}, [250, 250, 250]).theme).toBe('light');
		expect(decideTheme('auto', {COLORFGBG: '0;15'}).theme).toBe('light');
		expect(decideTheme('auto', {}).theme).toBe('dark');
	});
});

describe('asking the terminal', () => {
	function fakeTerminal(answer: (written: string, stdin: PassThrough) => void): {stdin: NodeJS.ReadStream; stdout: {isTTY: boolean; write(s: string): boolean}; raw: boolean[]} {
		const stdin = new PassThrough() as PassThrough & {isTTY: boolean; isRaw: boolean; setRawMode(on: boolean): void};
		const raw: boolean[] = [];
		stdin.isTTY = true;
		stdin.isRaw = false;
		stdin.setRawMode = (on: boolean) => {
			stdin.isRaw = on;
			raw.push(on);
		};
		const stdout = {isTTY: true, write: (s: string) => (answer(s, stdin), true)};
		return {stdin: stdin as unknown as NodeJS.ReadStream, stdout, raw};
	}

	it('reads the answer, restores raw mode and gives back a key typed meanwhile', async () => {
		const t = fakeTerminal((written, stdin) => {
			expect(written).toBe('\x1b]11;?\x07\x1b[c');
			setTimeout(() => stdin.write('j\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c'), 5);
		});
		expect(await queryBackground(t, 1000)).toEqual([255, 255, 255]);
		expect(t.raw).toEqual([true, false]);
		expect(String(t.stdin.read())).toBe('j');
	});

	it('a terminal that answers only DA1 is done at once, with no colour', async () => {
		const t = fakeTerminal((_, stdin) => setTimeout(() => stdin.write('\x1b[?1;2c'), 5));
		const started = Date.now();
		expect(await queryBackground(t, 5000)).toBeNull();
		expect(Date.now() - started).toBeLessThan(4000);
		expect(t.stdin.read()).toBeNull();
	});

	it('a terminal that answers nothing is given up on after the timeout', async () => {
		const t = fakeTerminal(() => {});
		expect(await queryBackground(t, 30)).toBeNull();
		expect(t.raw).toEqual([true, false]);
	});

	it('is not asked when stdin or stdout is not a terminal', async () => {
		const t = fakeTerminal(() => {
			throw new Error('written to');
		});
		t.stdout.isTTY = false;
		expect(await queryBackground(t, 30)).toBeNull();
	});
});

describe('styles from a theme name and a colour level (plain data)', () => {
	it('mono has emphasis but no colour; dark and light have colour', () => {
		const mono = renderArticle(ARTICLE, 60, makeStyles(3, 'mono')).lines.join('\n');
		expect(mono).toMatch(/\x1b\[1m/);
		expect(mono).not.toMatch(COLOUR_SGR);
		for (const theme of ['dark', 'light'] as const) expect(renderArticle(ARTICLE, 60, makeStyles(3, theme)).lines.join('\n')).toMatch(COLOUR_SGR);
	});

	it('256 and 16 colours never get truecolor escapes', () => {
		for (const theme of ['dark', 'light'] as const) {
			for (const level of [1, 2] as const) expect(renderArticle(ARTICLE, 60, makeStyles(level, theme)).lines.join('\n')).not.toMatch(TRUECOLOR);
			expect(renderArticle(ARTICLE, 60, makeStyles(3, theme)).lines.join('\n')).toMatch(TRUECOLOR);
		}
	});

	it('syntax highlighting follows the theme', () => {
		const code = 'def f(x):\n    return "s"  # note\n';
		const dark = highlightCode(code, 'python', makeStyles(3, 'dark'));
		const light = highlightCode(code, 'python', makeStyles(3, 'light'));
		expect(dark).toContain('\x1b[38;2;215;175;255m'); // keyword, dark
		expect(light).toContain('\x1b[38;2;175;0;95m'); // keyword, light
		expect(light).not.toContain('215;175;255');
		expect(highlightCode(code, 'python', makeStyles(3, 'mono'))).not.toMatch(COLOUR_SGR);
	});

	it('NO_COLOR turns colour off for printed output; FORCE_COLOR picks the level', () => {
		expect(colorLevelFor({isTTY: true}, {NO_COLOR: '1', FORCE_COLOR: '3'})).toBe(0);
		expect(colorLevelFor({isTTY: false}, {FORCE_COLOR: '2'})).toBe(2);
		expect(colorLevelFor({isTTY: true}, {TERM: 'xterm-256color'})).toBe(2);
		expect(colorLevelFor({isTTY: true}, {TERM: 'xterm-256color', COLORTERM: 'truecolor'})).toBe(3);
		expect(colorLevelFor({isTTY: true}, {TERM: 'xterm'})).toBe(1);
	});

	it('the UI chrome: names at 16 colours, ansi256() at 256, hex at truecolor, none in mono; titles keep the terminal foreground', () => {
		expect(uiTheme('dark', 1).accent).toEqual({color: 'cyanBright'});
		expect(uiTheme('light', 2).accent.color).toMatch(/^ansi256\(\d+\)$/);
		expect(uiTheme('light', 3).accent.color).toBe('#005f87');
		expect(Object.values(uiTheme('mono', 3)).every(s => s.color === undefined)).toBe(true);
		expect(uiTheme('mono', 3).accent).toEqual({bold: true});
		expect(uiTheme('dark', 3).title).toEqual({});
		expect(uiTheme('light', 3).title).toEqual({});
	});
});

describe('asking a terminal that answers out of order', () => {
	it('a colour reply that comes just after DA1 is still read, never left for the app', async () => {
		const stdin = new PassThrough() as PassThrough & {isTTY: boolean; isRaw: boolean; setRawMode(on: boolean): void};
		stdin.isTTY = true;
		stdin.isRaw = false;
		stdin.setRawMode = (on: boolean) => {
			stdin.isRaw = on;
		};
		const stdout = {isTTY: true, write: () => {
			setTimeout(() => stdin.write('\x1b[?62;22c'), 2);
			setTimeout(() => stdin.write('\x1b]11;rgb:0000/0000/0000\x07'), 6);
			return true;
		}};
		expect(await queryBackground({stdin: stdin as unknown as NodeJS.ReadStream, stdout}, 1000)).toEqual([0, 0, 0]);
		expect(stdin.read()).toBeNull();
	});
});
