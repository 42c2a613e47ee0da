/** The store's `meta` table (search/meta.ts's fields, as FTS5 columns) and the columns of `files` that rank it. */
import {drain} from '../steps.js';
import type {ShelfStore} from './store.js';

/**
 * An article's title and metadata, one column per field of search/meta.ts, as tokens (hex, see
 * text-index.ts), and each field's count of distinct tokens (MiniSearch's field length).
 */
export function putMeta(store: ShelfStore, id: number, fields: readonly string[], lengths: readonly number[]): void {
	store.sql('DELETE FROM meta WHERE rowid = ?').run(id);
	store.sql('INSERT INTO meta(rowid, title, aliases, tags, category, authors, description) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, ...fields);
	store.sql('UPDATE files SET m0 = ?, m1 = ?, m2 = ?, m3 = ?, m4 = ?, m5 = ? WHERE id = ?').run(...lengths, id);
}

/** Each article's field lengths, six numbers an id (at id × 6): read a page at a time, kept without a map. */
export function metaLengths(store: ShelfStore): Int32Array {
	return drain(metaLengthSteps(store, 5000));
}

/** `metaLengths`, yielding after each page of `page` files (the app reads them between keys). */
export function* metaLengthSteps(store: ShelfStore, page = 500): Generator<void, Int32Array> {
	const max = Number((store.sql('SELECT coalesce(max(id), 0) AS m FROM files').get() as {m: number}).m);
	const lengths = new Int32Array((max + 1) * 6);
	for (let after = 0; ;) {
		const rows = store.sql('SELECT id, m0, m1, m2, m3, m4, m5 FROM files WHERE id > ? ORDER BY id LIMIT ?').all(after, page) as Record<string, number>[];
		if (rows.length === 0) return lengths;
		for (const r of rows) for (let f = 0; f < 6; f++) lengths[Number(r['id']) * 6 + f] = Number(r[`m${f}`]);
		after = Number((rows.at(-1) as Record<string, number>)['id']);
		yield;
	}
}

/**
 * Every occurrence of the metadata words from `low` up to (not including) `high`, counted per
 * word, article and field: a word's count in a field, and (rows per field) its document count.
 */
export function metaHits(store: ShelfStore, low: string, high: string): {term: string; id: number; col: string; tf: number}[] {
	// Rows as SQLite gives them (TEXT as strings, INTEGER as numbers): thousands of them for a common word.
	return store.sql('SELECT term, doc AS id, col, count(*) AS tf FROM metainst WHERE term >= ? AND term < ? GROUP BY term, doc, col LIMIT 100000').all(low, high) as {term: string; id: number; col: string; tf: number}[];
}

/** Articles with metadata, and the sum of each field's length (for its average). */
export function metaTotals(store: ShelfStore): {docs: number; lengths: number[]} {
	const r = store.sql('SELECT count(*) AS n, total(m0) AS l0, total(m1) AS l1, total(m2) AS l2, total(m3) AS l3, total(m4) AS l4, total(m5) AS l5 FROM files').get() as Record<string, number>;
	return {docs: Number(r['n']), lengths: [0, 1, 2, 3, 4, 5].map(i => Number(r[`l${i}`]))};
}

