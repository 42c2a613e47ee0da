/**
 * Names and titles in the order people expect ("Item 2" before "Item 10",
 * case ignored), the same on every machine: a fixed locale's collator.
 * Intl.Collator.compare costs ~0.25 µs a call, and a first start of 20,000
 * articles compares titles ~55,000 times before its first frame (many articles
 * share a date; an undated docs tree sorts every title), so the common case
 * is answered without it: titles that differ first at a letter or a space.
 * That answer is the collator's own: in its order (the Unicode root order,
 * which `en` keeps) a space comes before every letter, letters go a to z
 * with case ignored, and none of them is ignorable or part of a contraction,
 * so the first such difference decides. Anything else (digits, which it
 * compares as numbers, punctuation, other scripts) is left to the collator;
 * tests/core/compare-names.test.ts checks the two agree.
 */
const collator = new Intl.Collator('en', {sensitivity: 'base', numeric: true});

/** A space or an ASCII letter as its place in the order (letters folded to lower case), anything else -1. */
function folded(code: number): number {
	if (code >= 97 && code <= 122) return code;
	if (code >= 65 && code <= 90) return code + 32;
	return code === 32 ? 32 : -1;
}

export function compareNames(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const x = folded(a.charCodeAt(i));
		const y = folded(b.charCodeAt(i));
		if (x < 0 || y < 0) break;
		if (x !== y) return x < y ? -1 : 1;
	}
	return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
