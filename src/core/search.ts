/**
 * Finding things: shelf-wide search (minisearch: BM25+, prefix and fuzzy
 * matching, no dependencies), the library's type-to-filter, and find-in-article
 * over the rendered lines.
 */
import MiniSearch, {type SearchResult} from 'minisearch';
import {sanitizeLine} from './sanitize.js';
import {indexTokens, plainLines, queryTokens} from './search-text.js';
import {visibleWidth} from './render/wrap.js';
import type {Article} from './types.js';

export interface SearchHit {
	slug: string;
	title: string;
	score: number;
	/** Where the query matched: the title, tags/category/description, or only the text. */
	kind: 'title' | 'meta' | 'body';
	/** The best matching line of the text, when the text matched. */
	snippet: {line: number /* 1-based, in the body */; text: string /* trimmed to ~120 chars, sanitized */} | null;
	/** The indexed terms that matched, lowercased. */
	matches: string[];
}

interface Doc {
	id: string;
	title: string;
	tags: string;
	category: string;
	description: string;
	body: string;
}

const META = ['tags', 'category', 'description'];
const SNIPPET_WIDTH = 120;
const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

export class ShelfSearch {
	private readonly ms = new MiniSearch<Doc>({
		fields: ['title', 'tags', 'category', 'description', 'body'],
		tokenize: indexTokens,
		processTerm: term => term,
		searchOptions: {
			boost: {title: 6, tags: 3, category: 2, description: 2, body: 1},
			tokenize: queryTokens,
			processTerm: term => term,
			prefix: term => term.length > 1,
			// Fuzzy only for longer words: "rust" would also find "just" and "trust",
			// and never for terms with digits: CVE-2024-3095 is another vulnerability.
			fuzzy: term => (term.length >= 5 && !/\d/.test(term) ? 0.2 : false),
		},
	});
	private readonly articles = new Map<string, {article: Article; lines: string[]}>();

	/** Articles indexed so far. */
	get size(): number {
		return this.articles.size;
	}

	/** Indexes one article, replacing an earlier version of it. */
	add(article: Article): void {
		if (this.articles.has(article.slug)) this.remove(article.slug);
		// A broken article's body is whatever could be read (maybe binary): only its title is searched.
		const lines = article.error ? [] : plainLines(article.body);
		this.articles.set(article.slug, {article, lines});
		this.ms.add({
			id: article.slug, title: article.title, tags: article.tags.join(' '), category: article.category,
			description: article.description, body: lines.join('\n'),
		});
	}

	remove(slug: string): void {
		if (!this.articles.delete(slug)) return;
		this.ms.discard(slug);
	}

	/**
	 * Indexes `articles[from…]` for about `budgetMs` and returns where to resume
	 * (`articles.length` when done): lets a UI build the index between keystrokes.
	 */
	addFor(articles: readonly Article[], from: number, budgetMs: number): number {
		const until = performance.now() + budgetMs;
		let i = from;
		while (i < articles.length) {
			this.add(articles[i++] as Article);
			if (performance.now() >= until) break;
		}
		return i;
	}

	search(query: string, options: {limit?: number} = {}): SearchHit[] {
		const limit = options.limit ?? 20;
		if (query.trim() === '' || limit <= 0) return [];
		// Every word must match; if that finds nothing, any word or part of one may.
		let results = this.ms.search(query, {combineWith: 'AND'});
		if (results.length === 0) results = this.ms.search(query, {combineWith: 'OR', tokenize: indexTokens});
		const wanted = norm(query);
		const ranked = results.map(r => this.rank(r, wanted));
		ranked.sort((a, b) => a.tier - b.tier || b.result.score - a.result.score);
		return ranked.slice(0, limit).map(({result, kind}) => {
			const entry = this.articles.get(String(result.id));
			return {
				slug: String(result.id), title: entry?.article.title ?? '', score: result.score, kind,
				snippet: entry ? snippet(entry.lines, bodyTerms(result)) : null, matches: result.terms,
			};
		});
	}

	/**
	 * Tier 0: the title is the query; 1: a query word (or its beginning) is in
	 * the title or metadata; 2: the rest. A fuzzy-only title match ("trust" for
	 * "rust") does not lift an article above ones that really mention the word.
	 */
	private rank(result: SearchResult, wanted: string): {result: SearchResult; tier: number; kind: SearchHit['kind']} {
		const title = this.articles.get(String(result.id))?.article.title ?? '';
		if (norm(title) === wanted) return {result, tier: 0, kind: 'title'};
		const strong = (term: string): boolean => result.queryTerms.some(q => term.startsWith(q));
		const matched = Object.entries(result.match);
		const strongIn = (field: (f: string) => boolean): boolean => matched.some(([term, fields]) => strong(term) && fields.some(field));
		if (strongIn(f => f === 'title')) return {result, tier: 1, kind: 'title'};
		if (strongIn(f => META.includes(f))) return {result, tier: 1, kind: 'meta'};
		const anyIn = (field: string): boolean => matched.some(([, fields]) => fields.includes(field));
		return {result, tier: 2, kind: anyIn('body') ? 'body' : anyIn('title') ? 'title' : 'meta'};
	}
}

export function createSearchIndex(articles: readonly Article[]): ShelfSearch {
	const index = new ShelfSearch();
	for (const article of articles) index.add(article);
	return index;
}

function bodyTerms(result: SearchResult): string[] {
	return Object.entries(result.match).filter(([, fields]) => fields.includes('body')).map(([term]) => term);
}

/** The line holding the most distinct matched terms (the first such), trimmed around the first match. */
function snippet(lines: readonly string[], terms: readonly string[]): SearchHit['snippet'] {
	if (terms.length === 0) return null;
	let best = -1;
	let bestCount = 0;
	for (let i = 0; i < lines.length; i++) {
		const lower = (lines[i] as string).toLowerCase();
		// A cheap substring test first: most lines hold none of the terms.
		if (!terms.some(t => lower.includes(t))) continue;
		const tokens = new Set(indexTokens(lower));
		const count = terms.filter(t => tokens.has(t)).length;
		if (count > bestCount) [best, bestCount] = [i, count];
		if (count === terms.length) break;
	}
	if (best < 0) return null;
	const line = (lines[best] as string).replace(/\s+/g, ' ').trim();
	const lower = line.toLowerCase();
	const at = Math.min(...terms.map(t => lower.indexOf(t)).filter(n => n >= 0), lower.length);
	return {line: best + 1, text: sanitizeLine(around(line, at, SNIPPET_WIDTH))};
}

/** About `width` characters of `line` with `at` (a UTF-16 index) in view, with … where cut. */
function around(line: string, at: number, width: number): string {
	const chars = [...line];
	if (chars.length <= width) return line;
	const atChar = [...line.slice(0, at)].length;
	const start = Math.max(0, Math.min(atChar - Math.floor(width / 3), chars.length - width));
	const end = Math.min(chars.length, start + width);
	return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('').trim()}${end < chars.length ? '…' : ''}`;
}

/**
 * Type-to-filter for short strings (titles, tags): every word of the query
 * must appear in order, not necessarily together (`pyint` finds "Python
 * internals"). Hand-written rather than a dependency: it is forty lines and
 * must return the matched positions for highlighting. Positions index code
 * points (`[...text]`). Best first; an empty query keeps every item, in order.
 */
export function fuzzyFilter(query: string, items: readonly {key: string; text: string}[]): {key: string; score: number; positions: number[]}[] {
	const words = query.toLowerCase().split(/\s+/).filter(w => w !== '').map(w => [...w]);
	const out: {key: string; score: number; positions: number[]}[] = [];
	for (const item of items) {
		const chars = [...item.text];
		const lower = chars.map(c => c.toLowerCase());
		let score = 0;
		const positions = new Set<number>();
		for (const word of words) {
			const m = matchWord(word, lower, chars);
			if (!m) {
				score = -Infinity;
				break;
			}
			score += m.score;
			for (const p of m.positions) positions.add(p);
		}
		if (score > -Infinity) out.push({key: item.key, score: score - chars.length / 100, positions: [...positions].sort((a, b) => a - b)});
	}
	return words.length === 0 ? out.map(o => ({...o, score: 0})) : out.sort((a, b) => b.score - a.score);
}

/** Best of the greedy matches from each possible first character: word starts and runs score high. */
function matchWord(word: string[], lower: string[], chars: string[]): {score: number; positions: number[]} | null {
	const boundary = (i: number): number => {
		const prev = chars[i - 1];
		if (prev === undefined) return 10;
		if (!/[\p{L}\p{N}]/u.test(prev)) return 8;
		return /\p{Ll}/u.test(prev) && /\p{Lu}/u.test(chars[i] ?? '') ? 6 : 0;
	};
	let best: {score: number; positions: number[]} | null = null;
	for (let start = 0; start < lower.length; start++) {
		if (lower[start] !== word[0]) continue;
		const positions = [start];
		let score = boundary(start) - start / 10;
		for (let i = start + 1; i < lower.length && positions.length < word.length; i++) {
			if (lower[i] !== word[positions.length]) continue;
			const prev = positions[positions.length - 1] as number;
			score += i === prev + 1 ? 6 : boundary(i) - Math.min(3, i - prev - 1);
			positions.push(i);
		}
		// If the earliest start cannot complete the word, no later one can.
		if (positions.length < word.length) break;
		if (!best || score > best.score) best = {score, positions};
	}
	return best;
}

// SGR and other CSI sequences, and OSC strings (hyperlinks), which take no columns.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g;

/**
 * Find-in-article over rendered lines, as seen on screen: escape codes are
 * ignored and `start`/`end` are terminal columns (what `slice-ansi` takes).
 * Smartcase: case-insensitive unless the query has a capital letter.
 * `line` is the 0-based index into `lines`, like a heading's `line`.
 */
export function findInText(lines: readonly string[], query: string): {line: number; start: number; end: number}[] {
	if (query.trim() === '') return [];
	const re = new RegExp(query.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), /\p{Lu}/u.test(query) ? 'gu' : 'giu');
	const found: {line: number; start: number; end: number}[] = [];
	lines.forEach((raw, line) => {
		const text = raw.includes('\x1b') ? raw.replace(ESCAPES, '') : raw;
		for (const m of text.matchAll(re)) {
			const start = visibleWidth(text.slice(0, m.index));
			found.push({line, start, end: start + visibleWidth(m[0])});
		}
	});
	return found;
}
