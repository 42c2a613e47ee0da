/** Moving the reader's view: every change of `top` goes through `fit`. */
import {clamp} from './clamp.js';
import type {ReaderState} from './types.js';

export function fit(r: ReaderState): ReaderState {
	// Not measured yet (the article is still being read or laid out): a key pressed now must not be
	// lost to a clamp against an empty layout; the first real layout clamps it.
	if (r.layout.signature === '') return {...r, top: Math.max(0, r.top)};
	const maxTop = Math.max(0, r.layout.lineCount - r.layout.viewHeight);
	return {...r, top: clamp(r.top, 0, maxTop)};
}

/** Moving on purpose stops following the end (G) while the rest renders; other waits stay. */
export function stopFollowingEnd(r: ReaderState): ReaderState {
	return r.pending?.kind === 'end' ? {...r, pending: null} : r;
}

/** A line brought into view a third of the way down, unless it is on screen already. */
export function showLine(r: ReaderState, line: number): ReaderState {
	const visible = line >= r.top && line < r.top + r.layout.viewHeight;
	return fit({...stopFollowingEnd(r), top: visible ? r.top : line - Math.floor(r.layout.viewHeight / 3)});
}

/** Scrolls just enough to show the block: all of it when it fits, else its top; waits when it has no lines yet. */
export function revealBlock(r: ReaderState, index: number): ReaderState {
	const b = r.layout.blocks[index];
	if (!b) return r;
	if (b.startLine < 0) return {...r, pending: {kind: 'block', block: index}};
	const h = r.layout.viewHeight;
	let top = r.top;
	if (b.startLine < top) top = b.startLine;
	else if (b.endLine >= top + h) top = b.endLine - b.startLine < h ? b.endLine - h + 1 : b.startLine;
	return fit({...stopFollowingEnd(r), top});
}
