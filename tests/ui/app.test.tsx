import {describe, it, expect, afterEach, beforeAll} from 'vitest';
import {preloadReader} from '../../src/ui/App.js';
import {sampleGroups} from '../helpers/articles.js';
import {driveApp, tick} from '../helpers/drive-app.js';

function start(size = {columns: 80, rows: 24}, initialSlug?: string) {
	return driveApp({groups: sampleGroups(), ...(initialSlug ? {initialSlug} : {})}, size);
}

let current: ReturnType<typeof start> | undefined;
beforeAll(async () => {
	await preloadReader();
});
afterEach(() => current?.unmount());

describe('library screen', () => {
	it('lists groups with counts and articles newest first', async () => {
		const app = current = start();
		const f = await app.shows('cannot open: frontmatter never closes');
		expect(f).toContain('All');
		expect(f).toMatch(/Databases\s+1/);
		expect(f).toMatch(/# python\s+1/);
		expect(f).toContain('Python tips');
		expect(f).toContain('SQL basics');
		expect(f.indexOf('Python tips')).toBeLessThan(f.indexOf('SQL basics'));
	});

	it('moves between panes and filters by category', async () => {
		const app = current = start();
		await tick();
		await app.press('\t', 'j');           // to groups, then Databases
		await app.shows('Databases · 1');
		await app.press('\r');                // show its articles
		await app.press('\r');                // open SQL basics
		await app.shows('SELECT 1;');
	});

	it('combines pinned categories and tags, with counts for the current selection', async () => {
		const app = current = start();
		await tick();
		await app.press('\t', 'j', 'j', 'x'); // pin Programming
		await app.shows(/✓ Programming\s+1/);
		await app.shows(/Databases\s+0/);
		await app.press('j', 'j', 'x'); // and #python
		await app.shows('#python + Programming · 1');
		await app.shows(/# sql\s+0/);
		await app.press('k', 'k', 'k', 'k'); // All, within the pins
		await app.shows('All articles + Programming + #python · 1');
		await app.press('\x1b');
		await app.shows('All articles · 3');
	});

	it('shows help generated from the keymap and closes it', async () => {
		const app = current = start();
		await tick();
		await app.press('?');
		await app.shows('Next code block');
		await app.shows(/lines 1-\d+ of \d+ · j\/k scroll/);
		await app.press('G');
		await app.shows('Quit');
		await app.shows('Close the outline');
		await app.press('\x1b');
		await app.shows('All articles');
	});

	it('refuses to open a broken article with its reason', async () => {
		const app = current = start();
		await tick();
		await app.press('j', 'j', '\r');
		await app.shows('Cannot open broken: frontmatter never closes');
	});
});

describe('reader screen', () => {
	it('scrolls, selects a block and copies its exact source', async () => {
		const app = current = start();
		await tick();
		await app.press('\r');
		await app.shows('Python tips');
		await app.shows(/1\/\d+/);
		await app.press(']');
		await app.shows('[1] python');
		await app.shows('block 1/2 python');
		await app.press('y');
		await app.shows('✓ Copied block 1 (2 lines) via fake');
		expect(app.copied).toEqual(['import pandas as pd\ndf = pd.read_csv("events.csv")']);
		await app.press('2');
		await app.shows('✓ Copied block 2 (2 lines) via fake');
		expect(app.copied[1]).toBe('echo "second block"\nls -la');
		await app.shows('[2] bash');
	});

	it('pages and jumps to the end and back to the top', async () => {
		const app = current = start();
		await tick();
		await app.press('\r', 'G');
		await app.shows('End.');
		await app.shows('100%');
		await app.press('g');
		await app.shows('Intro paragraph.');
		await app.press(' ');
		await app.lacks('Intro paragraph.');
	});

	it('goes back to the library with the selection kept', async () => {
		const app = current = start();
		await tick();
		await app.press('j', '\r', 'q');
		await app.shows('All articles');
		await app.press('\r');
		await app.shows('SELECT 1;');
	});

	it('says when a numbered block does not exist', async () => {
		const app = current = start();
		await tick();
		await app.press('\r', '7');
		await app.shows('No code block 7: this article has 2');
		expect(app.copied).toEqual([]);
	});

	it('opens straight into an article: Esc goes to the library, q there quits', async () => {
		const app = current = start({columns: 80, rows: 24}, 'sql-basics');
		await tick();
		await app.shows('SELECT 1;');
		await app.press('\x1b');
		// The article just read is the one selected.
		await app.shows('▌SQL basics');
		// Opened again from the library, q goes back to it as usual.
		await app.press('\r');
		await app.shows('SELECT 1;');
		await app.press('q');
		await app.shows('All articles');
	});

	it('shows a short message when the terminal is too small', async () => {
		const app = current = start({columns: 15, rows: 4});
		await tick();
		await app.shows('enlarge');
	});
});
