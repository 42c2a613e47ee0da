/**
 * Dialect markup inside a paragraph: Obsidian wikilinks, embeds and comments,
 * Hugo shortcodes, Liquid tags and outputs, footnote references, and the same
 * tags inside link targets (`[x]({% link a.md %})`). Code spans are left as
 * written: generators do not read tags there either (except the steps of
 * literal.ts, already done).
 */
import {escapeLinkText, marker, parseArgs, shelfHref, type ShelfLinkKind} from './syntax.js';
import type {PrepareState} from './state.js';

const NEXT = /`+|!?\[\[|\{\{[<%]|\{%|\{\{|%%|\[\^|\]\(|(?:^|\n) {0,3}\[(?!\^)[^\]\n]+\]:/g;
const IMAGE = /\.(?:png|jpe?g|gif|webp|svg|avif|bmp)$/i;
/** A file that is not a note (`.pdf`, `.canvas`, images): shown, not followed. */
const FILE = /\.(?!md$|markdown$|mdx$)[a-z0-9]{1,8}$/i;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

const FOOTNOTE_REF = /([^\]\s]+)\](?!:)/y;
const CLOSING_RUNS = new Map<number, RegExp>();
/** The run of exactly `n` backticks that closes a code span (one regex per length, not per span). */
function closingRun(n: number): RegExp {
	let re = CLOSING_RUNS.get(n);
	if (!re) CLOSING_RUNS.set(n, re = new RegExp(`(?<!\`)\`{${n}}(?!\`)`, 'g'));
	return re;
}

export const superscript = (n: number): string => [...String(n)].map(d => SUPERSCRIPT[Number(d)] ?? d).join('');

/** Rewrites one paragraph's worth of lines; `firstLine` is the body line of its first line. */
export function inlinePass(chunk: string, firstLine: number, st: PrepareState): string {
	if (!/[[{%\]]/.test(chunk)) return chunk;
	let out = '';
	let i = 0;
	// Lines counted as the scan goes: a long paragraph full of tags stays linear.
	let counted = 0;
	let line = firstLine;
	const lineOf = (at: number): number => {
		line += countNewlines(chunk, counted, at);
		counted = at;
		return line;
	};
	NEXT.lastIndex = 0;
	for (let m = NEXT.exec(chunk); m; m = NEXT.exec(chunk)) {
		if (m.index < i) continue;
		out += chunk.slice(i, m.index);
		const tok = m[0];
		const at = m.index;
		let end = at + tok.length;
		let text = tok;
		if (tok[0] === '`') {
			const close = closingRun(tok.length);
			close.lastIndex = end;
			const c = close.exec(chunk);
			if (c) end = c.index + tok.length;
			text = chunk.slice(at, end);
		} else if (tok.endsWith('[[')) {
			// Wikilinks stay on one line, and `\[[` is an escaped bracket: a link's text.
			const eol = chunk.indexOf('\n', end);
			const found = isEscaped(chunk, at) ? -1 : chunk.slice(end, eol < 0 ? chunk.length : eol).indexOf(']]');
			const close = found < 0 ? -1 : end + found;
			const inner = close < 0 ? '' : chunk.slice(end, close);
			if (close >= 0 && inner.trim() !== '' && !inner.includes('\n') && !inner.includes('[[')) {
				text = wikilink(inner, tok === '![[', lineOf(at), st);
				end = close + 2;
			}
		} else if (tok === '{{<' || tok === '{{%') {
			const closer = tok === '{{<' ? '>}}' : '%}}';
			const close = chunk.indexOf(closer, end);
			if (close < 0) st.problems.push({line: lineOf(at), message: `Hugo shortcode ${tok} is never closed with ${closer}`});
			else {
				text = shortcode(chunk.slice(end, close), lineOf(at), st);
				end = close + 3;
			}
		} else if (tok === '{%') {
			const close = chunk.indexOf('%}', end);
			if (close < 0) st.problems.push({line: lineOf(at), message: 'Liquid tag {% is never closed with %}'});
			else {
				text = liquidTag(chunk.slice(end, close), lineOf(at), st);
				end = close + 2;
			}
		} else if (tok === '{{') {
			const found = chunk.indexOf('}}', end);
			const close = found >= 0 && found - end < 200 ? found : -1;
			const inner = close < 0 ? '' : chunk.slice(end, close);
			if (close >= 0 && /^[-\s]*[\w.$[\]'"|: -]+[-\s]*$/.test(inner) && inner.length < 200) {
				text = marker(inner.replace(/^[-\s]+|[-\s]+$/g, ''));
				end = close + 2;
			}
		} else if (tok === '%%') {
			const close = chunk.indexOf('%%', end);
			if (close < 0) st.problems.push({line: lineOf(at), message: 'Obsidian comment %% is never closed with %%'});
			else {
				text = '';
				end = close + 2;
			}
		} else if (tok === '[^') {
			FOOTNOTE_REF.lastIndex = end;
			const ref = FOOTNOTE_REF.exec(chunk);
			const n = ref ? st.footnoteNumber(ref[1] as string) : null;
			if (ref && n !== null) {
				text = `[${superscript(n)}](${shelfHref('note', String(n))})`;
				end += ref[0].length;
			}
		} else if (tok === '](') {
			const close = destinationEnd(chunk, end);
			text = `](${hrefPass(chunk.slice(end, close), lineOf(at), st)}`;
			end = close;
		} else {
			// A link reference definition: the rest of its line is a target.
			const eol = chunk.indexOf('\n', end);
			const stop = eol < 0 ? chunk.length : eol;
			text = tok + hrefPass(chunk.slice(end, stop), lineOf(at + (tok[0] === '\n' ? 1 : 0)), st);
			end = stop;
		}
		out += text;
		i = end;
		NEXT.lastIndex = end;
	}
	return out + chunk.slice(i);
}

function isEscaped(text: string, at: number): boolean {
	let n = 0;
	for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) n++;
	return n % 2 === 1;
}

function countNewlines(text: string, from: number, until: number): number {
	let n = 0;
	for (let i = text.indexOf('\n', from); i !== -1 && i < until; i = text.indexOf('\n', i + 1)) n++;
	return n;
}

/** Where a `(target "title")` after `](` ends: at its `)`, nested parentheses allowed. */
function destinationEnd(text: string, from: number): number {
	let depth = 0;
	for (let i = from; i < text.length; i++) {
		const c = text[i];
		if (c === '\\') i++;
		else if (c === '(') depth++;
		else if (c === ')') {
			if (depth === 0) return i;
			depth--;
		} else if (c === '\n' && text[i + 1] === '\n') return i;
	}
	return text.length;
}

function link(kind: ShelfLinkKind, target: string, shown: string, line: number, st: PrepareState): string {
	const href = shelfHref(kind, target);
	st.refs.push({line, href});
	return `[${escapeLinkText(shown)}](${href})`;
}

function wikilink(inner: string, embed: boolean, line: number, st: PrepareState): string {
	inner = inner.replace(/\\\|/g, '|'); // `\|` inside a table cell
	const bar = inner.indexOf('|');
	const target = (bar < 0 ? inner : inner.slice(0, bar)).trim();
	const alias = bar < 0 ? '' : inner.slice(bar + 1).trim();
	const [note = '', ...rest] = target.split('#');
	if (FILE.test(note.trim())) {
		const shown = escapeLinkText(alias && !/^\d+(x\d+)?$/.test(alias) ? alias : note.trim());
		return IMAGE.test(note.trim()) && embed ? `![${shown}](<${note.trim().replace(/[<>]/g, '')}>)` : `${marker(`${embed ? 'embedded' : 'file'}: ${shown}`)}`;
	}
	const heading = rest.join('#').replace(/^\^/, '');
	const shown = alias || (note ? (heading ? `${note} › ${heading}` : note) : heading);
	return link(embed ? 'embed' : 'wiki', target, shown, line, st);
}

const clean = (s: string): string => s.replace(/^["']|["']$/g, '');

function shortcode(inner: string, line: number, st: PrepareState): string {
	const body = inner.trim();
	const m = /^(\/?)\s*([\w./-]+)\s*([\s\S]*)$/.exec(body);
	if (!m) return marker(body);
	const [, slash, name = '', argText = ''] = m;
	const args = parseArgs(argText);
	if (!slash && (name === 'ref' || name === 'relref')) {
		const target = args.positional[0] ?? args.named['path'] ?? '';
		if (target) return link('site', target, target, line, st);
	}
	if (!slash && name === 'figure') {
		const src = args.named['src'] ?? '';
		const alt = args.named['title'] ?? args.named['caption'] ?? args.named['alt'] ?? 'figure';
		if (src) return `![${escapeLinkText(alt)}](<${src.replace(/[<>]/g, '')}>)`;
	}
	return marker(`${slash}${name}${argText ? ` ${argText.trim()}` : ''}`);
}

function liquidTag(inner: string, line: number, st: PrepareState): string {
	const body = inner.replace(/^-/, '').replace(/-$/, '').trim();
	const m = /^(\w+)\s*([\s\S]*)$/.exec(body);
	const name = m?.[1] ?? '';
	const arg = clean((m?.[2] ?? '').trim());
	if ((name === 'post_url' || name === 'link') && arg) return link('site', arg, arg.replace(/^.*\//, '').replace(/\.\w+$/, ''), line, st);
	return marker(body);
}

/** Tags inside a link target become the target they name; other template outputs lose their spaces so the link still parses. */
function hrefPass(target: string, line: number, st: PrepareState): string {
	if (!target.includes('{')) return target;
	return target
		.replace(/\{%-?\s*(?:post_url|link)\s+([^%]*?)\s*-?%\}/g, (_: string, t: string) => track(shelfHref('site', clean(t)), line, st))
		.replace(/\{\{[<%]\s*(?:ref|relref)\s+("[^"]*"|'[^']*'|[^\s>%]+)\s*[>%]\}\}/g, (_: string, t: string) => track(shelfHref('site', clean(t)), line, st))
		.replace(/\{\{-?\s*([^{}]*?)\s*-?\}\}/g, (_: string, t: string) => `{{${t.replace(/\s+/g, '')}}}`)
		.replace(/\{%-?\s*([^%]*?)\s*-?%\}/g, (_: string, t: string) => `{%${t.replace(/\s+/g, '')}%}`);
}

function track(href: string, line: number, st: PrepareState): string {
	st.refs.push({line, href});
	return href;
}
