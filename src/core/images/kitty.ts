/**
 * The kitty graphics protocol, as inkshelf uses it: an image is sent once
 * (PNG data, base64, in chunks, `q=2` so the terminal never answers into the
 * keyboard), then placed at a cell, scaled to a box of cells, cropped to the
 * rows that are on screen; placements are removed when the image leaves the
 * screen and all of inkshelf's images when it ends. Only numbers and base64
 * ever go into these escapes: nothing from an article's text.
 */

const CHUNK = 4096;

function command(keys: Record<string, number | string>, payload = ''): string {
	const control = Object.entries(keys).map(([k, v]) => `${k}=${v}`).join(',');
	return `\x1b_G${control}${payload ? `;${payload}` : ''}\x1b\\`;
}

/** What the data is: PNG bytes (the terminal decodes them), or raw RGB pixels of a known size. */
export type KittyData = {format: 'png'; bytes: Uint8Array} | {format: 'rgb'; bytes: Uint8Array; width: number; height: number};

/** Sends an image as image `id` (stored by the terminal, not shown yet). */
export function kittyTransmit(id: number, image: KittyData): string {
	const data = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength).toString('base64');
	const first: Record<string, number | string> = image.format === 'png' ? {a: 't', f: 100, t: 'd', i: id, q: 2} : {a: 't', f: 24, s: image.width, v: image.height, t: 'd', i: id, q: 2};
	const out: string[] = [];
	for (let at = 0; at < data.length || at === 0; at += CHUNK) {
		const more = at + CHUNK < data.length ? 1 : 0;
		const piece = data.slice(at, at + CHUNK);
		out.push(at === 0 ? command({...first, m: more}, piece) : command({m: more, q: 2}, piece));
	}
	return out.join('');
}

export interface KittyPlacement {
	id: number;
	/** 0-based screen cell of the placement's top left. */
	column: number;
	row: number;
	/** The whole image's box in cells. */
	columns: number;
	rows: number;
	/** The rows of the box on screen: `from` rows cut at the top, `shown` rows shown. */
	from: number;
	shown: number;
	/** The image's size in pixels (to crop by rows). */
	pixelWidth: number;
	pixelHeight: number;
}

/**
 * Places image `id` (placement 1: placing again moves it) at a cell, the
 * cursor saved and restored around it and not moved by the image (C=1), so
 * the app's own idea of where the cursor is stays true.
 */
export function kittyPlace(p: KittyPlacement): string {
	const top = Math.round((p.from / p.rows) * p.pixelHeight);
	const height = Math.max(1, Math.min(p.pixelHeight - top, Math.round((p.shown / p.rows) * p.pixelHeight)));
	const place = command({a: 'p', i: p.id, p: 1, c: p.columns, r: p.shown, x: 0, y: top, w: p.pixelWidth, h: height, C: 1, q: 2});
	return `\x1b7\x1b[${p.row + 1};${p.column + 1}H${place}\x1b8`;
}

/** Removes image `id`'s placements and keeps its data (it may come back on screen). */
export function kittyHide(id: number): string {
	return command({a: 'd', d: 'i', i: id, q: 2});
}

/** Removes image `id` and its data. */
export function kittyForget(id: number): string {
	return command({a: 'd', d: 'I', i: id, q: 2});
}
