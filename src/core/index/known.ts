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
	const steps = knownSteps(store, shown);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Files read from the index at a time by `knownSteps`. */
const PAGE = 1000;

/** `knownFromStore`, pausing (yielding) after each page of files: a caller can spread it over turns of the event loop. */
export function* knownSteps(store: ShelfStore, shown: readonly Article[]): Generator<void, Map<string, Known>> {
	const byPath = new Map(shown.map(a => [a.path, a]));
	const known = new Map<string, Known>();
	for (let after = 0, page = store.facts(after, PAGE); page.length > 0; after = (page.at(-1) as {id: number}).id, page = store.facts(after, PAGE)) {
		yield;
		for (const f of page) {
			const k = knownOf(store, f, byPath.get(f.path));
			if (k) known.set(k.path, k);
		}
	}
	return known;
}

function knownOf(store: ShelfStore, f: ReturnType<ShelfStore['facts']>[number], shown: Article | undefined): Known | null {
	let article = shown;
	if (!article) {
		const json = store.article(f.id);
		if (json === null) return null;
		article = {...JSON.parse(json) as Article, path: f.path, body: ''};
	}
	// The article's own path string (equal to the row's): one copy of each path, not three, at 100,000 files.
	return {id: f.id, path: article.path, size: f.size, mtimeMs: f.mtimeMs, ino: f.ino, texted: f.texted, article};
}
