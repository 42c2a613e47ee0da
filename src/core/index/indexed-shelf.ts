/**
 * A shelf read through its persistent index: one stat walk, then only new or
 * changed files are read. No bodies are kept: an article is read from disk
 * when opened, and the text index is filled in slices (`indexPending`). A
 * start shows the last finished shelf (the snapshot) at once; with
 * `deferWalk` the walk waits for `syncInBackground` (in slices).
 */
import {articleReader, finishShelf, inSlices, loadArticleFile, readForIndex, readShared, scanInBackground, scanShelf, shelfRoot, startReadHelper, type Article, type ReadHelper, type Shelf, type ShelfFile, type ShelfScan} from '../shelf/index.js';
import {plainLines, type MetaIndex, type TextIndex} from '../search/index.js';
import {StoreMetaIndex} from './meta-index.js';
import {ShelfStore} from './store.js';
import {openStore, why} from './open-store.js';
import {knownFromStore, knownSteps, unchanged, type Known} from './known.js';
import {decodeSnapshot} from './snapshot.js';
import {decodeFirstScreen, type FirstScreen} from './first-screen.js';
import {Writes} from './writes.js';
import {statAfterRead} from './read-stat.js';
import {StoreTextIndex, indexText, type TextStats} from './text-index.js';
import {loadSqlite} from './sqlite.js';
import {ShelfIds} from './shelf-ids.js';
import {TextQueue} from './text-queue.js';
import {keepYoungGenerationSmall} from '../young-generation.js';

export interface IndexOptions {
	/** Keep nothing on disk (`--no-cache`): the same index, in memory. */
	noCache?: boolean;
	/** Folder globs the loader leaves out (config `exclude`). */
	exclude?: readonly string[];
	env?: NodeJS.ProcessEnv;
	/** Show the index's last shelf without walking the folder first (the app: `syncInBackground` walks after its first frame). */
	deferWalk?: boolean;
	/** Articles from which search takes titles and metadata from the index, not memory (default 5,000). */
	metaInIndexFrom?: number;
	/** With `deferWalk`: the caller draws the library's first screen, then calls `completeFirstScreen` at once (first-screen.ts). */
	firstScreen?: boolean;
	/** Told how a walk's reading goes (files read of all to read), then once more with all read: a first start shows it (reading-line.ts). */
	progress?: (done: number, total: number) => void;
}

export class IndexedShelf {
	shelf: Shelf = {root: '', articles: [], skipped: []};
	/** One line for the status bar when the cache could not be used as is (rebuilt, unwritable...). */
	status: string | null = null;
	/** Every folder of the shelf, as last walked. */
	folders: string[] = [];
	/** The shelf shown is the index's last one, not yet confirmed by a walk. */
	unwalked = false;
	readonly text: TextIndex;
	readonly meta: MetaIndex;
	/** Goes up whenever the articles in the store change. */
	private version = 0;
	private readonly queue = new TextQueue();
	private readonly ids = new ShelfIds();
	private vaults: string[] = [];
	/** Link targets by path, read from the index when first asked for (backlinks). */
	private links: Map<string, readonly string[]> | null = null;
	/** Reads a file of this shelf into an Article (the loader's own parsing). */
	private read: (path: string) => Article;
	/** Every file as last walked, by path: later walks compare with this, and unchanged articles stay the same objects. */
	private known: Map<string, Known> | null = null;
	private totalsCache: ReturnType<TextStats['totals']> | null = null;
	private writeLater = false;
	/** A walk's changes still to be written (a first start writes them after the first frame). */
	private writes: Writes | null = null;
	/** The shelf is a first screen's (first-screen.ts) until `completeFirstScreen`. */
	private firstScreen: FirstScreen | null = null;
	/** `options.progress`, while `open` reads: never once the app has the terminal. */
	private progress: IndexOptions['progress'];

	private constructor(private readonly dir: string, private store: ShelfStore, private readonly sqlite: typeof import('node:sqlite'), private readonly options: IndexOptions) {
		this.read = articleReader(dir);
		this.text = new StoreTextIndex(() => this.store, {slugOf: id => this.ids.slugOf(id), idOf: slug => this.ids.idOf(slug), plainOf: id => this.plainOf(id)}, {totals: () => this.totals()});
		this.meta = new StoreMetaIndex(() => this.store, {slugOf: id => this.ids.slugOf(id), positionOf: id => this.ids.positionOf(id), version: () => this.version});
	}

	static async open(dir: string, options: IndexOptions = {}): Promise<IndexedShelf> {
		const sqlite = await loadSqlite();
		if (!sqlite) throw new Error('this Node has no node:sqlite (Node 22.13 or newer has it)');
		const root = shelfRoot(dir);
		const {store, status} = openStore(sqlite, root, options);
		const indexed = new IndexedShelf(dir, store, sqlite, options);
		indexed.status = status;
		keepYoungGenerationSmall(); // the shelf's articles are made next; a small shelf lets it grow again once open (shelf-source)
		const part = (n: number): string | null => store.snapshotPart(n);
		const first = options.firstScreen && options.deferWalk ? indexed.tryStore(() => decodeFirstScreen(part, root), null) : null;
		const snapshot = first ?? indexed.tryStore(() => decodeSnapshot(part, root), null);
		indexed.firstScreen = first;
		if (snapshot) {
			indexed.vaults = snapshot.vaults;
			indexed.read = articleReader(root, [], snapshot.vaults);
			indexed.folders = snapshot.folders;
			indexed.finish(snapshot.shelf, snapshot.ids);
			indexed.queue.readLater(() => indexed.tryStore(() => store.untexted(), []));
			indexed.unwalked = true;
		}
		indexed.writeLater = !snapshot && Boolean(options.deferWalk); // the app's first start: written after the first frame
		indexed.progress = options.progress;
		if (!snapshot || !options.deferWalk) indexed.sync(undefined, undefined, snapshot ? null : startReadHelper()); // a first start: a worker shares the reading
		indexed.writeLater = false;
		indexed.progress = undefined;
		return indexed;
	}

	/** The recently read articles the first screen counts (first-screen.ts); nothing once the shelf is whole. */
	firstScreenWith(recent: readonly string[]): void {
		this.firstScreen?.placeSlugs(recent);
	}

	/** Makes the whole shelf after a first screen (first-screen.ts); true when `shelf` changed. */
	completeFirstScreen(): boolean {
		if (!this.firstScreen) return false;
		this.firstScreen = null;
		// The snapshot is read again from its first part: the first screen made that part's lists into
		// its own, and a second parse after the frame costs the first frame nothing (~3 ms at 20,000).
		const whole = this.tryStore(() => decodeSnapshot(n => this.store.snapshotPart(n), this.shelf.root), null);
		if (whole) this.finish(whole.shelf, whole.ids);
		else {
			// The index changed under us since (another process rewrote it): read the folder as a first start would.
			this.shelf = {root: '', articles: [], skipped: []};
			this.sync(undefined, undefined, startReadHelper());
		}
		return true;
	}

	/** Articles still to be written to the index, or their texts indexed. */
	get pending(): number {
		return this.queue.size + (this.writes?.left ?? 0);
	}

	/** An article's text as search sees it, read from its file now (for a snippet). */
	private plainOf(id: number): string | null {
		const path = this.ids.pathOf(id);
		if (path === undefined) return null;
		const article = this.read(path);
		return article.error === undefined ? plainLines(article.body).join('\n') : null;
	}

	/** Link targets written in an article (kept in the index, so backlinks need no bodies). */
	linksOf(article: Article): readonly string[] {
		this.links ??= this.tryStore(() => this.store.allLinks(), new Map());
		return this.links.get(article.path) ?? [];
	}

	/** The article as its file is now, body included (opening it, `read`, `code`). */
	async readNow(article: Article): Promise<Article> {
		return {...await loadArticleFile(this.shelf.root, article.path), slug: article.slug};
	}

	/** Walks the folder a slice at a time (keys are answered meanwhile) and brings the shelf up to date; true when anything changed. */
	async syncInBackground(): Promise<boolean> {
		const scan = await scanInBackground(this.dir, this.options.exclude ?? []);
		const known = this.known ?? await inSlices(knownSteps(this.store, this.shelf.articles)); // the index's files, a page at a time
		return this.sync(scan, known);
	}

	/**
	 * Walks the folder again (or takes the walk given) and brings the index
	 * and `shelf` up to date: new and changed files are read, deleted ones
	 * dropped, renamed ones moved (`helper` reads some). Returns whether anything changed.
	 */
	sync(scan?: ShelfScan, known?: Map<string, Known>, helper: ReadHelper | null = null): boolean {
		const walked = scan ?? scanShelf(this.dir, {exclude: this.options.exclude ?? [], statFiles: !helper}); // a first start learns stats as it reads
		try {
			return this.syncWith(this.store, walked, known, helper);
		} catch (error) {
			// Two processes writing for longer than the busy timeout, a disk that filled up, a file
			// replaced under us: the index in memory does the job, and says so once.
			if (this.store.file === ':memory:') throw error;
			this.status = `The shelf index could not be written (${why(error)}): running without it`;
			this.store.close();
			this.store = ShelfStore.open(this.sqlite, ':memory:', this.shelf.root || this.dir).store;
			this.queue.clear();
			this.known = null;
			this.writes = null;
			this.shelf = {root: '', articles: [], skipped: []};
			return this.syncWith(this.store, walked, undefined, helper);
		}
	}

	private syncWith(store: ShelfStore, scan: ShelfScan, given?: Map<string, Known>, helper: ReadHelper | null = null): boolean {
		// Changes of an earlier walk still unwritten go in first: this walk compares with them.
		if (this.writes) store.transaction(() => this.written(this.writes?.write(store, Infinity, this.queue) ?? []));
		this.read = articleReader(scan.root, [], scan.vaults);
		this.vaults = scan.vaults;
		this.folders = scan.folders;
		// The first walk compares with the index on disk; later ones with what is in memory.
		const before = this.known ?? given ?? knownFromStore(store, this.shelf.articles);
		const known = new Map<string, Known>();
		const changes: {file: ShelfFile; was: Known | undefined}[] = [];
		for (const file of scan.files) {
			const was = before.get(file.path);
			before.delete(file.path);
			if (was && unchanged(was, file)) {
				known.set(was.path, was);
				if (!was.texted) this.queue.add(was.id);
				continue;
			}
			changes.push({file, was});
		}
		const readAt = Date.now();
		const read = readShared(scan.root, scan.skipped, scan.vaults, changes.map(c => c.file), helper, this.progress); // no body is kept: read again when opened or indexed
		const fresh = read.map((r, i) => ({file: r.file, article: r.article, links: r.links, was: changes[i]?.was})); // no spread: 20,000 on a first start
		// What is left in `before` is gone from its path: renamed (same inode, size and time) or deleted.
		const changed = fresh.length > 0 || before.size > 0;
		const first = this.known === null;
		this.known = known;
		if (!changed && !first) return false;
		if (!changed && this.unwalked) {
			this.unwalked = false;
			return false;
		}
		for (const {file, article} of fresh) known.set(file.path, {id: -1, path: file.path, size: file.size, mtimeMs: file.mtimeMs, ino: file.ino, texted: false, article});
		const shelf = finishShelf(scan.root, [...known.values()].map(k => k.article), scan.skipped);
		let withStat: ReturnType<typeof articleReader> | null = null;
		const statOf = (f: {file: ShelfFile; article: Article; links: string[]}): ShelfFile =>
			statAfterRead(f, readAt, file => readForIndex(withStat ??= articleReader(scan.root, [], scan.vaults, {forIndex: true}), file));
		const writes = new Writes(fresh, before, known, shelf, {folders: this.folders, vaults: this.vaults}, statOf);
		if (this.writeLater) {
			// The first frame shows the shelf now; its ids (and search) come as it is written (indexPending).
			this.shelf = shelf;
			this.writes = writes;
		} else {
			store.transaction(() => this.finish(shelf, writes.write(store, Infinity, this.queue) ?? []));
		}
		this.unwalked = false;
		this.links = null;
		this.totalsCache = null;
		this.version++;
		return changed;
	}

	/** All of a walk's changes are in the store: the shelf's ids are known, search sees them. */
	private written(ids: number[]): void {
		this.finish(this.shelf, ids);
		this.writes = null;
		this.links = null;
		this.version++;
	}

	private finish(shelf: Shelf, ids: number[]): void {
		this.shelf = shelf;
		this.ids.set(shelf, ids);
	}

	/** Indexes queued texts for about `budgetMs` (reading each file); true once nothing is left. */
	indexPending(budgetMs: number): boolean {
		if (this.queue.size === 0 && !this.writes) return true;
		const until = performance.now() + budgetMs;
		try {
			this.store.transaction(() => {
				const ids = this.writes?.write(this.store, until, this.queue);
				if (ids) this.written(ids);
				if (this.writes) return;
				for (const id of this.queue) {
					this.queue.delete(id);
					const path = this.ids.pathOf(id);
					if (path === undefined) continue;
					const article = this.read(path);
					indexText(this.store, id, article);
					const known = this.known?.get(path);
					if (known) known.texted = true;
					if (performance.now() >= until) break;
				}
			});
		} catch (error) {
			this.status = `The shelf index could not be written (${why(error)})`;
			this.queue.clear();
		}
		this.totalsCache = null;
		return this.queue.size === 0 && !this.writes;
	}

	close(): void {
		this.store.close();
	}

	private totals(): ReturnType<TextStats['totals']> {
		return (this.totalsCache ??= this.tryStore(() => this.store.textTotals(), {docs: 0, ftsDocs: 0, words: 0, unique: 0}));
	}

	/** A read of the index that fails (a file damaged after it was opened) gives `fallback`, never a crash. */
	private tryStore<T>(read: () => T, fallback: T): T {
		try {
			return read();
		} catch (error) {
			this.status ??= `The shelf index could not be read (${why(error)})`;
			return fallback;
		}
	}
}
