/** Find in the article: typing the query, the hits the screen reports back, n and N. */
import {keyFor} from './keymap.js';
import {showLine} from './scroll.js';
import type {AppState, FindState, ReaderState} from './types.js';

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
	return showHit(state, {...r, find}, firstHitFrom(find, r.top));
}

/** Enter on the find line: keep the hits and go to the first one below the top. */
export function acceptFind(state: AppState, r: ReaderState): AppState {
	if (!r.find) return state;
	const find = {...r.find, editing: false};
	if (find.query === '') return {...state, reader: {...r, find: null}};
	return find.hits.length && find.current < 0 ? showHit(state, {...r, find}, firstHitFrom(find, r.top)) : {...state, reader: {...r, find}};
}

export function jumpToHit(state: AppState, r: ReaderState, dir: 1 | -1): AppState {
	const find = r.find;
	if (!find || find.hits.length === 0) return {...state, status: {text: find ? `No match for "${find.query}"` : `Nothing to find: ${keyFor('find', 'reader')} starts a search`, kind: 'warning'}};
	const next = (find.current + dir + find.hits.length) % find.hits.length;
	return showHit(state, {...r, find: {...find, editing: false}}, next);
}

function firstHitFrom(find: FindState, top: number): number {
	return Math.max(0, find.hits.findIndex(h => h.line >= top));
}

function showHit(state: AppState, r: ReaderState, index: number): AppState {
	const hit = r.find?.hits[index];
	if (!hit || !r.find) return state;
	return {...state, reader: showLine({...r, find: {...r.find, current: index}}, hit.line), status: null};
}
