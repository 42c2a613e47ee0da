/**
 * Where things are on screen. The screens draw with these and the mouse is
 * hit-tested with them, so a click lands on what was drawn.
 */
import type {Article} from '../shelf/index.js';
import type {SearchRow} from './types.js';

/** The most lines one article may take in the list: title, meta and description where there is room; fewer on a short terminal. */
export function articleRowHeight(listRows: number): number {
	return listRows >= 12 ? 3 : listRows >= 6 ? 2 : 1;
}

/** Lines an article's row needs: no blank line stands in for a missing description. */
export function articleRowLines(article: Article, row: SearchRow | undefined, most: number): number {
	// A search row always has its third line (its snippet, or else the description): its snippet is not cut here.
	const third = article.error !== undefined || row !== undefined || article.description !== '';
	return Math.min(most, third ? 3 : 2);
}

/** Widest text column by default: long lines are hard to read, even on a 200-column terminal. */
export const MAX_TEXT_WIDTH = 110;

/** From this width the library shows the selected article's first screen beside the list. */
export const PREVIEW_MIN_COLUMNS = 160;

export interface LibraryLayout {
	groupWidth: number;
	twoPanes: boolean;
	listRows: number;
	rowHeight: number;
	/** Columns of the article list (its pane). */
	articleWidth: number;
	/** Columns of the preview pane at the right; 0 when the terminal is narrower than PREVIEW_MIN_COLUMNS. */
	previewWidth: number;
}

export function libraryLayout(width: number, height: number): LibraryLayout {
	const twoPanes = width >= 60;
	const groupWidth = twoPanes ? Math.min(32, Math.max(20, Math.floor(width * 0.28))) : width;
	const listRows = Math.max(1, height - 3);
	const rest = twoPanes ? width - groupWidth - 1 : width;
	const previewWidth = width >= PREVIEW_MIN_COLUMNS ? Math.min(MAX_TEXT_WIDTH + 2, Math.floor(rest * 0.55)) : 0;
	const articleWidth = previewWidth ? rest - previewWidth - 1 : rest;
	return {groupWidth, twoPanes, listRows, rowHeight: articleRowHeight(listRows), articleWidth, previewWidth};
}

/** The screen row of the first list row: below the title line and the pane titles. */
export const LIBRARY_LIST_TOP = 2;


export function readerGeometry(width: number, height: number, maxTextWidth = MAX_TEXT_WIDTH): {textWidth: number; margin: number; viewHeight: number; headerLines: number} {
	const headerLines = height >= 12 ? 3 : 1;
	const textWidth = Math.max(10, Math.min(maxTextWidth, width - 3));
	const margin = Math.max(2, Math.floor((width - textWidth) / 2));
	return {textWidth, margin, viewHeight: Math.max(1, height - headerLines - 1), headerLines};
}
