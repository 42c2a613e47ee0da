/**
 * Which images of an article are drawn in the terminal, and how big: a local
 * PNG or JPEG (relative to the article's file) whose header reads, scaled to
 * the text column and at most `maxRows` high. The renderer leaves that many
 * blank lines under the image's labelled line; the UI draws the picture over
 * them. Web images, SVG and the rest keep their labelled line alone; a broken
 * or huge file says why beside its label. Runs in the render worker.
 */
import path from 'node:path';
import {imageCells, imageFacts} from '../images/index.js';
import type {InlineImageOptions} from './protocol.js';
import type {RenderedImage} from './types.js';

const DRAWN = /\.(?:png|jpe?g)$/i;

/** The image to draw for `href`, or a note saying why it is not drawn; null when it is not a kind that is drawn at all. */
export function inlineImage(href: string, options: InlineImageOptions, width: number, index: number): {image: RenderedImage} | {note: string} | null {
	const h = href.trim();
	if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('//')) return null;
	let file = h.replace(/[?#].*$/, '');
	try {
		file = decodeURIComponent(file);
	} catch {
		// A stray % is part of the file name.
	}
	if (!DRAWN.test(file)) return null;
	const facts = imageFacts(path.resolve(options.dir, file));
	if (!facts.ok) return {note: `not drawn: ${facts.reason}`};
	const box = imageCells(facts, {width: options.cellWidth, height: options.cellHeight}, width, options.maxRows);
	if (!box) return {note: 'not drawn: no room'};
	return {image: {index, line: -1, columns: box.columns, rows: box.rows, path: path.resolve(options.dir, file), format: facts.format, pixelWidth: facts.width, pixelHeight: facts.height}};
}
