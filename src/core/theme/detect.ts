/**
 * Which palette `auto` means: the terminal's answer to OSC 11 (its background
 * colour), then COLORFGBG, then dark. Pure: the query itself is in
 * core/system/terminal-background.ts.
 */
import {contrast, type Rgb} from './colors.js';
import type {ThemeName} from './palettes.js';
import type {ThemeChoice} from '../config/index.js';

/** `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` (1 to 4 hex digits a channel) ended by BEL or ST. */
export const OSC11_REPLY = /\x1b\]11;rgb:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})(?:\x07|\x1b\\)/i;

/** The background colour in a terminal's reply to `ESC ] 11 ; ? BEL`, or null. */
export function parseOsc11Reply(reply: string): Rgb | null {
	const m = OSC11_REPLY.exec(reply);
	if (!m) return null;
	const channel = (hex: string): number => Math.round((Number.parseInt(hex, 16) / (16 ** hex.length - 1)) * 255);
	return [channel(m[1] as string), channel(m[2] as string), channel(m[3] as string)];
}

/** Light when black text reads better on it than white text. */
export function isLight(rgb: Rgb): boolean {
	return contrast(rgb, [0, 0, 0]) > contrast(rgb, [255, 255, 255]);
}

/**
 * COLORFGBG (`fg;bg` or `fg;default;bg`, set by rxvt, Konsole and others):
 * background 7 or 9-15 is light, 0-6 and 8 dark; anything else says nothing.
 */
export function backgroundFromColorfgbg(value: string | undefined): 'dark' | 'light' | null {
	const bg = value?.split(';').pop();
	if (bg === undefined || !/^\d+$/.test(bg)) return null;
	const n = Number(bg);
	if (n === 7 || (n >= 9 && n <= 15)) return 'light';
	if (n <= 8) return 'dark';
	return null;
}

export interface ThemeDecision {
	theme: ThemeName;
	/** How it was decided, for `inkshelf config` and bug reports. */
	because: string;
}

/** The palette for a choice; `background` is the terminal's answer to OSC 11 when it was asked and answered. */
export function decideTheme(choice: ThemeChoice, env: NodeJS.ProcessEnv, background: Rgb | null = null): ThemeDecision {
	if (env['NO_COLOR']) return {theme: 'mono', because: 'NO_COLOR is set'};
	if (choice !== 'auto') return {theme: choice, because: 'chosen'};
	if (background) return {theme: isLight(background) ? 'light' : 'dark', because: `the terminal's background is rgb(${background.join(',')})`};
	const fromEnv = backgroundFromColorfgbg(env['COLORFGBG']);
	if (fromEnv) return {theme: fromEnv, because: `COLORFGBG=${env['COLORFGBG']}`};
	return {theme: 'dark', because: 'the terminal did not say its background'};
}
