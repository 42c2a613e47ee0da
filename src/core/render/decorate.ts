/**
 * What the reader adds to a visible line at draw time: OSC 8 hyperlinks and
 * reverse-video marks (find hits, the selected link). Both work on styled
 * lines by visible column, so they never cut an escape sequence in half.
 */
import {sliceAnsi} from './fit.js';
import {visibleWidth} from './wrap.js';

/** Only plain web and mail addresses become OSC 8 targets: nothing a terminal could read as a control. */
export const SAFE_TARGET = /^(?:https?:\/\/|mailto:)[\x21-\x7e]+$/;

export interface LineLink {
	column: number;
	text: string;
	href: string;
	kind: string;
}

/** Makes the web and mail links on a line clickable (OSC 8), in terminals that show them. */
export function hyperlink(line: string, links: readonly LineLink[]): string {
	let out = line;
	// Right to left, so earlier columns stay where they were.
	for (const l of [...links].sort((a, b) => b.column - a.column)) {
		if ((l.kind !== 'web' && l.kind !== 'mail') || !SAFE_TARGET.test(l.href)) continue;
		const end = l.column + Math.max(1, visibleWidth(l.text));
		out = sliceAnsi(out, 0, l.column) + `\x1b]8;;${l.href}\x1b\\` + sliceAnsi(out, l.column, end) + '\x1b]8;;\x1b\\' + sliceAnsi(out, end);
	}
	return out;
}

export interface Mark {
	start: number;
	end: number;
	/** The current hit or the selected link: bold as well as reversed. */
	current: boolean;
}

/** Marks columns of a styled line in reverse video; overlapping marks after the first are left out. */
export function highlight(line: string, marks: readonly Mark[]): string {
	let out = '';
	let at = 0;
	for (const m of [...marks].sort((a, b) => a.start - b.start)) {
		if (m.start < at) continue;
		out += sliceAnsi(line, at, m.start) + (m.current ? '\x1b[7;1m' : '\x1b[7m') + sliceAnsi(line, m.start, m.end).replace(/\x1b\[0?m/g, '') + '\x1b[27;22m';
		at = m.end;
	}
	return out + sliceAnsi(line, at);
}

/**
 * Items by line, built once per list (when find hits or a render chunk change it), so that a
 * frame looks up only its own lines: the work per key is the screen's, not the article's.
 */
export function byLine<T extends {line: number}>(items: readonly T[]): Map<number, T[]> {
	const out = new Map<number, T[]>();
	for (const item of items) {
		const list = out.get(item.line);
		if (list) list.push(item);
		else out.set(item.line, [item]);
	}
	return out;
}
