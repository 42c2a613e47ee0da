import {afterEach, describe, expect, it} from 'vitest';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Group} from '../../src/core/state/reducer.js';
import {article} from '../helpers/articles.js';
import {driveApp} from '../helpers/drive-app.js';

const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-wide-'));
writeFileSync(path.join(dir, 'chart.png'), 'not really a png');

const first = article('first', {
	title: 'First article', date: '2025-05-02', path: path.join(dir, 'first.md'), cover: 'chart.png',
	body: '# First article\n\nThe opening words of the first article.\n\n![A chart of things](chart.png)\n\n![Gone](missing.png)\n',
});
const second = article('second', {title: 'Second article', date: '2025-05-01', body: '# Second article\n\nSecond opening words.\n'});
const groups = (): Group[] => [{kind: 'all', name: 'All', articles: [first, second]}];

let current: ReturnType<typeof driveApp> | undefined;
afterEach(() => {
	current?.unmount();
	current = undefined;
});

describe('wide screens', () => {
	it("at 200 columns the selected article's first screen shows beside the list, and follows the selection", async () => {
		current = driveApp({groups: groups()}, {columns: 200, rows: 40});
		await current.shows('The opening words of the first article.');
		await current.press('j');
		const f = await current.shows('Second opening words.');
		expect(f).not.toContain('The opening words of the first article.');
		// Going back shows the first one again (drawn once, kept).
		await current.press('k');
		await current.shows('The opening words of the first article.');
	});

	it('at 80 columns there is no preview', async () => {
		current = driveApp({groups: groups()}, {columns: 80, rows: 24});
		await current.shows('First article');
		await new Promise(r => setTimeout(r, 300));
		expect(current.frame()).not.toContain('The opening words');
	});
});

describe('images', () => {
	it('cover and images are labelled lines; Tab selects one, Enter opens it with the system opener', async () => {
		current = driveApp({groups: groups(), initialSlug: 'first'});
		const f = await current.shows('▣ A chart of things · chart.png');
		expect(f).toContain('▣ Cover image · chart.png');
		await current.press('\t');
		await current.shows('(Enter opens the image)');
		await current.press('\r');
		await current.shows('Opened chart.png with fake-open');
		expect(current.opened).toEqual([`file://${path.join(dir, 'chart.png')}`]);
	});

	it('a missing image says so and opens nothing', async () => {
		current = driveApp({groups: groups(), initialSlug: 'first'});
		await current.shows('▣ Gone · missing.png');
		await current.press('\t', '\t', '\t', '\r');
		await current.shows('Not opened: image not found: missing.png');
		expect(current.opened).toEqual([]);
	});
});

process.on('exit', () => rmSync(dir, {recursive: true, force: true}));
