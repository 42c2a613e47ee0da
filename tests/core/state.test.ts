/**
 * The reducer on its own: given a state and a key (or an action), the next
 * state. No screen is drawn; the reader's layout is handed in as the screen
 * would measure it.
 */
import {describe, expect, it} from 'vitest';
import {initialState, reduce, type Action, type AppState, type ReaderLayout, type SearchRow} from '../../src/core/state/reducer.js';
import {HINTS} from '../../src/core/state/hints.js';
import {KEYMAP, keyFor, keysLabel, type KeyEvent} from '../../src/core/state/keymap.js';
import {buildIndex} from '../../src/core/shelf/catalog.js';
import {libraryGroups} from '../../src/core/shelf/groups.js';
import type {Article} from '../../src/core/shelf/types.js';
import {article as make} from '../helpers/articles.js';

function article(slug: string, date: string, category: string, tags: string[], error?: string): Article {
	return make(slug, {title: slug.toUpperCase(), date, tags, category, categories: [category], ...(error ? {error} : {})});
}

const ARTICLES = [
	article('alpha', '2024-03-01', 'Guides', ['x']),
	article('beta', '2024-02-01', 'Notes', ['x', 'y']),
	article('gamma', '2024-01-01', 'Guides', []),
	article('broken', '2023-01-01', 'Notes', [], 'bad front matter'),
];
const GROUPS = libraryGroups(buildIndex(ARTICLES));

const NO_KEY: KeyEvent = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, home: false, end: false,
	return: false, escape: false, tab: false, backspace: false, delete: false, ctrl: false, shift: false, meta: false,
};

/** A key as Ink reports it: a printable character, or a named key ('return', 'escape', 'tab', 'shiftTab', …). */
function key(name: string): Action {
	const special: Record<string, Partial<KeyEvent>> = {
		return: {return: true}, escape: {escape: true}, tab: {tab: true}, shiftTab: {tab: true, shift: true}, backspace: {backspace: true},
		down: {downArrow: true}, up: {upArrow: true}, pageDown: {pageDown: true}, end: {end: true},
	};
	const named = special[name];
	if (named) return {type: 'key', input: name === 'return' ? '\r' : '', key: {...NO_KEY, ...named}};
	return {type: 'key', input: name, key: {...NO_KEY, shift: name !== name.toLowerCase()}};
}

function run(state: AppState, ...actions: (Action | string)[]): AppState {
	return actions.reduce<AppState>((s, a) => reduce(s, typeof a === 'string' ? key(a) : a), state);
}

const library = (): AppState => initialState(GROUPS);

/** Layout as the reader measures it: `lines` lines, a 10-line view, blocks, links and headings where given. */
function layout(lines: number, more: Partial<ReaderLayout> = {}): Action {
	return {type: 'layout', layout: {signature: `${lines}|${JSON.stringify(more)}`, lineCount: lines, viewHeight: 10, complete: true, blocks: [], links: [], headings: [], ...more}};
}

const block = (startLine: number, endLine: number, unsafe: string[] = []): ReaderLayout['blocks'][number] => ({startLine, endLine, unsafe, source: 'echo hi\n', lang: 'sh'});

function reading(slug = 'alpha', more: Partial<ReaderLayout> = {}, lines = 100): AppState {
	return run(library(), {type: 'open', slug}, layout(lines, more));
}

const searcher = (query: string): SearchRow[] => ARTICLES.filter(a => a.slug.includes(query)).map(a => ({article: a, kind: 'title', positions: [], snippet: null}));

interface Case {
	name: string;
	given: () => AppState;
	/** Keys (by name) and actions, in order. */
	then: (Action | string)[];
	expect: (s: AppState) => void;
}

function table(cases: Case[]): void {
	it.each(cases.map(c => [c.name, c] as const))('%s', (_, c) => c.expect(run(c.given(), ...c.then)));
}

describe('library', () => {
	table([
		{name: 'j moves down the articles, k back up', given: library, then: ['j', 'j', 'k'], expect: s => expect(s.articleIndex).toBe(1)},
		{name: 'the list stops at its ends', given: library, then: ['k', 'G', 'j'], expect: s => expect(s.articleIndex).toBe(3)},
		{name: 'Tab moves to the groups, j to the next group from its top', given: library, then: ['j', 'tab', 'j'], expect: s => expect([s.focus, s.groupIndex, s.articleIndex]).toEqual(['groups', 1, 0])},
		{name: 's cycles the sort order and says so', given: library, then: ['s', 's'], expect: s => expect([s.sort, s.status?.text]).toEqual(['title', 'Sorted by title'])},
		{name: 'x pins a category; Esc clears the filters', given: library, then: ['tab', 'j', 'x'], expect: s => expect([s.filters, s.status?.text]).toEqual([[{kind: 'category', name: 'Guides'}], `Showing articles in Guides (${keyFor('back', 'library')} clears)`])},
		{name: 'Esc after a pin clears it', given: library, then: ['tab', 'j', 'x', 'escape'], expect: s => expect(s.filters).toEqual([])},
		{name: 'Enter opens the selected article in the reader', given: library, then: ['j', 'return'], expect: s => expect([s.screen, s.reader?.slug]).toEqual(['reader', 'beta'])},
		{name: 'a broken article is not opened; the status says why', given: library, then: ['G', 'return'], expect: s => expect([s.screen, s.status]).toEqual(['library', {text: 'Cannot open broken: bad front matter', kind: 'error'}])},
		{name: 'q quits', given: library, then: ['q'], expect: s => expect(s.quit).toBe(true)},
		{name: 'Ctrl-C quits', given: library, then: [{type: 'key', input: 'c', key: {...NO_KEY, ctrl: true}}], expect: s => expect(s.quit).toBe(true)},
		{name: 'an unknown slug opens nothing and says so', given: library, then: [{type: 'open', slug: 'nope'}], expect: s => expect([s.screen, s.status?.text]).toEqual(['library', 'No article "nope"'])},
	]);
});

describe('search', () => {
	const searching = (): AppState => run(library(), {type: 'searcher', searcher}, '/');
	table([
		{name: '/ starts typing a query, remembering where the list was', given: library, then: ['j', '/'], expect: s => expect(s.search).toMatchObject({query: '', editing: true, before: {articleIndex: 1, focus: 'articles'}})},
		{name: 'typing filters through the searcher in the same step', given: searching, then: ['a', 'l'], expect: s => expect(s.search?.results.map(r => r.article.slug)).toEqual(['alpha'])},
		{name: 'keys that are commands elsewhere are typed (q, j, ?)', given: searching, then: ['q', 'j', '?'], expect: s => expect([s.search?.query, s.quit, s.help]).toEqual(['qj?', false, false])},
		{name: 'Backspace deletes a character', given: searching, then: ['b', 'e', 'backspace'], expect: s => expect(s.search?.query).toBe('b')},
		{name: '↓ moves through the results', given: searching, then: ['a', 'down'], expect: s => expect(s.search?.selected).toBe(1)},
		{name: 'Enter opens the result and finds the query in it', given: searching, then: ['g', 'a', 'm', 'return'], expect: s => expect([s.reader?.slug, s.reader?.find]).toEqual(['gamma', {query: 'gam', editing: false, hits: [], current: -1}])},
		{name: 'Enter with nothing matching says so', given: searching, then: ['z', 'return'], expect: s => expect([s.screen, s.status?.text]).toEqual(['library', 'Nothing matches "z"'])},
		{name: 'Esc clears the search and returns to where the list was', given: library, then: ['j', '/', 'a', 'escape'], expect: s => expect([s.search, s.articleIndex]).toEqual([null, 1])},
		{name: 'a growing index works the results out again', given: () => run(library(), '/', 'a'), then: [{type: 'searcher', searcher}], expect: s => expect(s.search?.results).toHaveLength(3)},
	]);
});

describe('reader', () => {
	table([
		{name: 'j scrolls a line, PgDn a page less two lines', given: reading, then: ['j', 'pageDown'], expect: s => expect(s.reader?.top).toBe(9)},
		{name: 'the view stops at the last page', given: reading, then: ['G', 'j'], expect: s => expect(s.reader?.top).toBe(90)},
		{name: 'G follows the end while the rest is rendered', given: () => run(library(), {type: 'open', slug: 'alpha'}, layout(20, {complete: false})), then: ['G', layout(50, {complete: false})], expect: s => expect([s.reader?.top, s.reader?.pending]).toEqual([40, {kind: 'end'}])},
		{name: 'moving after G stops following the end', given: () => run(library(), {type: 'open', slug: 'alpha'}, layout(20, {complete: false})), then: ['G', 'k', layout(50, {complete: false})], expect: s => expect([s.reader?.top, s.reader?.pending]).toEqual([9, null])},
		{name: 'g goes to the top', given: reading, then: ['G', 'g'], expect: s => expect(s.reader?.top).toBe(0)},
		{name: 'Esc goes back to the library', given: reading, then: ['escape'], expect: s => expect([s.screen, s.reader]).toEqual(['library', null])},
		{name: 'a followed #anchor waits for the headings, then lands on its line', given: library, then: [{type: 'open', slug: 'alpha', anchor: 'usage'}, layout(100, {complete: false}), layout(100, {headings: [{line: 42, depth: 2, text: 'Usage'}]})], expect: s => expect([s.reader?.top, s.reader?.pending]).toEqual([42, null])},
		{name: 'a footnote number lands on its note (the ↩ that starts it), and the ↩ back on the first reference', given: library, then: [{type: 'open', slug: 'alpha', anchor: '#fn-2'}, layout(100, {links: [{line: 5, column: 9, href: '#fn-2'}, {line: 7, column: 3, href: '#fn-2'}, {line: 60, column: 3, href: '#fnref-1'}, {line: 62, column: 3, href: '#fnref-2'}]})], expect: s => expect([s.reader?.top, s.reader?.pending]).toEqual([62, null])},
		{name: 'a note\'s ↩ leads back to the first place the note is referred to', given: library, then: [{type: 'open', slug: 'alpha', anchor: '#fnref-2'}, layout(100, {links: [{line: 5, column: 9, href: '#fn-2'}, {line: 7, column: 3, href: '#fn-2'}, {line: 62, column: 3, href: '#fnref-2'}]})], expect: s => expect(s.reader?.top).toBe(5)},
		{name: 'a #fn- anchor with no such note falls back to a heading of that name', given: library, then: [{type: 'open', slug: 'alpha', anchor: 'fn-9'}, layout(100, {headings: [{line: 30, depth: 2, text: 'fn-9'}]})], expect: s => expect(s.reader?.top).toBe(30)},
		{name: 'a remembered place is carried by the open and applied once the article is complete', given: () => initialState(GROUPS, {remembered: slug => (slug === 'beta' ? 0.5 : null)}), then: ['j', 'return', layout(200, {complete: false}), layout(200)], expect: s => expect([s.reader?.top, s.status?.text]).toEqual([100, `Back where you left off (50%) · ${keyFor('top', 'reader')} goes to the top`])},
		{name: 'no remembered place: the article opens at the top, with no message', given: () => initialState(GROUPS, {remembered: () => null}), then: ['return', layout(200)], expect: s => expect([s.reader?.top, s.status]).toEqual([0, null])},
		{name: 'inkshelf read SLUG opens where it was left too', given: () => initialState(GROUPS, {open: 'gamma', remembered: () => 0.25}), then: [layout(200)], expect: s => expect([s.reader?.slug, s.reader?.top]).toEqual(['gamma', 50])},
		{name: '? opens help over the reader; the reader keeps its place', given: reading, then: ['j', '?'], expect: s => expect([s.help, s.reader?.top]).toEqual([true, 1])},
	]);
});

describe('find', () => {
	const hits = [{line: 5, start: 0, end: 3}, {line: 30, start: 2, end: 5}, {line: 60, start: 1, end: 4}];
	const finding = (): AppState => run(reading(), '/', 'f', 'o', 'o');
	table([
		{name: '/ opens the find line; typing builds the query', given: reading, then: ['/', 'f', 'o'], expect: s => expect(s.reader?.find).toEqual({query: 'fo', editing: true, hits: [], current: -1})},
		{name: 'hits for the current query jump to the first one, a third of the way down', given: finding, then: [{type: 'findHits', query: 'foo', hits}], expect: s => expect([s.reader?.find?.current, s.reader?.top]).toEqual([0, 0])},
		{name: 'hits for an older query are ignored', given: finding, then: [{type: 'findHits', query: 'fo', hits}], expect: s => expect(s.reader?.find?.hits).toEqual([])},
		{name: 'Enter keeps the hits; n and N move between them and wrap', given: finding, then: [{type: 'findHits', query: 'foo', hits}, 'return', 'n', 'n', 'n', 'N'], expect: s => expect([s.reader?.find?.editing, s.reader?.find?.current, s.reader?.top]).toEqual([false, 2, 57])},
		{name: 'n with no hits says so', given: finding, then: [{type: 'findHits', query: 'foo', hits: []}, 'return', 'n'], expect: s => expect(s.status?.text).toBe('No match for "foo"')},
		{name: 'n before any find names the key that starts one', given: reading, then: ['n'], expect: s => expect(s.status?.text).toBe(`Nothing to find: ${keyFor('find', 'reader')} starts a search`)},
		{name: 'Esc clears the hits and stays in the article', given: finding, then: ['return', 'escape'], expect: s => expect([s.screen, s.reader?.find]).toEqual(['reader', null])},
		{name: 'Enter on an empty find line closes it', given: reading, then: ['/', 'return'], expect: s => expect(s.reader?.find).toBeNull()},
	]);
});

describe('outline', () => {
	const headings = [{line: 0, depth: 1, text: 'Top'}, {line: 20, depth: 2, text: 'Middle'}, {line: 70, depth: 2, text: 'End'}];
	table([
		{name: 't opens the outline on the current section', given: () => reading('alpha', {headings}), then: ['j', 'pageDown', 'pageDown', 'pageDown', 't'], expect: s => expect(s.reader?.outline).toBe(1)},
		{name: 'j, k move; Enter jumps to the heading and closes', given: () => reading('alpha', {headings}), then: ['t', 'j', 'j', 'k', 'j', 'return'], expect: s => expect([s.reader?.outline, s.reader?.top]).toEqual([null, 70])},
		{name: 'Esc closes the outline where the reader was', given: () => reading('alpha', {headings}), then: ['t', 'j', 'escape'], expect: s => expect([s.reader?.outline, s.reader?.top, s.screen]).toEqual([null, 0, 'reader'])},
		{name: 'no headings: a message instead', given: reading, then: ['t'], expect: s => expect([s.reader?.outline, s.status?.text]).toEqual([null, 'This article has no headings'])},
	]);
});

describe('links', () => {
	const links = [{line: 3, column: 0, href: 'beta.md'}, {line: 50, column: 4, href: 'https://example.com'}];
	table([
		{name: 'Tab selects the first link from the top; again, the next, scrolled into view', given: () => reading('alpha', {links}), then: ['tab', 'tab'], expect: s => expect([s.reader?.selectedLink, s.reader?.top]).toEqual([1, 47])},
		{name: 'Shift-Tab from the first link wraps to the last', given: () => reading('alpha', {links}), then: ['tab', 'shiftTab'], expect: s => expect(s.reader?.selectedLink).toBe(1)},
		{name: 'Enter asks the UI to follow the selected link', given: () => reading('alpha', {links}), then: ['tab', 'return'], expect: s => expect(s.linkRequest).toEqual({link: 0, nonce: 1})},
		{name: 'Enter with no link selected names the key that selects one', given: () => reading('alpha', {links}), then: ['return'], expect: s => expect(s.status?.text).toBe(`No link selected: ${keyFor('nextLink', 'reader')} selects the next one`)},
		{name: 'a followed link keeps the article left; Backspace returns to its line', given: () => reading('alpha', {links}), then: ['j', 'j', {type: 'open', slug: 'beta', fromLink: true}, layout(100), 'backspace', layout(100)], expect: s => expect([s.reader?.slug, s.reader?.top, s.history]).toEqual(['alpha', 2, []])},
		{name: 'Backspace with nothing followed says so', given: reading, then: ['backspace'], expect: s => expect(s.status?.kind).toBe('warning')},
	]);
});

describe('code blocks and copy confirmation', () => {
	const blocks = [block(12, 15), block(40, 44, ['contains ESC (escape sequences)'])];
	table([
		{name: '] selects the first block below the top and shows it', given: () => reading('alpha', {blocks}), then: [']', ']'], expect: s => expect([s.reader?.selectedBlock, s.reader?.top]).toEqual([1, 35])},
		{name: 'y copies the selected block', given: () => reading('alpha', {blocks}), then: [']', 'y'], expect: s => expect([s.copyRequest, s.status?.text]).toEqual([{kind: 'block', block: 0, nonce: 1}, 'Copying block 1…'])},
		{name: 'y on a block with escape characters asks first', given: () => reading('alpha', {blocks}), then: [']', ']', 'y'], expect: s => expect([s.copyRequest, s.reader?.confirmCopy, s.status?.text]).toEqual([null, 1, `Block 2 contains ESC (escape sequences): press ${keyFor('copyBlock', 'reader')} again to copy anyway`])},
		{name: 'y again copies it', given: () => reading('alpha', {blocks}), then: [']', ']', 'y', 'y'], expect: s => expect([s.copyRequest, s.reader?.confirmCopy]).toEqual([{kind: 'block', block: 1, nonce: 1}, null])},
		{name: 'moving in between asks again', given: () => reading('alpha', {blocks}), then: [']', ']', 'y', 'j', 'y'], expect: s => expect([s.copyRequest, s.reader?.confirmCopy]).toEqual([null, 1])},
		{name: 'a digit copies block N', given: () => reading('alpha', {blocks}), then: ['1'], expect: s => expect(s.copyRequest).toEqual({kind: 'block', block: 0, nonce: 1})},
		{name: 'a digit past the blocks known so far waits, and copies when the block appears', given: () => reading('alpha', {blocks: [block(5, 7)], complete: false}), then: ['2', layout(100, {blocks: [block(5, 7), block(60, 62)], complete: false})], expect: s => expect([s.copyRequest, s.reader?.pending, s.reader?.selectedBlock]).toEqual([{kind: 'block', block: 1, nonce: 1}, null, 1])},
		{name: 'a digit past every block says how many there are', given: () => reading('alpha', {blocks: [block(5, 7)], complete: false}), then: ['3', layout(100, {blocks: [block(5, 7)]})], expect: s => expect([s.reader?.pending, s.status?.text]).toEqual([null, 'No code block 3: this article has 1'])},
		{name: 'a block known but not drawn yet is waited for, then revealed', given: () => reading('alpha', {blocks: [block(-1, -1)], complete: false}, 10), then: [']', layout(100, {blocks: [block(80, 84)], complete: false})], expect: s => expect([s.reader?.pending, s.reader?.top]).toEqual([null, 75])},
		{name: 'y with no block on screen names the key that selects one', given: () => reading('alpha', {blocks}), then: ['G', 'y'], expect: s => expect(s.status?.text).toBe(`No code block on screen: ${keyFor('nextBlock', 'reader')} selects the next one`)},
	]);
});

describe('help', () => {
	table([
		{name: '? opens help; ? closes it', given: library, then: ['?', '?'], expect: s => expect(s.help).toBe(false)},
		{name: 'moving keys scroll the help, not the list beneath', given: library, then: ['?', 'j', 'j', 'pageDown'], expect: s => expect([s.help, s.helpTop, s.articleIndex]).toEqual([true, 12, 0])},
		{name: 'Esc closes help and nothing else', given: reading, then: ['?', 'escape'], expect: s => expect([s.help, s.screen]).toEqual([false, 'reader'])},
		{name: 'q closes help instead of quitting', given: library, then: ['?', 'q'], expect: s => expect([s.help, s.quit]).toEqual([false, false])},
	]);
});

describe('hints and messages come from the keymap', () => {
	it('names the keys the table binds', () => {
		expect(HINTS.libraryArticles).toBe('Enter read · / search · s sort · Tab groups · ? help · q quit');
		expect(HINTS.readerWithBlocks).toBe(']/[ block · y copy · / find · t outline · Tab links · ? help');
		expect(HINTS.findHits).toBe('n/N next/previous · Esc clears');
	});
	it('every hint names only keys bound in the table', () => {
		const labels = new Set(KEYMAP.flatMap(b => keysLabel(b).split(' / ')));
		for (const line of Object.values(HINTS)) {
			for (const part of line.split(' · ')) {
				const keys = part.split(' ')[0] ?? '';
				for (const k of keys.split(/(?<=.)\/(?=.)/)) expect(labels, `${k} in "${line}"`).toContain(k);
			}
		}
	});
});
