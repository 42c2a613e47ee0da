import {keyFor, type Command} from './keymap.js';
import type {AppState, SearchRow, SortOrder} from './types.js';
import type {Article} from '../shelf/index.js';
import {openArticle, openWhereLeft} from './reader.js';
import {hasFacet} from '../shelf/index.js';

import {clamp} from './clamp.js';
import {compareNames} from '../compare-names.js';

const SORTS: SortOrder[] = ['newest', 'oldest', 'title'];
const SORT_NAMES: Record<SortOrder, string> = {newest: 'newest first', oldest: 'oldest first', title: 'by title'};
const sortedCache = new WeakMap<Article[], Map<SortOrder, Article[]>>();

/** Groups arrive newest first; other orders are sorted once per group and kept. */
export function sortedArticles(articles: Article[], sort: SortOrder): Article[] {
	if (sort === 'newest') return articles;
	let bySort = sortedCache.get(articles);
	if (!bySort) sortedCache.set(articles, bySort = new Map());
	let sorted = bySort.get(sort);
	if (!sorted) {
		sorted = sort === 'oldest' ? [...articles].reverse() : [...articles].sort((a, b) => compareNames(a.title, b.title));
		bySort.set(sort, sorted);
	}
	return sorted;
}

type Filter = AppState['filters'][number];
const filteredCache = new WeakMap<Article[], Map<string, Article[]>>();

/** The articles of a group that are also in every pinned category, tag and author (and not drafts, when hidden); kept per (group, filters). */
export function filtered(articles: Article[], filters: Filter[], hideDrafts = false): Article[] {
	if (filters.length === 0 && !hideDrafts) return articles;
	const key = filters.map(f => `${f.kind}:${f.name}`).join('\u0000') + (hideDrafts ? '\u0000-drafts' : '');
	let byKey = filteredCache.get(articles);
	if (!byKey) filteredCache.set(articles, byKey = new Map());
	let out = byKey.get(key);
	if (!out) {
		out = articles.filter(a => !(hideDrafts && a.draft) && filters.every(f => hasFacet(a, f.kind, f.name)));
		byKey.set(key, out);
	}
	return out;
}

function pin(state: AppState): AppState {
	const group = state.groups[state.groupIndex];
	if (!group) return state;
	if (group.kind === 'all' || group.kind === 'recent') return {...state, filters: [], articleIndex: 0, status: {text: 'Filters cleared', kind: 'info'}};
	const on = state.filters.some(f => f.kind === group.kind && f.name === group.name);
	const filters = on ? state.filters.filter(f => !(f.kind === group.kind && f.name === group.name)) : [...state.filters, {kind: group.kind, name: group.name}];
	const label = filters.map(f => (f.kind === 'tag' ? `#${f.name}` : f.kind === 'author' ? `by ${f.name}` : f.name)).join(' + ');
	return {...state, filters, articleIndex: 0, status: {text: filters.length ? `Showing articles in ${label} (${keyFor('back', 'library')} clears)` : 'Filters cleared', kind: 'info'}};
}

export function libraryCommand(state: AppState, command: Command): AppState {
	if (state.search) return searchCommand(state, command);
	if (command === 'pin') return pin(state);
	if (command === 'back' && state.filters.length) return {...state, filters: [], articleIndex: 0, status: null};
	const inGroups = state.focus === 'groups';
	if (command === 'toggleDrafts') {
		const hideDrafts = !state.hideDrafts;
		return {...state, hideDrafts, articleIndex: 0, status: {text: hideDrafts ? 'Drafts hidden (d shows them)' : 'Drafts shown', kind: 'info'}};
	}
	const count = inGroups ? state.groups.length : filtered(state.groups[state.groupIndex]?.articles ?? [], state.filters, state.hideDrafts).length;
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
		case 'sort': {
			const sort = SORTS[(SORTS.indexOf(state.sort) + 1) % SORTS.length] ?? 'newest';
			return {...state, sort, articleIndex: 0, status: {text: `Sorted ${SORT_NAMES[sort]}`, kind: 'info'}};
		}
		case 'search':
			return {
				...state, status: null,
				search: {query: '', editing: true, results: [], selected: 0, before: {groupIndex: state.groupIndex, articleIndex: state.articleIndex, focus: state.focus}},
			};
		default: return state;
	}
}

function searchCommand(state: AppState, command: Command): AppState {
	const search = state.search;
	if (!search) return state;
	const move = (to: number): AppState => ({...state, search: {...search, selected: clamp(to, 0, Math.max(0, search.results.length - 1))}});
	switch (command) {
		case 'down': return move(search.selected + 1);
		case 'up': return move(search.selected - 1);
		case 'pageDown': case 'halfDown': return move(search.selected + state.listPage);
		case 'pageUp': case 'halfUp': return move(search.selected - state.listPage);
		case 'top': return move(0);
		case 'bottom': return move(search.results.length - 1);
		case 'deleteChar': return libraryText(state, null);
		case 'search': return {...state, search: {...search, editing: true}};
		case 'cancel': case 'back': {
			const {groupIndex, articleIndex, focus} = search.before;
			return {...state, search: null, groupIndex, articleIndex, focus, status: null};
		}
		default: return state;
	}
}

/** Typing on the search line (`null` deletes a character): the results follow in the same step. */
export function libraryText(state: AppState, typed: string | null): AppState {
	const search = state.search;
	if (!search) return state;
	const query = typed === null ? [...search.query].slice(0, -1).join('') : search.query + typed;
	return searchResults({...state, search: {...search, query, selected: 0}});
}

/** Works the results out again for the current query (after typing, or when the index grew). */
export function searchResults(state: AppState): AppState {
	if (!state.search) return state;
	const results: SearchRow[] = state.searcher?.(state.search.query) ?? [];
	return {...state, search: {...state.search, results, selected: clamp(state.search.selected, 0, Math.max(0, results.length - 1))}};
}

export function openFromLibrary(state: AppState): AppState {
	if (state.search) {
		const row = state.search.results[state.search.selected];
		if (!row) return {...state, status: {text: state.search.query ? `Nothing matches "${state.search.query}"` : 'Type to search', kind: 'warning'}};
		// The search stays: Esc in the reader comes back to these results.
		return openArticle({...state, search: {...state.search, editing: false}}, row.article, {find: state.search.query});
	}
	if (state.focus === 'groups') return {...state, focus: 'articles'};
	const article = sortedArticles(filtered(state.groups[state.groupIndex]?.articles ?? [], state.filters, state.hideDrafts), state.sort)[state.articleIndex];
	return article ? openWhereLeft(state, article) : state;
}
