/** Files as the index knows them: what a later walk compares with. */
import type {Article, ShelfFile} from '../shelf/index.js';
import type {ShelfStore} from './store.js';

/** A file of the shelf as the index has it. */
export interface Known {
	id: number;
	path: string;
	size: number;
	mtimeMs: number;
	ino: number;
	article: Article;
	texted: boolean;
}

export const unchanged = (row: Known, file: ShelfFile): boolean => row.size === file.size && row.mtimeMs === file.mtimeMs && row.ino === file.ino;
export const identity = (f: {ino: number; size: number; mtimeMs: number}): string => `${f.ino}:${f.size}:${f.mtimeMs}`;

/** Files as the index has them, with the articles already shown (the snapshot's) or, missing there, their stored metadata. */
export function knownFromStore(store: ShelfStore, shown: readonly Article[]): Map<string, Known> {
	const byPath = new Map(shown.map(a => [a.path, a]));
	const known = new Map<string, Known>();
	for (const f of store.facts()) {
		let article = byPath.get(f.path);
		if (!article) {
			const json = store.article(f.id);
			if (json === null) continue;
			article = {...JSON.parse(json) as Article, path: f.path, body: ''};
		}
		known.set(f.path, {id: f.id, path: f.path, size: f.size, mtimeMs: f.mtimeMs, ino: f.ino, texted: f.texted, article});
	}
	return known;
}
