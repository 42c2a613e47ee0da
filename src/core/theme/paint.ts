import type {ChalkInstance} from 'chalk';
import {XTERM16, hexToRgb, nearest256, rgbOf256, type Rgb} from './colors.js';
import type {TokenStyle} from './palettes.js';

/** 0 no colour, 1 the 16 ANSI colours, 2 xterm-256, 3 truecolor (as chalk counts). */
export type ColorLevel = 0 | 1 | 2 | 3;

const memo256 = new Map<string, number>();
function index256(hex: string): number {
	let n = memo256.get(hex);
	if (n === undefined) {
		n = nearest256(hex);
		memo256.set(hex, n);
	}
	return n;
}

/** The colour a token is drawn in at `level`, as Ink's `color` prop takes it; undefined: the terminal's own foreground. */
export function inkColor(style: TokenStyle, level: ColorLevel): string | undefined {
	if (level === 0) return undefined;
	if (level === 1 || !style.hex) return style.ansi16;
	return level === 3 ? style.hex : `ansi256(${index256(style.hex)})`;
}

/** The RGB the terminal shows for a token at `level` (xterm's defaults for 16 and 256 colours); undefined: its own foreground. */
export function shownRgb(style: TokenStyle, level: ColorLevel): Rgb | undefined {
	if (level === 0) return undefined;
	if (level === 1 || !style.hex) return style.ansi16 ? XTERM16[style.ansi16] : undefined;
	return level === 3 ? hexToRgb(style.hex) : rgbOf256(index256(style.hex));
}

/** A chalk function drawing a token: its colour at the chalk's level, then its emphasis. */
export function paint(c: ChalkInstance, style: TokenStyle): (s: string) => string {
	const level = c.level as ColorLevel;
	let f = c;
	if (level > 0) {
		if (level === 1 || !style.hex) f = style.ansi16 ? f[style.ansi16] : f;
		else f = level === 3 ? f.hex(style.hex) : f.ansi256(index256(style.hex));
	}
	if (style.bold) f = f.bold;
	if (style.italic) f = f.italic;
	if (style.underline) f = f.underline;
	return f === c ? (s: string) => s : f;
}
