import {stringWidth, wrapStyled} from './fit.js';
import type {Styles} from './styles.js';

export type Align = 'left' | 'right' | 'center' | null;

/** Below this many columns a cell is unreadable; the table turns into a list instead. */
const MIN_CELL = 4;

/**
 * Lays a table out inside `width` columns: natural widths when they fit,
 * otherwise wider columns give way first (water-filling) and cells wrap; when
 * even that cannot fit, each row becomes a small "header: value" list.
 * Cells arrive rendered (styled, sanitized); only their width is measured here.
 */
export function renderTable(header: string[], rows: string[][], align: Align[], width: number, s: Styles): string[] {
	const cols = header.length;
	if (cols === 0) return [];
	const cells = [header, ...rows].map(r => Array.from({length: cols}, (_, i) => r[i] ?? ''));
	const natural = Array.from({length: cols}, (_, i) => Math.max(1, ...cells.map(r => maxLineWidth(r[i] ?? ''))));
	const chrome = 3 * cols + 1; // "│ " before each cell, " " after, final "│"
	const room = width - chrome;
	if (room < cols * MIN_CELL) return listForm(header, rows, width, s);
	const widths = shareOut(natural, room);
	const bar = (l: string, m: string, r: string): string => s.dim(l + widths.map(w => '─'.repeat(w + 2)).join(m) + r);
	const out = [bar('┌', '┬', '┐')];
	cells.forEach((row, r) => {
		out.push(...tableRow(row, widths, align, s, r === 0));
		if (r === 0) out.push(bar('├', '┼', '┤'));
	});
	out.push(bar('└', '┴', '┘'));
	return out;
}

function maxLineWidth(text: string): number {
	return Math.max(0, ...text.split('\n').map(l => stringWidth(l)));
}

/** Gives every column its natural width if it fits, else caps the widest ones at a common level. */
function shareOut(natural: number[], room: number): number[] {
	const total = natural.reduce((a, b) => a + b, 0);
	if (total <= room) return natural;
	let lo = MIN_CELL;
	let hi = Math.max(...natural);
	while (lo < hi) {
		const cap = Math.ceil((lo + hi + 1) / 2);
		const used = natural.reduce((a, n) => a + Math.min(n, cap), 0);
		if (used <= room) lo = cap; else hi = cap - 1;
	}
	const widths = natural.map(n => Math.min(n, lo));
	let spare = room - widths.reduce((a, b) => a + b, 0);
	for (let i = 0; i < widths.length && spare > 0; i++) {
		if ((natural[i] ?? 0) > (widths[i] ?? 0)) { widths[i] = (widths[i] ?? 0) + 1; spare--; }
	}
	return widths;
}

function tableRow(row: string[], widths: number[], align: Align[], s: Styles, isHeader: boolean): string[] {
	const wrapped = row.map((cell, i) => wrapStyled(cell, widths[i] ?? 1));
	const height = Math.max(...wrapped.map(w => w.length));
	const lines: string[] = [];
	for (let l = 0; l < height; l++) {
		const parts = wrapped.map((w, i) => {
			const text = w[l] ?? '';
			const padded = pad(text, widths[i] ?? 1, align[i] ?? null);
			return isHeader ? s.tableHeader(padded) : padded;
		});
		lines.push(s.dim('│ ') + parts.join(s.dim(' │ ')) + s.dim(' │'));
	}
	return lines;
}

function pad(text: string, width: number, align: Align): string {
	const gap = Math.max(0, width - stringWidth(text));
	if (align === 'right') return ' '.repeat(gap) + text;
	if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(gap - Math.floor(gap / 2));
	return text + ' '.repeat(gap);
}

/** A table too wide for any grid, as one block per row: "Header: value". */
function listForm(header: string[], rows: string[][], width: number, s: Styles): string[] {
	const out: string[] = [];
	rows.forEach((row, r) => {
		if (r > 0) out.push(s.dim('─'.repeat(Math.min(width, 20))));
		header.forEach((h, i) => {
			const line = `${s.tableHeader(h.replace(/\n/g, ' '))}: ${(row[i] ?? '').replace(/\n/g, ' ')}`;
			out.push(...wrapStyled(line, width));
		});
	});
	return out;
}
