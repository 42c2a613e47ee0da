import {Marked, type Tokens, type RendererObject} from 'marked';
import {markedTerminal} from 'marked-terminal';
import {BLOCK_START, BLOCK_END, parseArticle, type ParsedArticle} from './parse.js';

export {parseArticle, type ParsedArticle} from './parse.js';

const MARKERS = /[\uE000\uE001]/g;
const START_RE = /\uE000(\d+)\uE000/;
import {fitLine, expandTabs, stringWidth, wrapStyled} from './fit.js';
import {highlightCode} from './highlight.js';
import {renderTable} from './table.js';
import {describeLink} from './links.js';
import type {Styles} from './styles.js';

export interface CodeBlock {
	/** 1-based, in document order: the number shown on screen and typed to copy. */
	index: number;
	/** Normalized fence language ('' when none was given). */
	lang: string;
	/** The block's exact source, as written in the file (fence stripped). */
	source: string;
	/** First and last rendered line of the block's frame, once rendered. */
	startLine: number;
	endLine: number;
}

export interface Heading {
	depth: number;
	text: string;
	line: number;
}

export interface RenderResult {
	lines: string[];
	blocks: CodeBlock[];
	headings: Heading[];
}

/**
 * Renders an article to terminal lines no wider than `width`, top-level block
 * by top-level block so a caller can stop early (see `ArticleView`).
 */
export class ArticleRenderer {
	readonly lines: string[] = [];
	readonly blocks: CodeBlock[];
	readonly headings: Heading[] = [];
	private next = 0;
	private readonly md: Marked;
	private readonly ctx = {indent: 0, listDepth: 0};

	constructor(private readonly parsed: ParsedArticle, readonly width: number, private readonly s: Styles) {
		this.blocks = parsed.blocks.map((b, i) => ({index: i + 1, lang: b.lang, source: b.source, startLine: -1, endLine: -1}));
		this.md = new Marked({gfm: true}).use(markedTerminal({
			width, reflowText: false, tab: 2, showSectionPrefix: false, emoji: false, unescape: true,
			paragraph: (x: string) => x, listitem: (x: string) => x, table: (x: string) => x, hr: (x: string) => x,
			strong: s.strong, em: s.em, del: s.del, codespan: s.codespan, text: (x: string) => x,
		})).use({renderer: this.overrides()});
	}

	get done(): boolean {
		return this.next >= this.parsed.tokens.length;
	}

	/** Renders more blocks until at least `count` lines exist or the article ends. */
	ensure(count: number): void {
		while (!this.done && this.lines.length < count) this.renderNext();
	}

	/** Renders until code block `index` (0-based) has its place on screen. */
	ensureBlock(index: number): void {
		while (!this.done && (this.blocks[index]?.endLine ?? 0) < 0) this.renderNext();
	}

	/** Renders for about `ms` milliseconds: background work that never holds a key up for long. */
	renderFor(ms: number): void {
		const until = performance.now() + ms;
		do this.renderNext(); while (!this.done && performance.now() < until);
	}

	renderAll(): RenderResult {
		while (!this.done) this.renderNext();
		return {lines: this.lines, blocks: this.blocks, headings: this.headings};
	}

	private renderNext(): void {
		if (this.done) return;
		const token = this.parsed.tokens[this.next++];
		if (!token || token.type === 'space' || token.type === 'def') return;
		this.ctx.indent = 0;
		this.ctx.listDepth = 0;
		const text = this.md.parser([token]).replace(/\n+$/, '');
		if (text === '' && token.type !== 'code') return;
		if (this.lines.length > 0) this.lines.push('');
		if (token.type === 'heading') {
			this.headings.push({depth: (token as Tokens.Heading).depth, text: (token as Tokens.Heading).text, line: this.lines.length});
		}
		for (const raw of text.split('\n')) {
			const line = this.takeStartMarker(raw);
			const ends = line.includes(BLOCK_END);
			this.lines.push(...fitLine(ends ? line.replace(MARKERS, '') : line, this.width, this.s.dim));
			if (ends) this.closeBlock(this.lines.length - 1);
		}
	}

	/** Records where a code block starts (its marker is on its top frame line) and removes the marker. */
	private takeStartMarker(line: string): string {
		const start = START_RE.exec(line);
		if (!start) return line;
		const block = this.blocks[Number(start[1])];
		if (block) block.startLine = this.lines.length;
		return line.replace(START_RE, '');
	}

	private closeBlock(line: number): void {
		const open = [...this.blocks].reverse().find(b => b.startLine >= 0 && b.endLine < 0);
		if (open) open.endLine = line;
	}

	private overrides(): RendererObject {
		const self = this;
		const s = this.s;
		const ctx = this.ctx;
		const room = (): number => Math.max(8, self.width - ctx.indent);
		return {
			heading(token) {
				const text = this.parser.parseInline(token.tokens);
				const style = token.depth === 1 ? s.h1 : token.depth === 2 ? s.h2 : s.h3;
				const prefix = token.depth <= 2 ? '' : `${'#'.repeat(token.depth)} `;
				const out = style(prefix + text);
				if (token.depth === 1) return `${out}\n${s.dim('═'.repeat(Math.min(room(), stringWidth(prefix + token.text))))}\n\n`;
				if (token.depth === 2) return `${out}\n${s.dim('─'.repeat(Math.min(room(), stringWidth(prefix + token.text))))}\n\n`;
				return `${out}\n\n`;
			},
			code(token) {
				const index = self.parsed.blockOf.get(token) ?? -1;
				const block = self.parsed.blocks[index];
				const lang = block?.lang ?? '';
				const w = room();
				const label = ` [${index + 1}] ${lang || 'code'} `;
				const top = s.codeFrame('╭─') + s.codeLabel(label) + s.codeFrame('─'.repeat(Math.max(0, w - 2 - stringWidth(label))));
				const source = expandTabs(token.text.replace(/\n$/, ''));
				const body = highlightCode(source, lang, s).split('\n').flatMap(line => {
					const pieces = stringWidth(line) <= w - 2 ? [line] : wrapStyled(line, w - 4, {words: false, trim: false});
					return pieces.map((p, i) => s.codeFrame('│ ') + (i > 0 ? s.dim('↪ ') : '') + p);
				});
				const bottom = s.codeFrame('╰' + '─'.repeat(Math.max(0, w - 1)));
				return `${BLOCK_START}${index}${BLOCK_START}${top}\n${body.join('\n')}\n${bottom}${BLOCK_END}\n\n`;
			},
			blockquote(token) {
				ctx.indent += 2;
				const inner = this.parser.parse(token.tokens).replace(/\n+$/, '');
				ctx.indent -= 2;
				return inner.split('\n').map(l => s.dim('│ ') + s.quote(l)).join('\n') + '\n\n';
			},
			list(token) {
				const depth = ctx.listDepth++;
				const bullet = ['•', '◦', '▪', '‣'][depth % 4] ?? '•';
				const start = typeof token.start === 'number' ? token.start : 1;
				const markers = token.items.map((_, i) => (token.ordered ? `${start + i}.` : bullet));
				const markerWidth = Math.max(...markers.map(m => stringWidth(m))) + 1;
				const out: string[] = [];
				token.items.forEach((item, i) => {
					ctx.indent += markerWidth;
					// Item children one by one: a tight item's text and its nested list must not run together.
					let body = item.tokens.map(t => this.parser.parse([t]).replace(/\n+$/, '')).filter(t => t !== '').join(item.loose ? '\n\n' : '\n');
					ctx.indent -= markerWidth;
					if (item.task) body = (item.checked ? '☑ ' : '☐ ') + body.replace(/^\s*\[[ xX]\]\s*/, '');
					const lines = body.split('\n').filter((l, n) => n === 0 || l.trim() !== '' || item.loose);
					const marker = markers[i] ?? bullet;
					lines.forEach((l, n) => out.push((n === 0 ? s.dim(marker.padEnd(markerWidth)) : ' '.repeat(markerWidth)) + l));
				});
				ctx.listDepth--;
				return out.join('\n') + '\n\n';
			},
			checkbox() {
				return '';
			},
			text(token) {
				if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
				// A soft line break in the source is a space: paragraphs reflow to the screen's width.
				return unescapeEntities(token.text).replace(/\n/g, ' ');
			},
			br() {
				return '\n';
			},
			codespan(token) {
				return s.codespan(unescapeEntities(token.text).replace(/\n/g, ' '));
			},
			table(token) {
				const cell = (c: Tokens.TableCell): string => this.parser.parseInline(c.tokens);
				return renderTable(token.header.map(cell), token.rows.map(r => r.map(cell)), token.align, room(), s).join('\n') + '\n\n';
			},
			link(token) {
				return describeLink(this.parser.parseInline(token.tokens), token.href, token.text, s);
			},
			image(token) {
				const alt = token.text ? `${token.text}` : 'image';
				return s.dim('[image: ') + alt + s.dim(`] ${token.href}`);
			},
			html(token) {
				const text = unescapeEntities(token.text.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(/<[^>]*>/g, ''));
				if (!token.block) return s.dim(text);
				const trimmed = text.replace(/^\n+|\n+$/g, '');
				return trimmed.trim() === '' ? '' : `${s.dim(trimmed)}\n\n`;
			},
			hr() {
				return s.dim('─'.repeat(Math.min(room(), 40))) + '\n\n';
			},
			paragraph(token) {
				return this.parser.parseInline(token.tokens) + '\n\n';
			},
		};
	}
}

function unescapeEntities(text: string): string {
	return text.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, e: string) =>
		({amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' '})[e] ?? _);
}

/** Renders a whole article at once: for `inkshelf read` and tests. */
export function renderArticle(body: string, width: number, styles: Styles): RenderResult {
	return new ArticleRenderer(parseArticle(body), width, styles).renderAll();
}
