import React from 'react';
import {describe, it, expect, afterEach, beforeAll} from 'vitest';
import {render} from 'ink-testing-library';
import {App, preloadReader} from '../../src/ui/App.js';
import {makeStyles} from '../../src/core/render/styles.js';
import type {CopyResult} from '../../src/core/clipboard.js';
import {sampleGroups} from '../helpers/articles.js';

const tick = (ms = 15): Promise<void> => new Promise(r => setTimeout(r, ms));

function start(size = {columns: 80, rows: 24}, initialSlug?: string) {
	const copied: string[] = [];
	const copy = async (text: string): Promise<CopyResult> => {
		copied.push(text);
		return {ok: true, routes: ['fake'], tried: [], message: 'sent via fake'};
	};
	const r = render(<App groups={sampleGroups()} title="test shelf" styles={makeStyles(0)} copy={copy} {...(initialSlug ? {initialSlug} : {})} />);
	Object.defineProperty(r.stdout, 'columns', {value: size.columns, configurable: true});
	Object.defineProperty(r.stdout, 'rows', {value: size.rows, configurable: true});
	r.stdout.emit('resize');
	const press = async (...keys: string[]): Promise<void> => {
		for (const k of keys) {
			r.stdin.write(k);
			await tick(k === '\x1b' ? 40 : 15);
		}
	};
	return {...r, copied, press, frame: (): string => r.lastFrame() ?? ''};
}

let current: ReturnType<typeof start> | undefined;
beforeAll(async () => {
	await preloadReader();
});
afterEach(() => current?.unmount());

describe('library screen', () => {
	it('lists groups with counts and articles newest first', async () => {
		const app = current = start();
		await tick();
		const f = app.frame();
		expect(f).toContain('All');
		expect(f).toMatch(/Databases\s+1/);
		expect(f).toMatch(/# python\s+1/);
		expect(f.indexOf('Python tips')).toBeLessThan(f.indexOf('SQL basics'));
		expect(f).toContain('cannot open: frontmatter never closes');
	});

	it('moves between panes and filters by category', async () => {
		const app = current = start();
		await tick();
		await app.press('\t', 'j');           // to groups, then Databases
		expect(app.frame()).toContain('Databases · 1');
		await app.press('\r');                // show its articles
		await app.press('\r');                // open SQL basics
		expect(app.frame()).toContain('SELECT 1;');
	});

	it('combines pinned categories and tags, with counts for the current selection', async () => {
		const app = current = start();
		await tick();
		await app.press('\t', 'j', 'j', 'x'); // pin Programming
		expect(app.frame()).toMatch(/✓ Programming\s+1/);
		expect(app.frame()).toMatch(/Databases\s+0/);
		await app.press('j', 'j', 'x'); // and #python
		expect(app.frame()).toContain('#python + Programming · 1');
		expect(app.frame()).toMatch(/# sql\s+0/);
		await app.press('k', 'k', 'k', 'k'); // All, within the pins
		expect(app.frame()).toContain('All articles + Programming + #python · 1');
		await app.press('\x1b');
		expect(app.frame()).toContain('All articles · 3');
	});

	it('shows help generated from the keymap and closes it', async () => {
		const app = current = start();
		await tick();
		await app.press('?');
		expect(app.frame()).toContain('Next code block');
		await app.press('\x1b');
		expect(app.frame()).toContain('All articles');
	});

	it('refuses to open a broken article with its reason', async () => {
		const app = current = start();
		await tick();
		await app.press('j', 'j', '\r');
		expect(app.frame()).toContain('Cannot open broken: frontmatter never closes');
	});
});

describe('reader screen', () => {
	it('scrolls, selects a block and copies its exact source', async () => {
		const app = current = start();
		await tick();
		await app.press('\r');
		expect(app.frame()).toContain('Python tips');
		expect(app.frame()).toMatch(/1\/\d+/);
		await app.press(']');
		expect(app.frame()).toContain('[1] python');
		expect(app.frame()).toContain('block 1/2 python');
		await app.press('y');
		await tick(30);
		expect(app.copied).toEqual(['import pandas as pd\ndf = pd.read_csv("events.csv")']);
		expect(app.frame()).toContain('✓ Copied block 1 (2 lines) via fake');
		await app.press('2');
		await tick(30);
		expect(app.copied[1]).toBe('echo "second block"\nls -la');
		expect(app.frame()).toContain('[2] bash');
	});

	it('pages and jumps to the end and back to the top', async () => {
		const app = current = start();
		await tick();
		await app.press('\r', 'G');
		expect(app.frame()).toContain('End.');
		expect(app.frame()).toContain('100%');
		await app.press('g');
		expect(app.frame()).toContain('Intro paragraph.');
		await app.press(' ');
		expect(app.frame()).not.toContain('Intro paragraph.');
	});

	it('goes back to the library with the selection kept', async () => {
		const app = current = start();
		await tick();
		await app.press('j', '\r', 'q');
		expect(app.frame()).toContain('All articles');
		await app.press('\r');
		expect(app.frame()).toContain('SELECT 1;');
	});

	it('says when a numbered block does not exist', async () => {
		const app = current = start();
		await tick();
		await app.press('\r', '7');
		expect(app.frame()).toContain('No code block 7: this article has 2');
		expect(app.copied).toEqual([]);
	});

	it('opens straight into an article and q returns to the library', async () => {
		const app = current = start({columns: 80, rows: 24}, 'sql-basics');
		await tick();
		expect(app.frame()).toContain('SELECT 1;');
		await app.press('q');
		expect(app.frame()).toContain('All articles');
	});

	it('shows a short message when the terminal is too small', async () => {
		const app = current = start({columns: 15, rows: 4});
		await tick();
		expect(app.frame()).toContain('enlarge');
	});
});
