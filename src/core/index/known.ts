/** Files as the index knows them: what a later walk compares with. */
import type {Article, ShelfFile} from '../shelf/index.js';
import type {StoredFile} from './store.js';

/** A file of the shelf as the index has it. */
export interface Known {
	id: number;
	path: string;
	size: number;
	mtimeMs: number;
	ino: number;
	article: Article;
	links: readonly string[];
	texted: boolean;
	words: number;
	unique: number;
}

export function fromRow(r: StoredFile): Known {
	return {...r, article: {...JSON.parse(r.article) as Article, path: r.path, body: ''}, links: JSON.parse(r.links) as string[]};
}

export const unchanged = (row: Known, file: ShelfFile): boolean => row.size === file.size && row.mtimeMs === file.mtimeMs && row.ino === file.ino;
export const identity = (f: {ino: number; size: number; mtimeMs: number}): string => `${f.ino}:${f.size}:${f.mtimeMs}`;
