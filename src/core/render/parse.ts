import {Marked, type Token, type Tokens} from 'marked';
import {sanitize} from '../sanitize.js';
import {prepareDialects, type DialectOptions} from './dialects/prepare.js';
import {codeBlockInfo, type CodeBlockInfo} from './dialects/code-meta.js';
import {dialectTokenizers} from './dialects/lex-ext.js';

/**
 * Lexing only: cheap enough for the library and `inkshelf code`, which need
 * an article's code blocks but none of the rendering (highlight.js alone is a
 * megabyte of JavaScript).
 */

/**
 * The lexed form of an article, shared by every width it is rendered at.
 * A large article is lexed a part at a time (`lexNext`), so its first screen
 * does not wait for the whole megabyte; tokens and code blocks grow as it goes.
 */
export interface ParsedArticle {
	tokens: Token[];
	blocks: CodeBlockInfo[];
	blockOf: Map<Token, number>;
	/** True once every part has been lexed. */
	readonly complete: boolean;
	/** Lexes the next part; false when there was none left. */
	lexNext(): boolean;
	lexAll(): void;
}

/** The renderer's private markers (markers.ts); article text cannot contain them. */
const MARKERS = /[\uE000-\uE01F]/g;

const md = new Marked({gfm: true}).use(dialectTokenizers);


export {fenceLanguage} from './fence.js';

/** Articles below this are lexed in one go, exactly as written. */
const CHUNK_BYTES = 64 * 1024;
/** A part ends at the first safe blank line after this many lines. */
const CHUNK_LINES = 400;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S/;
const BLOCK_START_LINE = /^(?:#{1,6}\s|[A-Za-z0-9*_`"'(<!|]|$)/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])\s/;

/**
 * Splits markdown where a new top-level block begins: at a blank line outside
 * fences and comments, followed by an unindented line that starts a paragraph,
 * heading, table or fence (never a list item, which may continue a list).
 * Link reference definitions are collected so every part can resolve them.
 */
export function splitMarkdown(body: string): {parts: string[]; definitions: string} {
	if (body.length < CHUNK_BYTES) return {parts: [body], definitions: ''};
	const lines = body.split('\n');
	const parts: string[] = [];
	const definitions: string[] = [];
	let start = 0;
	let fence: string | null = null;
	let comment = false;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as string;
		const f = FENCE.exec(line);
		if (fence === null && f) fence = (f[1] as string)[0] as string;
		else if (fence !== null && f && (f[1] as string)[0] === fence && line.trim() === (f[1] as string)) fence = null;
		if (fence !== null) continue;
		if (line.includes('<!--')) comment = !line.includes('-->', line.lastIndexOf('<!--'));
		else if (comment && line.includes('-->')) comment = false;
		if (DEFINITION.test(line)) definitions.push(line);
		const next = lines[i + 1];
		if (!comment && i - start >= CHUNK_LINES && line.trim() === '' && next !== undefined && next.trim() !== ''
			&& BLOCK_START_LINE.test(next) && !LIST_ITEM.test(next)) {
			parts.push(lines.slice(start, i + 1).join('\n'));
			start = i + 1;
		}
	}
	parts.push(lines.slice(start).join('\n'));
	return {parts, definitions: definitions.join('\n')};
}

export interface ParseOptions extends DialectOptions {
	/** Markdown shown after the article (related articles, backlinks): after its footnotes. */
	footer?: string;
}

export {dialectOptionsFor} from './dialect-options.js';

export function parseArticle(body: string, options: ParseOptions = {}): ParsedArticle {
	const prepared = prepareDialects(body.replace(MARKERS, '\uFFFD'), options).text + (options.footer ?? '').replace(MARKERS, '\uFFFD');
	const {parts, definitions} = splitMarkdown(prepared);
	const tokens: Token[] = [];
	const blocks: ParsedArticle['blocks'] = [];
	const blockOf = new Map<Token, number>();
	let next = 0;
	const lexNext = (): boolean => {
		const part = parts[next];
		if (part === undefined) return false;
		next++;
		// Definitions from anywhere in the article, so a link in this part finds its target.
		const lexed = md.lexer(definitions && parts.length > 1 ? `${part}\n\n${definitions}\n` : part);
		md.walkTokens(lexed, token => {
			if (token.type === 'code') {
				const code = token as Tokens.Code;
				blockOf.set(token, blocks.length);
				blocks.push(codeBlockInfo(code.lang, code.text));
			}
			sanitizeToken(token);
		});
		tokens.push(...lexed);
		return true;
	};
	lexNext();
	return {
		tokens, blocks, blockOf, lexNext,
		get complete() {
			return next >= parts.length;
		},
		lexAll() {
			while (lexNext());
		},
	};
}

/** Every string a token carries is file text: make it display-safe (code sources were saved above). */
function sanitizeToken(token: Token): void {
	const t = token as Record<string, unknown>;
	for (const key of ['text', 'raw', 'href', 'title', 'lang']) {
		const v = t[key];
		if (typeof v === 'string') t[key] = sanitize(v);
	}
}
