/**
 * Titles and metadata as search sees them: the fields, their weights and the
 * query options, shared by the in-memory MiniSearch index and the persistent
 * one (core/index/meta-index.ts), which ranks exactly the MiniSearch way.
 */
import MiniSearch from 'minisearch';
import {indexTokens, queryTokens} from './text.js';
import type {Article} from '../shelf/index.js';

/** The metadata fields, in MiniSearch's order (scores are summed in it), and their boosts. */
export const META_FIELDS = ['title', 'aliases', 'tags', 'category', 'authors', 'description'] as const;
export type MetaField = typeof META_FIELDS[number];
export const META_BOOST: Record<MetaField, number> = {title: 6, aliases: 5, tags: 3, authors: 3, category: 2, description: 2};

/** An article's metadata fields as text, in META_FIELDS order. */
export function metaFieldsOf(article: Article): string[] {
	return [
		article.title, (article.aliases ?? []).join(' '), article.tags.join(' '),
		article.categories?.length ? article.categories.join(' ') : article.category, (article.authors ?? []).join(' '), article.description,
	];
}

export const searchOptions = {
	tokenize: queryTokens,
	processTerm: (term: string) => term,
	// Only the last word is still being typed; two letters would expand to hundreds of words.
	prefix: (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length > 2,
	// Fuzzy only for longer words: "rust" would also find "just" and "trust",
	// and never for terms with digits: CVE-2024-3095 is another vulnerability.
	fuzzy: (term: string) => (term.length >= 5 && !/\d/.test(term) ? 0.2 : false),
};

export const shared = {tokenize: indexTokens, processTerm: (term: string) => term, searchOptions};

/** One article's match in the metadata: MiniSearch's result shape. */
export interface MetaHit {
	id: string;
	score: number;
	/** Indexed terms that matched. */
	terms: string[];
	/** Query terms they matched for. */
	queryTerms: string[];
	/** Each matched indexed term, and the fields it matched in. */
	match: Record<string, string[]>;
}

/** Where titles and metadata are indexed: in memory (below) or in the persistent index. */
export interface MetaIndex {
	/** Every word of the query OR-ed, tokenized with `tokenize`; prefix and fuzzy as `searchOptions` says. */
	search(query: string, tokenize: (text: string) => string[]): MetaHit[];
	add(article: Article): void;
	discard(slug: string): void;
	/** Reads what the first search would read (a quiet moment's work instead of the first key's), yielding between pages of it. */
	warmSteps?(): Generator<void>;
}

type MetaDoc = {id: string} & Record<MetaField, string>;

/** Metadata indexed in memory (MiniSearch): without a persistent index, and in tests. */
export class MemoryMetaIndex implements MetaIndex {
	private readonly index = new MiniSearch<MetaDoc>({...shared, fields: [...META_FIELDS]});

	add(article: Article): void {
		const values = metaFieldsOf(article);
		const doc = {id: article.slug} as MetaDoc;
		META_FIELDS.forEach((f, i) => (doc[f] = values[i] as string));
		this.index.add(doc);
	}

	discard(slug: string): void {
		this.index.discard(slug);
	}

	search(query: string, tokenize: (text: string) => string[]): MetaHit[] {
		return this.index.search(query, {combineWith: 'OR', tokenize, boost: META_BOOST}).map(r => ({id: String(r.id), score: r.score, terms: r.terms, queryTerms: r.queryTerms, match: r.match}));
	}
}
