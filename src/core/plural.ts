/** "1 article", "2 articles", "0 articles": a count with its noun in the right number. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
	return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * "20,000": an integer with thousands separators, as `toLocaleString('en-US')` writes it, without
 * ICU. The first toLocaleString of a process loads ICU's number formats (20–30 ms on Node 22 and
 * 24), which the library's first frame would otherwise wait for.
 */
export function formatCount(n: number): string {
	return Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : n.toLocaleString('en-US');
}
