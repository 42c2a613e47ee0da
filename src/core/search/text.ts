/**
 * Text as search sees it: markdown reduced to what a reader sees (so a query
 * never matches a link's URL or a `**`), and a tokenizer that keeps technical
 * identifiers whole (`CVE-2024-3094`, `pd.read_csv`, `--max-old-space-size`)
 * while also indexing their parts, so both `read_csv` and `csv` find them.
 * Also the two small matchers that need no index: type-to-filter on short
 * strings and find-in-article on rendered lines (exported from `search.ts`).
 */
import {visibleWidth} from '../render/index.js';
import {decodeEntities} from '../entities.js';

const OPEN_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSE_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * One plain line per body line (same count, so index i is body line i + 1).
 * Code keeps its exact text, fence lines become empty; prose loses markup,
 * link targets and HTML tags. Line-based on purpose: a full markdown parse of
 * a whole shelf would cost more than the rest of the index.
 */
export function plainLines(body: string): string[] {
	let fence: string | null = null;
	return body.split(/\r?\n/).map(line => {
		if (fence !== null) {
			const close = CLOSE_FENCE.exec(line)?.[1];
			if (close && close[0] === fence[0] && close.length >= fence.length) fence = null;
			return fence === null ? '' : line;
		}
		const open = OPEN_FENCE.exec(line)?.[1];
		// A backtick fence's info string cannot hold a backtick; otherwise it is inline code.
		if (open && !(open[0] === '`' && line.slice(line.indexOf(open) + open.length).includes('`'))) {
			fence = open;
			return '';
		}
		return plainInline(blockText(line));
	});
}

/** Drops a line's block markup: heading hashes, quote bars, list markers, rules, table rules. */
function blockText(line: string): string {
	if (/^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line) || /^ {0,3}=+[ \t]*$/.test(line)) return '';
	// Leading space is measured once: several patterns below would otherwise rescan it (a list
	// nested 1,000 deep is lines of 2,000 spaces).
	const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
	const body = line.slice(indent.length);
	if (/^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/.test(body)) return '';
	if (/^ {0,3}\[[^\]]{1,500}\]:\s*\S/.test(line)) return '';
	let text = indent + body.replace(/^(?:>[ \t]*)+/, '');
	text = text.replace(/^([ \t]*)#{1,6}(?:[ \t]+|$)/, '$1').replace(/(?<=\S)[ \t]+#+[ \t]*$/, '');
	text = text.replace(/^(\s*)(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, '$1');
	if (/^\s*\|/.test(text)) text = text.replace(/^\s*\|/, '').replace(/\|\s*$/, '');
	return text;
}

/** Inline markup out, inline code kept verbatim (without its backticks). */
function plainInline(line: string): string {
	if (!/[`*_~[\]<>&\\]/.test(line)) return line;
	// Every repetition is bounded: an article of 50,000 unclosed `[` must not cost a scan of the
	// rest of the line at each one (quadratic: minutes for a few hundred KiB).
	const parts = line.split(/(`{1,64})([^`]{1,2000}?)\1/);
	let out = '';
	for (let i = 0; i < parts.length; i += 3) {
		out += (parts[i] ?? '')
			.replace(/!?\[([^\]]{0,500})\]\((?:[^()\s]|\([^()]{0,500}\)){0,2000}(?:\s+"[^"]{0,500}")?\)/g, '$1')
			.replace(/!?\[([^\]]{0,500})\]\[[^\]]{0,500}\]/g, '$1')
			.replace(/<((?:https?|mailto):[^>\s]{1,2000}|[^>\s@]{1,500}@[^>\s]{1,500})>/gi, '$1')
			.replace(/<!--.{0,2000}?(?:-->|$)|<\/?[a-z][^>]{0,500}>/gi, '')
			.replace(/\*{1,3}|~~/g, '')
			.replace(/(^|[^\p{L}\p{N}_])_{1,3}(?=\S)/gu, '$1')
			.replace(/(\S)_{1,3}(?![\p{L}\p{N}_])/gu, '$1')
			.replace(/\\([!-/:-@[-`{-~])/g, '$1')
			.replace(/&(#39|[a-z]+);/g, m => decodeEntities(m, ' '));
		if (i + 2 < parts.length) out += parts[i + 2] ?? '';
	}
	return out;
}

/**
 * A word, optionally a flag (`-v`, `--max-old-space-size`), whose pieces may be
 * joined by `.` or `-` (`pd.read_csv`, `v22.3.0`, `CVE-2024-3094`). Letters of
 * any script count, combining marks included. No lookbehind for the dashes (it
 * doubled the cost): matching runs left to right, so the `-` of `foo-bar` is
 * taken by `foo` before it could start a flag.
 */
const TOKEN = /-{0,2}[\p{L}\p{M}\p{N}_]+(?:[.-][\p{L}\p{M}\p{N}_]+)*/gu;

/** Whole tokens only, lowercased: how a query is read (parts would match too much). */
export function queryTokens(text: string): string[] {
	return [...new Set(text.toLowerCase().match(TOKEN) ?? [])];
}

/** Whole tokens and their parts, lowercased: how documents are indexed. */
export function indexTokens(text: string): string[] {
	const out: string[] = [];
	for (const token of text.toLowerCase().match(TOKEN) ?? []) {
		out.push(token);
		if (!/[._-]/.test(token)) continue;
		const core = token.replace(/^-+/, '');
		if (core !== token) out.push(core);
		// `v22.3.0` is also found as `22.3.0`.
		if (/^v\d/.test(core)) out.push(core.slice(1));
		for (const segment of core.split(/[.-]/)) {
			if (segment !== core && segment.length > 1) out.push(segment);
			if (segment.includes('_')) for (const piece of segment.split('_')) if (piece.length > 1) out.push(piece);
		}
	}
	return out;
}

export {fuzzyFilter, fuzzyFilterTitles, type FuzzyItem} from './fuzzy.js';

// SGR and other CSI sequences, and OSC strings (hyperlinks): they take no columns.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g;

/**
 * Find-in-article over rendered lines, as seen on screen: escape codes are
 * ignored and `start`/`end` are terminal columns (what `slice-ansi` takes).
 * Smartcase: case-insensitive unless the query has a capital letter.
 * `line` is the 0-based index into `lines`, like a heading's `line`.
 */
export function findInText(lines: readonly string[], query: string): {line: number; start: number; end: number}[] {
	if (query.trim() === '') return [];
	const re = new RegExp(query.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), /\p{Lu}/u.test(query) ? 'gu' : 'giu');
	const found: {line: number; start: number; end: number}[] = [];
	lines.forEach((raw, line) => {
		const text = raw.includes('\x1b') ? raw.replace(ESCAPES, '') : raw;
		for (const m of text.matchAll(re)) {
			const start = visibleWidth(text.slice(0, m.index));
			found.push({line, start, end: start + visibleWidth(m[0])});
		}
	});
	return found;
}
