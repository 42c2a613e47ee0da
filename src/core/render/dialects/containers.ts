/**
 * Blocks that wrap other markdown: Docusaurus `:::note Title` … `:::`,
 * MkDocs `!!! tip "Title"` with an indented body, GitHub and Obsidian
 * `> [!type]` callouts. Each becomes a blockquote whose first line is a
 * callout directive (syntax.ts); the renderer frames it (render-ext.ts).
 * Their content goes through the whole pre-pass again, so they nest.
 */
import {fenceEnd, fenceOpen} from './fences.js';
import {directive} from './syntax.js';
import type {PrepareState} from './state.js';

export type Process = (lines: string[], firstLine: number) => string[];
export interface Taken {
	out: string[];
	/** Index of the last line taken. */
	end: number;
}

const ADMONITION_OPEN = /^\s{0,3}(:{3,})\s*([A-Za-z][\w-]*)(?:\[(.*)\]|\{[^}]*\})?\s*(.*)$/;
const ADMONITION_CLOSE = /^\s{0,3}:{3,}\s*$/;
const MKDOCS = /^(\s*)(!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+(?:"([^"]*)"|'([^']*)'))?\s*$/;
const CALLOUT = /^((?:\s{0,3}>\s?)+)\[!([\w-]+)\]([+-]?)\s*(.*)$/;

export const isAdmonition = (line: string): boolean => ADMONITION_OPEN.test(line);
export const isMkdocs = (line: string): boolean => MKDOCS.test(line);

/** A callout: the directive line, a blank quote line so the title stands alone, then the body, quoted. */
function callout(type: string, fold: string, title: string, body: string[]): string[] {
	return [`> ${directive('callout', `${type.toLowerCase()}|${fold}`)}${title ? ` ${title}` : ''}`, '>', ...body.map(l => (l === '' ? '>' : `> ${l}`)), ''];
}

export function admonition(lines: readonly string[], open: number, firstLine: number, st: PrepareState, process: Process): Taken {
	const m = ADMONITION_OPEN.exec(lines[open] as string) as RegExpExecArray;
	let depth = 0;
	let end = -1;
	for (let j = open + 1; j < lines.length; j++) {
		const line = lines[j] as string;
		if (fenceOpen(line)) {
			j = fenceEnd(lines, j);
			continue;
		}
		if (ADMONITION_CLOSE.test(line)) {
			if (depth === 0) {
				end = j;
				break;
			}
			depth--;
		} else if (ADMONITION_OPEN.test(line)) depth++;
	}
	if (end < 0) st.problems.push({line: firstLine + open, message: `admonition ${m[1]}${m[2]} is never closed with ${m[1]}`});
	const last = end < 0 ? lines.length : end;
	const body = process(lines.slice(open + 1, last), firstLine + open + 1);
	const title = (m[3] ?? m[4] ?? '').trim();
	return {out: callout(m[2] as string, '', title, body), end: end < 0 ? lines.length - 1 : end};
}

const indentOf = (line: string): number => (/^[ \t]*/.exec(line)?.[0] ?? '').replace(/\t/g, '    ').length;

export function mkdocs(lines: readonly string[], open: number, firstLine: number, process: Process): Taken {
	const m = MKDOCS.exec(lines[open] as string) as RegExpExecArray;
	const inner = indentOf(lines[open] as string) + 4;
	let end = open;
	for (let j = open + 1; j < lines.length; j++) {
		const line = lines[j] as string;
		if (line.trim() === '') continue;
		if (indentOf(line) < inner) break;
		end = j;
	}
	const body = lines.slice(open + 1, end + 1).map(l => dedent(l, inner));
	const fold = m[2] === '???' ? '-' : m[2] === '???+' ? '+' : '';
	const title = m[4] ?? m[5];
	return {out: callout(m[3] as string, fold, title ?? '', process(body, firstLine + open + 1)), end};
}

/** Removes up to `n` columns of leading whitespace (tabs count as four). */
export function dedent(line: string, n: number): string {
	let col = 0;
	let i = 0;
	while (i < line.length && col < n && (line[i] === ' ' || line[i] === '\t')) {
		col += line[i] === '\t' ? 4 : 1;
		i++;
	}
	return line.slice(i);
}

/** `> [!warning]- Title` at the start of a quote: the directive takes the marker's place. */
export function calloutHead(line: string, previous: string | undefined): string[] | null {
	const m = CALLOUT.exec(line);
	if (!m) return null;
	const depth = (m[1]?.match(/>/g) ?? []).length;
	const prevDepth = previous === undefined ? 0 : (/^(?:\s{0,3}>\s?)+/.exec(previous)?.[0].match(/>/g) ?? []).length;
	if (prevDepth >= depth) return null;
	const prefix = (m[1] as string).trimEnd();
	return [`${prefix} ${directive('callout', `${(m[2] as string).toLowerCase()}|${m[3] ?? ''}`)}${m[4] ? ` ${m[4]}` : ''}`, prefix];
}
