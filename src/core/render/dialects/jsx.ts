/**
 * JSX in MDX and Docusaurus pages, and GitHub's `<details>`: elements that
 * wrap markdown. `<Tabs>`/`<TabItem label=…>` become labelled sections,
 * `<details><summary>` a labelled section, any other component a dim marker
 * with its name; the text inside is always kept. MDX does not read indented
 * lines inside JSX as code, so the content is dedented first.
 */
import {fenceEnd, fenceOpen} from './fences.js';
import {directive, marker, parseArgs} from './syntax.js';
import type {PrepareState} from './state.js';
import type {Process, Taken} from './containers.js';

const JSX_START = /^\s*<([A-Z][\w.]*)(?=[\s/>]|$)/;
const DETAILS_START = /^\s*<details\b[^>]*>/i;

export const isJsx = (line: string): boolean => JSX_START.test(line);
export const isDetails = (line: string): boolean => DETAILS_START.test(line);

/** The end of the tag opened at `lines[open]`: line index and the column after `>`, or null. */
function tagEnd(lines: readonly string[], open: number): {line: number; column: number; selfClosing: boolean} | null {
	let quote = '';
	let braces = 0;
	for (let j = open; j < Math.min(lines.length, open + 30); j++) {
		const line = lines[j] as string;
		for (let c = j === open ? line.indexOf('<') + 1 : 0; c < line.length; c++) {
			const ch = line[c];
			if (quote) {
				if (ch === quote) quote = '';
			} else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
			else if (ch === '{') braces++;
			else if (ch === '}') braces--;
			else if (ch === '>' && braces <= 0) return {line: j, column: c + 1, selfClosing: line[c - 1] === '/'};
		}
	}
	return null;
}

/** The line holding the `</name>` that closes the element whose tag ends at (open, from), counting nested ones; -1 when none. */
function closeLine(lines: readonly string[], open: number, from: number, name: string): number {
	const tags = new RegExp(`<(/?)${name}(?=[\\s/>]|$)`, 'gi');
	let depth = 0;
	for (let j = open; j < lines.length; j++) {
		if (j > open && fenceOpen(lines[j] as string)) {
			j = fenceEnd(lines, j);
			continue;
		}
		const line = j === open ? (lines[j] as string).slice(from) : (lines[j] as string);
		for (const m of line.matchAll(tags)) {
			if (m[1] === '/') {
				if (depth === 0) return j;
				depth--;
			} else if (!/^[^>]*\/>/.test(line.slice(m.index))) depth++;
		}
	}
	return -1;
}

function minIndent(lines: readonly string[]): number {
	let min = Infinity;
	for (const l of lines) if (l.trim() !== '') min = Math.min(min, /^[ \t]*/.exec(l)?.[0].replace(/\t/g, '    ').length ?? 0);
	return min === Infinity ? 0 : min;
}

function dedentAll(lines: string[]): string[] {
	const n = minIndent(lines);
	return n === 0 ? lines : lines.map(l => l.slice(Math.min(n, /^[ \t]*/.exec(l)?.[0].length ?? 0)));
}

export function jsxElement(lines: readonly string[], open: number, firstLine: number, st: PrepareState, process: Process): Taken | null {
	const details = DETAILS_START.test(lines[open] as string);
	const name = details ? 'details' : (JSX_START.exec(lines[open] as string)?.[1] as string);
	const end = tagEnd(lines, open);
	if (!end) return null;
	const tagText = lines.slice(open, end.line + 1).join('\n');
	const attrs = parseArgs(tagText.slice(tagText.indexOf('<') + 1 + name.length, tagText.lastIndexOf('>')).replace(/\/$/, '')).named;
	const after = (lines[end.line] as string).slice(end.column);
	const label = name === 'TabItem' ? attrs['label'] ?? attrs['value'] ?? 'Tab' : name;
	const head = name === 'Tabs' ? [] : name === 'TabItem' ? [directive('tab', label), ''] : details ? [] : [marker(name), ''];
	// Outside MDX a capitalised tag is HTML to the generator (GitHub drops it): its name is kept, nothing is searched for.
	const container = details || name === 'Tabs' || name === 'TabItem' || st.options.mdx === true;
	if (end.selfClosing || !container) return {out: [...head, ...(after.trim() ? process([after], firstLine + end.line) : [])], end: end.line};
	const close = closeLine(lines, end.line, end.column, name);
	if (close < 0) {
		st.problems.push({line: firstLine + open, message: `<${name}> is never closed with </${name}>`});
		return {out: [...head, ...(after.trim() ? [after] : [])], end: end.line};
	}
	const closeRe = new RegExp(`</${name}\\s*>`, 'i');
	let inner: string[];
	if (close === end.line) inner = [after.split(closeRe)[0] ?? ''];
	else {
		const last = lines[close] as string;
		const tail = last.slice(0, last.search(closeRe));
		inner = [after, ...lines.slice(end.line + 1, close), tail];
	}
	let summary = '';
	if (details) {
		const joined = inner.join('\n');
		const s = /<summary\b[^>]*>([\s\S]*?)<\/summary>/i.exec(joined);
		if (s) {
			summary = (s[1] ?? '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
			inner = (joined.slice(0, s.index) + joined.slice(s.index + s[0].length)).split('\n');
		}
	}
	const body = process(dedentAll(inner.map(l => l.replace(/\s+$/, ''))), firstLine + end.line);
	const lead = details ? [directive('details', summary || 'Details'), ''] : head;
	return {out: ['', ...lead, ...body, ''], end: close};
}
