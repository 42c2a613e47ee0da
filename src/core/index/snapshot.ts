/**
 * The finished shelf kept in the index as one JSON text, so a second start
 * shows the library from one read and one parse, before (and without) any
 * walk of the folder: the walk runs after the first frame and corrects it.
 * The library's order and groups are kept too (as positions), so they are
 * not sorted and grouped again: that alone cost ~0.1 s at 20,000 articles.
 */
import {buildIndex, rememberIndex, type Article, type Group, type Shelf, type ShelfIndex} from '../shelf/index.js';

/** Bumped when the shape below changes; a snapshot of another shape is ignored (the walk makes a new one). */
const SHAPE = 4;

export interface Snapshot {
	shelf: Shelf;
	/** The store's id of each article, in the order of `shelf.articles`. */
	ids: number[];
	folders: string[];
	vaults: string[];
}

type Positions = {all: number[]} & Record<'categories' | 'tags' | 'authors', [string, number[]][]>;
// Typed as a mutable list because Article says so; frozen, so a change would throw rather than spread to every article.
const NONE = Object.freeze([]) as unknown as never[];
const KINDS = {categories: 'category', tags: 'tag', authors: 'author'} as const;

/** Articles in a part: parts are read and parsed one at a time, so the text of the whole shelf is never in memory at once. */
const PART = 2000;

/** The snapshot as parts: the first holds everything but the articles, which follow PART at a time. */
export function encodeSnapshot(s: Snapshot): string[] {
	// Bodies are never kept (the index's articles have ''). Whole objects, body included, not rows of
	// values: V8 parses many objects of one shape faster than arrays of mixed values, and adding
	// `body` after parsing would change every object's shape.
	const articles = s.shelf.articles.map(a => (a.body === '' ? a : {...a, body: ''}));
	const at = new Map(s.shelf.articles.map((a, i) => [a, i]));
	const positions = (list: readonly Article[]): number[] => list.map(a => at.get(a) ?? -1);
	const index = buildIndex(s.shelf.articles);
	const groups = (list: Group[]): [string, number[]][] => list.map(g => [g.name, positions(g.articles)]);
	const order: Positions = {all: positions(index.all), categories: groups(index.categories), tags: groups(index.tags), authors: groups(index.authors)};
	const parts = [JSON.stringify({shape: SHAPE, root: s.shelf.root, skipped: s.shelf.skipped, count: articles.length, ids: s.ids, folders: s.folders, vaults: s.vaults, order})];
	for (let i = 0; i < articles.length; i += PART) parts.push(JSON.stringify(articles.slice(i, i + PART)));
	return parts;
}

/** The snapshot read part by part (`part(n)`), or null when there is none, it is of another shape or shelf, or a part is missing or does not parse. */
export function decodeSnapshot(part: (n: number) => string | null, root: string): Snapshot | null {
	try {
		const head = part(0);
		if (head === null) return null;
		const s = JSON.parse(head) as {shape: number; root: string; skipped: Shelf['skipped']; count: number; ids: number[]; folders: string[]; vaults: string[]; order: Positions};
		if (s.shape !== SHAPE || s.root !== root || s.ids?.length !== s.count) return null;
		const all: Article[] = [];
		// JSON gives each article its own copy of "Databases" and "testing": one copy each is enough.
		const names = new Map<string, string>();
		const one = (name: string): string => names.get(name) ?? (names.set(name, name), name);
		for (let n = 1; all.length < s.count; n++) {
			const text = part(n);
			if (text === null) return null;
			for (const a of JSON.parse(text) as Article[]) {
				a.category = one(a.category);
				for (const list of [a.categories, a.tags, a.authors]) list.forEach((name, i) => (list[i] = one(name)));
				// Most articles have no aliases, authors or problems: one empty list (frozen: nothing adds to an article's lists) serves them all.
				if (a.aliases.length === 0) a.aliases = NONE;
				if (a.authors.length === 0) a.authors = NONE;
				if (a.problems.length === 0) a.problems = NONE;
				all.push(a);
			}
		}
		const articles = (list: number[]): Article[] => list.map(i => {
			const a = all[i];
			if (!a) throw new Error('snapshot out of step');
			return a;
		});
		const groups = (key: keyof typeof KINDS): Group[] => s.order[key].map(([name, list]) => ({kind: KINDS[key], name, articles: articles(list)}));
		const index: ShelfIndex = {all: articles(s.order.all), categories: groups('categories'), tags: groups('tags'), authors: groups('authors')};
		rememberIndex(all, index);
		return {shelf: {root: s.root, articles: all, skipped: s.skipped}, ids: s.ids, folders: s.folders, vaults: s.vaults};
	} catch {
		return null;
	}
}
