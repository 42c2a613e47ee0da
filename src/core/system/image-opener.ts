/**
 * Opening an article's image in the system's viewer: a web image goes to the
 * browser, a local one (relative to the article's file) to the desktop's
 * opener, and only when it is an image file that exists (a `.desktop` file
 * handed to xdg-open could run a program).
 */
import {statSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {sanitizeLine} from '../sanitize.js';

export type ImageTarget =
	| {kind: 'url'; url: string}
	| {kind: 'file'; path: string}
	| {kind: 'unusable'; reason: string};

const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|svg|bmp|avif|tiff?|ico)$/i;

export function imageTarget(articlePath: string, href: string): ImageTarget {
	const h = href.trim();
	if (/^https?:\/\//i.test(h)) {
		try {
			return {kind: 'url', url: new URL(h).href};
		} catch {
			return {kind: 'unusable', reason: `not a valid address: ${h}`};
		}
	}
	if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith('//')) return {kind: 'unusable', reason: `only web and local images are opened, not ${h.split(':')[0]}:`};
	let decoded = h.replace(/[?#].*$/, '');
	try {
		decoded = decodeURIComponent(decoded);
	} catch {
		// A stray % is part of the file name.
	}
	const file = path.resolve(path.dirname(articlePath), decoded);
	if (!IMAGE_FILE.test(file)) return {kind: 'unusable', reason: `not an image file: ${decoded}`};
	try {
		if (!statSync(file).isFile()) return {kind: 'unusable', reason: `not a file: ${decoded}`};
	} catch {
		return {kind: 'unusable', reason: `image not found: ${decoded}`};
	}
	return {kind: 'file', path: file};
}

/** Opens an article's image with `open` (the system's opener); resolves with the status line's message. */
export async function openImage(articlePath: string, href: string, open: ((url: string) => Promise<{ok: boolean; how: string}>) | undefined): Promise<{text: string; ok: boolean}> {
	const target = imageTarget(articlePath, href);
	if (target.kind === 'unusable') return {text: sanitizeLine(`Not opened: ${target.reason}`), ok: false};
	const url = target.kind === 'url' ? target.url : pathToFileURL(target.path).href;
	const shown = sanitizeLine(target.kind === 'url' ? target.url : path.basename(target.path));
	if (!open) return {text: `No image viewer to open ${shown}`, ok: false};
	const result = await open(url);
	return result.ok ? {text: `Opened ${shown} with ${result.how}`, ok: true} : {text: sanitizeLine(`Not opened: ${result.how}`), ok: false};
}
