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
import {imageSource} from './images.js';
import {mark} from './markers.js';
import type {InlineImageOptions} from './protocol.js';
import type {RenderedImage, RenderedLink} from './types.js';
import type {Styles} from './styles.js';

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

/**
 * An image's labelled line, `▣ alt · where`: a link Tab selects and Enter
 * opens in the system's viewer. When it is drawn, a mark after the label says
 * where its rows go; when it cannot be, the reason follows the label.
 */
export function imageLine(href: string, alt: string, r: {links: RenderedLink[]; images: RenderedImage[]; width: number; inline?: InlineImageOptions | undefined}, s: Styles): string {
	const label = `▣ ${alt || 'image'} · ${imageSource(href)}`;
	const index = r.links.length;
	r.links.push({index, href, kind: 'image', text: label, line: -1, column: 0});
	const inline = r.inline ? inlineImage(href, r.inline, r.width, r.images.length) : null;
	if (inline && 'image' in inline) r.images.push(inline.image);
	const after = !inline ? '' : 'image' in inline ? mark('image', inline.image.index) : s.dim(` (${inline.note})`);
	return mark('linkStart', index) + s.link(label) + mark('linkEnd', index) + after;
}

/** The blank lines an image is drawn over, right under its label's line; `at` is the first one's number. */
export function reserveImageRows(image: RenderedImage | undefined, at: number, lines: string[]): void {
	if (!image) return;
	image.line = at;
	for (let i = 0; i < image.rows; i++) lines.push('');
}
