/**
 * Full-text search over the store's FTS5 table, ranked exactly as the
 * in-memory MiniSearch index ranks (BM25+, k 1.2, b 0.7, d 0.5, prefix
 * weights, score × query terms matched), so a shelf finds the same top hits
 * with or without its persistent index.
 *
 * FTS5 finds the candidates: per term, the best by its own bm25(). Its bm25
 * (b 0.75, no +d, idf clamped at 1e-6) is turned back into the term
 * frequency, using the token count stored per article, and scored again the
 * MiniSearch way.
 *
 * Tokens are made by our own tokenizer (search/text.ts), which keeps
 * identifiers like `pd.read_csv` whole; FTS5's tokenizers would split them.
 * Each token is stored hex-encoded, so FTS5's `ascii` tokenizer sees one
 * opaque word per token, and a hex prefix is still a prefix of the term.
 */
import type {ShelfStore} from './store.js';
import {indexTokens, plainLines} from '../search/index.js';
import {K, idf, prefixWeight, termWeight} from './bm25.js';
import type {Article} from '../shelf/index.js';
import type {TextHit, TextIndex} from '../search/index.js';

/** Candidates per term taken from FTS5, best first: many more than a screen of results. */
const PER_TERM = 500;
/**
 * Words a typed prefix may stand for (`deplo` → deploy, deployed, deployment...), most common
 * first, and the candidates taken for each: a prefix word weighs at most 0.375 of the word
 * itself, and without this cap one key scored 20,000 rows.
 */
const PREFIX_TERMS = 20;
const PER_PREFIX_TERM = 100;
/** Candidate rows kept between keys (a word has up to PER_TERM). */
const CACHED_ROWS = 30_000;
/** Plain texts kept for snippets (a screen of hits, a few keys long). */
const KEPT_TEXTS = 150;
const FTS_B = 0.75;

export const hex = (term: string): string => Buffer.from(term, 'utf8').toString('hex');
const unhex = (h: string): string => Buffer.from(h, 'hex').toString('utf8');

/** What the ranking needs to know about the indexed texts. */
export interface TextStats {
	/** Articles in the text index; those among them with any text; their total tokens and distinct tokens. A new object whenever the index changed. */
	totals(): {docs: number; ftsDocs: number; words: number; unique: number};
}

export class StoreTextIndex implements TextIndex {
	/**
	 * Articles holding each term: FTS5 reads a term's whole document list to
	 * count them (~25 ms for a word in every article of 20,000), and typing
	 * asks for the same words again and again. Emptied when the index changes.
	 */
	private readonly docCounts = new Map<string, number>();
	/** A word's best candidates, and a prefix's words: asked for again on each key typed after them. Emptied when the index changes. */
	private readonly candidates = new Map<string, {id: number; score: number; words: number; uniq: number}[]>();
	private readonly prefixes = new Map<string, {term: string; doc: number}[]>();
	private cachedRows = 0;
	/** Plain texts of the last snippets, by slug. */
	private readonly plains = new Map<string, string | null>();
	/** The ids of the last search's hits by slug: their snippets are asked for by slug, and a map of every slug is 3.5 MiB at 100,000. */
	private hitIds = new Map<string, number>();
	private countsOf: object | null = null;

	/** `ids`: the shelf's file ids and slugs both ways (slugs are given by the loader, ids by the store), and an article's text now. */
	constructor(
		private readonly storeOf: () => ShelfStore,
		private readonly ids: {slugOf(id: number): string | undefined; idOf(slug: string): number | undefined; plainOf(id: number): string | null},
		private readonly stats: TextStats,
	) {}

	search(query: string, tokenize: (text: string) => string[], prefix: (term: string, i: number, terms: string[]) => boolean): TextHit[] {
		const terms = tokenize(query);
		const db = this.storeOf().db;
		const totals = this.stats.totals();
		if (totals.ftsDocs === 0) return [];
		const avgWords = totals.words / totals.ftsDocs;
		const avgUnique = totals.unique / Math.max(1, totals.docs);
		if (this.countsOf !== totals || this.cachedRows > CACHED_ROWS) {
			this.cachedRows = 0;
			this.docCounts.clear();
			this.candidates.clear();
			this.plains.clear();
			this.prefixes.clear();
			this.countsOf = totals;
		}
		const docCount = (term: string): number => {
			let n = this.docCounts.get(term);
			if (n === undefined) {
				n = Number((db.prepare('SELECT doc FROM vocab WHERE term = ?').get(hex(term)) as {doc: number} | undefined)?.doc ?? 0);
				this.docCounts.set(term, n);
			}
			return n;
		};
		// Each candidate's token counts come with it: the index keeps none of them in memory.
		const match = db.prepare(`SELECT m.id AS id, m.score AS score, f.words AS words, f.uniq AS uniq
			FROM (SELECT rowid AS id, bm25(text) AS score FROM text WHERE text MATCH ? ORDER BY rank LIMIT ?) AS m JOIN files AS f ON f.id = m.id`);
		// Arrays, not sets: a few words each, for thousands of articles on every key.
		const found = new Map<number, {score: number; terms: string[]; queryTerms: string[]}>();
		terms.forEach((q, i) => {
			const words = new Map<string, number>();
			const exact = docCount(q);
			if (exact > 0) words.set(q, exact);
			if (prefix(q, i, terms)) {
				const h = hex(q);
				let rows = this.prefixes.get(q);
				if (!rows) this.prefixes.set(q, rows = db.prepare('SELECT term, doc FROM vocab WHERE term > ? AND term < ? ORDER BY doc DESC LIMIT ?').all(h, `${h}g`, PREFIX_TERMS) as {term: string; doc: number}[]);
				for (const r of rows) words.set(unhex(r.term), Number(r.doc));
			}
			for (const [word, n] of words) {
				const weight = word === q ? 1 : prefixWeight(word, q);
				const ftsIdf = Math.max(1e-6, Math.log((totals.ftsDocs - n + 0.5) / (n + 0.5)));
				const wordIdf = idf(totals.docs, n);
				let best = this.candidates.get(word);
				if (!best) {
					this.candidates.set(word, best = match.all(`tokens : "${hex(word)}"`, word === q ? PER_TERM : PER_PREFIX_TERM) as {id: number; score: number; words: number; uniq: number}[]);
					this.cachedRows += best.length;
				}
				for (const row of best) {
					const id = Number(row.id);
					const s = {words: Number(row.words), unique: Number(row.uniq)};
					// Text changed since it was indexed, and not indexed again yet: not ranked on the old text.
					if (s.words <= 0) continue;
					// FTS5's bm25 for one term is -idf × tf(k+1)/(tf + k·c); solved for tf.
					const t = -Number(row.score) / ftsIdf;
					const c = 1 - FTS_B + FTS_B * s.words / avgWords;
					const tf = Math.max(1, Math.round(t * K * c / Math.max(1e-9, K + 1 - t)));
					const score = weight * wordIdf * termWeight(tf, s.unique, avgUnique);
					let f = found.get(id);
					if (!f) found.set(id, f = {score: 0, terms: [], queryTerms: []});
					f.score += score;
					if (!f.terms.includes(word)) f.terms.push(word);
					if (!f.queryTerms.includes(q)) f.queryTerms.push(q);
				}
			}
		});
		const hits: TextHit[] = [];
		this.hitIds = new Map();
		for (const [id, f] of found) {
			const slug = this.ids.slugOf(id);
			if (slug === undefined) continue;
			this.hitIds.set(slug, id);
			// MiniSearch multiplies by the number of query terms matched.
			hits.push({id: slug, score: f.score * f.queryTerms.length, terms: f.terms, queryTerms: f.queryTerms});
		}
		return hits;
	}

	plainOf(slug: string): string | null {
		// Each key typed asks for the snippets of nearly the same hits again: the last few are kept.
		const kept = this.plains.get(slug);
		if (kept !== undefined) return kept;
		const id = this.hitIds.get(slug) ?? this.ids.idOf(slug);
		if (id === undefined) return null;
		const plain = this.ids.plainOf(id);
		if (this.plains.size >= KEPT_TEXTS) this.plains.delete(this.plains.keys().next().value as string);
		this.plains.set(slug, plain);
		return plain;
	}
}

/** Indexes an article's text as read now; a broken article has no text to search (only its title and metadata count). */
export function indexText(store: ShelfStore, id: number, article: Article): void {
	if (article.error !== undefined) return store.putText(id, null);
	const tokens = indexTokens(plainLines(article.body).join('\n'));
	store.putText(id, {tokens: tokens.map(hex).join(' '), words: tokens.length, unique: new Set(tokens).size});
}
