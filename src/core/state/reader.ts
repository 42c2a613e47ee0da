import {anchorLine} from '../shelf/links.js';
import {placeLine} from '../render/place.js';
import {copySectionLink, copySelected, requestCopy} from './copy.js';
import {filtered, sortedArticles} from './library.js';
import type {Command} from './keymap.js';
import type {AppState, FindState, OpenOptions, ReaderLayout, ReaderState} from './types.js';
import type {Article} from '../shelf/types.js';

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

const EMPTY_LAYOUT: ReaderLayout = {signature: '', lineCount: 0, viewHeight: 1, complete: false, blocks: [], links: [], headings: []};

export function openArticle(state: AppState, article: Article, options: OpenOptions): AppState {
	if (article.error) return {...state, status: {text: `Cannot open ${article.slug}: ${article.error}`, kind: 'error'}};
	const find: FindState | null = options.find ? {query: options.find, editing: false, hits: [], current: -1} : null;
	const reader: ReaderState = {
		slug: article.slug, top: 0, selectedBlock: -1, selectedLink: -1, confirmCopy: null, atEnd: false,
		pendingBlock: null, pendingCopy: null, pendingAnchor: options.anchor ?? null, pendingPlace: options.place ?? null,
		needAll: Boolean(options.anchor || options.place), find, outline: null, layout: EMPTY_LAYOUT,
		resume: Boolean(options.resume) && !options.anchor && !options.place && !options.find,
	};
	return {...state, screen: 'reader', status: null, copyRequest: null, linkRequest: null, reader};
}

/** The reader measured itself again (more lines rendered, a resize): settle what waited for it. */
export function applyLayout(state: AppState, reader: ReaderState, layout: ReaderLayout): AppState {
	const r = settleLayout(reader, layout);
	const n = r.pendingCopy;
	if (n !== null && (layout.blocks[n]?.startLine ?? -1) >= 0) return requestCopy({...state, reader: revealBlock({...r, pendingCopy: null, selectedBlock: n}, n)}, n);
	if (n !== null && layout.complete && n >= layout.blocks.length) {
		return {...state, reader: {...r, pendingCopy: null}, status: {text: `No code block ${n + 1}: this article has ${layout.blocks.length}`, kind: 'warning'}};
	}
	return {...state, reader: r};
}

function settleLayout(reader: ReaderState, layout: ReaderLayout): ReaderState {
	let r = fit({...reader, layout});
	if (r.atEnd) r = fit({...r, top: Number.MAX_SAFE_INTEGER});
	if (r.pendingBlock !== null && (layout.blocks[r.pendingBlock]?.startLine ?? -1) >= 0) r = revealBlock({...r, pendingBlock: null}, r.pendingBlock);
	if (r.pendingAnchor !== null && layout.complete) {
		const line = anchorLine(layout.headings, r.pendingAnchor);
		r = fit({...r, pendingAnchor: null, top: line ?? r.top});
	}
	const place = r.pendingPlace;
	if (place !== null && layout.complete) {
		const line = 'line' in place ? place.line
			: 'section' in place ? placeLine(layout.headings, place.section, layout.lineCount, r.top)
			: Math.round(place.fraction * layout.lineCount);
		r = fit({...r, pendingPlace: null, top: line});
	}
	return r;
}

export function readerCommand(state: AppState, command: Command, digit?: number): AppState {
	const r = state.reader;
	if (!r) return {...state, screen: 'library'};
	if (r.outline !== null) return outlineCommand(state, r, command);
	const {viewHeight} = r.layout;
	const scroll = (top: number): AppState => ({...state, reader: fit({...r, top, confirmCopy: null, atEnd: false}), status: null});
	switch (command) {
		case 'down': return scroll(r.top + 1);
		case 'up': return scroll(r.top - 1);
		case 'pageDown': return scroll(r.top + Math.max(1, viewHeight - 2));
		case 'pageUp': return scroll(r.top - Math.max(1, viewHeight - 2));
		case 'halfDown': return scroll(r.top + Math.max(1, Math.floor(viewHeight / 2)));
		case 'halfUp': return scroll(r.top - Math.max(1, Math.floor(viewHeight / 2)));
		case 'top': return scroll(0);
		case 'bottom': return {...state, reader: fit({...r, top: Number.MAX_SAFE_INTEGER, confirmCopy: null, atEnd: true, needAll: true}), status: null};
		case 'nextBlock': return selectBlock(state, r, +1);
		case 'prevBlock': return selectBlock(state, r, -1);
		case 'copyBlock': return copySelected(state, r, false);
		case 'copyCommands': return copySelected(state, r, true);
		case 'copyLink': return copySectionLink(state, r, currentSection(r));
		case 'copyNumbered': {
			const n = (digit ?? 0) - 1;
			// Not read that far yet: the block is copied as soon as it is found.
			if (n >= r.layout.blocks.length && !r.layout.complete) return {...state, reader: {...r, pendingCopy: n, needAll: true}, status: {text: `Looking for block ${digit}…`, kind: 'info'}};
			if (n < 0 || n >= r.layout.blocks.length) {
				return {...state, status: {text: r.layout.blocks.length ? `No code block ${digit}: this article has ${r.layout.blocks.length}` : 'This article has no code blocks', kind: 'warning'}};
			}
			return requestCopy({...state, reader: revealBlock({...r, selectedBlock: n}, n)}, n);
		}
		case 'find':
			return {...state, status: null, reader: {...r, needAll: true, find: {query: '', editing: true, hits: [], current: -1}}};
		case 'accept': {
			if (!r.find) return state;
			const find = {...r.find, editing: false};
			if (find.query === '') return {...state, reader: {...r, find: null}};
			return find.hits.length && find.current < 0 ? showHit(state, {...r, find: {...find, current: 0}}, Math.max(0, find.hits.findIndex(h => h.line >= r.top))) : {...state, reader: {...r, find}};
		}
		case 'deleteChar': return readerText(state, null);
		case 'nextHit': return jumpToHit(state, r, +1);
		case 'prevHit': return jumpToHit(state, r, -1);
		case 'outline': {
			if (r.layout.complete && r.layout.headings.length === 0) return {...state, status: {text: 'This article has no headings', kind: 'warning'}};
			return {...state, reader: {...r, needAll: true, outline: Math.max(0, currentSection(r))}};
		}
		case 'nextLink': return selectLink(state, r, +1);
		case 'prevLink': return selectLink(state, r, -1);
		case 'follow': {
			if (r.selectedLink < 0) return {...state, status: {text: 'No link selected: Tab selects the next one', kind: 'warning'}};
			return {...state, linkRequest: {link: r.selectedLink, nonce: (state.linkRequest?.nonce ?? 0) + 1}};
		}
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

function outlineCommand(state: AppState, r: ReaderState, command: Command): AppState {
	const headings = r.layout.headings;
	const at = r.outline ?? 0;
	switch (command) {
		case 'down': return {...state, reader: {...r, outline: clamp(at + 1, 0, headings.length - 1)}};
		case 'up': return {...state, reader: {...r, outline: clamp(at - 1, 0, headings.length - 1)}};
		case 'accept': {
			const h = headings[at];
			return {...state, reader: fit({...r, outline: null, atEnd: false, top: h ? h.line : r.top})};
		}
		case 'cancel': case 'back': case 'quit': return {...state, reader: {...r, outline: null}};
		default: return state;
	}
}

/** Index of the heading the top line is under, -1 above the first one. */
export function currentSection(r: ReaderState): number {
	let found = -1;
	r.layout.headings.forEach((h, i) => {
		if (h.line <= r.top) found = i;
	});
	return found;
}

/** Typing on the find line (`null` deletes). Hits come back as a 'findHits' action. */
export function readerText(state: AppState, typed: string | null): AppState {
	const r = state.reader;
	if (!r?.find) return state;
	const query = typed === null ? [...r.find.query].slice(0, -1).join('') : r.find.query + typed;
	return {...state, reader: {...r, find: {...r.find, query, current: -1}}};
}

export function applyFindHits(state: AppState, query: string, hits: FindState['hits']): AppState {
	const r = state.reader;
	if (!r?.find || r.find.query !== query) return state;
	const find = {...r.find, hits};
	// No hits is said by the find line's count while typing, and by n; a search result's title match may have none.
	if (hits.length === 0) return {...state, reader: {...r, find}};
	if (find.current >= 0) return {...state, reader: {...r, find}};
	// The first hit at or after the top of the screen, as less does.
	const first = Math.max(0, hits.findIndex(h => h.line >= r.top));
	return showHit(state, {...r, find: {...find, current: first}}, first);
}

function jumpToHit(state: AppState, r: ReaderState, dir: 1 | -1): AppState {
	const find = r.find;
	if (!find || find.hits.length === 0) return {...state, status: {text: find ? `No match for "${find.query}"` : 'Nothing to find: / starts a search', kind: 'warning'}};
	const next = (find.current + dir + find.hits.length) % find.hits.length;
	return showHit(state, {...r, find: {...find, editing: false, current: next}}, next);
}

function showHit(state: AppState, r: ReaderState, index: number): AppState {
	const hit = r.find?.hits[index];
	if (!hit || !r.find) return state;
	const visible = hit.line >= r.top && hit.line < r.top + r.layout.viewHeight;
	const top = visible ? r.top : hit.line - Math.floor(r.layout.viewHeight / 3);
	return {...state, reader: fit({...r, top, atEnd: false, find: {...r.find, current: index}}), status: null};
}

function selectLink(state: AppState, r: ReaderState, dir: 1 | -1): AppState {
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
	if (!link || link.line < 0) return {...state, reader: {...r, needAll: true, selectedLink: next}};
	const visible = link.line >= r.top && link.line < r.top + r.layout.viewHeight;
	return {...state, status: null, reader: fit({...r, needAll: true, selectedLink: next, atEnd: false, top: visible ? r.top : link.line - Math.floor(r.layout.viewHeight / 3)})};
}

function selectBlock(state: AppState, r: ReaderState, dir: 1 | -1): AppState {
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

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
	for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
	return -1;
}

/** Scrolls just enough to show the block: all of it when it fits, else its top. */
function revealBlock(r: ReaderState, index: number): ReaderState {
	const b = r.layout.blocks[index];
	if (!b) return r;
	if (b.startLine < 0) return {...r, pendingBlock: index, atEnd: false};
	const h = r.layout.viewHeight;
	let top = r.top;
	if (b.startLine < top) top = b.startLine;
	else if (b.endLine >= top + h) top = b.endLine - b.startLine < h ? b.endLine - h + 1 : b.startLine;
	return fit({...r, top, atEnd: false});
}

function fit(r: ReaderState): ReaderState {
	// Not measured yet (the article is still being read or laid out): a key pressed now must not be
	// lost to a clamp against an empty layout; the first real layout clamps it.
	if (r.layout.signature === '') return {...r, top: Math.max(0, r.top)};
	const maxTop = Math.max(0, r.layout.lineCount - r.layout.viewHeight);
	return {...r, top: clamp(r.top, 0, maxTop)};
}

/** Back in the library, the article just read is the one selected (when the list shows it). */
function listedAt(state: AppState, slug: string): number {
	if (state.search) return state.articleIndex;
	const at = sortedArticles(filtered(state.groups[state.groupIndex]?.articles ?? [], state.filters), state.sort).findIndex(a => a.slug === slug);
	return at < 0 ? state.articleIndex : at;
}
