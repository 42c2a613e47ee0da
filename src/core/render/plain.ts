/**
 * The fallback when an article cannot be rendered (the watchdog ended the
 * renderer, it crashed, or ran out of memory): its source as plain text,
 * sanitized and wrapped to the width. A single linear scan of the lines, so
 * it cannot be the next thing to hang: ATX headings are still headings (the
 * outline and anchors work) and fenced code is still a numbered block that
 * `y` and the digits copy. No inline markup is interpreted.
 */
import {sanitize} from '../sanitize.js';
import {expandTabs, fitLine, stringWidth, wrapStyled} from './fit.js';
import {fenceLanguage} from './fence.js';
import type {RenderResult} from './types.js';
import type {Styles} from './styles.js';

const MARKERS = /[\uE000-\uE01F]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
/** A heading's text is cut here: it is a label in the outline, not a paragraph. */
const HEADING_CHARS = 300;

export function plainRender(body: string, width: number, s: Styles): RenderResult {
	const out: RenderResult = {lines: [], blocks: [], headings: [], links: [], images: []};
	const push = (line: string): void => {
		for (const piece of fitLine(line, width, s.dim)) out.lines.push(piece);
	};
	let fence: {marker: string; lang: string; source: string[]} | null = null;
	const lines = body.replace(MARKERS, '\uFFFD').split(/\r?\n/);
	for (const source of lines) {
		// Shown sanitized; a code block keeps its exact source for copying.
		const raw = sanitize(source);
		const f = FENCE.exec(raw);
		if (fence) {
			const m = f?.[1];
			if (m && m[0] === fence.marker[0] && m.length >= fence.marker.length && (f[2] ?? '').trim() === '') {
				codeBlock(out, fence.lang, fence.source, width, s);
				fence = null;
			} else {
				fence.source.push(source);
			}
			continue;
		}
		if (f && !(f[1]?.[0] === '`' && (f[2] ?? '').includes('`'))) {
			fence = {marker: f[1] as string, lang: fenceLanguage(f[2]), source: []};
			continue;
		}
		const h = ATX.exec(raw);
		if (h) {
			const depth = (h[1] as string).length;
			const text = raw.slice(h[0].length).trim().replace(/[ \t]#+$/, '').slice(0, HEADING_CHARS);
			out.headings.push({depth, text, line: out.lines.length});
			push((depth === 1 ? s.h1 : depth === 2 ? s.h2 : s.h3)(text));
			continue;
		}
		push(raw);
	}
	// An unclosed fence runs to the end of the article, as in CommonMark.
	if (fence) codeBlock(out, fence.lang, fence.source, width, s);
	return out;
}

function codeBlock(out: RenderResult, lang: string, source: string[], width: number, s: Styles): void {
	const index = out.blocks.length;
	const label = ` [${index + 1}] ${lang || 'code'} `;
	const startLine = out.lines.length;
	out.lines.push(s.codeFrame('╭─') + s.codeLabel(label) + s.codeFrame('─'.repeat(Math.max(0, width - 2 - stringWidth(label)))));
	for (const line of source) {
		const text = expandTabs(sanitize(line));
		const pieces = stringWidth(text) <= width - 2 ? [text] : wrapStyled(text, Math.max(1, width - 4), {words: false, trim: false});
		pieces.forEach((p, i) => out.lines.push(s.codeFrame('│ ') + (i > 0 ? s.dim('↪ ') : '') + p));
	}
	out.lines.push(s.codeFrame('╰' + '─'.repeat(Math.max(0, width - 1))));
	out.blocks.push({index: index + 1, lang, source: source.join('\n'), startLine, endLine: out.lines.length - 1});
}
