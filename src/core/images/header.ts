/**
 * Which local images can be drawn inline, read from their first bytes only:
 * PNG and JPEG files under a size cap, with their size in pixels from the
 * header (image-size). Anything else keeps its labelled line, with the reason.
 */
import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {imageSize} from 'image-size';

/** Larger files are not sent to the terminal (base64 makes them a third larger again). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Bytes read to find the size: a JPEG's size comes after its EXIF block, which may be long. */
const HEADER_BYTES = 256 * 1024;
/** Larger pictures are not drawn (a terminal would have to hold them decoded). */
const MAX_PIXELS = 50_000_000;

export type ImageFormat = 'png' | 'jpeg';

export type ImageFacts =
	| {ok: true; format: ImageFormat; width: number; height: number; bytes: number}
	| {ok: false; reason: string};

export function formatSize(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Reads the header of the image at `path`; never throws. */
export function imageFacts(path: string): ImageFacts {
	let fd: number | undefined;
	try {
		fd = openSync(path, 'r');
		const stats = fstatSync(fd);
		if (!stats.isFile()) return {ok: false, reason: 'not a file'};
		if (stats.size > MAX_IMAGE_BYTES) return {ok: false, reason: `${formatSize(stats.size)}, over the ${formatSize(MAX_IMAGE_BYTES)} limit`};
		const head = Buffer.alloc(Math.min(stats.size, HEADER_BYTES));
		const read = readSync(fd, head, 0, head.length, 0);
		const size = imageSize(head.subarray(0, read));
		const format = size.type === 'png' ? 'png' : size.type === 'jpg' ? 'jpeg' : null;
		if (!format) return {ok: false, reason: `${size.type ?? 'unknown'} images are not drawn`};
		if (!size.width || !size.height) return {ok: false, reason: 'no size in its header'};
		if (size.width * size.height > MAX_PIXELS) return {ok: false, reason: `${size.width}×${size.height} pixels is too large to draw`};
		return {ok: true, format, width: size.width, height: size.height, bytes: stats.size};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return {ok: false, reason: 'not found'};
		return {ok: false, reason: code ? `cannot be read (${code})` : 'not a readable image'};
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}
