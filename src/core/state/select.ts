/** Selecting links (Tab) and code blocks (] and [) in the reader. */
import {clamp} from './clamp.js';
import {revealBlock, showLine} from './scroll.js';
import type {AppState, ReaderState} from './types.js';

export function selectLink(state: AppState, r: ReaderState, dir: 1 | -1): AppState {
	const links = r.layout.links;
	if (r.layout.complete && links.length === 0) return {...state, status: {text: 'This article has no links', kind: 'warning'}};
	let next: number;
	if (r.selectedLink < 0) {
		next = dir > 0 ? links.findIndex(l => l.line >= r.top) : findLastIndex(links, l => l.line >= 0 && l.line < r.top + r.layout.viewHeight);
		if (next < 0) next = dir > 0 ? 0 : links.length - 1;
	} else {
		next = (r.selectedLink + dir + links.length) % links.length;
	}
	const link = links[next];
	if (!link || link.line < 0) return {...state, reader: {...r, selectedLink: next}};
	return {...state, status: null, reader: showLine({...r, selectedLink: next}, link.line)};
}

export function selectBlock(state: AppState, r: ReaderState, dir: 1 | -1): AppState {
	const blocks = r.layout.blocks;
	if (blocks.length === 0) return {...state, status: {text: r.layout.complete ? 'This article has no code blocks' : 'No code block yet: the article is still being rendered', kind: 'warning'}};
	let next: number;
	if (r.selectedBlock < 0) {
		// Start from what is on screen; blocks not rendered yet (startLine -1) lie below it.
		next = dir > 0 ? blocks.findIndex(b => b.startLine < 0 || b.startLine >= r.top) : findLastIndex(blocks, b => b.startLine >= 0 && b.startLine < r.top + r.layout.viewHeight);
		if (next < 0) next = dir > 0 ? blocks.length - 1 : 0;
	} else {
		next = clamp(r.selectedBlock + dir, 0, blocks.length - 1);
	}
	return {...state, status: null, reader: revealBlock({...r, selectedBlock: next, confirmCopy: null}, next)};
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
	for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
	return -1;
}
