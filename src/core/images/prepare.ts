/**
 * Turns an image file's bytes into what the terminal is sent: a PNG as it is
 * (kitty decodes PNG itself), a JPEG decoded (jpeg-js, with its own limits)
 * and shrunk to the pixels its box of cells can show, as raw RGB. Runs in the
 * image worker (worker.ts), never on the thread that reads keys.
 */
import jpeg from 'jpeg-js';
import {kittyTransmit} from './kitty.js';
import type {ImageFormat} from './header.js';

export interface Prepared {
	/** The kitty escapes that send it. */
	escape: string;
	/** The size in pixels of what was sent (placements crop in these). */
	width: number;
	height: number;
}

export function prepareKitty(id: number, bytes: Uint8Array, format: ImageFormat, size: {width: number; height: number}, most: {width: number; height: number}): Prepared {
	if (format === 'png') return {escape: kittyTransmit(id, {format: 'png', bytes}), ...size};
	const decoded = jpeg.decode(bytes, {useTArray: true, formatAsRGBA: false, maxResolutionInMP: 50, maxMemoryUsageInMB: 512});
	const small = shrink(decoded.data, decoded.width, decoded.height, most);
	return {escape: kittyTransmit(id, {format: 'rgb', ...small}), width: small.width, height: small.height};
}

/** RGB pixels averaged down to fit `most` (never enlarged). */
export function shrink(rgb: Uint8Array, width: number, height: number, most: {width: number; height: number}): {bytes: Uint8Array; width: number; height: number} {
	const scale = Math.min(1, most.width / width, most.height / height);
	if (scale >= 1) return {bytes: rgb, width, height};
	const w = Math.max(1, Math.round(width * scale));
	const h = Math.max(1, Math.round(height * scale));
	const out = new Uint8Array(w * h * 3);
	for (let y = 0; y < h; y++) {
		const y0 = Math.floor((y * height) / h);
		const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / h));
		for (let x = 0; x < w; x++) {
			const x0 = Math.floor((x * width) / w);
			const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / w));
			let r = 0, g = 0, b = 0;
			for (let yy = y0; yy < y1; yy++) {
				for (let xx = x0; xx < x1; xx++) {
					const at = (yy * width + xx) * 3;
					r += rgb[at] ?? 0;
					g += rgb[at + 1] ?? 0;
					b += rgb[at + 2] ?? 0;
				}
			}
			const n = (y1 - y0) * (x1 - x0);
			const to = (y * w + x) * 3;
			out[to] = r / n;
			out[to + 1] = g / n;
			out[to + 2] = b / n;
		}
	}
	return {bytes: out, width: w, height: h};
}
