/**
 * Dates as the author wrote them. A post dated `2019-07-02 23:30:00 -0400`
 * was written on July 2nd wherever the reader is, so the calendar date is
 * taken from the text and never shifted through a time zone.
 */
import {quote, type Report} from './coerce.js';

// ISO and its looser cousins: `T` or a space before the time, any fraction,
// and an offset written `Z`, `+02:00`, `+0200`, ` -0400` or ` UTC` (Jekyll, Hugo, Zola, TOML).
const ISO =
	/^(\d{4})[-/](\d{2})[-/](\d{2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?|UTC|GMT))?(?:\s+[A-Z]{2,5})?)?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// `Jun 19 2024`, `June 19, 2024` (Astro's examples, read by JavaScript's Date) and `19 June 2024`.
const MONTH_FIRST = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s+\d{1,2}:\d{2}.*)?$/;
const DAY_FIRST = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:\s+\d{1,2}:\d{2}.*)?$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` when the parts make a real day, else null. */
export function realDate(year: number, month: number, day: number): string | null {
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
	if (year < 1 || day < 1 || day > days) return null;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
	const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
	return i === -1 ? 0 : i + 1;
}

/** The calendar date in a date text, or null when it is not one. */
export function parseDate(value: string): string | null {
	const s = value.trim();
	// The common case, `2024-05-01`, without the general patterns.
	if (s.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(s)) return realDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8)));
	const iso = ISO.exec(s);
	if (iso) {
		const [hour = 0, minute = 0, second = 0] = [iso[4], iso[5], iso[6]].map(p => Number(p ?? 0));
		if (hour > 23 || minute > 59 || second > 60) return null;
		return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
	}
	const m = MONTH_FIRST.exec(s);
	if (m) return realDate(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]));
	const d = DAY_FIRST.exec(s);
	if (d) return realDate(Number(d[3]), monthNumber(d[2] ?? ''), Number(d[1]));
	return null;
}

/** A front-matter date field: null, with one problem, when it is there but not a date. */
export function dateField(key: string, value: unknown, report: Report): string | null {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value !== 'string') {
		report(key, `${key} should be a date like 2024-05-01; got ${Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : typeof value}`);
		return null;
	}
	const date = parseDate(value);
	if (date === null) {
		const looksIso = /^\d{4}-\d{2}-\d{2}/.test(value.trim());
		report(key, `${key} ${quote(value)} is not ${looksIso ? 'a real calendar date' : 'a date (write it as YYYY-MM-DD)'}`);
	}
	return date;
}

/** `2021-08-26-welcome` → the date and the rest of the name; null when the name does not start with a real date. */
export function datePrefix(name: string): {date: string; rest: string} | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})(?:-(.*))?$/.exec(name);
	if (!m) return null;
	const date = realDate(Number(m[1]), Number(m[2]), Number(m[3]));
	return date === null ? null : {date, rest: m[4] ?? ''};
}
