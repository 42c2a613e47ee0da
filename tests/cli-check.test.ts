/**
 * `inkshelf check` through the persistent index, which keeps no bodies in
 * memory: dialect warnings (open tags and admonitions, wikilinks to no note)
 * are still found, in the files as they are on disk, with and without the
 * cache, and on a second run that reads only the cache.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {checkProgress} from '../src/commands.js';
import {ensureBuilt, runCli} from './helpers/cli.js';

const temp = (tag: string): string => mkdtempSync(path.join(tmpdir(), `inkshelf-check-${tag}-`));

function dialectShelf(): string {
	const dir = temp('shelf');
	mkdirSync(path.join(dir, 'notes'));
	writeFileSync(path.join(dir, 'notes', 'tips.md'), '---\ntitle: Tips\n---\n\nSee [[Nowhere]] and [[other]].\n\n:::tip\nA tip that is never closed.\n');
	writeFileSync(path.join(dir, 'other.md'), '---\ntitle: Other\n---\n\nA {% include card.html\n\nLater, {{< figure src="x.png"\n');
	return dir;
}

const WARNINGS = [
	'notes/tips.md:5: warning: wikilink to "Nowhere": no such article on the shelf',
	'notes/tips.md:7: warning: admonition :::tip is never closed with :::',
	'other.md:5: warning: Liquid tag {% is never closed with %}',
	'other.md:7: warning: Hugo shortcode {{< is never closed with >}}',
].map(line => `${line}\n`).join('');

beforeAll(() => ensureBuilt());

describe('check reports dialect warnings through the shelf index', () => {
	const env = (): Record<string, string> => ({XDG_CACHE_HOME: temp('cache'), XDG_CONFIG_HOME: temp('config'), XDG_STATE_HOME: temp('state')});

	it('with the cache: on the run that builds it and on the next one that reads it', () => {
		const dir = dialectShelf();
		const e = env();
		for (const run of ['first', 'cached']) {
			const r = runCli(['check', dir], {env: e});
			expect({run, status: r.status, stdout: r.stdout, stderr: r.stderr}).toEqual({run, status: 0, stdout: WARNINGS, stderr: '2 articles, none broken.\n'});
		}
	});

	it('with --no-cache', () => {
		const r = runCli(['check', '--no-cache', dialectShelf()], {env: env()});
		expect({status: r.status, stdout: r.stdout, stderr: r.stderr}).toEqual({status: 0, stdout: WARNINGS, stderr: '2 articles, none broken.\n'});
	});

	it('finds the warning in the file as it is now, after an edit since the index was made', () => {
		const dir = dialectShelf();
		const e = env();
		expect(runCli(['check', dir], {env: e}).stdout).toContain('"Nowhere"');
		writeFileSync(path.join(dir, 'other.md'), '---\ntitle: Other\n---\n\nNow closed: {{< figure src="x.png" >}} and [[Elsewhere]].\n');
		const r = runCli(['check', dir], {env: e});
		expect(r.stdout).toContain('other.md:5: warning: wikilink to "Elsewhere": no such article on the shelf\n');
		expect(r.stdout).not.toContain('Hugo shortcode');
	});
});

describe('check progress on a terminal', () => {
	afterEach(() => vi.useRealTimers());

	it('counts after a quarter of a second, at most every 100 ms, and clears its line at the end', () => {
		vi.useFakeTimers({now: 0});
		const written: string[] = [];
		const progress = checkProgress({write: s => written.push(s), isTTY: true});
		const at = (ms: number, done: number): void => {
			vi.setSystemTime(ms);
			progress?.(done, 20000);
		};
		at(0, 0);
		at(200, 10);
		at(260, 20);
		at(300, 30);
		at(400, 40);
		at(900, 20000);
		expect(written).toEqual(['\rchecking 20/20,000\x1b[K', '\rchecking 40/20,000\x1b[K', '\r\x1b[K']);
	});

	it('writes nothing where stderr is a pipe or a log, nor for a check done before it would show', () => {
		expect(checkProgress({write: () => true})).toBeUndefined();
		vi.useFakeTimers({now: 0});
		const written: string[] = [];
		const progress = checkProgress({write: s => written.push(s), isTTY: true});
		progress?.(0, 3);
		progress?.(3, 3);
		expect(written).toEqual([]);
	});
});
