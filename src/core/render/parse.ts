import {Marked, type Token, type Tokens} from 'marked';
import {sanitize} from '../sanitize.js';
import type {Article} from '../types.js';

/**
 * Lexing only: cheap enough for the library and `inkshelf code`, which need
 * an article's code blocks but none of the rendering (highlight.js alone is a
 * megabyte of JavaScript).
 */

/** The lexed form of an article, shared by every width it is rendered at. */
export interface ParsedArticle {
	tokens: Token[];
	blocks: {lang: string; source: string}[];
	blockOf: Map<Token, number>;
}

/** The renderer's private markers (markers.ts); article text cannot contain them. */
const MARKERS = /[\uE000-\uE01F]/g;

const md = new Marked({gfm: true});

/**
 * The info string's first word, lowercased, with anything but name characters
 * dropped. `js title="x.js"` becomes `js`. Only this word is ever shown or
 * handed to highlight.js: the rest of an info string is untrusted free text.
 */
export function fenceLanguage(info: string | undefined): string {
	const first = (info ?? '').trim().split(/\s+/, 1)[0] ?? '';
	return first.toLowerCase().replace(/^\{?\.?/, '').replace(/[^a-z0-9+#._-]/g, '').slice(0, 24);
}

export function parseArticle(body: string): ParsedArticle {
	const tokens = md.lexer(body.replace(MARKERS, '\uFFFD'));
	const blocks: ParsedArticle['blocks'] = [];
	const blockOf = new Map<Token, number>();
	md.walkTokens(tokens, token => {
		if (token.type === 'code') {
			const code = token as Tokens.Code;
			blockOf.set(token, blocks.length);
			blocks.push({lang: fenceLanguage(code.lang), source: code.text});
		}
		sanitizeToken(token);
	});
	return {tokens, blocks, blockOf};
}

/** Every string a token carries is file text: make it display-safe (code sources were saved above). */
function sanitizeToken(token: Token): void {
	const t = token as Record<string, unknown>;
	for (const key of ['text', 'raw', 'href', 'title', 'lang']) {
		const v = t[key];
		if (typeof v === 'string') t[key] = sanitize(v);
	}
}

const parsed = new WeakMap<Article, {footer: string; parsed: ParsedArticle}>();

/**
 * Lexing happens once per article, whatever it is rendered for. `footer` is
 * markdown shown after the article (related articles, links here); it comes
 * after every code block, so block numbers are the same with or without it.
 */
export function parsedArticle(article: Article, footer = ''): ParsedArticle {
	const cached = parsed.get(article);
	if (cached && (cached.footer === footer || footer === '')) return cached.parsed;
	const p = parseArticle(article.body + footer);
	parsed.set(article, {footer, parsed: p});
	return p;
}

/** The article's code blocks with their exact sources (nothing is rendered). */
export function codeBlocksOf(article: Article): ParsedArticle['blocks'] {
	return parsedArticle(article).blocks;
}
