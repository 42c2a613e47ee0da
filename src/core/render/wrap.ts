import stringWidth from 'string-width';

/**
 * Width and wrapping for styled (SGR) text, with a fast path for ASCII.
 * string-width segments every string into graphemes, which made wrapping a
 * long article cost most of its render time; nearly all text is ASCII, whose
 * width is its length.
 */

const SGR = /\x1b\[[0-9;]*m/g;
/**
 * One column per UTF-16 unit, each unit a grapheme of its own (string-width's answer, checked
 * for every one of them in tests/core/narrow-width.test.ts): ASCII, Latin-1, common punctuation,
 * arrows, mathematical operators, the box drawing, blocks and shapes the renderer and the app
 * draw (not ◽◾, two columns), ✓ and ⚠.
 */
export const NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u00ff\u2010-\u2027\u2030-\u205e\u2190-\u22ff\u2500-\u25fc\u26a0\u2713]*$/;

/** Renderer markers (see markers.ts) take no room. */
const MARKER = /[\uE000-\uE01F]/g;
const HAS_MARKER = /[\uE000-\uE01F]/;

export function visibleWidth(text: string): number {
	let bare = text.includes('\x1b') ? text.replace(SGR, '') : text;
	if (HAS_MARKER.test(bare)) bare = bare.replace(MARKER, '');
	return NARROW.test(bare) ? bare.length : stringWidth(bare);
}

const segmenter = new Intl.Segmenter();

/** Grapheme clusters, so a break never splits an emoji sequence or a combining mark. */
function graphemes(text: string): string[] {
	if (NARROW.test(text)) return [...text];
	return Array.from(segmenter.segment(text), s => s.segment);
}

type Piece = {sgr: string} | {text: string};

function pieces(line: string): Piece[] {
	const out: Piece[] = [];
	let last = 0;
	for (const m of line.matchAll(SGR)) {
		if (m.index > last) out.push({text: line.slice(last, m.index)});
		out.push({sgr: m[0]});
		last = m.index + m[0].length;
	}
	if (last < line.length) out.push({text: line.slice(last)});
	return out;
}

export interface WrapOptions {
	/** Break at spaces where possible (prose); false breaks anywhere (code). */
	words?: boolean;
	/** Drop spaces at the start of continuation lines. */
	trim?: boolean;
}

/**
 * Wraps a styled line into lines no wider than `width`. Styles open at a break
 * are closed at the end of the line and reopened on the next, so every line
 * stands alone (each is drawn separately).
 */
export function wrapStyled(line: string, width: number, {words = true, trim = true}: WrapOptions = {}): string[] {
	if (width < 1) return [''];
	if (visibleWidth(line) <= width) return [line];
	const lines: string[] = [];
	let active: string[] = [];
	let current = '';
	let col = 0;
	let pending = '';
	const breakLine = (): void => {
		lines.push(active.length ? `${current}\x1b[0m` : current);
		current = active.join('');
		col = 0;
	};
	const addGraphemes = (text: string): void => {
		for (const g of graphemes(text)) {
			const w = g.length === 1 && NARROW.test(g) ? 1 : visibleWidth(g);
			if (col + w > width && col > 0) breakLine();
			if (col === 0 && trim && g === ' ' && lines.length > 0) continue;
			current += g;
			col += w;
		}
	};
	for (const piece of pieces(line)) {
		if ('sgr' in piece) {
			current += piece.sgr;
			if (piece.sgr === '\x1b[0m' || piece.sgr === '\x1b[m') active = [];
			else active.push(piece.sgr);
			continue;
		}
		if (!words) {
			addGraphemes(piece.text);
			continue;
		}
		// Words keep their trailing space; a word that would overflow starts a new line.
		for (let word of piece.text.split(/(?<= )/)) {
			// Zero-width markers travel with the next word, so a mark never ends up stranded at a line's end.
			if (HAS_MARKER.test(word) && visibleWidth(word) === 0) {
				pending += word;
				continue;
			}
			word = pending + word;
			pending = '';
			const w = visibleWidth(word);
			const bare = word.endsWith(' ') ? w - 1 : w;
			if (col > 0 && col + bare > width) breakLine();
			if (w <= width - col) {
				if (col === 0 && trim && lines.length > 0) {
					const stripped = word.replace(/^ +/, '');
					current += stripped;
					col += visibleWidth(stripped);
				} else {
					current += word;
					col += w;
				}
			} else {
				addGraphemes(word);
			}
		}
	}
	current += pending;
	if (visibleWidth(current) > 0 || HAS_MARKER.test(current) || lines.length === 0) lines.push(active.length ? `${current}\x1b[0m` : current);
	// Trailing spaces at breaks are invisible but could push a line past the width.
	return lines.map(l => (visibleWidth(l) > width ? l.replace(/ +((?:\x1b\[[0-9;]*m)*)$/, '$1') : l));
}
