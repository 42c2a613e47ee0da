import {commandFor, typedCharacter, type Command, type KeyEvent, type Scope} from './keymap.js';
import {filtered, libraryCommand, libraryText, openFromLibrary, searchResults, sortedArticles} from './library.js';

export {filtered} from './library.js';
import {applyLayout, applyFindHits, openArticle, openWhereLeft, readerCommand, readerText} from './reader.js';
import {mouseAction, toggleMouse} from './mouse-action.js';
import type {AppState, Action, Group} from './types.js';
import type {Article} from '../shelf/index.js';

export type * from './types.js';

/**
 * The whole app as one reducer: keys in, state out. Screens render the state
 * and dispatch; the few side effects (copying, following a link) are requests
 * in the state that the UI carries out.
 */
export function initialState(groups: Group[], options: {open?: string | undefined; remembered?: AppState['remembered']; hideDrafts?: boolean; mouse?: boolean} = {}): AppState {
	const state: AppState = {
		groups, screen: 'library', help: false, helpTop: 0, focus: 'articles', groupIndex: 0, articleIndex: 0, sort: 'newest', filters: [],
		hideDrafts: options.hideDrafts ?? false, listPage: 5, search: null, searcher: null, remembered: options.remembered ?? null, reader: null,
		history: [], status: null, copyRequest: null, linkRequest: null, fileRequest: null, quit: false, startedOn: options.open ?? null, mouse: options.mouse ?? false,
	};
	if (!options.open) return state;
	// `inkshelf read SLUG` on a terminal: the article opens where it was left, as from the library.
	const article = articleBySlug(state, options.open);
	return article ? openWhereLeft(state, article) : noArticle(state, options.open);
}

function articleBySlug(state: AppState, slug: string): Article | undefined {
	return state.groups[0]?.articles.find(a => a.slug === slug);
}

function noArticle(state: AppState, slug: string): AppState {
	return {...state, status: {text: `No article "${slug}"`, kind: 'error'}};
}

export function currentArticles(state: AppState): Article[] {
	if (state.search) return state.search.results.map(r => r.article);
	return sortedArticles(filtered(state.groups[state.groupIndex]?.articles ?? [], state.filters, state.hideDrafts), state.sort);
}

/** The article the library's cursor is on (the search's selected row while searching). */
export function selectedArticle(state: AppState): Article | undefined {
	return currentArticles(state)[state.search ? state.search.selected : state.articleIndex];
}

/** Which part of the keymap applies now. */
export function scopeOf(state: AppState): Exclude<Scope, 'global'> {
	if (state.screen === 'reader' && state.reader) {
		if (state.reader.outline !== null) return 'outline';
		return state.reader.find?.editing ? 'find' : 'reader';
	}
	return state.search?.editing ? 'search' : 'library';
}

export function reduce(state: AppState, action: Action): AppState {
	switch (action.type) {
		case 'status':
			return {...state, status: action.status};
		case 'listPage':
			return {...state, listPage: Math.max(1, action.size)};
		case 'groups':
			return withGroups(state, action.groups);
		case 'layout':
			return state.reader ? applyLayout(state, state.reader, action.layout) : state;
		case 'searcher':
			return searchResults({...state, searcher: action.searcher});
		case 'findHits':
			return applyFindHits(state, action.query, action.hits);
		case 'open': {
			const article = articleBySlug(state, action.slug);
			if (!article) return noArticle(state, action.slug);
			const history = action.fromLink && state.reader ? [...state.history, {slug: state.reader.slug, top: state.reader.top}] : state.history;
			return openArticle({...state, history}, article, action);
		}
		case 'key':
			return keyAction(state, action.input, action.key);
		case 'mouse':
			return state.mouse ? mouseAction(state, action.event, action.screen, command) : state;
		case 'command':
			return command(state, action.command, action.digit);
	}
}

function keyAction(state: AppState, input: string, key: KeyEvent): AppState {
	const scope = scopeOf(state);
	const cmd = commandFor(scope, input, key);
	if (cmd) return command(state, cmd, cmd === 'copyNumbered' ? Number(input) : undefined);
	const typed = typedCharacter(input, key);
	if (typed === null) return state;
	if (scope === 'search') return libraryText(state, typed);
	if (scope === 'find') return readerText(state, typed);
	return state;
}

function command(state: AppState, cmd: Command, digit?: number): AppState {
	if (cmd === 'help') return {...state, help: !state.help, helpTop: 0};
	// Help is an overlay: q or Esc closes it, moving keys scroll it; nothing reaches the screen beneath.
	if (state.help) {
		if (cmd === 'back' || cmd === 'close' || cmd === 'quit' || cmd === 'cancel') return {...state, help: false};
		const by: Partial<Record<Command, number>> = {down: 1, up: -1, pageDown: 10, pageUp: -10, halfDown: 5, halfUp: -5, top: -1000, bottom: 1000};
		const step = by[cmd];
		return step === undefined ? state : {...state, helpTop: Math.max(0, Math.min(200, state.helpTop + step))};
	}
	if (cmd === 'quit') return {...state, quit: true};
	if (cmd === 'toggleMouse') return toggleMouse(state);
	if (cmd === 'reload' || cmd === 'edit') return fileRequest(state, cmd);
	if (state.screen === 'reader') return readerCommand(state, cmd, digit);
	if (cmd === 'open' || cmd === 'accept') return openFromLibrary(state);
	return libraryCommand(state, cmd);
}

/** `r` and `e`: the UI reloads from disk or runs the editor; the article is the open one, or the selected one in the library. */
function fileRequest(state: AppState, kind: 'reload' | 'edit'): AppState {
	const slug = state.screen === 'reader' ? state.reader?.slug ?? null : selectedArticle(state)?.slug ?? null;
	if (kind === 'edit' && slug === null) return {...state, status: {text: 'No article to edit here', kind: 'warning'}};
	return {...state, fileRequest: {kind, slug, nonce: (state.fileRequest?.nonce ?? 0) + 1}};
}

/**
 * New groups (the folder behind a file arrived, the shelf changed on disk,
 * Recently read changed): the same group and the same article stay
 * selected, wherever they moved to; a group that is gone falls back to the
 * nearest position.
 */
function withGroups(state: AppState, groups: Group[]): AppState {
	const group = state.groups[state.groupIndex];
	const selected = selectedArticle(state)?.slug;
	const found = group ? groups.findIndex(g => g.kind === group.kind && g.name === group.name) : -1;
	const groupIndex = found >= 0 ? found : Math.max(0, Math.min(state.groupIndex, groups.length - 1));
	const next = {...state, groups, groupIndex};
	if (state.search || selected === undefined) return next;
	const at = currentArticles(next).findIndex(a => a.slug === selected);
	const articleIndex = at >= 0 ? at : Math.max(0, Math.min(state.articleIndex, currentArticles(next).length - 1));
	return {...next, articleIndex};
}
