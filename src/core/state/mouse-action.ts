/**
 * What a wheel turn or a click does, given where it happened: the wheel
 * scrolls what is under the pointer; a click selects a group, an article, a
 * code block or a link, and a click on what is already selected opens,
 * follows or copies it (a block's label line copies it).
 */
import {LIBRARY_LIST_TOP, articleRowLines, libraryLayout, readerGeometry} from './geometry.js';
import {listWindow} from './list-window.js';
import {filtered, sortedArticles} from './library.js';
import {requestCopy} from './copy.js';
import type {MouseEvent} from '../mouse.js';
import type {Command} from './keymap.js';
import type {AppState, ReaderState} from './types.js';
import type {Article} from '../shelf/index.js';

/** Runs a command through the reducer (passed in, so this module does not import it back). */
/** The terminal's size and the reader's text column cap, as the screens were drawn with. */
export interface MouseScreen {
	columns: number;
	rows: number;
	maxTextWidth?: number;
}

export type RunCommand = (state: AppState, command: Command) => AppState;

const WHEEL_LINES = 3;

export function mouseAction(state: AppState, e: MouseEvent, screen: MouseScreen, run: RunCommand): AppState {
	if (e.kind === 'release' || e.button !== 0) return state;
	const wheel = e.kind === 'wheelUp' ? 'up' : e.kind === 'wheelDown' ? 'down' : null;
	if (state.help) return wheel ? repeat(state, wheel, WHEEL_LINES, run) : state;
	if (state.screen === 'reader' && state.reader) {
		if (state.reader.outline !== null) return wheel ? run(state, wheel) : state;
		if (wheel) return repeat(state, wheel, WHEEL_LINES, run);
		return readerClick(state, state.reader, e, screen);
	}
	return libraryMouse(state, e, screen, wheel, run);
}

function repeat(state: AppState, command: Command, times: number, run: RunCommand): AppState {
	let s = state;
	for (let i = 0; i < times; i++) s = run(s, command);
	return s;
}

function readerClick(state: AppState, r: ReaderState, e: MouseEvent, screen: MouseScreen): AppState {
	const g = readerGeometry(screen.columns, screen.rows, screen.maxTextWidth);
	const row = e.y - g.headerLines;
	if (row < 0 || row >= g.viewHeight) return state;
	const line = r.top + row;
	const column = e.x - g.margin;
	const link = r.layout.links.findIndex(l => l.line === line && column >= l.column && column < l.column + Math.max(1, l.width ?? 1));
	if (link >= 0) {
		if (link === r.selectedLink) return {...state, linkRequest: {link, nonce: (state.linkRequest?.nonce ?? 0) + 1}};
		return {...state, status: null, reader: {...r, selectedLink: link}};
	}
	const block = r.layout.blocks.findIndex(b => b.startLine >= 0 && line >= b.startLine && line <= b.endLine);
	if (block < 0) return state;
	// The label line (`[2] bash`) of the block already selected copies it, as y would.
	if (block === r.selectedBlock && line === r.layout.blocks[block]?.startLine) return requestCopy(state, block);
	return {...state, status: {text: `Block ${block + 1} selected: click its label line (or press y) to copy`, kind: 'info'}, reader: {...r, selectedBlock: block, confirmCopy: null}};
}

function libraryMouse(state: AppState, e: MouseEvent, screen: MouseScreen, wheel: 'up' | 'down' | null, run: RunCommand): AppState {
	const layout = libraryLayout(screen.columns, screen.rows);
	const search = state.search;
	const onGroups = search ? false : layout.twoPanes ? e.x < layout.groupWidth : state.focus === 'groups';
	// The preview pane (wide screens) is only to look at.
	if (layout.previewWidth > 0 && e.x >= screen.columns - layout.previewWidth) return state;
	if (wheel) {
		const focused = search ? {...state, search: {...search, editing: false}} : {...state, focus: onGroups ? 'groups' as const : 'articles' as const};
		return run(focused, wheel);
	}
	const row = e.y - LIBRARY_LIST_TOP;
	if (row < 0 || row >= layout.listRows) return state;
	if (onGroups) {
		const {start, end} = listWindow(state.groups.length, state.groupIndex, layout.listRows, () => 1);
		const index = start + row;
		if (index >= end) return state;
		if (index === state.groupIndex && state.focus === 'groups') return run(state, 'open');
		return {...state, focus: 'groups', groupIndex: index, articleIndex: index === state.groupIndex ? state.articleIndex : 0, status: null};
	}
	const articles = search ? search.results.map(r => r.article) : sortedArticles(filtered(state.groups[state.groupIndex]?.articles ?? [], state.filters, state.hideDrafts), state.sort);
	const selected = search ? search.selected : state.articleIndex;
	const heightOf = (i: number): number => articleRowLines(articles[i] as Article, search?.results[i], layout.rowHeight);
	const {start, end} = listWindow(articles.length, selected, layout.listRows, heightOf);
	let index = start;
	for (let top = 0; index < end; index++) {
		top += heightOf(index);
		if (row < top) break;
	}
	if (index >= end) return state;
	if (index === selected && (search || state.focus === 'articles')) return run(search ? {...state, search: {...search, editing: false}} : state, search ? 'accept' : 'open');
	if (search) return {...state, search: {...search, editing: false, selected: index}, status: null};
	return {...state, focus: 'articles', articleIndex: index, status: null};
}

export function toggleMouse(state: AppState): AppState {
	const mouse = !state.mouse;
	return {...state, mouse, status: mouse
		? {text: 'Mouse on: wheel scrolls, click selects, click again opens or copies · M turns it off', kind: 'success'}
		: {text: 'Mouse off: the terminal selects text again · M turns it on', kind: 'success'}};
}
