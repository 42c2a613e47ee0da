/** Levenshtein distance, bounded: fuzzy search words (as MiniSearch matches them) and "did you mean" slugs. */

/** Levenshtein distance of `a` and `b`, or anything above `max` once it is sure to exceed it. */
export function editDistance(a: string, b: string, max: number): number {
	// Within `max` edits at least one of a's first max + 1 characters is kept, so it is somewhere in b.
	let kept = false;
	for (let i = 0; i <= max && i < a.length && !kept; i++) kept = b.includes(a[i] as string);
	if (!kept && a.length > max) return max + 1;
	let previous = new Int32Array(b.length + 1).map((_, j) => j);
	let current = new Int32Array(b.length + 1);
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
		[previous, current] = [current, previous];
	}
	return previous[b.length] as number;
}
