/**
 * Inline images for the app, in terminals that answered the kitty graphics
 * query (see core/system/terminal-graphics.ts). Ink draws text and knows
 * nothing of images, so this draws them itself: each image is prepared once
 * off the key thread (image worker) and sent, then after every frame the
 * images on screen are placed at their cells, cropped to their visible rows,
 * and the ones that left the screen are hidden. Placing again moves a
 * placement, so scrolling never leaves a stale copy; all of inkshelf's
 * images are deleted when it ends.
 */
import {writeSync} from 'node:fs';
import {DEFAULT_CELL, ImagePreparer, kittyForget, kittyHide, kittyPlace, type GraphicsSupport} from './core/images/index.js';
import {queryGraphics} from './core/system/index.js';
import type {RenderedImage} from './core/render/index.js';
import type {InlineGraphics, ScreenImage} from './ui/hooks/use-inline-images.js';

interface Entry {
	id: number;
	state: 'pending' | 'ready' | 'failed';
	width: number;
	height: number;
	reason: string | null;
}

export interface TerminalGraphics extends InlineGraphics {
	/** Places the images on screen again (after each of Ink's frames). */
	redraw(): void;
	/** Deletes every image sent (synchronously: the app is ending). */
	close(): void;
}

/** Kitty image ids of this process: away from small numbers other programs pick. */
const FIRST_ID = 0x1a5e0000 + (process.pid % 0x10000) * 0x100;

/** `write` sends while the app runs; `writeNow` at its end (synchronously: nothing asynchronous runs on exit). */
export function kittyGraphics(support: GraphicsSupport, write: (s: string) => void = s => void process.stdout.write(s), writeNow: (s: string) => void = s => void writeSync(1, s)): TerminalGraphics {
	const cell = support.cell ?? DEFAULT_CELL;
	const entries = new Map<string, Entry>();
	const listeners = new Set<() => void>();
	const preparer = new ImagePreparer();
	let wanted: ScreenImage[] = [];
	let placed = new Set<number>();
	let nextId = FIRST_ID;
	let closed = false;

	const keyOf = (image: RenderedImage): string => `${image.path}|${image.columns}x${image.rows}`;
	const notify = (): void => {
		for (const l of [...listeners]) l();
	};

	const entryFor = (image: RenderedImage): Entry => {
		const key = keyOf(image);
		let entry = entries.get(key);
		if (entry) return entry;
		const made: Entry = {id: nextId++, state: 'pending', width: image.pixelWidth, height: image.pixelHeight, reason: null};
		entries.set(key, made);
		entry = made;
		const most = {width: image.columns * cell.width, height: image.rows * cell.height};
		void preparer.prepare({id: made.id, path: image.path, format: image.format, size: {width: image.pixelWidth, height: image.pixelHeight}, most}).then(r => {
			if (closed) return;
			if (r.ok) {
				write(r.escape);
				Object.assign(made, {state: 'ready', width: r.width, height: r.height});
				draw();
			} else {
				Object.assign(made, {state: 'failed', reason: r.reason});
			}
			notify();
		});
		return entry;
	};

	function draw(): void {
		if (closed) return;
		const out: string[] = [];
		const now = new Set<number>();
		for (const s of wanted) {
			const e = entryFor(s.image);
			if (e.state !== 'ready') continue;
			now.add(e.id);
			out.push(kittyPlace({id: e.id, column: s.column, row: s.row, columns: s.image.columns, rows: s.image.rows, from: s.from, shown: s.shown, pixelWidth: e.width, pixelHeight: e.height}));
		}
		for (const id of placed) if (!now.has(id)) out.push(kittyHide(id));
		placed = now;
		if (out.length) write(out.join(''));
	}

	return {
		cell,
		show(images) {
			wanted = images;
			draw();
		},
		problem(image) {
			const e = entries.get(keyOf(image));
			return e?.state === 'failed' ? e.reason : null;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		redraw: draw,
		close() {
			if (closed) return;
			closed = true;
			preparer.close();
			const forget = [...entries.values()].filter(e => e.state === 'ready').map(e => kittyForget(e.id)).join('');
			try {
				if (forget) writeNow(forget);
			} catch {
				// stdout is gone: the terminal went with it.
			}
		},
	};
}

/** Asks the terminal (not inside tmux); kitty graphics give the app its images, anything else keeps labelled lines. */
export async function startGraphics(keys: NodeJS.ReadStream, env: NodeJS.ProcessEnv, asked?: Promise<GraphicsSupport>): Promise<{graphics: TerminalGraphics | null; support: GraphicsSupport}> {
	const support = await (asked ?? queryGraphics({stdin: keys, stdout: process.stdout}, env));
	return {graphics: support.protocol === 'kitty' ? kittyGraphics(support) : null, support};
}
