/**
 * The finished shelf kept in the index as one JSON text, so a second start
 * shows the library from one read and one parse, before (and without) any
 * walk of the folder: the walk runs after the first frame and corrects it.
 * The library's order and groups are kept too (as positions), so they are
 * not sorted and grouped again: that alone cost ~0.1 s at 20,000 articles.
 */
import {buildIndex, rememberIndex, type Article, type Group, type Shelf, type ShelfIndex} from '../shelf/index.js';

/** Bumped when the shape below changes; a snapshot of another shape is ignored (the walk makes a new one). */
const SHAPE = 3;

export interface Snapshot {
	shelf: Shelf;
	/** The store's id of each article, in the order of `shelf.articles`. */
	ids: number[];
	folders: string[];
	vaults: string[];
}

type Positions = {all: number[]} & Record<'categories' | 'tags' | 'authors', [string, number[]][]>;
const KINDS = {categories: 'category', tags: 'tag', authors: 'author'} as const;

export function encodeSnapshot(s: Snapshot): string {
	// Bodies are never kept (the index's articles have ''). Whole objects, body included, not rows of
	// values: V8 parses many objects of one shape faster than arrays of mixed values, and adding
	// `body` after parsing would change every object's shape.
	const articles = s.shelf.articles.map(a => (a.body === '' ? a : {...a, body: ''}));
	const at = new Map(s.shelf.articles.map((a, i) => [a, i]));
	const positions = (list: readonly Article[]): number[] => list.map(a => at.get(a) ?? -1);
	const index = buildIndex(s.shelf.articles);
	const groups = (list: Group[]): [string, number[]][] => list.map(g => [g.name, positions(g.articles)]);
	const order: Positions = {all: positions(index.all), categories: groups(index.categories), tags: groups(index.tags), authors: groups(index.authors)};
	return JSON.stringify({shape: SHAPE, root: s.shelf.root, skipped: s.shelf.skipped, articles, ids: s.ids, folders: s.folders, vaults: s.vaults, order});
}

/** The snapshot, or null when there is none, it is of another shape or shelf, or it does not parse. */
export function decodeSnapshot(text: string | null, root: string): Snapshot | null {
	if (text === null) return null;
	try {
		const s = JSON.parse(text) as {shape: number; root: string; skipped: Shelf['skipped']; articles: Article[]; ids: number[]; folders: string[]; vaults: string[]; order: Positions};
		if (s.shape !== SHAPE || s.root !== root || !Array.isArray(s.articles) || s.ids?.length !== s.articles.length) return null;
		const all = s.articles;
		// JSON gives each article its own copy of "Databases" and "testing": one copy each is enough.
		const names = new Map<string, string>();
		const one = (name: string): string => names.get(name) ?? (names.set(name, name), name);
		for (const a of all) {
			a.category = one(a.category);
			for (const list of [a.categories, a.tags, a.authors]) list.forEach((name, i) => (list[i] = one(name)));
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
