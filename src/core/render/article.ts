import {Marked, type Token, type Tokens, type RendererObject} from 'marked';
import {markedTerminal} from 'marked-terminal';
import {parseArticle, type ParsedArticle, type ParseOptions} from './parse.js';
import {extractMarks, mark} from './markers.js';
import {imageLine, reserveImageRows} from './inline-images.js';
import {fitLine, stringWidth} from './fit.js';
import {renderCodeFrame} from './dialects/code-frame.js';
import {dialectExtension} from './dialects/render-ext.js';
import {renderTable} from './table.js';
import {describeLink, linkKind} from './links.js';
import type {CodeBlock, Heading, RenderedImage, RenderedLink, RenderResult} from './types.js';
import type {InlineImageOptions} from './protocol.js';
import type {Styles} from './styles.js';
import {decodeEntities} from '../entities.js';

export {parseArticle, type ParsedArticle} from './parse.js';
export type {CodeBlock, Heading, RenderedLink, RenderResult} from './types.js';

const SPENT = {type: 'space', raw: ''} as Token;

/**
 * Renders an article to terminal lines no wider than `width`, top-level block
 * by top-level block so a caller can stop early (see `ArticleView`).
 */
export class ArticleRenderer {
	readonly lines: string[] = [];
	readonly blocks: CodeBlock[];
	readonly headings: Heading[] = [];
	readonly links: RenderedLink[] = [];
	readonly images: RenderedImage[] = [];
	private next = 0;
	/** Lines given away by takeLines: line numbers go on counting from them. */
	private handedOver = 0;
	private readonly md: Marked;
	private readonly ctx = {indent: 0, listDepth: 0};

	constructor(private readonly parsed: ParsedArticle, readonly width: number, private readonly s: Styles, readonly inline?: InlineImageOptions) {
		this.blocks = [];
		this.syncBlocks();
		this.md = new Marked({gfm: true}).use(markedTerminal({
			width, reflowText: false, tab: 2, showSectionPrefix: false, emoji: false, unescape: true,
			paragraph: (x: string) => x, listitem: (x: string) => x, table: (x: string) => x, hr: (x: string) => x,
			strong: s.strong, em: s.em, del: s.del, codespan: s.codespan, text: (x: string) => x,
		})).use({renderer: this.overrides()}).use(dialectExtension({s, ctx: this.ctx, addLink: (href, text) => this.addLink(href, text)}));
	}

	get done(): boolean {
		return this.next >= this.parsed.tokens.length && this.parsed.complete;
	}

	/** Code blocks become known as the article is lexed, a part at a time. */
	private syncBlocks(): void {
		for (let i = this.blocks.length; i < this.parsed.blocks.length; i++) {
			const b = this.parsed.blocks[i] as {lang: string; source: string};
			this.blocks.push({index: i + 1, lang: b.lang, source: b.source, startLine: -1, endLine: -1});
		}
	}

	private addLink(href: string, text: string): number {
		const index = this.links.length;
		this.links.push({index, href, kind: 'relative', text, line: -1, column: 0});
		return index;
	}

	/** Lexes the next part without drawing anything: its code blocks become known. */
	lexNext(): void {
		this.parsed.lexNext();
		this.syncBlocks();
	}

	get lexed(): boolean {
		return this.parsed.complete;
	}

	/** Lines rendered so far, including those given away by takeLines. */
	get lineCount(): number {
		return this.handedOver + this.lines.length;
	}

	/** The lines rendered since the last call; they are not kept here (the render worker posts them on). */
	takeLines(): string[] {
		const taken = this.lines.splice(0);
		this.handedOver += taken.length;
		return taken;
	}

	/** Renders more blocks until at least `count` lines exist or the article ends. */
	ensure(count: number): void {
		while (!this.done && this.lineCount < count) this.renderNext();
	}

	/** Renders for about `ms` milliseconds: background work that never holds a key up for long. */
	renderFor(ms: number): void {
		const until = performance.now() + ms;
		do this.renderNext(); while (!this.done && performance.now() < until);
	}

	renderAll(): RenderResult {
		while (!this.done) this.renderNext();
		return {lines: this.lines, blocks: this.blocks, headings: this.headings, links: this.links, images: this.images};
	}

	private renderNext(): void {
		if (this.done) return;
		if (this.next >= this.parsed.tokens.length) {
			this.parsed.lexNext();
			this.syncBlocks();
			return;
		}
		const at = this.next++;
		const token = this.parsed.tokens[at];
		// Drawn once, never needed again: the lines are kept, the token goes.
		this.parsed.tokens[at] = SPENT;
		if (!token || token.type === 'space' || token.type === 'def') return;
		this.ctx.indent = 0;
		this.ctx.listDepth = 0;
		const text = this.md.parser([token]).replace(/\n+$/, '');
		if (text === '' && token.type !== 'code') return;
		if (this.lineCount > 0) this.lines.push('');
		if (token.type === 'heading') {
			this.headings.push({depth: (token as Tokens.Heading).depth, text: (token as Tokens.Heading).text, line: this.lineCount});
		}
		for (const raw of text.split('\n')) {
			for (const piece of fitLine(raw, this.width, this.s.dim)) this.takeMarks(piece);
		}
	}

	/** Stores a line without its markers, recording where code blocks and links are. */
	private takeMarks(piece: string): void {
		// No-break spaces held words together while wrapping (a link and its host); on screen and in pipes they are spaces.
		const {line, marks} = extractMarks(piece.replaceAll('\u00a0', ' '), stringWidth);
		const at = this.lineCount;
		this.lines.push(line);
		for (const m of marks) {
			if (m.type === 'image') reserveImageRows(this.images[m.index], this.lineCount, this.lines);
			if (m.type === 'blockStart') {
				const block = this.blocks[m.index];
				if (block) block.startLine = at;
			} else if (m.type === 'blockEnd') {
				const block = this.blocks[m.index];
				if (block) block.endLine = at;
			} else if (m.type === 'linkStart') {
				const link = this.links[m.index];
				if (link) {
					link.line = at;
					link.column = m.column;
				}
			}
		}
	}

	private overrides(): RendererObject {
		// marked calls each override with its own `this` (the parser), so the renderer needs a name.
		const self = this; // eslint-disable-line @typescript-eslint/no-this-alias -- see the line above
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
				self.parsed.blockOf.delete(token);
				return renderCodeFrame(token.text, self.parsed.blocks[index], index, room(), s);
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
				const rendered = this.parser.parseInline(token.tokens);
				const index = self.links.length;
				self.links.push({index, href: token.href, kind: linkKind(token.href), text: token.text, line: -1, column: 0});
				return mark('linkStart', index) + describeLink(rendered, token.href, token.text, s) + mark('linkEnd', index);
			},
			image(token) {
				return imageLine(token.href, token.text, self, s);
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

/** marked leaves text escaped for HTML; a terminal shows the characters (a no-break space as a space). */
function unescapeEntities(text: string): string {
	return decodeEntities(text, ' ');
}

/** Renders a whole article at once: for `inkshelf read` and tests. */
export function renderArticle(body: string, width: number, styles: Styles, options: ParseOptions = {}): RenderResult {
	return new ArticleRenderer(parseArticle(body, options), width, styles).renderAll();
}
