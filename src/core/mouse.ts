/**
 * The mouse, in SGR mode (1000 + 1006): what the terminal sends, and what a
 * wheel turn or a click means where it happened. The screens' geometry comes
 * from the same functions they draw with, so a click lands on what is shown.
 */

/** Sent to turn reporting on and off: clicks and wheel (1000), as SGR coordinates (1006), no motion. */
export const MOUSE_ON = '\x1b[?1000h\x1b[?1006h';
export const MOUSE_OFF = '\x1b[?1006l\x1b[?1000l';

export interface MouseEvent {
	kind: 'press' | 'release' | 'wheelUp' | 'wheelDown';
	/** 0 left, 1 middle, 2 right (presses and releases). */
	button: number;
	/** 0-based cell column and row. */
	x: number;
	y: number;
}

/**
 * One SGR mouse report, `ESC [ < b ; x ; y M` (press) or `m` (release), with
 * or without its ESC (Ink hands input over without it); null for anything else.
 */
export function parseMouse(input: string): MouseEvent | null {
	const m = /^(?:\x1b)?\[<(\d{1,4});(\d{1,5});(\d{1,5})([Mm])$/.exec(input);
	if (!m) return null;
	const code = Number(m[1]);
	const x = Number(m[2]) - 1;
	const y = Number(m[3]) - 1;
	if (x < 0 || y < 0) return null;
	// Bit 5 (32) is motion; bits 2-4 are Shift/Meta/Ctrl, which do not change the meaning here.
	if (code & 32) return null;
	const base = code & ~(4 | 8 | 16);
	if (base === 64) return {kind: 'wheelUp', button: 0, x, y};
	if (base === 65) return {kind: 'wheelDown', button: 0, x, y};
	if (base > 2) return null;
	return {kind: m[4] === 'M' ? 'press' : 'release', button: base, x, y};
}

/** Every SGR mouse report in a chunk of input (a fast wheel sends several at once), and whether anything else was there. */
export function splitMouse(input: string): {events: MouseEvent[]; rest: boolean} {
	const parts = input.match(/\x1b?\[<\d{1,4};\d{1,5};\d{1,5}[Mm]/g) ?? [];
	const events = parts.map(parseMouse).filter((e): e is MouseEvent => e !== null);
	return {events, rest: parts.join('') !== input};
}
