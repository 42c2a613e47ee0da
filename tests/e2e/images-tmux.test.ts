/**
 * Inside tmux, images stay labelled lines: inkshelf does not even ask the
 * terminal about graphics there (tmux does not carry image placements), so
 * no room is left under an image's label and nothing is drawn, at 80x24 and
 * 200x60. The cover comes first, and Enter on an image line opens it.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {deflateSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI, ensureBuilt} from '../helpers/cli.js';
import {HAS_TMUX, Tmux, screenProblems, shellQuote} from '../helpers/tmux.js';

/** A 1x1 PNG (a real one: its header reads). */
function tinyPng(): Buffer {
	const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
	const chunk = (type: string, data: Buffer): Buffer => Buffer.concat([Buffer.from([0, 0, 0, data.length]), Buffer.from(type), data, Buffer.alloc(4)]);
	return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}

const ARTICLE = `---
title: With pictures
date: 2026-01-05
cover: pics/cover.png
---

Words before the picture.

![A red dot](pics/dot.png)

Words after the picture.
`;

describe.skipIf(!HAS_TMUX)('images inside tmux', () => {
	let shelf = '';
	beforeAll(() => {
		ensureBuilt();
		shelf = mkdtempSync(path.join(tmpdir(), 'inkshelf-images-'));
		mkdirSync(path.join(shelf, 'pics'));
		writeFileSync(path.join(shelf, 'pics', 'cover.png'), tinyPng());
		writeFileSync(path.join(shelf, 'pics', 'dot.png'), tinyPng());
		writeFileSync(path.join(shelf, 'pictures.md'), ARTICLE);
	});
	afterAll(() => {
		if (shelf) rmSync(shelf, {recursive: true, force: true});
	});

	it.each([[80, 24], [200, 60]])('at %ix%i: the cover and the image are labelled lines, with no room left for a picture', async (width, height) => {
		const tmux = Tmux.start(`inkshelf-images-${width}-${process.pid}`, {width, height});
		try {
			await tmux.runInShell([process.execPath, CLI, 'read', 'pictures', shelf].map(shellQuote).join(' '));
			const screen = await tmux.waitFor(s => s.includes('Words after the picture.'));
			expect(screenProblems(screen, {width})).toEqual([]);
			const lines = screen.split('\n').map(l => l.trim());
			const cover = lines.findIndex(l => l.includes('▣ Cover image · pics/cover.png'));
			const before = lines.indexOf('Words before the picture.');
			const label = lines.findIndex(l => l.includes('▣ A red dot · pics/dot.png'));
			const after = lines.indexOf('Words after the picture.');
			expect(cover).toBeGreaterThanOrEqual(0);
			expect(cover).toBeLessThan(before);
			// One blank line between blocks: no rows kept for a picture under the label.
			expect([label - before, after - label]).toEqual([2, 2]);
			expect(screen).not.toContain('not drawn');
			await tmux.key('q');
			expect(await tmux.waitForExit()).toBe(0);
		} finally {
			tmux.kill();
		}
	}, 60_000);
});
