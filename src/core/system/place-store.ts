/**
 * Where the reader was in each article, which articles were read lately, and
 * which were ever opened. Losing this is an annoyance, never a failure: every
 * problem (missing, corrupt or unwritable file) leaves a working in-memory
 * store and at most a one-line `warning`.
 */
import {mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {stateDir} from './paths.js';
import {errorCode} from './errors.js';
import {sanitizeLine} from '../sanitize.js';

export interface Place {
	/** Top line / total lines, 0..1: survives a different terminal width. */
	fraction: number;
	/** ISO time it was saved. */
	at: string;
}

export interface PlaceState {
	version: 1;
	places: Record<string, Place>;
	/** Newest first. */
	recent: string[];
	/** Every slug ever opened, oldest first. */
	opened: string[];
}

export interface Timers {
	set(fn: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

export interface PlaceStoreOptions {
	/** Folder of `state.json`; defaults to `stateDir()`. */
	dir?: string;
	now?: () => Date;
	timers?: Timers;
	/** Least time between two writes, in ms. */
	writeDelay?: number;
	maxPlaces?: number;
	maxRecent?: number;
	maxOpened?: number;
}

// Looked up at call time, not import time, so a test's fake timers apply; unref'd
// so a pending write never keeps the process alive (`flush()` on exit saves it).
const realTimers: Timers = {
	set(fn, ms) {
		const t = setTimeout(fn, ms);
		t.unref?.();
		return t;
	},
	clear(handle) {
		clearTimeout(handle as ReturnType<typeof setTimeout>);
	},
};

const emptyState = (): PlaceState => ({version: 1, places: {}, recent: [], opened: []});

export class PlaceStore {
	/** One line for the status bar when something went wrong, else null. */
	warning: string | null = null;
	readonly file: string;
	// Maps, not objects: a file named `__proto__.md` is an ordinary article. Insertion
	// order is recency order: the first place is the oldest, the last opened the newest.
	private places = new Map<string, Place>();
	private recentList: string[] = [];
	private opened = new Set<string>();
	/** The pending write, boxed: a timer handle may be any value, even null. */
	private timer: {handle: unknown} | null = null;
	private dirty = false;
	private readonly now: () => Date;
	private readonly timers: Timers;
	private readonly delay: number;
	private readonly maxPlaces: number;
	private readonly maxRecent: number;
	private readonly maxOpened: number;

	constructor(options: PlaceStoreOptions = {}) {
		this.file = path.join(options.dir ?? stateDir(), 'state.json');
		this.now = options.now ?? (() => new Date());
		this.timers = options.timers ?? realTimers;
		this.delay = options.writeDelay ?? 1000;
		this.maxPlaces = options.maxPlaces ?? 2000;
		this.maxRecent = options.maxRecent ?? 50;
		this.maxOpened = options.maxOpened ?? 10_000;
	}

	/** Reads the file; never throws. Unsaved changes made before are dropped. */
	load(): this {
		this.warning = null;
		let text: string;
		try {
			text = readFileSync(this.file, 'utf8');
		} catch (error) {
			if (errorCode(error) !== 'ENOENT') this.warn(`could not read the state file ${this.file}: ${messageOf(error)}`);
			return this.adopt(emptyState());
		}
		let data: unknown;
		try {
			data = JSON.parse(text);
		} catch (error) {
			this.warn(`ignored a corrupt state file: ${this.file} (${messageOf(error)})`);
			return this.adopt(emptyState());
		}
		if (!isPlaceState(data)) {
			this.warn(`ignored a corrupt state file: ${this.file} (not an inkshelf v1 state)`);
			return this.adopt(emptyState());
		}
		return this.adopt(data);
	}

	place(slug: string): Place | undefined {
		return this.places.get(slug);
	}

	setPlace(slug: string, fraction: number): void {
		if (!Number.isFinite(fraction)) return;
		this.places.delete(slug);
		this.places.set(slug, {fraction: Math.min(1, Math.max(0, fraction)), at: this.now().toISOString()});
		dropOldest(this.places, this.maxPlaces);
		this.changed();
	}

	/** Newest first. */
	get recent(): readonly string[] {
		return this.recentList;
	}

	hasOpened(slug: string): boolean {
		return this.opened.has(slug);
	}

	/** Records an opening: moves the slug to the front of `recent`. */
	markOpened(slug: string): void {
		this.recentList = [slug, ...this.recentList.filter(s => s !== slug)].slice(0, this.maxRecent);
		this.opened.delete(slug);
		this.opened.add(slug);
		dropOldest(this.opened, this.maxOpened);
		this.changed();
	}

	/** What is saved (a copy). */
	snapshot(): PlaceState {
		const places: Record<string, Place> = {};
		// defineProperty, not assignment: `places['__proto__'] = …` would set the prototype.
		for (const [slug, p] of this.places) Object.defineProperty(places, slug, {value: {...p}, enumerable: true, writable: true, configurable: true});
		return {version: 1, places, recent: [...this.recentList], opened: [...this.opened]};
	}

	/** Writes pending changes now (on exit); never throws. */
	flush(): void {
		if (this.timer !== null) this.timers.clear(this.timer.handle);
		this.timer = null;
		if (!this.dirty) return;
		this.dirty = false;
		const tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
		try {
			mkdirSync(path.dirname(this.file), {recursive: true, mode: 0o700});
			// Temp file + rename in the same folder: a crash mid-write leaves the old file whole.
			writeFileSync(tmp, `${JSON.stringify(this.snapshot())}\n`, {mode: 0o600});
			renameSync(tmp, this.file);
		} catch (error) {
			try {
				unlinkSync(tmp);
			} catch {
				// It was never created.
			}
			this.warn(`could not save reading places to ${this.file}: ${messageOf(error)}`);
		}
	}

	private changed(): void {
		this.dirty = true;
		// One timer at a time: a burst of changes is one write, at most once per delay.
		if (this.timer === null) {
			this.timer = {
				handle: this.timers.set(() => {
					this.timer = null;
					this.flush();
				}, this.delay),
			};
		}
	}

	private adopt(s: PlaceState): this {
		const places = Object.entries(s.places).sort(([, a], [, b]) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
		this.places = new Map(places);
		dropOldest(this.places, this.maxPlaces);
		this.recentList = [...new Set(s.recent)].slice(0, this.maxRecent);
		this.opened = new Set(s.opened);
		dropOldest(this.opened, this.maxOpened);
		this.dirty = false;
		return this;
	}

	private warn(text: string): void {
		this.warning = sanitizeLine(text);
	}
}

/** Keeps the newest `max` entries of an insertion-ordered collection. */
function dropOldest(items: Map<string, unknown> | Set<string>, max: number): void {
	for (const key of items.keys()) {
		if (items.size <= max) break;
		items.delete(key);
	}
}

function isPlaceState(data: unknown): data is PlaceState {
	if (typeof data !== 'object' || data === null) return false;
	const d = data as Record<string, unknown>;
	const strings = (v: unknown): boolean => Array.isArray(v) && v.every(x => typeof x === 'string');
	if (d['version'] !== 1 || !strings(d['recent']) || !strings(d['opened'])) return false;
	const places = d['places'];
	if (typeof places !== 'object' || places === null || Array.isArray(places)) return false;
	return Object.values(places).every(p => {
		if (typeof p !== 'object' || p === null) return false;
		const {fraction, at} = p as Record<string, unknown>;
		return typeof fraction === 'number' && fraction >= 0 && fraction <= 1 && typeof at === 'string';
	});
}

function messageOf(error: unknown): string {
	const code = errorCode(error);
	const message = error instanceof Error ? error.message : String(error);
	return (code && !message.startsWith(code) ? `${code}: ${message}` : message).split('\n')[0] ?? '';
}
