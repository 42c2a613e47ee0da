/**
 * Which rows of a list fit on screen when rows differ in height (an article
 * with a description takes a line more than one without). Only the rows near
 * the selection are measured: the work is the screen's, not the list's.
 */
export interface ListWindow {
	/** First row shown. */
	start: number;
	/** One past the last row shown. */
	end: number;
	/** Not every row fits: one line goes to the "↑↓ 3/40" position line. */
	overflow: boolean;
}

export function listWindow(count: number, selected: number, lines: number, heightOf: (index: number) => number): ListWindow {
	if (count <= 0) return {start: 0, end: 0, overflow: false};
	const h = (i: number): number => Math.max(1, heightOf(i));
	let fit = 0;
	let used = 0;
	while (fit < count && used + h(fit) <= lines) used += h(fit++);
	if (fit === count) return {start: 0, end: count, overflow: false};
	const room = Math.max(1, lines - 1);
	const sel = Math.max(0, Math.min(count - 1, selected));
	let start = sel;
	let end = sel + 1;
	used = h(sel);
	// The selection near the middle: half the spare lines above it, the rest below,
	// and lines left at the end of the list go back above.
	const above = Math.floor((room - used) / 2);
	let aboveUsed = 0;
	while (start > 0 && aboveUsed + h(start - 1) <= above) aboveUsed += h(--start);
	used += aboveUsed;
	while (end < count && used + h(end) <= room) used += h(end++);
	while (start > 0 && used + h(start - 1) <= room) used += h(--start);
	return {start, end, overflow: true};
}
