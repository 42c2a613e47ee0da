/**
 * The dialect pre-pass: markdown as Hugo, Jekyll, Docusaurus/MDX, MkDocs,
 * GitHub and Obsidian write it, rewritten into the CommonMark the renderer
 * reads, plus a few private directives (syntax.ts) for what CommonMark has no
 * form for (callouts, dim markers, tab labels). Pure and independent of where
 * rendering runs. Nothing is dropped that a reader of the published page would
 * see; markup that cannot be acted out is shown as a dim marker, and what was
 * left open is reported (`problems`) while its text stays.
 */
import {literalPass} from './literal.js';
import {inlinePass} from './inline.js';
import {fenceEnd, fenceOpen} from './fences.js';
import {codeShortcode, isCodeShortcode} from './code-shortcodes.js';
import {admonition, calloutHead, isAdmonition, isMkdocs, mkdocs} from './containers.js';
import {isDetails, isJsx, jsxElement} from './jsx.js';
import {collectFootnotes, footnoteSection} from './footnotes.js';
import {newState, type DialectOptions, type DialectRef, type PrepareState} from './state.js';
import type {DialectProblem} from './problems.js';

export type {DialectOptions, DialectRef} from './state.js';
export type {DialectProblem} from './problems.js';

export interface Prepared {
	text: string;
	problems: DialectProblem[];
	refs: DialectRef[];
}

/** Anything any dialect step reacts to; a body without it is returned as it is. */
const TRIGGER = /\[\[|\{[{%/]|:::|^\s*(?:!!!|\?\?\?)|\[!|%%|\[\^|<[A-Z]|<details/m;
const MDX_STATEMENT = /^(?:import|export)\s/;
const ADMONITION_CLOSE = /^\s{0,3}:{3,}\s*$/;
const CALLOUT_LINE = /^(?:\s{0,3}>\s?)+\[![\w-]+\]/;

export function prepareDialects(body: string, options: DialectOptions = {}): Prepared {
	const mdx = options.mdx === true && /^(?:import|export)\s/m.test(body);
	const separator = options.excerptSeparator?.trim();
	if (!mdx && !separator && !TRIGGER.test(body)) return {text: body, problems: [], refs: []};
	const st = newState(options);
	const text = literalPass(body, st.problems);
	const lines = text.split('\n');
	collectFootnotes(lines, st);
	const out = processLines(lines, 1, st, 0);
	const notes = footnoteSection(st);
	return {text: out.join('\n') + notes, problems: st.problems.sort((a, b) => a.line - b.line), refs: st.refs};
}

function blockStart(line: string, st: PrepareState, depth: number): boolean {
	return fenceOpen(line) !== null || isCodeShortcode(line) || isAdmonition(line) || ADMONITION_CLOSE.test(line) || isMkdocs(line)
		|| isJsx(line) || isDetails(line) || /^\s*\{\/\*/.test(line) || /^\s*%%/.test(line) || CALLOUT_LINE.test(line)
		|| (depth === 0 && st.options.mdx === true && MDX_STATEMENT.test(line))
		|| (st.options.excerptSeparator !== undefined && line.trim() === st.options.excerptSeparator.trim());
}

/** Lines of one statement of JavaScript starting at `i`: until brackets balance at a line's end. */
function statementEnd(lines: readonly string[], i: number): number {
	let balance = 0;
	for (let j = i; j < lines.length; j++) {
		const line = lines[j] as string;
		if (j > i && line.trim() === '') return j - 1;
		for (const ch of line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '')) {
			if ('{[('.includes(ch)) balance++;
			else if ('}])'.includes(ch)) balance--;
		}
		if (balance <= 0 && !/[,=({[]\s*$|^\s*(?:import|export)\s+(?:type\s+)?\{?\s*$/.test(line)) return j;
	}
	return lines.length - 1;
}

function processLines(lines: string[], firstLine: number, st: PrepareState, depth: number): string[] {
	const out: string[] = [];
	const process = (inner: string[], first: number): string[] => processLines(inner, first, st, depth + 1);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as string;
		const abs = firstLine + i;
		if (st.skip.has(abs)) continue;
		const t = line.trim();
		if (t === '') {
			out.push(line);
			continue;
		}
		if (fenceOpen(line)) {
			const end = fenceEnd(lines, i);
			out.push(...lines.slice(i, end + 1));
			i = end;
			continue;
		}
		if (t.startsWith('%%') && !t.slice(2).includes('%%')) {
			const end = lines.findIndex((l, j) => j > i && l.includes('%%'));
			if (end >= 0) {
				const after = (lines[end] as string).slice((lines[end] as string).indexOf('%%') + 2);
				if (after.trim()) out.push(after);
				i = end;
				continue;
			}
			st.problems.push({line: abs, message: 'Obsidian comment %% is never closed with %%'});
		}
		if (/^\s*\{\/\*/.test(line)) {
			const end = lines.findIndex((l, j) => j >= i && l.includes('*/}'));
			if (end >= 0) {
				i = end;
				continue;
			}
		}
		if (depth === 0 && st.options.mdx && MDX_STATEMENT.test(line)) {
			i = statementEnd(lines, i);
			continue;
		}
		if (st.options.excerptSeparator !== undefined && t === st.options.excerptSeparator.trim()) continue;
		if (ADMONITION_CLOSE.test(line)) {
			st.problems.push({line: abs, message: `${t} closes no admonition`});
			continue;
		}
		const taken = isCodeShortcode(line) ? codeShortcode(lines, i, firstLine, st)
			: isAdmonition(line) ? admonition(lines, i, firstLine, st, process)
			: isMkdocs(line) ? mkdocs(lines, i, firstLine, process)
			: isJsx(line) || isDetails(line) ? jsxElement(lines, i, firstLine, st, process)
			: null;
		if (taken) {
			out.push(...taken.out);
			i = taken.end;
			continue;
		}
		const head = calloutHead(line, lines[i - 1]);
		if (head) {
			out.push(...inlinePass(head.join('\n'), abs, st).split('\n'));
			continue;
		}
		let j = i;
		while (j + 1 < lines.length && (lines[j + 1] as string).trim() !== '' && !st.skip.has(abs + j + 1 - i) && !blockStart(lines[j + 1] as string, st, depth)) j++;
		out.push(...inlinePass(lines.slice(i, j + 1).join('\n'), abs, st).split('\n'));
		i = j;
	}
	return out;
}
