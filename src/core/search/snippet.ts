/** The line of an article shown under a search hit: where the query, or most of its terms, stands. */
import {sanitizeLine} from '../sanitize.js';

const SNIPPET_WIDTH = 120;

/** The line holding the most distinct matched terms (the first such), trimmed around the first match. */
export function snippet(plain: string, terms: readonly string[], query: string): {line: number; text: string} | null {
	if (terms.length === 0) return null;
	// The line holding what was typed, as typed, beats any line holding its parts.
	const whole = query.trim().toLowerCase();
	const exact = whole.length > 2 ? plain.toLowerCase().indexOf(whole) : -1;
	if (exact >= 0) {
		const lineStart = plain.lastIndexOf('\n', exact) + 1;
		const lineEnd = plain.indexOf('\n', exact);
		const line = plain.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
		return {line: countNewlines(plain, lineStart) + 1, text: sanitizeLine(around(line, exact - lineStart, SNIPPET_WIDTH))};
	}
	// Whole words only (`max` is not in "maximum"), but parts count: `csv` in `read_csv`.
	const patterns = terms.map(t => new RegExp(`(?<![\\p{L}\\p{N}])${t.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u'));
	const lines = plain.split('\n');
	let best = -1;
	let bestCount = 0;
	let at = 0;
	for (let i = 0; i < lines.length && bestCount < terms.length; i++) {
		const lower = (lines[i] as string).toLowerCase();
		// A cheap substring test first: most lines hold none of the terms.
		if (!terms.some(t => lower.includes(t))) continue;
		const positions = patterns.map(p => p.exec(lower)?.index ?? -1).filter(n => n >= 0);
		if (positions.length > bestCount) [best, bestCount, at] = [i, positions.length, Math.min(...positions)];
	}
	if (best < 0) return null;
	return {line: best + 1, text: sanitizeLine(around(lines[best] as string, at, SNIPPET_WIDTH))};
}

function countNewlines(text: string, end: number): number {
	let n = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
	return n;
}

/** About `width` characters of `line` with `at` in view, with … where cut (never inside a surrogate pair). */
function around(line: string, at: number, width: number): string {
	if (line.length <= width) return line.trim();
	let start = Math.max(0, Math.min(at - Math.floor(width / 3), line.length - width));
	let end = Math.min(line.length, start + width);
	if (/[\udc00-\udfff]/.test(line[start] ?? '')) start++;
	if (/[\udc00-\udfff]/.test(line[end] ?? '')) end--;
	return `${start > 0 ? '…' : ''}${line.slice(start, end).trim()}${end < line.length ? '…' : ''}`;
}
