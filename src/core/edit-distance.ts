/** Levenshtein distance, bounded: fuzzy search words (as MiniSearch matches them) and "did you mean" slugs. */

let rows: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];

/** Levenshtein distance of `a` and `b`, or anything above `max` once it is sure to exceed it. */
export function editDistance(a: string, b: string, max: number): number {
	// Within `max` edits at least one of a's first max + 1 characters is kept, so it is somewhere in b.
	let kept = false;
	for (let i = 0; i <= max && i < a.length && !kept; i++) kept = b.includes(a[i] as string);
	if (!kept && a.length > max) return max + 1;
	// Two rows reused from call to call: fuzzy search asks this of every word of a shelf's vocabulary on a key.
	if (rows[0].length <= b.length) rows = [new Int32Array(b.length * 2 + 2), new Int32Array(b.length * 2 + 2)];
	let previous = rows[0];
	let current = rows[1];
	for (let j = 0; j <= b.length; j++) previous[j] = j;
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			const v = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
			current[j] = v;
			if (v < best) best = v;
		}
		if (best > max) return max + 1;
		const row = previous;
		previous = current;
		current = row;
	}
	return previous[b.length] as number;
}
