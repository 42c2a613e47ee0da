import {describe, it, expect, afterEach, beforeAll} from 'vitest';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {preloadReader} from '../../src/ui/App.js';
import {PlaceStore} from '../../src/core/system/place-store.js';
import type {Group} from '../../src/core/state/reducer.js';
import {article} from '../helpers/articles.js';
import {driveApp, tick} from '../helpers/drive-app.js';


const prose = (n: number, word: string): string => Array.from({length: n}, (_, i) => `${word} line ${i + 1}.`).join('\n\n');
const guide = article('guide', {
	title: 'Deploy guide', date: '2025-05-01', category: 'Ops', tags: ['deploy'],
	body: `# Deploy guide\n\n${prose(10, 'Intro')}\n\nRead the [rollback notes](notes/rollback.md#when-to-roll-back) and [the web](https://example.com/docs).\n\n## Setup\n\n${prose(15, 'Setup')}\n\nThe flag --max-old-space-size matters.\n\n## Rollout\n\n${prose(15, 'Rollout')}\n\nAnother --max-old-space-size mention.\n`,
});
const notes = article('notes/rollback', {
	title: 'Rollback notes', date: '2025-04-01', category: 'Ops', tags: ['deploy'],
	body: `# Rollback notes\n\n${prose(20, 'Preface')}\n\n## When to roll back\n\nWhen the error rate doubles.\n\n${prose(20, 'After')}\n`,
});
const other = article('other', {title: 'Cooking pasta', date: '2025-01-01', category: 'Life', body: '# Pasta\n\nBoil water.\n'});

function groups(): Group[] {
	return [
		{kind: 'all', name: 'All', articles: [guide, notes, other]},
		{kind: 'category', name: 'Ops', articles: [guide, notes]},
		{kind: 'category', name: 'Life', articles: [other]},
	];
}

function start(options: {places?: PlaceStore; initialSlug?: string; hyperlinks?: boolean} = {}) {
	return driveApp({
		groups: groups(), places: options.places ?? null, hyperlinks: options.hyperlinks ?? false,
		...(options.initialSlug ? {initialSlug: options.initialSlug} : {}),
	});
}

let current: ReturnType<typeof start> | undefined;
beforeAll(async () => {
	await preloadReader();
});
afterEach(() => current?.unmount());

describe('searching the shelf', () => {
	it('filters as you type, opens the article at the first hit, and Esc restores the list', async () => {
		const app = current = start();
		await tick(100); // the index builds after the first frame
		await app.press('j', '/');
		await app.shows('Type to search');
		await app.press(...'max-old-space'.split(''));
		await tick(50);
		await app.shows('1 result');
		await app.shows('Deploy guide');
		await app.shows(/L\d+: .*--max-old-space-size/);
		await app.press('\r');
		await tick(50);
		await app.shows(/hit 1\/2 for "max-old-space"/);
		expect(app.frame().replace(/\x1b\[[0-9;]*m/g, '')).toContain('The flag --max-old-space-size matters.');
		await app.press('n');
		await app.shows('hit 2/2');
		await app.press('n');
		await app.shows('hit 1/2');
		await app.press('\x1b', '\x1b'); // clear the hits, then leave the article
		await app.shows('1 result');
		await app.press('\x1b');
		await app.shows('All articles');
		await app.shows(/▌.*Rollback notes/); // the selection from before the search
	});

	it('ranks an exact title first and highlights fuzzy title matches', async () => {
		const app = current = start();
		await tick(100);
		await app.press('/', ...'rollback notes'.split(''));
		const f = await app.shows(/Rollback notes[\s\S]*Deploy guide/);
		expect(f).toContain('Rollback notes');
		expect(f).toContain('Deploy guide');
		expect(f.indexOf('Rollback notes')).toBeLessThan(f.indexOf('Deploy guide'));
	});
});

describe('inside an article', () => {
	it('finds with /, counts hits, and n/N move between them', async () => {
		const app = current = start({initialSlug: 'guide'});
		await tick(50);
		await app.press('/', ...'Setup line 1'.split(''));
		await tick(50);
		await app.shows(/\/Setup line 1 .*\d+ hits/);
		await app.press('\r');
		await app.shows('hit 1/');
		await app.press('N');
		await app.shows(/hit \d+\/\d+/);
	});

	it('opens the outline with every heading and jumps to one', async () => {
		const app = current = start({initialSlug: 'guide'});
		await tick(50);
		await app.press('t');
		await tick(50);
		// The leading "# Deploy guide" repeats the title: the header shows it, the outline does not.
		await app.shows('Outline · 3 headings');
		await app.shows('Related articles');
		await app.press('j', '\r');
		await app.shows(/^\s+Rollout$/m);
		await app.shows('§ Rollout');
	});

	it('follows a link to another article at its heading, and Backspace returns to the exact place', async () => {
		const app = current = start({initialSlug: 'guide'});
		await tick(50);
		await app.press('j', 'j', 'j', '\t');
		const before = await app.shows('→ notes/rollback.md#when-to-roll-back');
		await app.press('\r');
		await tick(50);
		await app.shows('Rollback notes');
		await app.shows(/^\s+When to roll back$/m);
		await app.press('\x7f');
		await app.shows('Deploy guide\n');
		// The same lines as when the link was followed (the link itself is no longer selected).
		expect(app.frame().split('\n').slice(3, 10).map(l => l.slice(3))).toEqual(before.split('\n').slice(3, 10).map(l => l.slice(3).replace(/\x1b\[[0-9;]*m/g, '')));
	});

	it('makes web links clickable (OSC 8) where the terminal supports it, and only web links', async () => {
		const app = current = start({initialSlug: 'guide', hyperlinks: true});
		await tick(50);
		await app.press(' ');
		await app.shows('\x1b]8;;https://example.com/docs\x1b\\the web\x1b]8;;\x1b\\');
		expect(app.frame()).not.toContain('\x1b]8;;notes/');
	});

	it('opens a web link with the opener', async () => {
		const app = current = start({initialSlug: 'guide'});
		await tick(50);
		await app.press('\t', '\t', '\r');
		await tick(30);
		await app.shows('Opened https://example.com/docs');
		expect(app.opened).toEqual(['https://example.com/docs']);
		await app.shows('Opened https://example.com/docs with fake-open');
	});
});

describe('after the article', () => {
	it('lists related articles and the articles linking here, as links to follow', async () => {
		const app = current = start({initialSlug: 'notes/rollback'});
		await tick(50);
		await app.press('G');
		const f = await app.shows('Linking here');
		expect(f).toContain('Related articles');
		expect(f).toMatch(/Deploy guide — #deploy/);
		expect(f).not.toContain('guide.md');
		expect(f).toContain('Linking here');
		await app.press('\x1b[Z', '\r'); // Shift-Tab: the last link on the page
		await tick(50);
		await app.shows('Deploy guide');
		await app.shows('Intro line 1.');
	});
});

describe('remembered place', () => {
	it('reopens an article where it was left, across restarts, and lists it as recently read', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-places-'));
		const first = current = start({places: new PlaceStore({dir}).load()});
		await tick(50);
		await first.press('j', '\r');
		await first.shows('Preface line 1.');
		await first.press(' ', ' ');
		// The first line of text on screen (a blank line would match any frame).
		const firstText = (frame: string): string | undefined => frame.split('\n').slice(3).find(l => l.trim() !== '');
		const seen = firstText(await first.shows(/% · (3[0-9]|[4-9][0-9])\//));
		expect(seen).toMatch(/line \d+/);
		await first.press('q');
		await first.shows('All articles');
		await first.press('q'); // quitting saves
		await tick(100);
		first.unmount();

		const store = new PlaceStore({dir}).load();
		expect(store.recent).toEqual(['notes/rollback']);
		const second = current = start({places: store});
		await tick(50);
		await second.shows(/Recently read\s+1/);
		await second.shows(/● Deploy guide/); // never opened
		expect(second.frame()).not.toMatch(/● Rollback notes/);
		await second.press('j', '\r');
		await second.shows('Back where you left off');
		await second.shows(seen ?? '');
		expect(firstText(second.frame())).toBe(seen);
		await second.press('g');
		await second.shows('Preface line 1.');
	});
});
