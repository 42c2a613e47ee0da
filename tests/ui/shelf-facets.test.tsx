import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {preloadReader} from '../../src/ui/App.js';
import {buildIndex, libraryGroups} from '../../src/core/shelf/index.js';
import {loadShelf} from '../../src/core/shelf/loader.js';
import type {Group} from '../../src/core/state/reducer.js';
import {driveApp} from '../helpers/drive-app.js';

let current: ReturnType<typeof driveApp> | undefined;
beforeAll(async () => {
	await preloadReader();
});
afterEach(() => current?.unmount());

const groupsFor = async (fixture: string): Promise<Group[]> => libraryGroups(buildIndex((await loadShelf(`tests/fixtures/dialects/${fixture}`)).articles));

/** Moves the highlight in the groups pane to the group named `name`. */
async function goToGroup(app: ReturnType<typeof driveApp>, groups: Group[], kind: Group['kind'], name: string): Promise<void> {
	const index = groups.findIndex(g => g.kind === kind && g.name === name);
	expect(index).toBeGreaterThan(0);
	await app.press('h', ...Array.from({length: index}, () => 'j'), '\r');
}

describe('authors, spellings and several categories in the library', () => {
	it('shows one group per category and author whatever the case, with counts, and authors in rows', async () => {
		const groups = await groupsFor('mixed');
		const app = current = driveApp({groups}, {columns: 100, rows: 30});
		const frame = await app.shows('@ Ida Crumb');
		expect(frame).toMatch(/▪ Kitchen\s+3/);
		expect(frame).not.toMatch(/▪ (kitchen|KITCHEN)\b/);
		expect(frame).toMatch(/@ Ida Crumb\s+2/);
		expect(frame).toMatch(/# bread\s+3/);
		// An article in two categories shows both in its row.
		expect(frame).toContain('KITCHEN, Preserving');
		await goToGroup(app, groups, 'author', 'Ida Crumb');
		const byIda = await app.shows('by Ida Crumb · 2');
		expect(byIda).toContain('Sourdough Basics');
		expect(byIda).toContain('Winter Soup');
		expect(byIda).not.toContain('Quick Pickles');
		expect(byIda).toMatch(/by ida crumb · kitchen/);
	});

	it('counts an article in both of its categories', async () => {
		const groups = await groupsFor('mixed');
		const app = current = driveApp({groups}, {columns: 100, rows: 30});
		await goToGroup(app, groups, 'category', 'Preserving');
		const frame = await app.shows('Preserving · 1');
		expect(frame).toContain('Quick Pickles');
	});

	it('shows the authors in the reader header', async () => {
		const groups = await groupsFor('docusaurus');
		const app = current = driveApp({groups, initialSlug: 'blog/2021-08-26-welcome'});
		const frame = await app.shows('Welcome to the Atlas Blog');
		expect(frame).toContain('by Wren Atlas, Tomás Fjord');
	});

	it('has no author group on a shelf without authors', async () => {
		const groups = await groupsFor('obsidian');
		const app = current = driveApp({groups});
		const frame = await app.shows('# garden');
		expect(frame).not.toContain('@ ');
	});
});

describe('drafts', () => {
	it('marks drafts, and d hides and shows them again', async () => {
		const groups = await groupsFor('jekyll');
		const app = current = driveApp({groups}, {columns: 100, rows: 30});
		const frame = await app.shows('[draft] The Steam Whistle Idea');
		expect(frame).toContain('[draft] An Unpublished Note');
		expect(frame).toContain('All articles · 4');
		await app.press('d');
		const hidden = await app.shows('Drafts hidden');
		expect(hidden).toContain('All articles · 2');
		expect(hidden).not.toContain('[draft]');
		expect(hidden).toContain('Kettle 2.0 Released');
		await app.press('d');
		await app.shows('Drafts shown');
		expect(app.frame()).toContain('[draft] The Steam Whistle Idea');
	});

	it('starts with drafts hidden when asked (--no-drafts), and the reader marks a draft', async () => {
		const groups = await groupsFor('hugo');
		const app = current = driveApp({groups, hideDrafts: true}, {columns: 100, rows: 30});
		const frame = await app.shows('Reading Tide Tables');
		expect(frame).not.toContain('Lighthouse Keeping');
		await app.press('d');
		await app.shows('[draft] Lighthouse Keeping');
		// Newest first: Tide Tables, then the draft.
		await app.press('g', 'j', '\r');
		const reader = await app.shows('draft · 2022-06-30 · by Mara Quay · History');
		expect(reader).toContain('Lighthouse Keeping');
	});
});
