/**
 * Type-to-filter for short strings (titles, tags): every word of the query
 * must appear in order, not necessarily together (`pyint` finds "Python
 * internals"). Hand-written rather than a dependency: it is short and
 * must return the matched positions for highlighting. Positions index code
 * points (`[...text]`). Best first; an empty query keeps every item, in order.
 */
export function fuzzyFilter(query: string, items: readonly FuzzyItem[], limit = Infinity): {key: string; score: number; positions: number[]}[] {
	const words = wordsOf(query);
	if (words.length === 0) return items.map(item => ({key: item.key, score: 0, positions: []}));
	const scored = scan(words, items.length, at => (items[at] as FuzzyItem).text, at => (items[at] as FuzzyItem).lower, limit);
	return scored.map(({at, score, starts}) => ({key: (items[at] as FuzzyItem).key, score, positions: positionsOf(words, items[at] as FuzzyItem, starts)}));
}

/**
 * `fuzzyFilter` over the titles `among` (indexes into `titles` and `lowers`,
 * the same titles lowercased), without an item object per title: a shelf's
 * library search runs it over every title on every key. Best first, by index.
 */
export function fuzzyFilterTitles(query: string, titles: readonly string[] | ((i: number) => string), lowers: readonly string[], among: ArrayLike<number>, limit = Infinity): {at: number; score: number; positions: number[]}[] {
	const words = wordsOf(query);
	const titleOf = typeof titles === 'function' ? titles : (i: number): string => titles[i] as string;
	if (words.length === 0) return Array.from(among, at => ({at, score: 0, positions: []}));
	const scored = scan(words, among.length, k => titleOf(among[k] as number), k => lowers[among[k] as number], limit);
	return scored.map(({at: k, score, starts}) => {
		const at = among[k] as number;
		return {at, score, positions: positionsOf(words, {key: '', text: titleOf(at), lower: lowers[at] as string}, starts)};
	});
}

const wordsOf = (query: string): string[][] => query.toLowerCase().split(/\s+/).filter(w => w !== '').map(w => [...w]);

/**
 * The best `limit` of `count` texts (all, when Infinity), best first (equal scores in their order). This
 * runs over each title of the shelf on every key: nothing is allocated for a text unless it is kept (a
 * text's match object, its starts and its code points cost ~50 MiB a key at 100,000 titles).
 */
function scan(words: string[][], count: number, textAt: (i: number) => string, lowerAt: (i: number) => string | undefined, limit: number): {at: number; score: number; starts: number[]}[] {
	const scored: {at: number; score: number; starts: number[]}[] = [];
	const starts = new Array<number>(words.length).fill(0);
	const full = !Number.isFinite(limit);
	texts: for (let at = 0; at < count; at++) {
		const text = textAt(at);
		const lower = lowerAt(at) ?? text.toLowerCase();
		const simple = lower.length === text.length && !SURROGATE.test(text);
		const chars: Chars = simple ? text : [...text];
		const lowerChars: Chars = simple ? lower : (chars as string[]).map(c => c.toLowerCase());
		let score = 0;
		for (let w = 0; w < words.length; w++) {
			const best = bestStart(words[w] as string[], lowerChars, chars);
			if (best === NO_MATCH) continue texts;
			score += best;
			starts[w] = bestAt;
		}
		score -= chars.length / 100;
		if (!full && scored.length >= limit && !(score > (scored[scored.length - 1] as typeof scored[number]).score)) continue;
		const entry = {at, score, starts: starts.slice()};
		if (full) {
			scored.push(entry);
			continue;
		}
		let i = scored.length;
		while (i > 0 && entry.score > (scored[i - 1] as typeof entry).score) i--;
		scored.splice(i, 0, entry);
		if (scored.length > limit) scored.pop();
	}
	if (full) scored.sort((a, b) => b.score - a.score || a.at - b.at);
	return scored;
}

/** The code point positions a kept match takes, for highlighting. */
function positionsOf(words: string[][], item: FuzzyItem, starts: number[]): number[] {
	const {lower} = codePoints(item);
	const positions = new Set<number>();
	words.forEach((word, w) => {
		for (const p of greedy(word, lower, starts[w] as number)) positions.add(p);
	});
	return [...positions].sort((x, y) => x - y);
}

/** An item to filter; `lower`, when given, is `text` lowercased (a caller filtering the same texts on every key keeps it). */
export interface FuzzyItem {
	key: string;
	text: string;
	lower?: string;
}

const SURROGATE = /[\ud800-\udfff]/;
/** A text's code points: an array of them, or the string itself when each is one UTF-16 unit. */
type Chars = string | readonly string[];

/** Code points, and the same lowercased; the strings themselves when that is the same thing (no array per title and key). */
function codePoints(item: FuzzyItem): {chars: Chars; lower: Chars} {
	const lower = item.lower ?? item.text.toLowerCase();
	if (lower.length === item.text.length && !SURROGATE.test(item.text)) return {chars: item.text, lower};
	const chars = [...item.text];
	return {chars, lower: chars.map(c => c.toLowerCase())};
}

const NO_MATCH = -Infinity;
/** Where the best match of the last `bestStart` starts (a number beside its result, not an object per title). */
let bestAt = -1;

/** How well a match may start or go on at `i`: at the text's start, after a non-word character, at a camelCase hump. */
function boundary(chars: Chars, i: number): number {
	const prev = chars[i - 1];
	if (prev === undefined) return 10;
	if (!isWordChar(prev)) return 8;
	return isLower(prev) && isUpper(chars[i] ?? '') ? 6 : 0;
}

/** The score of the best of the greedy matches from each possible first character (word starts and runs score high), or NO_MATCH; its start in `bestAt`. */
function bestStart(word: string[], lower: Chars, chars: Chars): number {
	let best = NO_MATCH;
	for (let start = 0; start < lower.length; start++) {
		if (lower[start] !== word[0]) continue;
		let matched = 1;
		let prev = start;
		let score = boundary(chars, start) - start / 10;
		for (let i = start + 1; i < lower.length && matched < word.length; i++) {
			if (lower[i] !== word[matched]) continue;
			score += i === prev + 1 ? 6 : boundary(chars, i) - Math.min(3, i - prev - 1);
			prev = i;
			matched++;
		}
		// If the earliest start cannot complete the word, no later one can.
		if (matched < word.length) break;
		if (score > best) {
			best = score;
			bestAt = start;
		}
	}
	return best;
}

// ASCII answered by its code, the rest by the Unicode classes (the regular expressions cost most of a title's match).
// Comparisons, not a regular expression, for ASCII: each test of one allocated (~6 MiB a key over 100,000 titles).
const isWordChar = (c: string): boolean => (c < '\x80' ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') : /[\p{L}\p{N}]/u.test(c));
const isLower = (c: string): boolean => (c < '\x80' ? c >= 'a' && c <= 'z' : /\p{Ll}/u.test(c));
const isUpper = (c: string): boolean => (c < '\x80' ? c >= 'A' && c <= 'Z' : /\p{Lu}/u.test(c));

/** The positions the greedy match from `start` takes (as bestStart scored it). */
function greedy(word: string[], lower: Chars, start: number): number[] {
	const positions = [start];
	for (let i = start + 1; i < lower.length && positions.length < word.length; i++) if (lower[i] === word[positions.length]) positions.push(i);
	return positions;
}

