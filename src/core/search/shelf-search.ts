/**
 * Finding things: shelf-wide search (minisearch: BM25+, prefix and fuzzy
 * matching, no dependencies), the library's type-to-filter, and find-in-article
 * over the rendered lines.
 *
 * Two indexes: titles and metadata (small, built at once, so a title is
 * findable the moment the shelf loads) and article text, which costs ~100×
 * more and can be built in the background in slices (`indexPending`).
 */
import MiniSearch from 'minisearch';
import {MemoryMetaIndex, shared, type MetaHit, type MetaIndex} from './meta.js';
import {snippet} from './snippet.js';
import {ExactTitles} from './exact-titles.js';
import {indexTokens, plainLines, queryTokens} from './text.js';
import type {Article} from '../shelf/index.js';

export {findInText, fuzzyFilter} from './text.js';

export interface SearchHit {
	slug: string;
	title: string;
	score: number;
	/** Where the query matched: the title, tags/category/description, or only the text. */
	kind: 'title' | 'meta' | 'body';
	/** The best matching line of the text, when the text matched (cut from the article's text when first read). */
	readonly snippet: {line: number /* 1-based, in the body */; text: string /* trimmed to ~120 chars, sanitized */} | null;
	/** The indexed terms that matched, lowercased. */
	matches: string[];
}

/** One article's match in the text index: MiniSearch's result shape, which the ranking below reads. */
export interface TextHit {
	id: string;
	score: number;
	/** Indexed terms that matched. */
	terms: string[];
	/** Query terms they matched for. */
	queryTerms: string[];
}

/**
 * Where article text is indexed: in memory (MiniSearch, below) or in the
 * persistent index on disk (core/index/text-index.ts). Titles and metadata
 * always stay in memory: they are small and ranked with their own weights.
 */
export interface TextIndex {
	search(query: string, tokenize: (text: string) => string[], prefix: (term: string, i: number, terms: string[]) => boolean): TextHit[];
	/** The indexed plain text of an article (for the snippet), or null when not indexed. */
	plainOf(slug: string): string | null;
}

type BodyDoc = {id: string; body: string};

export class ShelfSearch {
	private readonly meta: MetaIndex;
	private readonly memory: MemoryTextIndex | null;
	private readonly body: TextIndex;
	private readonly entries = new Map<string, Article>();
	private readonly titles = new ExactTitles();
	/** Articles whose text is not indexed yet, oldest first. */
	private readonly queue = new Map<string, Article>();

	/** `text`, `meta`: indexes kept elsewhere (on disk) and filled by their owner; by default both are made here, in memory. */
	constructor(text?: TextIndex, meta?: MetaIndex) {
		this.memory = text ? null : new MemoryTextIndex();
		this.body = text ?? (this.memory as MemoryTextIndex);
		this.meta = meta ?? new MemoryMetaIndex();
	}

	/** Articles indexed (titles and metadata; see `pending` for text). */
	get size(): number {
		return this.entries.size;
	}

	/** The indexed article of that slug (what a hit's slug stands for). */
	articleOf(slug: string): Article | undefined {
		return this.entries.get(slug);
	}

	/** Articles whose text is still to be indexed by `indexPending`. */
	get pending(): number {
		return this.queue.size;
	}

	/** Indexes an article (replacing an earlier version); its text now, or later when `deferText`. */
	add(article: Article, {deferText = false}: {deferText?: boolean} = {}): void {
		this.remove(article.slug);
		this.entries.set(article.slug, article);
		this.titles.add(article.slug, article.title);
		this.meta.add(article);
		// A broken article's body is whatever could be read (maybe binary): only its title and metadata count.
		if (article.error || !this.memory) return;
		if (deferText) this.queue.set(article.slug, article);
		else this.memory.add(article);
	}

	remove(slug: string): void {
		const article = this.entries.get(slug);
		if (!article) return;
		this.entries.delete(slug);
		this.titles.remove(slug, article.title);
		this.meta.discard(slug);
		this.memory?.discard(slug);
		this.queue.delete(slug);
	}

	/** Reads what the first search would (once everything is indexed), a step at a time: the first key is not the slow one. */
	*warmSteps(): Generator<void> {
		if (this.meta.warmSteps) yield* this.meta.warmSteps();
	}

	/** Indexes queued text for about `budgetMs`; true once nothing is left. Call between keystrokes. */
	indexPending(budgetMs: number): boolean {
		const until = performance.now() + budgetMs;
		for (const slug of this.queue.keys()) {
			this.queue.delete(slug);
			const article = this.entries.get(slug);
			if (article) this.memory?.add(article);
			if (performance.now() >= until) break;
		}
		return this.queue.size === 0;
	}

	search(query: string, options: {limit?: number} = {}): SearchHit[] {
		const limit = options.limit ?? 20;
		if (query.trim() === '' || limit <= 0) return [];
		// Every query word must match somewhere; if no article has them all, any word or part of one will do.
		let found = this.collect(query, queryTokens(query), queryTokens);
		if (found.size === 0) found = this.collect(query, [], indexTokens);
		const exact = this.titles.find(query, slug => this.entries.get(slug)?.title);
		for (const slug of exact) found.set(slug, {...found.get(slug) ?? {score: 0}, tier: 0, kind: 'title'});
		const ranked = [...found].sort(([, a], [, b]) => a.tier - b.tier || b.score - a.score);
		const body = this.body;
		return ranked.slice(0, limit).map(([slug, f]) => {
			const article = this.entries.get(slug);
			const bodyTerms = f.body?.terms ?? [];
			let cut: SearchHit['snippet'] | undefined;
			return {
				slug, title: article?.title ?? '', score: f.score, kind: f.kind,
				// Cut when first read: each cut reads the article's file, and the library shows a screen of the
				// hits, most of them often already listed by their titles (without a snippet).
				get snippet(): SearchHit['snippet'] {
					if (cut === undefined) {
						const plain = bodyTerms.length ? body.plainOf(slug) : null;
						cut = plain ? snippet(plain, bodyTerms, query) : null;
					}
					return cut;
				},
				matches: [...new Set([...(f.meta?.terms ?? []), ...bodyTerms])],
			};
		});
	}

	/**
	 * Both indexes' results per article, in tiers. 1: a query word (or its
	 * start) is in the title or metadata; 2: in the text; 3: only fuzzy matches,
	 * so "Deplot charts" does not outrank an article that says "deploy".
	 */
	private collect(query: string, required: string[], tokenize: (text: string) => string[]): Map<string, Found> {
		const found = new Map<string, Found>();
		for (const r of this.meta.search(query, tokenize)) {
			const kind = strongIn(r, f => f === 'title') ? 'title' : strongIn(r, f => f !== 'title') ? 'meta' : null;
			const fuzzyKind = Object.values(r.match).some(f => f.includes('title')) ? 'title' : 'meta';
			found.set(String(r.id), {score: r.score, tier: kind ? 1 : 3, kind: kind ?? fuzzyKind, meta: r});
		}
		for (const r of this.body.search(query, tokenize, TEXT_PREFIX)) {
			const tier = r.terms.some(t => r.queryTerms.some(q => t.startsWith(q))) ? 2 : 3;
			const f = found.get(String(r.id));
			if (!f) {
				found.set(String(r.id), {score: r.score, tier, kind: 'body', body: r});
				continue;
			}
			f.score += r.score;
			f.body = r;
			if (tier < f.tier) [f.tier, f.kind] = [tier, 'body'];
		}
		// With one query word every result has it; only longer queries need the check.
		if (required.length > 1) {
			for (const [slug, f] of found) {
				if (!required.every(q => f.meta?.queryTerms.includes(q) || f.body?.queryTerms.includes(q))) found.delete(slug);
			}
		}
		return found;
	}
}

/** A term found by its exact spelling or as a prefix (not fuzzily) in one of the given fields. */
function strongIn(r: MetaHit, field: (name: string) => boolean): boolean {
	for (const term in r.match) {
		if (r.queryTerms.some(q => term.startsWith(q)) && (r.match[term] ?? []).some(field)) return true;
	}
	return false;
}

interface Found {
	score: number;
	tier: number;
	kind: SearchHit['kind'];
	meta?: MetaHit;
	body?: TextHit;
}

/**
 * The text's vocabulary is large: fuzzy matching and short prefixes there cost tens of
 * milliseconds a key on a shelf of thousands, so they are kept to titles and metadata.
 */
const TEXT_PREFIX = (term: string, i: number, terms: string[]): boolean => i === terms.length - 1 && term.length > 3;

/** Article text indexed in memory: the index when there is no persistent one (and in tests). */
class MemoryTextIndex implements TextIndex {
	private readonly index = new MiniSearch<BodyDoc>({...shared, fields: ['body'], searchOptions: {...shared.searchOptions, fuzzy: false, prefix: TEXT_PREFIX}});
	private readonly plain = new Map<string, string>();

	add(article: Article): void {
		const plain = plainLines(article.body).join('\n');
		this.discard(article.slug);
		this.plain.set(article.slug, plain);
		this.index.add({id: article.slug, body: plain});
	}

	discard(slug: string): void {
		if (this.plain.delete(slug)) this.index.discard(slug);
	}

	search(query: string, tokenize: (text: string) => string[]): TextHit[] {
		return this.index.search(query, {combineWith: 'OR', tokenize}).map(r => ({id: String(r.id), score: r.score, terms: r.terms, queryTerms: r.queryTerms}));
	}

	plainOf(slug: string): string | null {
		return this.plain.get(slug) ?? null;
	}
}

/** Builds the whole index now, text included; pass `deferText` to leave the text to `indexPending`. */
export function createSearchIndex(articles: readonly Article[], options: {deferText?: boolean} = {}): ShelfSearch {
	const index = new ShelfSearch();
	for (const article of articles) index.add(article, options);
	return index;
}
