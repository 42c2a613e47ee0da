/** The reader: opening an article, settling what waited for the renderer, and the reader's keys. */
import {anchorLine} from '../shelf/index.js';
import {placeLine} from '../render/index.js';
import {clamp} from './clamp.js';
import {copySectionLink, copySelected, requestCopy} from './copy.js';
import {filtered, sortedArticles} from './library.js';
import {acceptFind, jumpToHit, readerText} from './find.js';
import {keyFor, type Command} from './keymap.js';
import {fit, revealBlock, stopFollowingEnd} from './scroll.js';
import {selectBlock, selectLink} from './select.js';
import type {AppState, FindState, OpenOptions, ReaderLayout, ReaderState} from './types.js';
import type {Article} from '../shelf/index.js';

export {applyFindHits, readerText} from './find.js';

const EMPTY_LAYOUT: ReaderLayout = {signature: '', lineCount: 0, viewHeight: 1, complete: false, blocks: [], links: [], headings: []};

export function openArticle(state: AppState, article: Article, options: OpenOptions): AppState {
	if (article.error) return {...state, status: {text: `Cannot open ${article.slug}: ${article.error}`, kind: 'error'}};
	const find: FindState | null = options.find ? {query: options.find, editing: false, hits: [], current: -1} : null;
	const pending = options.anchor ? {kind: 'anchor' as const, anchor: options.anchor} : options.place ? {kind: 'place' as const, place: options.place} : null;
	const reader: ReaderState = {slug: article.slug, top: 0, selectedBlock: -1, selectedLink: -1, layout: EMPTY_LAYOUT, pending, confirmCopy: null, find, outline: null};
	return {...state, screen: 'reader', status: null, copyRequest: null, linkRequest: null, reader};
}

/** Opens an article where it was last left (from the library or the command line), and says so. */
export function openWhereLeft(state: AppState, article: Article): AppState {
	const fraction = article.error ? null : state.remembered?.(article.slug) ?? null;
	if (fraction === null || fraction <= 0) return openArticle(state, article, {});
	const text = `Back where you left off (${Math.round(fraction * 100)}%) · ${keyFor('top', 'reader')} goes to the top`;
	return {...openArticle(state, article, {place: {fraction}}), status: {text, kind: 'success'}};
}

/**
 * The line an in-article anchor leads to: a footnote number (`#fn-N`) to its
 * note's ↩, a note's ↩ (`#fnref-N`) back to the first place it is referred to,
 * anything else to its heading.
 */
function anchorTop(layout: ReaderLayout, anchor: string): number | null {
	const note = /^#?fn(ref)?-(\d+)$/.exec(anchor);
	const counterpart = note ? (note[1] ? `#fn-${note[2]}` : `#fnref-${note[2]}`) : null;
	const link = counterpart ? layout.links.find(l => l.href === counterpart && l.line >= 0) : undefined;
	return link ? link.line : anchorLine(layout.headings, anchor);
}

/** The reader measured itself again (more lines rendered, a resize): settle what waited for it. */
export function applyLayout(state: AppState, reader: ReaderState, layout: ReaderLayout): AppState {
	const r = fit({...reader, layout});
	const p = r.pending;
	if (p === null) return {...state, reader: r};
	switch (p.kind) {
		case 'end': return {...state, reader: fit({...r, top: Number.MAX_SAFE_INTEGER})};
		case 'block':
			return {...state, reader: (layout.blocks[p.block]?.startLine ?? -1) >= 0 ? revealBlock({...r, pending: null}, p.block) : r};
		case 'copy': {
			const n = p.block;
			if ((layout.blocks[n]?.startLine ?? -1) >= 0) return requestCopy({...state, reader: revealBlock({...r, pending: null, selectedBlock: n}, n)}, n);
			if (!layout.complete || n < layout.blocks.length) return {...state, reader: r};
			return {...state, reader: {...r, pending: null}, status: {text: `No code block ${n + 1}: this article has ${layout.blocks.length}`, kind: 'warning'}};
		}
		case 'anchor':
			return {...state, reader: layout.complete ? fit({...r, pending: null, top: anchorTop(layout, p.anchor) ?? r.top}) : r};
		case 'place': {
			if (!layout.complete) return {...state, reader: r};
			const line = 'line' in p.place ? p.place.line
				: 'section' in p.place ? placeLine(layout.headings, p.place.section, layout.lineCount, r.top)
				: Math.round(p.place.fraction * layout.lineCount);
			return {...state, reader: fit({...r, pending: null, top: line})};
		}
	}
}

export function readerCommand(state: AppState, command: Command, digit?: number): AppState {
	const r = state.reader;
	if (!r) return {...state, screen: 'library'};
	if (r.outline !== null) return outlineCommand(state, r, command);
	const {viewHeight} = r.layout;
	const scroll = (top: number): AppState => ({...state, reader: fit({...stopFollowingEnd(r), top, confirmCopy: null}), status: null});
	switch (command) {
		case 'down': return scroll(r.top + 1);
		case 'up': return scroll(r.top - 1);
		case 'pageDown': return scroll(r.top + Math.max(1, viewHeight - 2));
		case 'pageUp': return scroll(r.top - Math.max(1, viewHeight - 2));
		case 'halfDown': return scroll(r.top + Math.max(1, Math.floor(viewHeight / 2)));
		case 'halfUp': return scroll(r.top - Math.max(1, Math.floor(viewHeight / 2)));
		case 'top': return scroll(0);
		case 'bottom': return {...state, reader: fit({...r, top: Number.MAX_SAFE_INTEGER, confirmCopy: null, pending: {kind: 'end'}}), status: null};
		case 'nextBlock': return selectBlock(state, r, +1);
		case 'prevBlock': return selectBlock(state, r, -1);
		case 'copyBlock': return copySelected(state, r, false);
		case 'copyCommands': return copySelected(state, r, true);
		case 'copyLink': return copySectionLink(state, r, currentSection(r));
		case 'copyNumbered': return copyNumbered(state, r, (digit ?? 0) - 1);
		case 'find': return {...state, status: null, reader: {...r, find: {query: '', editing: true, hits: [], current: -1}}};
		case 'accept': return acceptFind(state, r);
		case 'deleteChar': return readerText(state, null);
		case 'nextHit': return jumpToHit(state, r, +1);
		case 'prevHit': return jumpToHit(state, r, -1);
		case 'outline':
			if (r.layout.complete && r.layout.headings.length === 0) return {...state, status: {text: 'This article has no headings', kind: 'warning'}};
			return {...state, reader: {...r, outline: Math.max(0, currentSection(r))}};
		case 'nextLink': return selectLink(state, r, +1);
		case 'prevLink': return selectLink(state, r, -1);
		case 'follow':
			if (r.selectedLink < 0) return {...state, status: {text: `No link selected: ${keyFor('nextLink', 'reader')} selects the next one`, kind: 'warning'}};
			return {...state, linkRequest: {link: r.selectedLink, nonce: (state.linkRequest?.nonce ?? 0) + 1}};
		case 'historyBack': {
			const previous = state.history[state.history.length - 1];
			if (!previous) return {...state, status: {text: 'No previous article: links you follow are remembered here', kind: 'warning'}};
			const article = state.groups[0]?.articles.find(a => a.slug === previous.slug);
			const rest = {...state, history: state.history.slice(0, -1)};
			return article ? openArticle(rest, article, {place: {line: previous.top}}) : rest;
		}
		case 'close': case 'back': case 'cancel':
			// Esc first clears highlighted hits, then leaves the article.
			if (r.find) return {...state, reader: {...r, find: null}, status: null};
			if (command === 'close' && state.startedOn === r.slug) return {...state, quit: true};
			return {...state, screen: 'library', reader: null, status: null, copyRequest: null, linkRequest: null, history: [], startedOn: null, articleIndex: listedAt(state, r.slug)};
		default: return state;
	}
}

/** A digit: copy block N, or wait for it when the article is not read that far yet. */
function copyNumbered(state: AppState, r: ReaderState, n: number): AppState {
	const known = r.layout.blocks.length;
	if (n >= known && !r.layout.complete) return {...state, reader: {...r, pending: {kind: 'copy', block: n}}, status: {text: `Looking for block ${n + 1}…`, kind: 'info'}};
	if (n < 0 || n >= known) return {...state, status: {text: known ? `No code block ${n + 1}: this article has ${known}` : 'This article has no code blocks', kind: 'warning'}};
	return requestCopy({...state, reader: revealBlock({...r, selectedBlock: n}, n)}, n);
}

function outlineCommand(state: AppState, r: ReaderState, command: Command): AppState {
	const headings = r.layout.headings;
	const at = r.outline ?? 0;
	switch (command) {
		case 'down': return {...state, reader: {...r, outline: clamp(at + 1, 0, headings.length - 1)}};
		case 'up': return {...state, reader: {...r, outline: clamp(at - 1, 0, headings.length - 1)}};
		case 'accept': {
			const h = headings[at];
			return {...state, reader: fit({...stopFollowingEnd(r), outline: null, top: h ? h.line : r.top})};
		}
		case 'cancel': case 'back': case 'quit': return {...state, reader: {...r, outline: null}};
		default: return state;
	}
}

/** Index of the heading the top line is under, -1 above the first one. */
export function currentSection(r: ReaderState): number {
	// Headings come in line order: a binary search keeps this per-key work small in a long article.
	const headings = r.layout.headings;
	let lo = 0;
	let hi = headings.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((headings[mid]?.line ?? Infinity) <= r.top) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}

/** Back in the library, the article just read is the one selected (when the list shows it). */
function listedAt(state: AppState, slug: string): number {
	if (state.search) return state.articleIndex;
	const at = sortedArticles(filtered(state.groups[state.groupIndex]?.articles ?? [], state.filters), state.sort).findIndex(a => a.slug === slug);
	return at < 0 ? state.articleIndex : at;
}
