import {chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {PlaceStore, type Timers} from '../../src/core/system/place-store.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-state-'));
});
afterEach(() => {
	vi.useRealTimers();
	chmodSync(dir, 0o700);
	rmSync(dir, {recursive: true, force: true});
});

/** A clock and timers the test moves by hand. */
function fakeTime(): {now: () => Date; timers: Timers; advance: (ms: number) => void} {
	let t = Date.UTC(2025, 0, 1);
	let pending: {at: number; fn: () => void; id: number}[] = [];
	let nextId = 0;
	return {
		now: () => new Date(t),
		timers: {
			set: (fn, ms) => {
				pending.push({at: t + ms, fn, id: ++nextId});
				return nextId;
			},
			clear: id => {
				pending = pending.filter(p => p.id !== id);
			},
		},
		advance(ms) {
			t += ms;
			const due = pending.filter(p => p.at <= t);
			pending = pending.filter(p => p.at > t);
			for (const p of due) p.fn();
		},
	};
}

const stateFile = (): string => path.join(dir, 'state.json');
const saved = (): unknown => JSON.parse(readFileSync(stateFile(), 'utf8'));

describe('PlaceStore', () => {
	it('starts empty without a file, and without a warning', () => {
		const store = new PlaceStore({dir}).load();
		expect([store.warning, store.recent, store.place('a'), store.hasOpened('a')]).toEqual([null, [], undefined, false]);
	});

	it('round-trips places, recent and opened through the file', () => {
		const time = fakeTime();
		const store = new PlaceStore({dir, now: time.now, timers: time.timers}).load();
		store.markOpened('a');
		store.setPlace('a', 0.25);
		store.markOpened('b');
		store.markOpened('a');
		store.setPlace('b', 1.5);
		store.flush();
		expect(saved()).toEqual({
			version: 1,
			places: {a: {fraction: 0.25, at: '2025-01-01T00:00:00.000Z'}, b: {fraction: 1, at: '2025-01-01T00:00:00.000Z'}},
			recent: ['a', 'b'],
			opened: ['b', 'a'],
		});
		const again = new PlaceStore({dir}).load();
		expect(again.place('a')?.fraction).toBe(0.25);
		expect(again.recent).toEqual(['a', 'b']);
		expect([again.hasOpened('a'), again.hasOpened('b'), again.hasOpened('c')]).toEqual([true, true, false]);
		expect(again.warning).toBeNull();
	});

	it('treats odd slugs as data', () => {
		const store = new PlaceStore({dir}).load();
		store.setPlace('__proto__', 0.5);
		store.markOpened('constructor');
		store.flush();
		const again = new PlaceStore({dir}).load();
		expect(again.place('__proto__')?.fraction).toBe(0.5);
		expect(again.place('toString')).toBeUndefined();
		expect(again.hasOpened('constructor')).toBe(true);
	});

	it('writes atomically: a temp file renamed into place, none left behind', () => {
		const store = new PlaceStore({dir}).load();
		for (let i = 0; i < 5; i++) {
			store.setPlace(`s${i}`, i / 10);
			store.flush();
		}
		expect(readdirSync(dir)).toEqual(['state.json']);
	});

	it('writes at most once per second; the last state wins', () => {
		vi.useFakeTimers({now: Date.UTC(2025, 0, 1)});
		const store = new PlaceStore({dir}).load();
		store.setPlace('a', 0.1);
		store.setPlace('a', 0.2);
		expect(readdirSync(dir)).toEqual([]);
		vi.advanceTimersByTime(999);
		expect(readdirSync(dir)).toEqual([]);
		store.setPlace('a', 0.3);
		vi.advanceTimersByTime(1);
		expect((saved() as {places: {a: {fraction: number}}}).places.a.fraction).toBe(0.3);
		store.setPlace('a', 0.4);
		vi.advanceTimersByTime(500);
		expect((saved() as {places: {a: {fraction: number}}}).places.a.fraction).toBe(0.3);
		vi.advanceTimersByTime(500);
		expect((saved() as {places: {a: {fraction: number}}}).places.a.fraction).toBe(0.4);
	});

	it('flush() writes at once and cancels the pending write', () => {
		const time = fakeTime();
		let writes = 0;
		const store = new PlaceStore({dir, now: time.now, timers: time.timers}).load();
		store.setPlace('a', 0.5);
		store.flush();
		writes += readdirSync(dir).length;
		rmSync(stateFile());
		time.advance(2000);
		expect(writes).toBe(1);
		expect(readdirSync(dir)).toEqual([]);
		store.flush();
		expect(readdirSync(dir)).toEqual([]);
	});

	it.each([
		['not JSON', '{"version": 1, "places": {', /^ignored a corrupt state file: .*state\.json \(.+\)$/],
		['the wrong shape', '{"version": 1, "places": [], "recent": [], "opened": []}', /^ignored a corrupt state file: .*not an inkshelf v1 state/],
		['another version', '{"version": 2, "places": {}, "recent": [], "opened": []}', /not an inkshelf v1 state/],
		['a bad fraction', '{"version": 1, "places": {"a": {"fraction": "x", "at": ""}}, "recent": [], "opened": []}', /not an inkshelf v1 state/],
		['a bad list', '{"version": 1, "places": {}, "recent": [1], "opened": []}', /not an inkshelf v1 state/],
		['null', 'null', /not an inkshelf v1 state/],
	])('ignores a file with %s, with a one-line warning', (_, text, warning) => {
		writeFileSync(stateFile(), text);
		const store = new PlaceStore({dir}).load();
		expect(store.warning).toMatch(warning);
		expect(store.warning).not.toContain('\n');
		expect([store.recent, store.place('a')]).toEqual([[], undefined]);
		store.markOpened('x');
		store.flush();
		expect((saved() as {recent: string[]}).recent).toEqual(['x']);
	});

	it('keeps working in memory when the folder cannot be written', () => {
		// Root ignores permissions, so the unwritable place is a folder under a regular file.
		const file = path.join(dir, 'a-file');
		writeFileSync(file, '');
		const store = new PlaceStore({dir: path.join(file, 'inkshelf')}).load();
		expect(store.warning).toMatch(/^could not read the state file .*ENOTDIR/);
		store.setPlace('a', 0.5);
		store.markOpened('a');
		store.flush();
		expect(store.warning).toMatch(/^could not save reading places to .*: (ENOTDIR|EEXIST)/);
		expect([store.place('a')?.fraction, store.recent]).toEqual([0.5, ['a']]);
	});

	it.skipIf(process.getuid?.() === 0)('keeps working when the folder is read-only (chmod 500)', () => {
		const ro = path.join(dir, 'ro');
		mkdirSync(ro);
		chmodSync(ro, 0o500);
		const store = new PlaceStore({dir: ro}).load();
		store.setPlace('a', 0.5);
		store.flush();
		expect(store.warning).toMatch(/^could not save reading places to .*EACCES/);
		expect(store.place('a')?.fraction).toBe(0.5);
		expect(readdirSync(ro)).toEqual([]);
	});

	it('caps places (oldest dropped), recent (50) and opened', () => {
		const time = fakeTime();
		const store = new PlaceStore({dir, now: time.now, timers: time.timers, maxPlaces: 3, maxOpened: 4}).load();
		for (const slug of ['a', 'b', 'c', 'd']) {
			store.setPlace(slug, 0.5);
			time.advance(10);
		}
		store.setPlace('b', 0.7);
		store.setPlace('e', 0.1);
		expect(['a', 'b', 'c', 'd', 'e'].map(s => store.place(s) !== undefined)).toEqual([false, true, false, true, true]);
		for (let i = 0; i < 60; i++) store.markOpened(`s${i}`);
		expect(store.recent).toHaveLength(50);
		expect(store.recent[0]).toBe('s59');
		expect(['s55', 's56', 's59'].map(s => store.hasOpened(s))).toEqual([false, true, true]);
		store.flush();
		const big = new PlaceStore({dir, maxPlaces: 2}).load();
		// b was moved after d when it was set again.
		expect(Object.keys(big.snapshot().places)).toEqual(['b', 'e']);
	});
});
