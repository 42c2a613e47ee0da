/**
 * A shelf read through its persistent index: one stat walk, then only new or
 * changed files are read; the rest comes from the index. Article bodies are
 * never kept: an article is read from disk when it is opened, and the text
 * index is filled in the background (`indexPending`) from the files.
 */
import {articleReader, loadArticleFile, scanShelf, finishShelf, type ShelfFile} from '../shelf/index.js';
import {linkTargets} from '../shelf/index.js';
import {indexTokens, plainLines} from '../search/index.js';
import {ShelfStore} from './store.js';
import {openStore, why} from './open-store.js';
import {fromRow, identity, unchanged, type Known} from './known.js';
import {StoreTextIndex, hex, type TextStats} from './text-index.js';
import {loadSqlite} from './sqlite.js';
import type {Article, Shelf} from '../shelf/index.js';
import type {TextIndex} from '../search/index.js';

export interface IndexOptions {
	/** Keep nothing on disk (`--no-cache`): the same index, in memory. */
	noCache?: boolean;
	/** Folder globs the loader leaves out (config `exclude`). */
	exclude?: readonly string[];
	env?: NodeJS.ProcessEnv;
}

export class IndexedShelf {
	shelf: Shelf = {root: '', articles: [], skipped: []};
	/** One line for the status bar when the cache could not be used as is (rebuilt, unwritable...). */
	status: string | null = null;
	readonly text: TextIndex;
	private readonly queue = new Set<number>();
	private ids = new Map<string, number>();
	private slugs = new Map<number, string>();
	private paths = new Map<number, string>();
	private links = new Map<string, readonly string[]>();
	/** Reads a file of this shelf into an Article (the loader's own parsing). */
	private read: (path: string) => Article = () => {
		throw new Error('read before the shelf was walked');
	};
	/** Token counts of indexed texts, by id (the ranking needs them; see text-index.ts). */
	private readonly counts = new Map<number, {words: number; unique: number}>();
	private totalsCache: ReturnType<TextStats['totals']> | null = null;
	/** Every file as last seen, by path: later walks compare with this, and unchanged articles stay the same objects. */
	private known: Map<string, Known> | null = null;

	private constructor(private readonly dir: string, private store: ShelfStore, private readonly sqlite: typeof import('node:sqlite'), private readonly exclude: readonly string[]) {
		this.text = new StoreTextIndex(() => this.store, this, {of: id => this.counts.get(id), totals: () => this.totals()});
	}

	static async open(dir: string, options: IndexOptions = {}): Promise<IndexedShelf> {
		const sqlite = await loadSqlite();
		if (!sqlite) throw new Error('this Node has no node:sqlite (Node 22.13 or newer has it)');
		const scanRoot = scanShelf(dir, options).root;
		const {store, status} = openStore(sqlite, scanRoot, options);
		const indexed = new IndexedShelf(dir, store, sqlite, options.exclude ?? []);
		indexed.status = status;
		indexed.sync();
		return indexed;
	}

	/** Every folder of the shelf, as last walked. */
	folders: string[] = [];

	/** Texts still to be indexed. */
	get pending(): number {
		return this.queue.size;
	}

	slugOf(id: number): string | undefined {
		return this.slugs.get(id);
	}

	idOf(slug: string): number | undefined {
		return this.ids.get(slug);
	}

	/** An article's text as search sees it, read from its file now (for a snippet). */
	plainOf(id: number): string | null {
		const path = this.paths.get(id);
		if (path === undefined) return null;
		const article = this.read(path);
		return article.error === undefined ? plainLines(article.body).join('\n') : null;
	}

	/** Link targets written in an article (kept in the index, so backlinks need no bodies). */
	linksOf(article: Article): readonly string[] {
		return this.links.get(article.slug) ?? [];
	}

	/** The article as its file is now, body included (opening it, `read`, `code`). */
	async readNow(article: Article): Promise<Article> {
		return {...await loadArticleFile(this.shelf.root, article.path), slug: article.slug};
	}

	/**
	 * Walks the folder again and brings the index and `shelf` up to date: new
	 * and changed files are read, deleted ones dropped, renamed ones moved.
	 * Returns whether anything changed.
	 */
	sync(): boolean {
		try {
			return this.syncWith(this.store);
		} catch (error) {
			// Two processes writing for longer than the busy timeout, a disk that filled up, a file
			// replaced under us: the index in memory does the job, and says so once.
			if (this.store.file === ':memory:') throw error;
			this.status = `The shelf index could not be written (${why(error)}): running without it`;
			this.store.close();
			this.store = ShelfStore.open(this.sqlite, ':memory:', this.shelf.root || this.dir).store;
			this.queue.clear();
			this.counts.clear();
			this.known = null;
			return this.syncWith(this.store);
		}
	}

	private syncWith(store: ShelfStore): boolean {
		const scan = scanShelf(this.dir, {exclude: this.exclude});
		const read = articleReader(scan.root, scan.skipped, scan.vaults);
		this.read = articleReader(scan.root, [], scan.vaults);
		this.folders = scan.folders;
		// The first walk compares with the index on disk; later ones with what is in memory.
		const before = this.known ?? new Map(store.files().map(r => [r.path, fromRow(r)]));
		const known = new Map<string, Known>();
		const fresh: {file: ShelfFile; article: Article; links: string[]; was: Known | undefined}[] = [];
		for (const file of scan.files) {
			const was = before.get(file.path);
			before.delete(file.path);
			if (was && unchanged(was, file)) {
				known.set(file.path, was);
				if (!was.texted) this.queue.add(was.id);
				else if (was.words >= 0) this.counts.set(was.id, {words: was.words, unique: was.unique});
				continue;
			}
			const article = read(file.path);
			fresh.push({file, article, links: article.error ? [] : linkTargets(article), was});
		}
		// What is left in `before` is gone from its path: renamed (same inode, size and time) or deleted.
		const moved = new Map([...before.values()].map(k => [identity(k), k]));
		const changed = fresh.length > 0 || before.size > 0;
		if (changed) {
			store.transaction(() => {
				for (const f of fresh) {
					const renamed = f.was ? undefined : moved.get(identity(f.file));
					if (renamed) {
						moved.delete(identity(f.file));
						before.delete(renamed.path);
						store.move(renamed.id, f.file.path);
					}
					const keepText = renamed !== undefined && renamed.texted;
					const {body: _body, ...meta} = f.article;
					const id = store.put({...f.file, article: JSON.stringify(meta), links: JSON.stringify(f.links)}, keepText);
					const article = {...f.article, body: ''};
					known.set(f.file.path, {...f.file, id, article, links: f.links, texted: keepText, words: renamed?.words ?? -1, unique: renamed?.unique ?? -1});
					if (!keepText) {
						this.queue.add(id);
						this.counts.delete(id);
					}
				}
				for (const gone of before.values()) {
					store.remove(gone.id);
					this.queue.delete(gone.id);
					this.counts.delete(gone.id);
				}
			});
		}
		this.known = known;
		this.totalsCache = null;
		if (!changed && this.shelf.root !== '') return false;
		this.shelf = finishShelf(scan.root, [...known.values()].map(k => k.article), scan.skipped);
		this.ids = new Map();
		this.slugs = new Map();
		this.paths = new Map();
		this.links = new Map();
		for (const a of this.shelf.articles) {
			const k = known.get(a.path);
			if (!k) continue;
			this.ids.set(a.slug, k.id);
			this.slugs.set(k.id, a.slug);
			this.paths.set(k.id, a.path);
			this.links.set(a.slug, k.links);
		}
		return changed;
	}

	/** Indexes queued texts for about `budgetMs` (reading each file); true once nothing is left. */
	indexPending(budgetMs: number): boolean {
		if (this.queue.size === 0) return true;
		const until = performance.now() + budgetMs;
		try {
			this.store.transaction(() => {
				for (const id of this.queue) {
					this.queue.delete(id);
					const path = this.paths.get(id);
					if (path === undefined) continue;
					const article = this.read(path);
					this.totalsCache = null;
					this.indexText(id, article);
					if (performance.now() >= until) break;
				}
			});
		} catch (error) {
			this.status = `The shelf index could not be written (${why(error)})`;
			this.queue.clear();
		}
		return this.queue.size === 0;
	}

	/** A broken article has no text to search: only its title and metadata count. */
	private indexText(id: number, article: Article): void {
		if (article.error !== undefined) {
			this.store.putText(id, null);
			this.counts.delete(id);
			const known = this.known?.get(article.path);
			if (known) Object.assign(known, {texted: true, words: -1, unique: -1});
			return;
		}
		const plain = plainLines(article.body).join('\n');
		const tokens = indexTokens(plain);
		const counts = {words: tokens.length, unique: new Set(tokens).size};
		this.store.putText(id, {tokens: tokens.map(hex).join(' '), ...counts});
		this.counts.set(id, counts);
		const known = this.known?.get(article.path);
		if (known) Object.assign(known, {texted: true}, counts);
	}

	close(): void {
		this.store.close();
	}

	private totals(): ReturnType<TextStats['totals']> {
		if (this.totalsCache) return this.totalsCache;
		const t = {docs: 0, ftsDocs: 0, words: 0, unique: 0};
		for (const c of this.counts.values()) {
			t.docs++;
			if (c.words > 0) t.ftsDocs++;
			t.words += c.words;
			t.unique += c.unique;
		}
		return (this.totalsCache = t);
	}
}
