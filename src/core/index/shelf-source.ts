/**
 * Where the app and the commands get a shelf from: the persistent index
 * (bodies on disk, text indexed in SQLite), or, where this Node has no
 * node:sqlite, the plain loader with everything in memory, as before.
 */
import {loadArticleFile, loadShelf} from '../shelf/index.js';
import {linkTargets} from '../shelf/index.js';
import {IndexedShelf, type IndexOptions} from './indexed-shelf.js';
import type {Article, Shelf} from '../shelf/index.js';
import type {MetaIndex, TextIndex} from '../search/index.js';
import {keepYoungGenerationSmall} from '../young-generation.js';

/** Articles from which titles and metadata are searched in the index rather than in memory. */
const META_IN_INDEX = 5000;

export interface ShelfSource {
	readonly shelf: Shelf;
	/** One line for the status bar about the index (rebuilt, not writable...), or null. */
	readonly status: string | null;
	/** The persistent text index, or null: then ShelfSearch indexes the bodies it is given. */
	readonly text: TextIndex | null;
	/** The persistent title and metadata index, or null: then ShelfSearch indexes them in memory. */
	readonly meta: MetaIndex | null;
	/** The shelf's folders as last walked (what a watcher watches). */
	readonly folders: readonly string[];
	/** Article texts not indexed yet. */
	readonly pending: number;
	/** The shelf is the index's last one, shown before the folder was walked: `sync` soon, to correct it. */
	readonly unwalked: boolean;
	/** Indexes pending text for about `budgetMs`; true once all is indexed. */
	indexPending(budgetMs: number): boolean;
	/** The article as its file is now, body included. */
	readNow(article: Article): Promise<Article>;
	/** Link targets written in the article. */
	linksOf(article: Article): readonly string[];
	/** Walks the folder again; true when articles were added, changed or removed. */
	sync(): Promise<boolean>;
	close(): void;
	/** The library's first screen is about to be drawn, counting these recently read articles (first-screen.ts). */
	firstScreenWith?(recent: readonly string[]): void;
	/** The first screen is out: the whole shelf is made now; true when `shelf` changed (to be drawn again). */
	completeFirstScreen?(): boolean;
}

export async function openShelfSource(dir: string, options: IndexOptions = {}): Promise<ShelfSource> {
	let indexed: IndexedShelf;
	try {
		indexed = await IndexedShelf.open(dir, options);
	} catch (error) {
		if (error instanceof Error && /node:sqlite/.test(error.message)) return MemorySource.load(dir, error.message);
		throw error;
	}
	keepYoungGenerationSmall(indexed.shelf.articles.length >= (options.metaInIndexFrom ?? META_IN_INDEX));
	// Whatever reads the articles themselves makes the whole shelf first (the app does so itself right after its first screen).
	const whole = (): void => void indexed.completeFirstScreen();
	return {
		get shelf() {
			return indexed.shelf;
		},
		get status() {
			return indexed.status;
		},
		text: indexed.text,
		// A small shelf's titles and metadata are searched faster in memory (built in ~50 ms at 2,000
		// articles); a large one's from the index (at 20,000 the memory index took 0.5 s and 40 MiB).
		get meta() {
			return indexed.shelf.articles.length >= (options.metaInIndexFrom ?? META_IN_INDEX) ? indexed.meta : null;
		},
		get folders() {
			return indexed.folders;
		},
		get pending() {
			return indexed.pending;
		},
		get unwalked() {
			return indexed.unwalked;
		},
		indexPending: ms => (whole(), indexed.indexPending(ms)),
		readNow: a => (whole(), indexed.readNow(a)),
		linksOf: a => (whole(), indexed.linksOf(a)),
		sync: () => (whole(), indexed.syncInBackground()),
		close: () => indexed.close(),
		firstScreenWith: recent => indexed.firstScreenWith(recent),
		completeFirstScreen: () => indexed.completeFirstScreen(),
	};
}

/** A shelf already read whole (a single document, standard input) as a source: bodies in memory, no index. */
export function memorySource(shelf: Shelf): ShelfSource {
	return MemorySource.of(shelf);
}

/** Everything in memory, read at every start: the way inkshelf worked before its index. */
class MemorySource implements ShelfSource {
	readonly text = null;
	readonly meta = null;
	readonly pending = 0;
	readonly unwalked = false;
	get folders(): readonly string[] {
		return [this.shelf.root];
	}
	/** `fromDisk`: opening an article reads its file again; a document read whole (standard input) has no file to read. */
	private constructor(private readonly dir: string, public shelf: Shelf, readonly status: string | null, private readonly fromDisk = true) {}

	static of(shelf: Shelf): MemorySource {
		return new MemorySource(shelf.root, shelf, null, false);
	}

	static async load(dir: string, why: string): Promise<MemorySource> {
		return new MemorySource(dir, await loadShelf(dir), `No shelf index: ${why}`);
	}

	indexPending(): boolean {
		return true;
	}

	async readNow(article: Article): Promise<Article> {
		if (!this.fromDisk) return article;
		return {...await loadArticleFile(this.shelf.root, article.path), slug: article.slug};
	}

	linksOf(article: Article): readonly string[] {
		return linkTargets(article);
	}

	async sync(): Promise<boolean> {
		this.shelf = await loadShelf(this.dir);
		return true;
	}

	close(): void {}
}
