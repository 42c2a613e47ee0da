/**
 * The renderer's side of the dialects: a marked extension that draws the
 * pre-pass's directives (dim markers, tab and details labels), callouts
 * (a blockquote whose first line is a callout directive), `==highlight==`,
 * and links into the shelf (wikilinks, Liquid links, shortcode refs).
 * Everything it draws is article text that marked has already sanitized.
 * The tokens are made by lex-ext.ts, in the lexer.
 */
import type {MarkedExtension, Tokens} from 'marked';
import {mark} from '../markers.js';
import {parseShelfHref} from './syntax.js';
import type {Styles} from '../styles.js';
import type {DialectToken} from './lex-ext.js';

export interface DialectRenderContext {
	s: Styles;
	/** The renderer's indentation, so what is nested inside a callout knows its room. */
	ctx: {indent: number};
	/** Records a link the reader can follow; returns its index. */
	addLink(href: string, text: string): number;
}


const LABELS: Record<string, string> = {faq: 'FAQ', tldr: 'TL;DR', info: 'Info', todo: 'To do'};
const BLUE = new Set(['note', 'info', 'abstract', 'summary', 'tldr', 'todo', 'seealso']);
const GREEN = new Set(['tip', 'hint', 'success', 'check', 'done']);
const RED = new Set(['danger', 'error', 'bug', 'failure', 'fail', 'missing', 'caution']);
const YELLOW = new Set(['warning', 'attention', 'question', 'help', 'faq']);

export function calloutLabel(type: string): string {
	return LABELS[type] ?? (type.charAt(0).toUpperCase() + type.slice(1)).replace(/-/g, ' ');
}

function calloutColour(type: string, s: Styles): (t: string) => string {
	// Mono means no colour at all: the bar and the bold label carry the callout.
	if (s.level === 0 || s.theme === 'mono') return t => t;
	// Palette tokens, so a callout on a light terminal has the contrast the theme test checks.
	if (BLUE.has(type)) return s.token('info');
	if (GREEN.has(type)) return s.token('success');
	if (RED.has(type)) return s.token('error');
	if (YELLOW.has(type)) return s.token('warning');
	if (type === 'important') return s.token('tag');
	return s.token('accent');
}

export function dialectExtension({s, ctx, addLink}: DialectRenderContext): MarkedExtension {
	const highlight = s.level === 0 ? (t: string): string => t : s.theme === 'mono' ? s.chalk.inverse : s.chalk.bgYellow.black;
	return {
		extensions: [
			{
				name: 'dialect',
				renderer(token) {
					const t = token as unknown as DialectToken;
					if (t.kind === 'mark') return s.dim(`⟨${t.payload}⟩`);
					if (t.kind === 'tab') return `${s.dim('── ')}${s.strong(t.payload)}${s.dim(' ──')}`;
					if (t.kind === 'details') return `${s.dim('▸ ')}${s.strong(t.payload)}`;
					if (t.kind === 'callout') return s.strong(calloutLabel(t.payload.split('|')[0] ?? ''));
					return '';
				},
			},
			{
				name: 'highlightMark',
				renderer(token) {
					return highlight(this.parser.parseInline(token.tokens ?? []));
				},
			},
		],
		renderer: {
			link(token: Tokens.Link) {
				const target = parseShelfHref(token.href);
				if (!target) return false;
				const text = this.parser.parseInline(token.tokens);
				// A footnote number and a note's ↩ are anchors within the article (GitHub's names).
				const href = target.kind === 'note' ? `#fn-${target.target}` : target.kind === 'noteback' ? `#fnref-${target.target}` : `${target.kind}:${target.target}`;
				const index = addLink(href, token.text || target.target);
				const shown = target.kind === 'embed' ? `${s.dim('[embedded: ')}${s.link(text)}${s.dim(']')}` : s.link(text);
				return mark('linkStart', index) + shown + mark('linkEnd', index);
			},
			blockquote(token: Tokens.Blockquote) {
				const first = token.tokens[0];
				const lead = first?.type === 'paragraph' ? (first as Tokens.Paragraph).tokens[0] as unknown as DialectToken | undefined : undefined;
				if (!lead || lead.type !== 'dialect' || lead.kind !== 'callout') return false;
				const [type = 'note', fold = ''] = lead.payload.split('|');
				const title = this.parser.parseInline((first as Tokens.Paragraph).tokens.slice(1)).trim();
				ctx.indent += 2;
				const body = this.parser.parse(token.tokens.slice(1)).replace(/\n+$/, '');
				ctx.indent -= 2;
				const colour = calloutColour(type, s);
				const bar = colour('┃');
				const foldMark = fold === '-' ? '▸ ' : fold === '+' ? '▾ ' : '';
				const head = `${bar} ${colour(s.strong(`${foldMark}${calloutLabel(type)}`))}${title ? `${s.dim(':')} ${title}` : ''}`;
				const lines = body === '' ? [] : body.split('\n').map(l => (l === '' ? bar : `${bar} ${l}`));
				return [head, ...lines].join('\n') + '\n\n';
			},
		},
	};
}
