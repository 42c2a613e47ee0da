import type {Article} from './types.js';
import {commandFor, type Command, type KeyEvent} from './keymap.js';

/** A group in the library's left pane: everything, one category, or one tag. */
export interface Group {
	kind: 'all' | 'category' | 'tag';
	name: string;
	articles: Article[];
}

/** What the reader screen measured: the reducer scrolls within it. */
export interface ReaderLayout {
	lineCount: number;
	viewHeight: number;
	/** False while the article is still being rendered in the background. */
	complete: boolean;
	blocks: {startLine: number; endLine: number; unsafe: string[]}[];
}

export interface ReaderState {
	slug: string;
	top: number;
	/** 0-based index of the selected code block, -1 for none. */
	selectedBlock: number;
	layout: ReaderLayout;
	/** Follow the end of the article while the rest of it is still being rendered (after G). */
	atEnd: boolean;
	/** A block to bring into view once its lines exist (rendering is lazy). */
	pendingBlock: number | null;
	/** A block with dangerous characters waits here for a second keypress before it is copied. */
	confirmCopy: number | null;
}

export interface Status {
	text: string;
	kind: 'info' | 'success' | 'warning' | 'error';
}

export interface AppState {
	groups: Group[];
	screen: 'library' | 'reader';
	help: boolean;
	focus: 'groups' | 'articles';
	groupIndex: number;
	articleIndex: number;
	/** Items visible in the article pane: the page size for PgUp/PgDn. */
	listPage: number;
	reader: ReaderState | null;
	status: Status | null;
	/** A copy the UI should perform (a side effect): block index and a nonce so the same block can be copied twice. */
	copyRequest: {block: number; nonce: number} | null;
	quit: boolean;
}

export type Action =
	| {type: 'command'; command: Command; digit?: number}
	/** A key as the terminal sent it: the keymap decides what it means on the current screen. */
	| {type: 'key'; input: string; key: KeyEvent}
	| {type: 'layout'; layout: ReaderLayout}
	| {type: 'listPage'; size: number}
	| {type: 'status'; status: Status | null}
	| {type: 'open'; slug: string};

export function initialState(groups: Group[], open?: string): AppState {
	const state: AppState = {
		groups, screen: 'library', help: false, focus: 'articles', groupIndex: 0, articleIndex: 0,
		listPage: 5, reader: null, status: null, copyRequest: null, quit: false,
	};
	return open ? reduce(state, {type: 'open', slug: open}) : state;
}

export function currentArticles(state: AppState): Article[] {
	return state.groups[state.groupIndex]?.articles ?? [];
}

export function selectedArticle(state: AppState): Article | undefined {
	return currentArticles(state)[state.articleIndex];
}

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

export function reduce(state: AppState, action: Action): AppState {
	switch (action.type) {
		case 'status':
			return {...state, status: action.status};
		case 'listPage':
			return {...state, listPage: Math.max(1, action.size)};
		case 'layout': {
			if (!state.reader) return state;
			let r = fitReader({...state.reader, layout: action.layout});
			if (r.atEnd) r = fitReader({...r, top: Number.MAX_SAFE_INTEGER});
			if (r.pendingBlock !== null && (action.layout.blocks[r.pendingBlock]?.startLine ?? -1) >= 0) r = revealBlock({...r, pendingBlock: null}, r.pendingBlock);
			return {...state, reader: r};
		}
		case 'open':
			return openSlug(state, action.slug);
		case 'key': {
			const command = commandFor(state.screen, action.input, action.key);
			if (!command) return state;
			return reduce(state, {type: 'command', command, ...(command === 'copyNumbered' ? {digit: Number(action.input)} : {})});
		}
		case 'command':
			if (action.command === 'help') return {...state, help: !state.help};
			// Help is an overlay: q or Esc closes it rather than acting on the screen beneath.
			if (state.help) return action.command === 'back' || action.command === 'quit' ? {...state, help: false} : state;
			if (action.command === 'quit') return {...state, quit: true};
			return state.screen === 'reader' ? readerCommand(state, action.command, action.digit) : libraryCommand(state, action.command);
	}
}

function openSlug(state: AppState, slug: string): AppState {
	const all = state.groups[0]?.articles ?? [];
	const index = all.findIndex(a => a.slug === slug);
	if (index < 0) return {...state, status: {text: `No article "${slug}"`, kind: 'error'}};
	return openArticle({...state, groupIndex: 0, articleIndex: index, focus: 'articles'}, all[index] as Article);
}

function openArticle(state: AppState, article: Article): AppState {
	if (article.error) return {...state, status: {text: `Cannot open ${article.slug}: ${article.error}`, kind: 'error'}};
	return {
		...state, screen: 'reader', status: null, copyRequest: null,
		reader: {slug: article.slug, top: 0, selectedBlock: -1, confirmCopy: null, atEnd: false, pendingBlock: null, layout: {lineCount: 0, viewHeight: 1, complete: false, blocks: []}},
	};
}

function libraryCommand(state: AppState, command: Command): AppState {
	const inGroups = state.focus === 'groups';
	const count = inGroups ? state.groups.length : currentArticles(state).length;
	const index = inGroups ? state.groupIndex : state.articleIndex;
	const move = (to: number): AppState => {
		const next = clamp(to, 0, Math.max(0, count - 1));
		// Moving to another group shows its articles from the top.
		return inGroups ? {...state, groupIndex: next, articleIndex: next === state.groupIndex ? state.articleIndex : 0, status: null}
			: {...state, articleIndex: next, status: null};
	};
	const page = inGroups ? 10 : state.listPage;
	switch (command) {
		case 'down': return move(index + 1);
		case 'up': return move(index - 1);
		case 'pageDown': case 'halfDown': return move(index + page);
		case 'pageUp': case 'halfUp': return move(index - page);
		case 'top': return move(0);
		case 'bottom': return move(count - 1);
		case 'switchPane': return {...state, focus: inGroups ? 'articles' : 'groups'};
		case 'focusGroups': return {...state, focus: 'groups'};
		case 'focusArticles': return {...state, focus: 'articles'};
		case 'open': {
			if (inGroups) return {...state, focus: 'articles'};
			const article = selectedArticle(state);
			return article ? openArticle(state, article) : state;
		}
		case 'back': return inGroups ? state : {...state, focus: 'groups'};
		default: return state;
	}
}

function readerCommand(state: AppState, command: Command, digit?: number): AppState {
	const r = state.reader;
	if (!r) return {...state, screen: 'library'};
	const {viewHeight} = r.layout;
	const scroll = (top: number): AppState => ({...state, reader: fitReader({...r, top, confirmCopy: null, atEnd: false}), status: null});
	switch (command) {
		case 'down': return scroll(r.top + 1);
		case 'up': return scroll(r.top - 1);
		case 'pageDown': return scroll(r.top + Math.max(1, viewHeight - 2));
		case 'pageUp': return scroll(r.top - Math.max(1, viewHeight - 2));
		case 'halfDown': return scroll(r.top + Math.max(1, Math.floor(viewHeight / 2)));
		case 'halfUp': return scroll(r.top - Math.max(1, Math.floor(viewHeight / 2)));
		case 'top': return scroll(0);
		case 'bottom': return {...state, reader: fitReader({...r, top: Number.MAX_SAFE_INTEGER, confirmCopy: null, atEnd: true}), status: null};
		case 'nextBlock': return selectBlock(state, r, +1);
		case 'prevBlock': return selectBlock(state, r, -1);
		case 'copyBlock':
			if (r.selectedBlock < 0) {
				// Nothing selected yet: the first block on screen is the obvious one.
				const onScreen = r.layout.blocks.findIndex(b => b.startLine >= 0 && b.endLine >= r.top && b.startLine < r.top + viewHeight);
				if (onScreen < 0) return {...state, status: {text: r.layout.blocks.length ? 'No code block on screen: ] selects the next one' : 'This article has no code blocks', kind: 'warning'}};
				return requestCopy({...state, reader: {...r, selectedBlock: onScreen}}, onScreen);
			}
			return requestCopy(state, r.selectedBlock);
		case 'copyNumbered': {
			const n = (digit ?? 0) - 1;
			if (n < 0 || n >= r.layout.blocks.length) {
				return {...state, status: {text: r.layout.blocks.length ? `No code block ${digit}: this article has ${r.layout.blocks.length}` : 'This article has no code blocks', kind: 'warning'}};
			}
			return requestCopy({...state, reader: revealBlock({...r, selectedBlock: n}, n)}, n);
		}
		case 'back': case 'quit': return {...state, screen: 'library', reader: null, status: null, copyRequest: null};
		default: return state;
	}
}

function selectBlock(state: AppState, r: ReaderState, dir: 1 | -1): AppState {
	const blocks = r.layout.blocks;
	if (blocks.length === 0) return {...state, status: {text: 'This article has no code blocks', kind: 'warning'}};
	let next: number;
	if (r.selectedBlock < 0) {
		// Start from what is on screen rather than from the top of the article.
		// Blocks not rendered yet (startLine -1) lie below everything on screen.
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
	return fitReader({...r, top});
}

function requestCopy(state: AppState, block: number): AppState {
	const r = state.reader;
	const b = r?.layout.blocks[block];
	if (!r || !b) return state;
	if (b.unsafe.length > 0 && r.confirmCopy !== block) {
		return {...state, reader: {...r, confirmCopy: block}, status: {text: `Block ${block + 1} ${b.unsafe.join(', ')}: press y again to copy anyway`, kind: 'warning'}};
	}
	return {...state, reader: {...r, confirmCopy: null}, copyRequest: {block, nonce: (state.copyRequest?.nonce ?? 0) + 1}, status: {text: `Copying block ${block + 1}…`, kind: 'info'}};
}

function fitReader(r: ReaderState): ReaderState {
	const maxTop = Math.max(0, r.layout.lineCount - r.layout.viewHeight);
	return {...r, top: clamp(r.top, 0, maxTop)};
}
