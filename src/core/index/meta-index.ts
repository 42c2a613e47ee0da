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
import {editDistance} from '../edit-distance.js';
import {idf, prefixWeight, termWeight} from './bm25.js';
import type {Article} from '../shelf/index.js';
import type {ShelfStore} from './store.js';
import {metaHits, metaLengthSteps, metaLengths, metaTotals, putMeta as storeMeta} from './meta-store.js';
import {drain} from '../steps.js';

const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;
const FIELD = new Map<string, number>(META_FIELDS.map((f, i) => [f, i]));

const unhex = (h: string): string => Buffer.from(h, 'hex').toString('utf8');

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
/**
 * Articles a search hands on, best first. A common word matches thousands of titles and
 * descriptions; the library shows 60 hits, and building MiniSearch's result for each of the
 * rest cost most of a key's time.
 */
const MAX_HITS = 500;

const bits = (mask: number): number => {
	let n = 0;
	for (let m = mask; m; m &= m - 1) n++;
	return n;
};

export class StoreMetaIndex implements MetaIndex {
	private cache: State | null = null;

	constructor(private readonly storeOf: () => ShelfStore, private readonly shelf: MetaShelf) {}

	/** The store's owner writes the metadata (when it reads a file); nothing to do here. */
	add(): void {}

	discard(): void {}

	/** Reads what the first search reads (fields' lengths, the vocabulary) a page at a time: the app spreads the pages between keys. */
	*warmSteps(): Generator<void> {
		const state = this.state();
		state.lengths ??= yield* metaLengthSteps(this.storeOf());
		state.vocab ??= yield* vocabularySteps(this.storeOf());
	}

	search(query: string, tokenize: (text: string) => string[]): MetaHit[] {
		const state = this.state();
		if (state.docs === 0) return [];
		const terms = tokenize(query).filter(t => t !== '');
		const plan = this.plan(terms, state);
		// Scores summed per article in slots, in the order MiniSearch meets the articles (its ties stay in that order).
		const slotOf = new Map<number, number>();
		const ids: number[] = [];
		const scores: number[] = [];
		const masks: number[] = [];
		const lengths = (state.lengths ??= metaLengths(this.storeOf()));
		for (const {bit, weight, postings: p} of plan) {
			for (let i = 0; i < p.ids.length; i++) {
				const id = p.ids[i] as number;
				const f = p.fields[i] as number;
				const tf = p.tf[i] as number;
				const length = lengths[id * 6 + f];
				if (length === undefined) continue;
				const n = p.docs[f] as number;
				const score = weight * META_BOOST[META_FIELDS[f] as typeof META_FIELDS[number]] * idf(state.docs, n) * termWeight(tf, length, state.avg[f] || 1);
				let slot = slotOf.get(id);
				if (slot === undefined) {
					slotOf.set(id, slot = ids.length);
					ids.push(id);
					scores.push(0);
					masks.push(0);
				}
				scores[slot] = (scores[slot] as number) + score;
				masks[slot] = (masks[slot] as number) | bit;
			}
		}
		// MiniSearch multiplies by the number of query words matched; only the best MAX_HITS go on.
		const finals = scores.map((score, slot) => score * (bits(masks[slot] as number) || 1));
		const kept = finals.map((_, slot) => slot).sort((x, y) => (finals[y] as number) - (finals[x] as number) || x - y).slice(0, MAX_HITS);
		return this.hitsOf(kept, plan, {slotOf, ids, finals});
	}

	/** Each query word's expansions (itself, the words it begins, the words within its fuzzy distance) with MiniSearch's weights, in its order. */
	private plan(terms: string[], state: State): {q: string; bit: number; word: string; weight: number; postings: Postings}[] {
		const plan: {q: string; bit: number; word: string; weight: number; postings: Postings}[] = [];
		terms.forEach((q, i) => {
			const bit = 1 << Math.min(30, terms.indexOf(q));
			const add = (word: string, weight: number, postings: Postings | undefined): void => void (postings && plan.push({q, bit, word, weight, postings}));
			const h = hex(q);
			const byTerm = this.hits(state, h, `${h}${searchOptions.prefix(q, i, terms) ? 'g' : '0'}`);
			add(q, 1, byTerm.get(q));
			const prefixed = [...byTerm.keys()].filter(w => w !== q).sort();
			for (const word of prefixed) add(word, prefixWeight(word, q), byTerm.get(word));
			const fuzzy = searchOptions.fuzzy(q);
			const distance = fuzzy === false ? 0 : Math.min(MAX_FUZZY, Math.round(q.length * fuzzy));
			if (distance === 0) return;
			const skip = new Set([q, ...prefixed]);
			const vocabulary = this.vocabulary(state);
			// An indexed loop: the vocabulary may hold 100,000 words, and this callback runs too seldom to be optimized.
			for (let v = 0; v < vocabulary.length; v++) {
				const word = vocabulary[v] as string;
				if (Math.abs(word.length - q.length) > distance || skip.has(word)) continue;
				const d = editDistance(q, word, distance);
				if (d > distance) continue;
				const w = hex(word);
				add(word, FUZZY_WEIGHT * word.length / (word.length + d), this.hits(state, w, `${w}0`).get(word));
			}
		});
		return plan;
	}

	/** The kept articles as MiniSearch's results: the query words each matched, and each matched word's fields. */
	private hitsOf(kept: number[], plan: ReturnType<StoreMetaIndex['plan']>, s: {slotOf: Map<number, number>; ids: number[]; finals: number[]}): MetaHit[] {
		const found = new Map<number, {terms: string[]; match: Record<string, string[]>; by: Record<string, string>}>(kept.map(slot => [slot, {terms: [], match: {}, by: {}}]));
		for (const {q, word, postings: p} of plan) {
			for (let i = 0; i < p.ids.length; i++) {
				const f = found.get(s.slotOf.get(p.ids[i] as number) ?? -1);
				if (!f) continue;
				if (!f.terms.includes(q)) f.terms.push(q);
				// A later query word matching the same word replaces its fields (MiniSearch's Object.assign).
				if (f.by[word] !== q) [f.match[word], f.by[word]] = [[], q];
				(f.match[word] as string[]).push(META_FIELDS[p.fields[i] as number] as string);
			}
		}
		const hits: MetaHit[] = [];
		for (const slot of kept) {
			const f = found.get(slot);
			const slug = this.shelf.slugOf(s.ids[slot] as number);
			if (f && slug !== undefined) hits.push({id: slug, score: s.finals[slot] as number, terms: Object.keys(f.match), queryTerms: f.terms, match: f.match});
		}
		return hits;
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
		return (state.vocab ??= drain(vocabularySteps(this.storeOf(), 100_000)));
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

/** Every metadata word, in order, `page` words at a time. */
function* vocabularySteps(store: ShelfStore, page = 500): Generator<void, string[]> {
	const words: string[] = [];
	for (let after = ''; ;) {
		const rows = store.sql('SELECT term FROM metavocab WHERE term > ? ORDER BY term LIMIT ?').all(after, page) as {term: string}[];
		if (rows.length === 0) return words;
		for (const r of rows) words.push(unhex(String(r.term)));
		after = String((rows.at(-1) as {term: string}).term);
		yield;
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
