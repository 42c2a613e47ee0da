/**
 * MiniSearch's ranking, which the persistent index repeats so that a shelf
 * finds the same top hits with or without it (search/meta.ts, search/text.ts):
 * BM25+ with k 1.2, b 0.7, d 0.5, and a word found for a typed prefix weighed
 * 0.375 and by how much of it was typed.
 */
export const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;

/** How rare a word is among `docs` documents, `n` of which hold it. */
export function idf(docs: number, n: number): number {
	return Math.log(1 + (docs - n + 0.5) / (n + 0.5));
}

/** A word's weight in one field: found `tf` times in `length` words, where such fields average `average`. */
export function termWeight(tf: number, length: number, average: number): number {
	return D + tf * (K + 1) / (tf + K * (1 - B + B * length / average));
}

/** What a word found for the typed prefix `typed` counts for (a prefix weighs less the more it leaves out). */
export function prefixWeight(word: string, typed: string): number {
	return PREFIX_WEIGHT * word.length / (word.length + 0.3 * (word.length - typed.length));
}
