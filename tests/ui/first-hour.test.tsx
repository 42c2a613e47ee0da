import {describe, it, expect, afterEach, beforeAll} from 'vitest';
import React from 'react';
import {App, preloadReader} from '../../src/ui/App.js';
import {makeStyles} from '../../src/core/render/styles.js';
import type {Group} from '../../src/core/state/reducer.js';
import {article} from '../helpers/articles.js';
import {driveApp} from '../helpers/drive-app.js';

/** A post that opens with its own title as `# heading`, as most blogs write them. */
const recap = article('2026/winter-meetup-recap', {
	title: 'Winter Meetup 2026: A Recap', date: '2026-02-01', category: 'Events', tags: ['meetup'],
	body: '# Winter meetup 2026 — a recap!\n\nThe opening paragraph of the recap.\n\n## Talks\n\nThanks to [Ann Example](https://www.github.com/ann-example), [Bo](https://twitter.com/bo), '
		+ '[the schedule](https://meetup.example.org/2026/schedule), [last year](2025/recap.md) and [https://sponsor.example](https://tracker.example/click).\n',
});
const undescribed = (n: number) => article(`notes/note-${n}`, {title: `Note ${n}`, date: `2024-12-${String(n).padStart(2, '0')}`, category: 'Notes'});

function groupsOf(articles: ReturnType<typeof article>[]): Group[] {
	return [{kind: 'all', name: 'All', articles}];
}

let current: ReturnType<typeof driveApp> | undefined;
beforeAll(async () => {
	await preloadReader();
});
afterEach(() => current?.unmount());

describe('the reader, first hour', () => {
	it('does not repeat a leading title heading, and shows links as text and host', async () => {
		const app = current = driveApp({groups: groupsOf([recap]), initialSlug: recap.slug}, {columns: 200, rows: 30});
		const f = await app.shows('The opening paragraph of the recap.');
		expect(f).toContain(' Winter Meetup 2026: A Recap');
		expect(f).not.toMatch(/Winter meetup 2026 — a recap!/);
		expect(f).not.toContain('═');
		const prose = f.replace(/\n\s+/g, ' ');
		expect(prose).toContain('Thanks to Ann Example [github.com], Bo [twitter.com], the schedule [meetup.example.org], last year and https://sponsor.example [tracker.example].');
		expect(f).not.toContain('https://www.github.com');
		// Tab selects a link: the full address shows in the status line.
		await app.press('\t');
		await app.shows('→ https://www.github.com/ann-example  (Enter follows)');
	});

	it('makes the link text clickable with OSC 8 and keeps the host beside it', async () => {
		const app = current = driveApp({groups: groupsOf([recap]), initialSlug: recap.slug, hyperlinks: true}, {columns: 200, rows: 30});
		const f = await app.shows('Thanks to');
		expect(f).toContain('\x1b]8;;https://www.github.com/ann-example\x1b\\Ann Example\x1b]8;;\x1b\\ [github.com]');
		expect(f).toContain('\x1b]8;;https://tracker.example/click\x1b\\https://sponsor.example\x1b]8;;\x1b\\ [tracker.example]');
	});
});

describe('the library, first hour', () => {
	it('says "1 article" for a folder with one, and gives rows only the lines they need', async () => {
		const app = current = driveApp({groups: groupsOf([undescribed(1)])}, {columns: 200, rows: 60});
		const f = await app.shows('Note 1');
		expect(f).toContain('· 1 article');
		expect(f).not.toMatch(/\b1 articles\b/);
		const lines = f.split('\n');
		const title = lines.findIndex(l => l.includes('Note 1'));
		expect(lines[title + 1]).toContain('2024-12-01 · Notes · 1 min');
	});

	it('packs rows without a description: two lines each, no blank lines between them', async () => {
		// Newest first, as the catalog hands them over.
		const notes = Array.from({length: 30}, (_, i) => undescribed(30 - i));
		const withDescription = article('described', {title: 'Described', date: '2025-03-01', description: 'A line about it.'});
		const app = current = driveApp({groups: groupsOf([withDescription, ...notes])}, {columns: 200, rows: 60});
		// At 60 rows: 57 list lines hold the described row (3), 26 two-line rows and the position line.
		const f = await app.shows(/Note 5\s*$/m);
		const lines = f.split('\n');
		const at = (t: string): number => lines.findIndex(l => l.includes(t));
		expect(lines[at('Described') + 2]).toContain('A line about it.');
		expect(at('Note 30')).toBe(at('Described') + 3);
		expect(at('Note 29')).toBe(at('Note 30') + 2);
		expect(f).not.toMatch(/Note 4\s*$/m);
		expect(f).toContain('↓ 1/31');
	});
});

describe('a file first, its folder later', () => {
	it('fills the library when the folder arrives, keeping the article selected', async () => {
		const file = undescribed(3);
		const first = groupsOf([file]);
		const app = current = driveApp({groups: first, initialSlug: file.slug}, {columns: 100, rows: 30});
		await app.shows(' Note 3');
		await app.press('\x1b');
		await app.shows('· 1 article');
		const folder = groupsOf([undescribed(5), undescribed(4), file, undescribed(2)]);
		app.rerender(<App title="test shelf" styles={makeStyles(0)} copy={async () => ({ok: true, routes: [], tried: [], message: ''})} groups={folder} initialSlug={file.slug} />);
		const f = await app.shows('· 4 articles');
		expect(f).toContain('▌Note 3');
		expect(f).toContain('Note 5');
	});
});

describe('the library, first hour', () => {
	it('shows a markdown description as the text it stands for (a Hugo site writes `*forward* facilitates…`)', async () => {
		const plugin = article('plugins/forward', {title: 'forward', description: '*forward* facilitates **proxying** DNS to `upstream` [resolvers](https://example.org)'});
		const app = current = driveApp({groups: groupsOf([plugin])}, {columns: 120, rows: 20});
		const f = await app.shows('forward facilitates proxying DNS to upstream resolvers');
		expect(f).not.toContain('*forward*');
	});
});
