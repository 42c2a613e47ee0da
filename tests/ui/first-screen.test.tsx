import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {decodeSnapshot, encodeSnapshot} from '../../src/core/index/snapshot.js';
import {decodeFirstScreen} from '../../src/core/index/first-screen.js';
import {buildIndex} from '../../src/core/shelf/catalog.js';
import {libraryGroups} from '../../src/core/shelf/groups.js';
import type {Article} from '../../src/core/shelf/index.js';
import {driveApp, tick} from '../helpers/drive-app.js';

const root = path.join(path.sep, 'shelves', 'notes');

const articles = Array.from({length: 3000}, (_, i): Article => ({
	slug: `s${i % 11}/n${i}`, path: path.join(root, `s${i % 11}`, `n${i}.md`), title: `Note ${i} on ${['tea', 'Rust', 'sql'][i % 3]}`,
	date: i % 17 === 3 ? null : `202${i % 5}-0${1 + (i % 9)}-1${i % 10}`, updated: null, categories: [`Topic ${i % 6}`], category: `Topic ${i % 6}`,
	tags: [`t${i % 23}`], authors: [], draft: i % 5 === 2, aliases: [], slugAlias: null, excerptSeparator: null, description: `What note ${i} says`, cover: '',
	readingMinutes: 1 + (i % 7), body: '', bodyLine: 3, problems: [], ...(i % 301 === 7 ? {error: 'not UTF-8'} : {}),
}));
const parts = encodeSnapshot({shelf: {root, articles, skipped: []}, ids: articles.map((_, i) => i + 1), folders: [root], vaults: []});
const groupsOf = (list: Article[]) => libraryGroups(buildIndex(list));

let apps: ReturnType<typeof driveApp>[] = [];
afterEach(() => {
	for (const app of apps) app.unmount();
	apps = [];
});

describe('a first screen drawn from stand-ins', () => {
	for (const [columns, rows, hideDrafts] of [[100, 30, false], [200, 60, false], [80, 24, true], [200, 60, true]] as const) {
		it(`is the same screen as the whole shelf's at ${columns}x${rows}${hideDrafts ? ' with drafts hidden' : ''}`, async () => {
			const first = decodeFirstScreen(n => parts[n] ?? null, root);
			const whole = decodeSnapshot(n => parts[n] ?? null, root);
			expect(first).not.toBeNull();
			const a = driveApp({groups: groupsOf(first?.shelf.articles ?? []), hideDrafts}, {columns, rows});
			const b = driveApp({groups: groupsOf(whole?.shelf.articles ?? []), hideDrafts}, {columns, rows});
			apps.push(a, b);
			// The first frame each drew at this size (later ones move with their background indexing, at its own pace).
			// Without the progress of the search's indexing, which each app runs at its own pace.
			const sized = (frames: string[]): string => (frames.find(f => f.split('\n').length === rows) ?? '').replace(/ · indexing [\d,]+\/[\d,]+/, '');
			for (let waited = 0; (!sized(a.frames) || !sized(b.frames)) && waited < 5000; waited += 20) await tick(20);
			const [mine, theirs] = [sized(a.frames), sized(b.frames)];
			expect(theirs).toContain('Note ');
			expect(Math.max(...theirs.split('\n').map(line => line.length))).toBeGreaterThan(columns - 10);
			expect(mine.split('\n')).toEqual(theirs.split('\n'));
		});
	}
});
