/**
 * Titles and metadata searched in the store's FTS5 `meta` table, ranked the
 * way the in-memory MiniSearch index ranks them (search/meta.ts): BM25+ per
 * field (k 1.2, b 0.7, d 0.5) with the field boosts, prefix and fuzzy
 * expansions weighted as MiniSearch weighs them, the sum times the number of
 * query words matched. Nothing of it is rebuilt at start.
 *
 * Each word's count per article and field comes from FTS5's instance
 * vocabulary in one query (its document count per field is the number of
 * those rows); fields' lengths are read once per version of the index.
 */
import {META_BOOST, META_FIELDS, metaFieldsOf, indexTokens, searchOptions, type MetaHit, type MetaIndex} from '../search/index.js';
import {hex} from './text-index.js';
import type {Article} from '../shelf/index.js';
import type {ShelfStore} from './store.js';
import {metaHits, metaLengths, metaTotals, putMeta as storeMeta} from './meta-store.js';

const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
const FIELD = new Map<string, number>(META_FIELDS.map((f, i) => [f, i]));

const unhex = (h: string): string => Buffer.from(h, 'hex').toString('utf8');

interface Found {
	score: number;
	terms: string[];
	match: Record<string, string[]>;
}

type Hit = ReturnType<typeof metaHits>[number];

/** One word's occurrences, in the order MiniSearch meets them (field by field, each in shelf order): compact, as they are kept between keys. */
interface Postings {
	ids: Int32Array;
	fields: Uint8Array;
	tf: Uint16Array;
	/** Articles holding the word, per field. */
	docs: Int32Array;
}

export interface MetaShelf {
	slugOf(id: number): string | undefined;
	/** The article's place in the shelf's order (MiniSearch meets equal scores in that order). */
	positionOf(id: number): number;
	/** Changes whenever the metadata in the store changes. */
	version(): number;
}

interface State {
	version: number;
	docs: number;
	avg: number[];
	vocab: string[] | null;
	lengths: ReturnType<typeof metaLengths> | null;
	/** Hits by word range: typing asks for the same words on each key. */
	hits: Map<string, Map<string, Postings>>;
	cachedHits: number;
}

/** Hits kept between keys. */
const CACHED_HITS = 30_000;

export class StoreMetaIndex implements MetaIndex {
	private cache: State | null = null;

	constructor(private readonly storeOf: () => ShelfStore, private readonly shelf: MetaShelf) {}

	/** The store's owner writes the metadata (when it reads a file); nothing to do here. */
	add(): void {}

	discard(): void {}

	search(query: string, tokenize: (text: string) => string[]): MetaHit[] {
		const state = this.state();
		if (state.docs === 0) return [];
		const terms = tokenize(query).filter(t => t !== '');
		const all = new Map<number, Found>();
		terms.forEach((q, i) => {
			const one = new Map<number, Found>();
			const h = hex(q);
			const prefix = searchOptions.prefix(q, i, terms);
			const byTerm = this.hits(state, h, `${h}${prefix ? 'g' : '0'}`);
			this.score(q, q, 1, byTerm.get(q), one, state);
			const prefixed = [...byTerm.keys()].filter(w => w !== q).sort();
			for (const word of prefixed) this.score(q, word, PREFIX_WEIGHT * word.length / (word.length + 0.3 * (word.length - q.length)), byTerm.get(word), one, state);
			const fuzzy = searchOptions.fuzzy(q);
			const distance = fuzzy === false ? 0 : Math.min(MAX_FUZZY, Math.round(q.length * fuzzy));
			if (distance > 0) {
				const skip = new Set([q, ...prefixed]);
				for (const word of this.vocabulary(state)) {
					if (Math.abs(word.length - q.length) > distance || skip.has(word)) continue;
					const d = editDistance(q, word, distance);
					if (d > distance) continue;
					const w = hex(word);
					this.score(q, word, FUZZY_WEIGHT * word.length / (word.length + d), this.hits(state, w, `${w}0`).get(word), one, state);
				}
			}
			for (const [id, f] of one) {
				const was = all.get(id);
				if (!was) all.set(id, f);
				else {
					was.score += f.score;
					Object.assign(was.match, f.match);
					for (const t of f.terms) if (!was.terms.includes(t)) was.terms.push(t);
				}
			}
		});
		const hits: MetaHit[] = [];
		for (const [id, f] of all) {
			const slug = this.shelf.slugOf(id);
			if (slug !== undefined) hits.push({id: slug, score: f.score * (f.terms.length || 1), terms: Object.keys(f.match), queryTerms: f.terms, match: f.match});
		}
		return hits.sort((a, b) => b.score - a.score);
	}

	/** Adds the BM25+ score of `word` (standing for query word `q`) in each field to the articles holding it, field by field, in shelf order. */
	private score(q: string, word: string, weight: number, hits: Postings | undefined, found: Map<number, Found>, state: State): void {
		if (!hits) return;
		const lengths = (state.lengths ??= metaLengths(this.storeOf()));
		for (let i = 0; i < hits.ids.length; i++) {
			const id = hits.ids[i] as number;
			const f = hits.fields[i] as number;
			const tf = hits.tf[i] as number;
			const field = META_FIELDS[f] as typeof META_FIELDS[number];
			const n = hits.docs[f] as number;
			const length = lengths[id * 6 + f];
			if (length === undefined) continue;
			const idf = Math.log(1 + (state.docs - n + 0.5) / (n + 0.5));
			const score = weight * META_BOOST[field] * idf * (D + tf * (K + 1) / (tf + K * (1 - B + B * length / (state.avg[f] || 1))));
			const was = found.get(id);
			if (!was) {
				found.set(id, {score, terms: [q], match: {[word]: [field]}});
				continue;
			}
			was.score += score;
			if (!was.terms.includes(q)) was.terms.push(q);
			(was.match[word] ??= []).push(field);
		}
	}

	/** The words from `low` up to `high` (hex) and their postings; kept between keys (typing asks for the same words on each key). */
	private hits(state: State, low: string, high: string): Map<string, Postings> {
		const key = `${low}:${high}`;
		let hits = state.hits.get(key);
		if (!hits) {
			if (state.cachedHits >= CACHED_HITS) {
				state.hits.clear();
				state.cachedHits = 0;
			}
			const rows = metaHits(this.storeOf(), low, high);
			hits = new Map([...groupByTerm(rows)].map(([word, list]) => [word, this.postings(list)]));
			state.hits.set(key, hits);
			state.cachedHits += rows.length;
		}
		return hits;
	}

	private postings(list: Hit[]): Postings {
		const order = list.map(hit => ({hit, field: FIELD.get(hit.col) ?? -1, at: this.shelf.positionOf(hit.id)})).filter(o => o.field >= 0).sort((a, b) => a.field - b.field || a.at - b.at);
		const p: Postings = {ids: new Int32Array(order.length), fields: new Uint8Array(order.length), tf: new Uint16Array(order.length), docs: new Int32Array(META_FIELDS.length)};
		order.forEach(({hit, field}, i) => {
			p.ids[i] = hit.id;
			p.fields[i] = field;
			p.tf[i] = Math.min(65535, hit.tf);
			p.docs[field] = (p.docs[field] as number) + 1;
		});
		return p;
	}

	/** Every metadata word (for fuzzy matching), read once per version of the index. */
	private vocabulary(state: State): string[] {
		state.vocab ??= (this.storeOf().db.prepare('SELECT term FROM metavocab').all() as {term: string}[]).map(r => unhex(String(r.term)));
		return state.vocab;
	}

	private state(): State {
		const version = this.shelf.version();
		if (this.cache?.version !== version) {
			const totals = metaTotals(this.storeOf());
			this.cache = {version, docs: totals.docs, avg: totals.lengths.map(l => l / Math.max(1, totals.docs)), vocab: null, lengths: null, hits: new Map(), cachedHits: 0};
		}
		return this.cache;
	}
}

function groupByTerm(hits: Hit[]): Map<string, Hit[]> {
	const byHex = new Map<string, Hit[]>();
	for (const hit of hits) {
		const list = byHex.get(hit.term);
		if (list) list.push(hit);
		else byHex.set(hit.term, [hit]);
	}
	return new Map([...byHex].map(([h, list]) => [unhex(h), list]));
}

/** Writes an article's title and metadata into the store's `meta` table, tokenized as MiniSearch tokenizes them. */
export function putMeta(store: ShelfStore, id: number, article: Article): void {
	const tokens = metaFieldsOf(article).map(text => indexTokens(text));
	storeMeta(store, id, tokens.map(t => t.map(hex).join(' ')), tokens.map(t => new Set(t).size));
}

/** Levenshtein distance of `a` and `b`, or anything above `max` once it is sure to exceed it. */
function editDistance(a: string, b: string, max: number): number {
	// Within `max` edits at least one of a's first max + 1 characters is kept, so it is somewhere in b.
	let kept = false;
	for (let i = 0; i <= max && i < a.length && !kept; i++) kept = b.includes(a[i] as string);
	if (!kept && a.length > max) return max + 1;
	let previous = new Int32Array(b.length + 1).map((_, j) => j);
	let current = new Int32Array(b.length + 1);
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			const v = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
			current[j] = v;
			if (v < best) best = v;
		}
		if (best > max) return max + 1;
		[previous, current] = [current, previous];
	}
	return previous[b.length] as number;
}
