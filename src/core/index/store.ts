/**
 * The persistent index of one shelf, in SQLite: every article's metadata as a
 * JSON object (whatever fields the loader gives an Article, so new fields
 * need no change here) with the size, mtime and inode it was read at, and the
 * articles' text in an FTS5 table. WAL and a busy timeout let two inkshelf
 * processes share it; a file that is not a valid index of this format is
 * replaced, never trusted, by one process at a time (index-lock.ts).
 */
import {closeSync, openSync, rmSync} from 'node:fs';
import type {Database} from './sqlite.js';
import {withIndexLock} from './index-lock.js';
import type {DatabaseSync as DatabaseSyncType} from 'node:sqlite';
import {sleepSync} from '../sleep-sync.js';

/** Bumped whenever the tables or the meaning of a column change: an older index is rebuilt. */
export const INDEX_FORMAT = '5';

export interface StoredFile {
	id: number;
	path: string;
	size: number;
	mtimeMs: number;
	ino: number;
	/** The article's metadata as the loader made it (body left out), JSON. */
	article: string;
	/** Link targets written in the body, JSON array: backlinks without reading every body. */
	links: string;
	/** The text is in the full-text index. */
	texted: boolean;
	/** Tokens in the text, and distinct tokens; -1 for a broken article (no text to rank). See text-index.ts. */
	words: number;
	unique: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS info(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, size INTEGER NOT NULL, mtime REAL NOT NULL, ino INTEGER NOT NULL, article TEXT NOT NULL, links TEXT NOT NULL, texted INTEGER NOT NULL DEFAULT 0, words INTEGER NOT NULL DEFAULT -1, uniq INTEGER NOT NULL DEFAULT -1,
	m0 INTEGER NOT NULL DEFAULT 0, m1 INTEGER NOT NULL DEFAULT 0, m2 INTEGER NOT NULL DEFAULT 0, m3 INTEGER NOT NULL DEFAULT 0, m4 INTEGER NOT NULL DEFAULT 0, m5 INTEGER NOT NULL DEFAULT 0);
CREATE VIRTUAL TABLE IF NOT EXISTS meta USING fts5(title, aliases, tags, category, authors, description, content='', contentless_delete=1, tokenize='ascii');
CREATE VIRTUAL TABLE IF NOT EXISTS metavocab USING fts5vocab(meta, 'row');
CREATE VIRTUAL TABLE IF NOT EXISTS metainst USING fts5vocab(meta, 'instance');
CREATE VIRTUAL TABLE IF NOT EXISTS text USING fts5(tokens, content='', contentless_delete=1, tokenize='ascii');
CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(text, 'row');
CREATE TABLE IF NOT EXISTS snapshot(id INTEGER PRIMARY KEY, data TEXT NOT NULL);
`;

/** A file's facts as the index has them, without its metadata: what a walk compares with. */
export type StoredFacts = Omit<StoredFile, 'article' | 'links'>;

export type Outcome = 'opened' | 'created' | 'rebuilt';

/** The stored file is the one being stored (an upsert's old row against the new one). */
const same = 'files.size = excluded.size AND files.mtime = excluded.mtime AND files.ino = excluded.ino';

export class ShelfStore {
	/** Use `ShelfStore.open`. */
	constructor(readonly db: Database, readonly file: string) {}

	/**
	 * Opens (or creates) the index at `file` for `root`. A corrupt, truncated,
	 * foreign or other-format file is deleted and made again (`rebuilt`).
	 * Throws only when the file cannot be created at all, or another inkshelf
	 * keeps it busy for seconds. One process at a time does this (index-lock.ts).
	 */
	static open(sqlite: typeof import('node:sqlite'), file: string, root: string): {store: ShelfStore; outcome: Outcome} {
		if (file === ':memory:') return openLocked(sqlite, file, root);
		return withIndexLock(file, () => openLocked(sqlite, file, root));
	}

	/** Prepared once per statement text: preparing costs more than running a small statement. */
	private readonly statements = new Map<string, ReturnType<Database['prepare']>>();
	sql(text: string): ReturnType<Database['prepare']> {
		let statement = this.statements.get(text);
		if (!statement) this.statements.set(text, statement = this.db.prepare(text));
		return statement;
	}

	/**
	 * The shelf as last finished (articles in order, without bodies), one
	 * JSON text: the library's first frame, read in one go instead of one row
	 * and one parse per article. Written with the files it was made from.
	 */
	/** Part `n` of the snapshot (0: what holds the rest together; then the articles, a few thousand a part), or null. */
	snapshotPart(n: number): string | null {
		const row = this.sql('SELECT data FROM snapshot WHERE id = ?').get(n) as {data: string} | undefined;
		return row ? String(row.data) : null;
	}

	putSnapshot(parts: readonly string[]): void {
		this.sql('DELETE FROM snapshot').run();
		parts.forEach((data, n) => this.sql('INSERT INTO snapshot(id, data) VALUES (?, ?)').run(n, data));
	}

	/** The files' facts, all of them or (`after`, `limit`) a page of them in id order. */
	facts(after = 0, limit = -1): StoredFacts[] {
		return (this.sql('SELECT id, path, size, mtime, ino, texted, words, uniq FROM files WHERE id > ? ORDER BY id LIMIT ?').all(after, limit) as Record<string, unknown>[]).map(r => ({
			id: Number(r['id']), path: String(r['path']), size: Number(r['size']), mtimeMs: Number(r['mtime']), ino: Number(r['ino']),
			texted: Number(r['texted']) === 1, words: Number(r['words']), unique: Number(r['uniq']),
		}));
	}

	/** One article's stored metadata (JSON), or null. */
	article(id: number): string | null {
		const row = this.sql('SELECT article FROM files WHERE id = ?').get(id) as {article: string} | undefined;
		return row ? String(row.article) : null;
	}

	/** Link targets of every article that links somewhere, by path. */
	allLinks(): Map<string, readonly string[]> {
		const rows = this.sql("SELECT path, links FROM files WHERE links <> '[]'").all() as {path: string; links: string}[];
		return new Map(rows.map(r => [String(r.path), JSON.parse(String(r.links)) as string[]]));
	}

	/** Ids of the files whose text is not in the text index yet. */
	untexted(): number[] {
		return (this.sql('SELECT id FROM files WHERE texted = 0').all() as {id: number}[]).map(r => Number(r.id));
	}

	/** What the ranking needs of the indexed texts (see text-index.ts): articles, those with text, their tokens and distinct tokens. */
	textTotals(): {docs: number; ftsDocs: number; words: number; unique: number} {
		const r = this.sql('SELECT count(*) AS docs, coalesce(sum(words > 0), 0) AS fts, coalesce(sum(words), 0) AS words, coalesce(sum(uniq), 0) AS uniq FROM files WHERE texted = 1 AND words >= 0').get() as Record<string, unknown>;
		return {docs: Number(r['docs']), ftsDocs: Number(r['fts']), words: Number(r['words']), unique: Number(r['uniq'])};
	}

	files(): StoredFile[] {
		return (this.db.prepare('SELECT id, path, size, mtime, ino, article, links, texted, words, uniq FROM files').all() as Record<string, unknown>[]).map(r => ({
			id: Number(r['id']), path: String(r['path']), size: Number(r['size']), mtimeMs: Number(r['mtime']), ino: Number(r['ino']),
			article: String(r['article']), links: String(r['links']), texted: Number(r['texted']) === 1, words: Number(r['words']), unique: Number(r['uniq']),
		}));
	}

	/** Runs `write` in one transaction; changes from several files cost one disk sync. */
	transaction(write: () => void): void {
		this.db.exec('BEGIN IMMEDIATE');
		try {
			write();
			this.db.exec('COMMIT');
		} catch (error) {
			this.db.exec('ROLLBACK');
			throw error;
		}
	}

	/**
	 * Stores a file's metadata; its text is indexed again later (unless `keepText`: a rename). Another
	 * process may have stored and indexed the same file meanwhile: then its text stays valid. Returns its id.
	 */
	put(file: Omit<StoredFile, 'id' | 'texted' | 'words' | 'unique'>, keepText = false): number {
		const row = this.sql(`INSERT INTO files(path, size, mtime, ino, article, links, texted) VALUES (?, ?, ?, ?, ?, ?, 0)
			ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, ino = excluded.ino, article = excluded.article, links = excluded.links${keepText ? '' : `,
				${['texted', 'words', 'uniq'].map((c, i) => `${c} = CASE WHEN ${same} THEN ${c} ELSE ${[0, -1, -1][i]} END`).join(', ')}`}
			RETURNING id`).get(file.path, file.size, file.mtimeMs, file.ino, file.article, file.links) as {id: number};
		return Number(row.id);
	}

	/** A file renamed on disk: its row (and its indexed text) moves with it. */
	move(id: number, path: string): void {
		this.sql('UPDATE files SET path = ? WHERE id = ?').run(path, id);
	}

	remove(id: number): void {
		this.sql('DELETE FROM meta WHERE rowid = ?').run(id);
		this.sql('DELETE FROM files WHERE id = ?').run(id);
		this.sql('DELETE FROM text WHERE rowid = ?').run(id);
	}

	/**
	 * The text of a file as tokens (hex, see text-index.ts). Only the index is
	 * kept (a contentless table): snippets are cut from the file itself.
	 */
	putText(id: number, text: {tokens: string; words: number; unique: number} | null): void {
		this.sql('DELETE FROM text WHERE rowid = ?').run(id);
		if (text && text.tokens !== '') this.sql('INSERT INTO text(rowid, tokens) VALUES (?, ?)').run(id, text.tokens);
		this.sql('UPDATE files SET texted = 1, words = ?, uniq = ? WHERE id = ?').run(text?.words ?? -1, text?.unique ?? -1, id);
	}

	close(): void {
		try {
			this.db.close();
		} catch {
			// Already closed.
		}
	}
}

/** An error that means the file is in use by another process, not damaged. */
const BUSY = /locked|busy|locking protocol/i;

function openLocked(sqlite: typeof import('node:sqlite'), file: string, root: string): {store: ShelfStore; outcome: Outcome} {
	if (file !== ':memory:') closeSync(openSync(file, 'a', 0o600));
	let first = attemptOpen(sqlite, file, root);
	// Busy: another inkshelf is using the file (writing, or recovering its WAL). It is in use, not damaged:
	// waited for, and never deleted (that is for a file that does not open as an index of this shelf).
	for (let tries = 0; !first.store && BUSY.test(String(first.error)); tries++) {
		if (tries >= 20) throw first.error;
		sleepSync(50);
		first = attemptOpen(sqlite, file, root);
	}
	if (first.store) return {store: first.store, outcome: first.fresh ? 'created' : 'opened'};
	removeIndex(file);
	closeSync(openSync(file, 'a', 0o600));
	const again = attemptOpen(sqlite, file, root);
	if (!again.store) throw again.error;
	return {store: again.store, outcome: 'rebuilt'};
}

function attemptOpen(sqlite: typeof import('node:sqlite'), file: string, root: string): {store?: ShelfStore; fresh?: boolean; error?: unknown} {
	let db: DatabaseSyncType | undefined;
	try {
		db = new sqlite.DatabaseSync(file);
		db.exec('PRAGMA busy_timeout = 3000');
		const existing = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'info'").get() as {n: number};
		if (Number(existing.n) === 0) {
			db.exec('PRAGMA journal_mode = WAL');
			db.exec('PRAGMA synchronous = NORMAL');
			db.exec('BEGIN IMMEDIATE');
			db.exec(SCHEMA);
			const set = db.prepare('INSERT OR REPLACE INTO info(key, value) VALUES (?, ?)');
			set.run('format', INDEX_FORMAT);
			set.run('root', root);
			db.exec('COMMIT');
			return {store: new ShelfStore(db, file), fresh: true};
		}
		const info = new Map((db.prepare('SELECT key, value FROM info').all() as {key: string; value: string}[]).map(r => [r.key, r.value]));
		if (info.get('format') !== INDEX_FORMAT || info.get('root') !== root) throw new Error('index of another format or shelf');
		db.exec('PRAGMA synchronous = NORMAL');
		// Reads every table once: a truncated or damaged file fails here, not in the middle of a search.
		db.prepare('SELECT count(*) FROM files').get();
		db.prepare('SELECT count(*) FROM snapshot').get();
		db.prepare('SELECT rowid FROM meta LIMIT 1').get();
		db.prepare('SELECT rowid FROM text LIMIT 1').get();
		return {store: new ShelfStore(db, file), fresh: false};
	} catch (error) {
		try {
			db?.close();
		} catch {
			// Closing a broken handle may fail too.
		}
		return {error};
	}
}

/** Deletes an index and its WAL files (a later open starts empty). */
export function removeIndex(file: string): void {
	if (file === ':memory:') return;
	for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, {force: true});
}
