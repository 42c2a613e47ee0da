/**
 * What a walk found new, changed, renamed or gone, written to the store:
 * all at once (the commands, later walks), or a batch at a time after the
 * app's first frame on a first start, when writing 20,000 articles' metadata
 * and titles' index would otherwise hold the library back for seconds.
 */
import {putMeta} from './meta-index.js';
import {encodeSnapshot} from './snapshot.js';
import {identity, type Known} from './known.js';
import {statLater, type Article, type Shelf, type ShelfFile} from '../shelf/index.js';
import type {ShelfStore} from './store.js';

export interface Fresh {
	file: ShelfFile;
	article: Article;
	links: string[];
	was: Known | undefined;
}

export class Writes {
	private next = 0;

	/**
	 * `known`: every file now, the fresh ones to be given their ids here; `gone`: files no longer at
	 * their path (a fresh file with the same inode, size and time is the same file, renamed).
	 * `statOf`: the stat of a fresh file read without one (read-stat.ts), taken as it is written.
	 */
	constructor(private readonly fresh: Fresh[], private readonly gone: Map<string, Known>, private readonly known: Map<string, Known>, private readonly shelf: Shelf, private readonly where: {folders: string[]; vaults: string[]}, private readonly statOf: (f: Fresh) => ShelfFile = f => f.file) {}

	/** Fresh files not written yet. */
	get left(): number {
		return this.fresh.length - this.next;
	}

	/**
	 * Writes fresh files until `until` (performance.now()), then, once all are, the deletions and
	 * the snapshot. Queues the texts to index in `queue`. Returns the shelf's ids once all is written.
	 */
	write(store: ShelfStore, until: number, queue: {add(id: number): void; delete(id: number): void}): number[] | null {
		const moved = new Map([...this.gone.values()].map(k => [identity(k), k]));
		for (; this.next < this.fresh.length; this.next++) {
			if (performance.now() >= until) return null;
			const f = this.fresh[this.next] as Fresh;
			if (statLater(f.file)) f.file = this.statOf(f);
			const renamed = f.was ? undefined : moved.get(identity(f.file));
			if (renamed) {
				moved.delete(identity(f.file));
				this.gone.delete(renamed.path);
				store.move(renamed.id, f.file.path);
			}
			const keepText = renamed !== undefined && renamed.texted;
			const {body: _body, ...meta} = f.article;
			const id = store.put({...f.file, article: JSON.stringify(meta), links: JSON.stringify(f.links)}, keepText);
			putMeta(store, id, f.article);
			const known = this.known.get(f.file.path);
			if (known) Object.assign(known, {id, texted: keepText, size: f.file.size, mtimeMs: f.file.mtimeMs, ino: f.file.ino});
			if (!keepText) queue.add(id);
		}
		for (const gone of this.gone.values()) {
			store.remove(gone.id);
			queue.delete(gone.id);
		}
		this.gone.clear();
		const ids = this.shelf.articles.map(a => this.known.get(a.path)?.id ?? -1);
		store.putSnapshot(encodeSnapshot({shelf: this.shelf, ids, ...this.where}));
		return ids;
	}
}
