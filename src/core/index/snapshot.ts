/**
 * The finished shelf kept in the index as a few JSON texts, so a second start
 * shows the library from a few reads and parses, before (and without) any
 * walk of the folder: the walk runs after the first frame and corrects it.
 * The library's order and groups are kept too (as positions), so they are
 * not sorted and grouped again: that alone cost ~0.1 s at 20,000 articles.
 */
import {buildIndex, rememberIndex, type Article, type Group, type Shelf, type ShelfIndex} from '../shelf/index.js';
import {NameTable, decodeColumns, encodeColumns, type Columns} from './snapshot-columns.js';

/** Bumped when the shape below changes; a snapshot of another shape is ignored (the walk makes a new one). */
const SHAPE = 7;

export interface Snapshot {
	shelf: Shelf;
	/** The store's id of each article, in the order of `shelf.articles`. */
	ids: number[];
	folders: string[];
	vaults: string[];
}

type Positions = {all: number[]} & Record<'categories' | 'tags' | 'authors', [string, number[]][]>;
const KINDS = {categories: 'category', tags: 'tag', authors: 'author'} as const;

/**
 * Articles in a part: parts are read and parsed one at a time, so the text of a shelf of 100,000 is
 * never in memory at once. Large enough that a part's columns (20,000 numbers: 160 KiB) are over V8's
 * largest regular object and are made in its large-object space, which a scavenge never copies: a
 * 20,000 shelf in parts of 2,000 took ~40% longer to decode (80 against 58 ms, Node 22, most of the
 * difference in garbage collection).
 */
const PART = 20000;

export interface Head {
	shape: number;
	root: string;
	skipped: Shelf['skipped'];
	count: number;
	/** The store's ids as runs of consecutive ids: [first, length, first, length...]. */
	ids: number[];
	folders: string[];
	vaults: string[];
	order: Positions;
	/** Every category, tag, author and date the parts name, by number (see snapshot-columns.ts). */
	names: string[];
	/** The part holding the articles the library's first screen shows (first-screen.ts), or 0 for none. */
	screen: number;
	/** The part holding every article's slug, in the order of the articles. */
	slugs: number;
}

/**
 * The snapshot as parts: the first holds everything but the articles, which follow PART at a time,
 * as columns; then the articles a first screen shows (first-screen.ts), when worth it, and every slug.
 */
export function encodeSnapshot(s: Snapshot): string[] {
	const at = new Map(s.shelf.articles.map((a, i) => [a, i]));
	const positions = (list: readonly Article[]): number[] => list.map(a => at.get(a) ?? -1);
	const index = buildIndex(s.shelf.articles);
	const groups = (list: Group[]): [string, number[]][] => list.map(g => [g.name, positions(g.articles)]);
	const order: Positions = {all: positions(index.all), categories: groups(index.categories), tags: groups(index.tags), authors: groups(index.authors)};
	const names = new NameTable();
	const parts: string[] = [];
	for (let i = 0; i < s.shelf.articles.length; i += PART) parts.push(JSON.stringify(encodeColumns(s.shelf.articles.slice(i, i + PART), s.shelf.root, names)));
	const screen = screenPositions(order.all, s.shelf.articles);
	if (screen) parts.push(JSON.stringify({positions: screen, columns: encodeColumns(screen.map(p => s.shelf.articles[p] as Article), s.shelf.root, names)} satisfies ScreenPart));
	parts.push(JSON.stringify(s.shelf.articles.map(a => a.slug)));
	const head: Head = {shape: SHAPE, root: s.shelf.root, skipped: s.shelf.skipped, count: s.shelf.articles.length, ids: runs(s.ids), folders: s.folders, vaults: s.vaults, order, names: names.names,
		screen: screen ? parts.length - 1 : 0, slugs: parts.length};
	return [JSON.stringify(head), ...parts];
}

/** What the first screen needs made (first-screen.ts): articles at these positions of the stored order. */
export interface ScreenPart {
	positions: number[];
	columns: Columns;
}

/** Rows a first screen can show, at most: a terminal 200 lines high, one line a row. */
const SCREEN = 200;
/** More drafts and broken articles than this, and a first screen is not worth its part. */
const EXTRA_MOST = 2000;

/**
 * Where the articles a first screen may show are in the stored order: the
 * first SCREEN in the library's order that are not drafts (`--no-drafts`
 * hides them), and every draft and broken article anywhere, since the
 * screen counts those in every group. Null when they are too many.
 */
export function screenPositions(order: readonly number[], articles: readonly Article[]): number[] | null {
	const out: number[] = [];
	let shown = 0;
	for (const p of order) {
		const a = articles[p] as Article;
		if (a.shelf !== undefined) return null; // several shelves are grouped by shelf, which a stand-in does not say
		if (shown < SCREEN) {
			out.push(p);
			if (!a.draft) shown++;
		} else if (a.draft || a.error !== undefined) {
			if (out.push(p) > SCREEN + EXTRA_MOST) return null;
		}
	}
	return out;
}

/** The snapshot read part by part (`part(n)`), or null when there is none, it is of another shape or shelf, or a part is missing or does not parse. */
export function decodeSnapshot(part: (n: number) => string | null, root: string): Snapshot | null {
	try {
		const s = readHead(part, root);
		if (!s) return null;
		const chunks: Article[][] = [];
		for (let n = 1, made = 0; made < s.count; n++) {
			const columns = part(n);
			if (columns === null) return null;
			const chunk = decodeColumns(JSON.parse(columns) as Columns, s.root, s.names);
			if (chunk.length === 0) return null;
			chunks.push(chunk);
			made += chunk.length;
		}
		const all = chunks.length === 1 ? chunks[0] as Article[] : chunks.flat();
		if (all.length !== s.count) return null;
		return snapshotOf(s, all);
	} catch {
		return null;
	}
}

/** The snapshot's first part, checked: of this shape and shelf, its ids as many as its articles. */
export function readHead(part: (n: number) => string | null, root: string): (Head & {idList: number[]}) | null {
	const text = part(0);
	if (text === null) return null;
	const s = JSON.parse(text) as Head;
	// The shape first: an older snapshot's ids are a plain list, which read as runs made 200 million ids (2 GiB) at 20,000 articles.
	if (s.shape !== SHAPE || s.root !== root) return null;
	const idList = unruns(s.ids);
	return idList.length === s.count ? {...s, idList} : null;
}

/** The snapshot of `all` (the articles in their stored order), its library order and groups made of the head's positions (which they replace). */
export function snapshotOf(s: Head & {idList: number[]}, all: Article[]): Snapshot {
	// A plain loop, not map(): this runs once per start over ~100,000 positions, before the JIT has
	// compiled anything, and a callback per position cost ~15 ms there. The parsed list of positions
	// becomes the list of articles in place: no second list of ~100,000 made before the first frame.
	const articles = (list: number[]): Article[] => {
		if (!Array.isArray(list)) throw new Error('snapshot out of step');
		const out = list as unknown as Article[];
		for (let k = 0; k < list.length; k++) {
			const a = all[list[k] as number];
			if (a === undefined) throw new Error('snapshot out of step');
			out[k] = a;
		}
		return out;
	};
	const groups = (key: keyof typeof KINDS): Group[] => s.order[key].map(([name, list]) => ({kind: KINDS[key], name, articles: articles(list)}));
	const index: ShelfIndex = {all: articles(s.order.all), categories: groups('categories'), tags: groups('tags'), authors: groups('authors')};
	rememberIndex(all, index);
	return {shelf: {root: s.root, articles: all, skipped: s.skipped}, ids: s.idList, folders: s.folders, vaults: s.vaults};
}

/** [3, 4, 5, 9] as [3, 3, 9, 1]: a shelf's ids are mostly consecutive. */
function runs(ids: readonly number[]): number[] {
	const out: number[] = [];
	let first = 0;
	let length = 0;
	for (const id of ids) {
		if (length > 0 && first + length === id) {
			length++;
			continue;
		}
		if (length > 0) out.push(first, length);
		[first, length] = [id, 1];
	}
	if (length > 0) out.push(first, length);
	return out;
}

function unruns(list: readonly number[]): number[] {
	const ids: number[] = [];
	for (let i = 0; i + 1 < list.length; i += 2) {
		const [first, length] = [list[i] as number, list[i + 1] as number];
		for (let k = 0; k < length; k++) ids.push(first + k);
	}
	return ids;
}
