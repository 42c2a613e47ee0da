import sliceAnsi from 'slice-ansi';
import stripAnsi from 'strip-ansi';
import {visibleWidth as stringWidth, wrapStyled} from './wrap.js';

/**
 * The visible start of a line that its continuation lines should repeat or
 * line up under: indentation, quote bars, code frames, and a list marker
 * (replaced by spaces on the next lines).
 */
const LEAD = /^((?:[ ]*[│┃])*[ ]*)((?:[•◦▪‣*-]|\d{1,9}[.)]|[☐☑])[ ]+)?/u;

/** Continuation lines never indent past this share of the width: text needs room. */
const MAX_INDENT_SHARE = 0.5;

/** Tabs to spaces at tab stops (styled text allowed): a raw tab would let the terminal decide the layout. */
export function expandTabs(text: string, tabSize = 4): string {
	if (!text.includes('\t')) return text;
	return text.split('\n').map(line => {
		const parts = line.split('\t');
		let out = parts[0] ?? '';
		let column = stringWidth(out);
		for (const part of parts.slice(1)) {
			const pad = tabSize - (column % tabSize);
			out += ' '.repeat(pad) + part;
			column += pad + stringWidth(part);
		}
		return out;
	}).join('\n');
}

/**
 * Wraps one styled line so that no piece is wider than `width` columns,
 * breaking words only when a word alone is too wide (URLs, hashes).
 * Continuation lines keep the line's indentation and quote bars.
 */
export function fitLine(line: string, width: number, dim: (s: string) => string = s => s): string[] {
	if (width < 1) return [''];
	line = expandTabs(line);
	if (stringWidth(line) <= width) return [line];
	const visible = stripAnsi(line);
	const m = LEAD.exec(visible);
	const bars = m?.[1] ?? '';
	const marker = m?.[2] ?? '';
	let lead = stringWidth(bars) + stringWidth(marker);
	if (lead > width * MAX_INDENT_SHARE) lead = 0;
	const head = lead > 0 ? sliceAnsi(line, 0, lead) : '';
	const rest = lead > 0 ? sliceAnsi(line, lead) : line;
	const continuation = lead > 0
		? bars.replace(/[│┃]/g, bar => dim(bar)) + ' '.repeat(lead - stringWidth(bars))
		: '';
	const pieces = wrapStyled(rest, width - lead);
	return pieces.map((piece, i) => clip((i === 0 ? head : continuation) + piece, width));
}

/** Last line of defence: a line is cut rather than ever drawn wider than the screen. */
export function clip(line: string, width: number): string {
	return stringWidth(line) <= width ? line : sliceAnsi(line, 0, width);
}

export {stringWidth, stripAnsi, wrapStyled, sliceAnsi};
