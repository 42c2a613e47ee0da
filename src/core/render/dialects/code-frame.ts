import {highlightCode} from '../highlight.js';
import {expandTabs, stringWidth, wrapStyled} from '../fit.js';
import {mark} from '../markers.js';
import {unguard} from './syntax.js';
import type {Styles} from '../styles.js';
import type {CodeBlockInfo} from './code-meta.js';

/**
 * A code block in its frame, `w` columns wide: the label carries the number
 * typed to copy it, its language and title; lines may be numbered, and marked
 * lines get a heavy bar. `text` is the display-safe (sanitized) source.
 */
export function renderCodeFrame(text: string, block: CodeBlockInfo | undefined, index: number, w: number, s: Styles): string {
	const lang = block?.lang ?? '';
	const title = block?.title ?? '';
	const room = Math.max(0, w - 6 - stringWidth(` [${index + 1}] ${lang || 'code'}`));
	const shownTitle = title && room > 4 ? ` · ${stringWidth(title) > room - 3 ? `…${title.slice(-(room - 4))}` : title}` : '';
	const label = ` [${index + 1}] ${lang || 'code'}${shownTitle} `;
	const top = s.codeFrame('╭─') + s.codeLabel(label) + s.codeFrame('─'.repeat(Math.max(0, w - 2 - stringWidth(label))));
	const dropped = new Set(block?.dropped ?? []);
	const lines = unguard(text.replace(/\n$/, '')).split('\n').filter((_, i) => !dropped.has(i));
	const source = expandTabs(lines.join('\n'));
	const marked = new Set(block?.highlight ?? []);
	const first = block?.lineNumbers ?? null;
	const count = source.split('\n').length;
	const gutter = first === null ? 0 : String(first + count - 1).length + 1;
	const body = highlightCode(source, lang, s).split('\n').flatMap((line, n) => {
		const bar = marked.has(n) ? s.codeLabel('┃') + ' ' : s.codeFrame('│ ');
		const number = first === null ? '' : s.dim(String(first + n).padStart(gutter - 1)) + ' ';
		const blank = ' '.repeat(gutter);
		const pieces = stringWidth(line) <= w - 2 - gutter ? [line] : wrapStyled(line, Math.max(1, w - 4 - gutter), {words: false, trim: false});
		return pieces.map((p, i) => bar + (i > 0 ? blank + s.dim('↪ ') : number) + p);
	});
	const bottom = s.codeFrame('╰' + '─'.repeat(Math.max(0, w - 1)));
	return `${mark('blockStart', index)}${top}\n${body.join('\n')}\n${bottom}${mark('blockEnd', index)}\n\n`;
}
