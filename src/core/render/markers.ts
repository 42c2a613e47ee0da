/**
 * Zero-width private-use markers that the renderer puts around code blocks and
 * links, so their positions survive list indentation, quoting and wrapping.
 * They are removed from every line before it is stored. Article text can never
 * contain them: the parser replaces this small range (U+E000–U+E01F, below the
 * Powerline and Nerd Font glyphs) before lexing.
 */

/** `image`: after an image's label, where the lines an inline image is drawn on go. */
export type MarkType = 'blockStart' | 'blockEnd' | 'linkStart' | 'linkEnd' | 'image';

const TYPE_CHAR: Record<MarkType, string> = {blockStart: '\uE000', blockEnd: '\uE001', linkStart: '\uE002', linkEnd: '\uE003', image: '\uE00A'};
const CHAR_TYPE = new Map(Object.entries(TYPE_CHAR).map(([t, c]) => [c, t as MarkType]));
const END = '\uE005';
const DIGIT0 = 0xe010;

export const ANY_MARKER = /[\uE000-\uE01F]/g;
const MARK_RE = /([\uE000-\uE003\uE00A])([\uE010-\uE01F]*)\uE005/g;

export function mark(type: MarkType, index = 0): string {
	const digits = [...index.toString(16)].map(d => String.fromCharCode(DIGIT0 + parseInt(d, 16))).join('');
	return `${TYPE_CHAR[type]}${digits}${END}`;
}

export interface Mark {
	type: MarkType;
	index: number;
	/** Visible column where the mark stood. */
	column: number;
}

const SGR_OR_MARK = /\x1b\[[0-9;]*m|[\uE000-\uE003\uE00A][\uE010-\uE01F]*\uE005/g;

/** Removes the marks from a line and says where they were. */
export function extractMarks(line: string, width: (s: string) => number): {line: string; marks: Mark[]} {
	// Other private characters (dialects/syntax.ts) only ever go: nothing to record.
	if (!/[\uE000-\uE003\uE00A]/.test(line)) return {line: /[\uE000-\uE01F]/.test(line) ? line.replace(ANY_MARKER, '') : line, marks: []};
	const marks: Mark[] = [];
	let clean = '';
	let column = 0;
	let last = 0;
	for (const m of line.matchAll(SGR_OR_MARK)) {
		const text = line.slice(last, m.index);
		clean += text;
		column += width(text);
		last = m.index + m[0].length;
		if (m[0].startsWith('\x1b')) {
			clean += m[0];
			continue;
		}
		const typed = MARK_RE.exec(m[0]);
		MARK_RE.lastIndex = 0;
		const type = CHAR_TYPE.get(m[0][0] ?? '');
		if (type) marks.push({type, index: typed?.[2] ? parseInt([...typed[2]].map(c => (c.charCodeAt(0) - DIGIT0).toString(16)).join(''), 16) : 0, column});
	}
	clean += line.slice(last);
	return {line: clean.replace(ANY_MARKER, ''), marks};
}
