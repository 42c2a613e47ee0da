/**
 * Colour arithmetic for the palettes: what RGB a terminal shows for a colour
 * at each colour level, and WCAG contrast. Pure data and functions.
 */
export type Rgb = readonly [number, number, number];

/** The 16 ANSI colours by the names chalk and Ink use, in SGR order. */
export const ANSI16 = [
	'black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white',
	'blackBright', 'redBright', 'greenBright', 'yellowBright', 'blueBright', 'magentaBright', 'cyanBright', 'whiteBright',
] as const;
export type Ansi16 = (typeof ANSI16)[number];

/** xterm's default RGB for the 16 colours (what the contrast test assumes a 16-colour terminal shows). */
export const XTERM16: Record<Ansi16, Rgb> = {
	black: [0, 0, 0], red: [205, 0, 0], green: [0, 205, 0], yellow: [205, 205, 0],
	blue: [0, 0, 238], magenta: [205, 0, 205], cyan: [0, 205, 205], white: [229, 229, 229],
	blackBright: [127, 127, 127], redBright: [255, 0, 0], greenBright: [0, 255, 0], yellowBright: [255, 255, 0],
	blueBright: [92, 92, 255], magentaBright: [255, 0, 255], cyanBright: [0, 255, 255], whiteBright: [255, 255, 255],
};

const CUBE = [0, 95, 135, 175, 215, 255] as const;

/** The RGB of xterm-256 colour `n` (16-231 the 6×6×6 cube, 232-255 the grey ramp). */
export function rgbOf256(n: number): Rgb {
	if (n < 16) return XTERM16[ANSI16[n] as Ansi16];
	if (n >= 232) {
		const v = 8 + (n - 232) * 10;
		return [v, v, v];
	}
	const i = n - 16;
	return [CUBE[Math.floor(i / 36)] as number, CUBE[Math.floor(i / 6) % 6] as number, CUBE[i % 6] as number];
}

export function hexToRgb(hex: string): Rgb {
	const n = Number.parseInt(hex.replace(/^#/, ''), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** xterm's RGB for 16-255, three bytes each: a flat table, so a search allocates nothing. */
let table256: Uint8Array | null = null;
function colourTable(): Uint8Array {
	if (table256) return table256;
	table256 = new Uint8Array(240 * 3);
	for (let n = 16; n < 256; n++) table256.set(rgbOf256(n), (n - 16) * 3);
	return table256;
}

/**
 * The xterm-256 colour (16-255) nearest to `hex`. Computed rather than left to
 * chalk, whose conversion rounds each channel to the cube (e.g. 95 becomes 135)
 * and so can turn a readable colour into an unreadable one. The app's first
 * frame asks this for each colour of its palette, before any of it is warm:
 * plain arithmetic over a flat table (it took ~9 ms with an array per candidate).
 */
export function nearest256(hex: string): number {
	const [r, g, b] = hexToRgb(hex);
	const t = colourTable();
	let best = 16;
	let bestDistance = Infinity;
	for (let o = 0; o < t.length; o += 3) {
		const dr = (t[o] as number) - r;
		const dg = (t[o + 1] as number) - g;
		const db = (t[o + 2] as number) - b;
		// Weighted by how much each channel matters to the eye, so greys stay grey.
		const d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
		if (d < bestDistance) {
			bestDistance = d;
			best = 16 + o / 3;
		}
	}
	return best;
}

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
	const lin = (c: number): number => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio, from 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}
