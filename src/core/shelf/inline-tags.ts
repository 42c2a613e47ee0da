/**
 * Obsidian's inline tags: `#word` in the text, as Obsidian reads them — after
 * a space or at the start of a line, letters, digits, `_`, `-` and `/`, at
 * least one of them not a digit — and never inside code, links, URLs,
 * comments or headings' `# ` markers.
 */
import {sanitizeLine} from '../sanitize.js';

const MAX_INLINE = 50;
const TAG = /(?<=^|[\s(])#([\p{L}\p{N}_\-/]*[\p{L}_\-/][\p{L}\p{N}_\-/]*)/gu;
// Spans on one line whose `#` is not a tag: code spans, links and their targets, autolinks, URLs, comments.
const NOT_TEXT = /`+[^`]*`+|\]\([^)]*\)|\[[^\]]*\]\]|<[^>]*>|https?:\/\/\S+|%%.*?%%/g;

const TAG_START = /[\p{L}_/-]/u;

/**
 * A quick look for anything that could start a tag, so the line-by-line pass runs only
 * on the few bodies that may have one (release notes are full of `## headings` and `#1234`).
 */
function mayHaveTag(body: string): boolean {
	for (let i = body.indexOf('#'); i !== -1; i = body.indexOf('#', i + 1)) {
		const before = i === 0 ? 10 : body.charCodeAt(i - 1);
		if (before !== 32 && before !== 10 && before !== 9 && before !== 13 && before !== 40) continue;
		let j = i + 1;
		while (j < body.length && body.charCodeAt(j) >= 48 && body.charCodeAt(j) <= 57) j++;
		if (j < body.length && TAG_START.test(body[j] as string)) return true;
	}
	return false;
}

export function inlineTags(body: string): string[] {
	if (!mayHaveTag(body)) return [];
	const tags = new Map<string, string>();
	let fence: string | null = null;
	let comment = false;
	for (const line of body.split('\n')) {
		const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
			fence = fence === null ? marker : null;
			continue;
		}
		// Indented code, and reference definitions (`[x]: #anchor`).
		if (fence !== null || /^(?: {4}|\t)/.test(line) || /^ {0,3}\[[^\]]+\]:/.test(line)) continue;
		// Obsidian's %% block comments %% span lines.
		if ((line.match(/%%/g)?.length ?? 0) % 2 === 1) comment = !comment;
		if (comment || !line.includes('#')) continue;
		for (const m of line.replace(NOT_TEXT, ' ').matchAll(TAG)) {
			const tag = sanitizeLine(m[1] ?? '').replace(/\/+$/, '');
			if (tag !== '' && !tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), Array.from(tag).slice(0, 100).join(''));
			if (tags.size >= MAX_INLINE) return [...tags.values()];
		}
	}
	return [...tags.values()];
}
