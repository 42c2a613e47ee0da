import {useEffect, useMemo, useReducer} from 'react';
import type {RenderedImage} from '../../core/render/index.js';

/** An image and where it is on screen now: `shown` of its rows, from its row `from`. */
export interface ScreenImage {
	image: RenderedImage;
	/** 0-based screen cell of its visible top left. */
	row: number;
	column: number;
	from: number;
	shown: number;
}

/** The terminal's side of inline images (src/terminal-graphics.ts): the app only says what is on screen. */
export interface InlineGraphics {
	/** A cell's size in pixels (what images are scaled with). */
	readonly cell: {width: number; height: number};
	/** These images are on screen now; any other is hidden. */
	show(images: ScreenImage[]): void;
	/** Why an image could not be drawn (its file would not decode), or null. */
	problem(image: RenderedImage): string | null;
	/** Called when an image is drawn or fails; returns the unsubscriber. */
	subscribe(listener: () => void): () => void;
}

/**
 * Tells the terminal which images are on screen after each scroll, and hides
 * them all when the reader goes. Returns, by screen line, what to write where
 * an image failed to draw.
 */
export function useInlineImages(graphics: InlineGraphics | null, images: readonly RenderedImage[], top: number, viewHeight: number, firstRow: number, column: number): Map<number, string> {
	const [version, changed] = useReducer((n: number) => n + 1, 0);
	useEffect(() => graphics?.subscribe(changed), [graphics]);
	const onScreen = useMemo(() => {
		const out: ScreenImage[] = [];
		for (const image of images) {
			const start = Math.max(image.line, top);
			const end = Math.min(image.line + image.rows, top + viewHeight);
			if (image.line >= 0 && end > start) out.push({image, row: firstRow + start - top, column, from: start - image.line, shown: end - start});
		}
		return out;
	}, [images, images.length, top, viewHeight, firstRow, column]); // eslint-disable-line react-hooks/exhaustive-deps -- the list grows in place as chunks arrive
	useEffect(() => {
		graphics?.show(onScreen);
	}, [graphics, onScreen]);
	useEffect(() => () => graphics?.show([]), [graphics]);
	return useMemo(() => {
		const problems = new Map<number, string>();
		for (const s of onScreen) {
			const why = graphics?.problem(s.image);
			if (why && s.from === 0) problems.set(s.image.line, `(image not drawn: ${why})`);
		}
		return problems;
	}, [graphics, onScreen, version]); // eslint-disable-line react-hooks/exhaustive-deps -- version: a problem became known
}
