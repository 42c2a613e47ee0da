import {describe, expect, it} from 'vitest';
import {parseMouse} from '../../src/core/mouse.js';
import {separateMouse} from '../../src/core/system/mouse-stdin.js';
import {mouseAction} from '../../src/core/state/mouse-action.js';
import {currentArticles, initialState, reduce, type AppState, type Group, type ReaderLayout} from '../../src/core/state/reducer.js';
import type {Article} from '../../src/core/shelf/types.js';

describe('parseMouse', () => {
	it.each([
		['\x1b[<0;10;5M', {kind: 'press', button: 0, x: 9, y: 4}],
		['[<0;10;5m', {kind: 'release', button: 0, x: 9, y: 4}],
		['\x1b[<64;1;1M', {kind: 'wheelUp', button: 0, x: 0, y: 0}],
		['\x1b[<65;3;4M', {kind: 'wheelDown', button: 0, x: 2, y: 3}],
		['\x1b[<2;3;4M', {kind: 'press', button: 2, x: 2, y: 3}],
		['\x1b[<16;3;4M', {kind: 'press', button: 0, x: 2, y: 3}], // Ctrl+click
		['\x1b[<32;3;4M', null], // motion
		['\x1b[<0;0;4M', null],
		['\x1b[A', null],
		['j', null],
	] as const)('%j', (input, want) => {
		expect(parseMouse(input)).toEqual(want);
	});
});

describe('separateMouse', () => {
	it('takes the reports out and leaves the keys', () => {
		const r = separateMouse('j\x1b[<65;3;4M\x1b[<65;3;4Mk');
		expect(r.events.map(e => e.kind)).toEqual(['wheelDown', 'wheelDown']);
		expect(r.rest).toBe('jk');
		expect(r.held).toBe('');
	});
	it('drops answers to the graphics query that came too late, so they are never read as keys', () => {
		expect(separateMouse('j\x1b_Gi=31;OK\x1b\\\x1bP>|kitty(0.26.5)\x1b\\\x1b[6;20;10t\x1b[?62;c\x1b[<65;3;4Mk')).toMatchObject({rest: 'jk', held: ''});
	});
	it('holds a report cut off at the end of a read, and nothing else', () => {
		expect(separateMouse('j\x1b[<65;3')).toEqual({events: [], rest: 'j', held: '\x1b[<65;3'});
		expect(separateMouse('\x1b')).toEqual({events: [], rest: '\x1b', held: ''});
		expect(separateMouse('\x1b[A')).toEqual({events: [], rest: '\x1b[A', held: ''});
	});
});

const article = (slug: string): Article => ({
	slug, title: slug, path: `/x/${slug}.md`, date: '2026-01-01', tags: [], category: 'C', description: '', readingMinutes: 1, problems: [],
} as unknown as Article);

function libraryState(n = 30): AppState {
	const articles = Array.from({length: n}, (_, i) => article(`a${String(i).padStart(2, '0')}`));
	const groups: Group[] = [{kind: 'all', name: 'All', articles}, {kind: 'category', name: 'C', articles}];
	return initialState(groups);
}

const run = (s: AppState, command: Parameters<typeof reduce>[1] extends infer A ? A extends {type: 'command'; command: infer C} ? C : never : never): AppState => reduce(s, {type: 'command', command});
const screen = {columns: 80, rows: 24};
const press = (x: number, y: number) => ({kind: 'press' as const, button: 0, x, y});

describe('mouseAction in the library (80x24)', () => {
	it('the wheel moves the list under the pointer', () => {
		let s = libraryState();
		s = mouseAction(s, {kind: 'wheelDown', button: 0, x: 50, y: 5}, screen, run);
		expect(s.articleIndex).toBe(1);
		s = mouseAction(s, {kind: 'wheelDown', button: 0, x: 5, y: 5}, screen, run);
		expect(s.focus).toBe('groups');
		expect(s.groupIndex).toBe(1);
	});
	it('a click selects a group, a second click shows it', () => {
		let s = libraryState();
		s = mouseAction(s, press(5, 3), screen, run);
		expect(s.focus).toBe('groups');
		expect(s.groupIndex).toBe(1);
		s = mouseAction(s, press(5, 3), screen, run);
		expect(s.focus).toBe('articles');
	});
	it('a click selects an article (rows without a description are 2 lines high), a second click opens it', () => {
		let s = libraryState();
		s = mouseAction(s, press(40, 2 + 2 * 2 + 1), screen, run);
		expect(s.articleIndex).toBe(2);
		expect(s.screen).toBe('library');
		const third = currentArticles(s)[2]?.slug;
		s = mouseAction(s, press(40, 2 + 2 * 2), screen, run);
		expect(s.screen).toBe('reader');
		expect(s.reader?.slug).toBe(third);
	});
	it('with drafts hidden, a click opens the article shown on that row', () => {
		const articles = Array.from({length: 6}, (_, i) => ({...article(`a${i}`), draft: i % 2 === 0}));
		let s = initialState([{kind: 'all', name: 'All', articles}], {hideDrafts: true});
		const shown = currentArticles(s).map(a => a.slug);
		expect(shown).toEqual(['a1', 'a3', 'a5']);
		// Below the three rows shown there is nothing to click.
		expect(mouseAction(s, press(40, 2 + 2 * 4), screen, run)).toBe(s);
		s = mouseAction(s, press(40, 2 + 2 * 1), screen, run);
		s = mouseAction(s, press(40, 2 + 2 * 1), screen, run);
		expect(s.reader?.slug).toBe(shown[1]);
	});
	it('the reducer ignores the mouse until it is turned on (M)', () => {
		const s = libraryState();
		const event = {type: 'mouse' as const, event: {kind: 'wheelDown' as const, button: 0, x: 50, y: 5}, screen};
		expect(reduce(s, event)).toBe(s);
		const on = reduce(s, {type: 'key', input: 'M', key: {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, home: false, end: false, return: false, escape: false, tab: false, backspace: false, delete: false, ctrl: false, shift: true, meta: false}});
		expect(on.mouse).toBe(true);
		expect(on.status?.text).toMatch(/^Mouse on/);
		expect(reduce(on, event).articleIndex).toBe(1);
	});
});

describe('mouseAction in the reader (80x24)', () => {
	const layout: ReaderLayout = {
		signature: 'x', lineCount: 100, viewHeight: 20, complete: true,
		blocks: [{startLine: 4, endLine: 8, unsafe: [], source: 'ls\n', lang: 'sh'}],
		links: [{line: 2, column: 10, href: 'https://example.com', width: 7}],
		headings: [],
	};
	function readerState(): AppState {
		const s = libraryState();
		const opened = reduce(s, {type: 'open', slug: 'a00'});
		return reduce(opened, {type: 'layout', layout});
	}
	// Three header lines; the text starts at column `margin` (2 at 80 columns... computed by readerGeometry).
	it('the wheel scrolls three lines', () => {
		const s = mouseAction(readerState(), {kind: 'wheelDown', button: 0, x: 10, y: 10}, screen, run);
		expect(s.reader?.top).toBe(3);
	});
	it('a click on a link selects it, a second click follows it', () => {
		let s = readerState();
		const x = 10 + 2 + 3; // inside the link's text
		s = mouseAction(s, press(x, 3 + 2), screen, run);
		expect(s.reader?.selectedLink).toBe(0);
		s = mouseAction(s, press(x, 3 + 2), screen, run);
		expect(s.linkRequest?.link).toBe(0);
	});
	it('a click in a block selects it; a click on its label line copies it', () => {
		let s = readerState();
		s = mouseAction(s, press(20, 3 + 6), screen, run);
		expect(s.reader?.selectedBlock).toBe(0);
		expect(s.copyRequest).toBeNull();
		s = mouseAction(s, press(20, 3 + 4), screen, run);
		expect(s.copyRequest).toMatchObject({kind: 'block', block: 0});
	});
	it('clicks outside the text do nothing', () => {
		const s = readerState();
		expect(mouseAction(s, press(20, 0), screen, run)).toBe(s);
		expect(mouseAction(s, press(20, 23), screen, run)).toBe(s);
	});
});
