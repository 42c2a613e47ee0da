/**
 * Where a link in an article leads, and the anchors headings get. Anchors are
 * made the way GitHub makes them, so links written for a repository or a wiki
 * (`[see](other.md#set-up-ssh)`) keep working on the shelf.
 */
import {sanitizeLine} from '../sanitize.js';
import {HTML_ENTITIES} from '../entities.js';

// github-slugger (what GitHub uses) drops these Unicode categories: other
// numbers, all punctuation but connectors and `-`, symbols, controls, format
// and private-use characters, and separators other than the plain space;
// alphabetic characters stay even when listed as symbols (Ⓐ).
const DROP = /(?![ \-\p{Alphabetic}])[\p{No}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}\p{S}\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Z}]/gu;

/** GitHub's anchor for a heading's visible text, without the `-1` of duplicates (see `slugger`). */
export function githubSlug(headingText: string): string {
	return headingText.toLowerCase().replace(DROP, '').replace(/ /g, '-');
}

export interface Slugger {
	/** The anchor of the next heading of a document, `-1`, `-2`… on repeats. */
	slug(headingText: string): string;
	reset(): void;
}

/** One per document: a repeated heading gets the first free `-N` suffix, as on GitHub. */
export function slugger(): Slugger {
	// A Map, not an object: a heading called "__proto__" or "constructor" is just text.
	const seen = new Map<string, number>();
	return {
		slug(headingText) {
			const base = githubSlug(headingText);
			let result = base;
			while (seen.has(result)) {
				const n = (seen.get(base) ?? 0) + 1;
				seen.set(base, n);
				result = `${base}-${n}`;
			}
			seen.set(result, 0);
			return result;
		},
		reset() {
			seen.clear();
		},
	};
}

/** Longer heading sources are cut before the (not linear) markup regexes run. */
const HEADING_CHARS = 1000;

/**
 * The text a person sees of a heading's inline markdown (`RenderResult.headings`
 * holds the source): GitHub slugs what it renders, so `[Docs](x.md)` is "docs"
 * and `&amp;` is "&" before punctuation goes.
 */
export function headingText(markdown: string): string {
	// A heading is a label: past this its text is not worth a scan that could be quadratic.
	if (markdown.length > HEADING_CHARS) markdown = markdown.slice(0, HEADING_CHARS);
	const parts = markdown.split(/(`+)([\s\S]*?)\1/);
	let out = '';
	for (let i = 0; i < parts.length; i += 3) {
		out += (parts[i] ?? '')
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
			.replace(/<\/?[a-z][^>]*>/gi, '')
			.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => decodeEntity(e) ?? m)
			.replace(/(^|[^\p{L}\p{N}])(__?)(?=\S)([\s\S]*?\S)\2(?![\p{L}\p{N}])/gu, '$1$3')
			.replace(/(?<!\\)(\*{1,3}|~~)(?=\S)([\s\S]*?[^\s\\])\1/g, '$2')
			.replace(/\\([!-/:-@[-`{-~])/g, '$1');
		if (i + 2 < parts.length) out += parts[i + 2] ?? '';
	}
	return out;
}

function decodeEntity(e: string): string | undefined {
	// Own keys only: `&constructor;` is not a character.
	if (e[0] !== '#') return Object.hasOwn(HTML_ENTITIES, e.toLowerCase()) ? HTML_ENTITIES[e.toLowerCase()] : undefined;
	const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
	return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/**
 * The rendered line of the heading an anchor names, or null. Case-insensitive
 * as a fallback: hand-written links often say `#Setup` for "## Setup".
 */
export function anchorLine(headings: readonly {text: string; line: number}[], anchor: string): number | null {
	const s = slugger();
	const slugs = headings.map(h => ({slug: s.slug(headingText(h.text)), line: h.line}));
	const wanted = anchor.replace(/^#/, '');
	const hit = slugs.find(h => h.slug === wanted) ?? slugs.find(h => h.slug === wanted.toLowerCase());
	return hit ? hit.line : null;
}

export type LinkTarget =
	| {kind: 'article'; slug: string; anchor: string | null}
	| {kind: 'anchor'; anchor: string}
	| {kind: 'external'; url: string}
	| {kind: 'missing'; target: string}
	| {kind: 'inert'; href: string};

const ARTICLE_EXT = /\.(?:md|markdown|mdown|mdx)$/i;

/**
 * What following `href` from article `fromSlug` does. Relative paths resolve
 * against the article's folder and never above the shelf root; a link to the
 * article itself is an anchor jump. Only http(s) and mailto leave the shelf:
 * javascript:, data:, file: and the rest are shown but do nothing.
 */
export function resolveLink(fromSlug: string, href: string, slugs: ReadonlySet<string>): LinkTarget {
	const raw = href.trim();
	// Browsers ignore tabs and newlines inside a scheme (`java\tscript:`): so must the check.
	const squeezed = raw.replace(/[\u0000-\u0020\u007f]/g, '');
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]?.toLowerCase();
	if (scheme !== undefined || squeezed.startsWith('//')) {
		const web = scheme === 'http' || scheme === 'https' || scheme === 'mailto';
		// A URL with spaces, control or bidi characters is not one to hand a browser as-is.
		const clean = squeezed === raw && sanitizeLine(raw) === raw;
		return web && clean ? {kind: 'external', url: raw} : {kind: 'inert', href: sanitizeLine(raw)};
	}
	if (raw === '') return {kind: 'inert', href: ''};

	const hash = raw.indexOf('#');
	const pathPart = (hash < 0 ? raw : raw.slice(0, hash)).replace(/[?].*$/, '');
	const anchor = hash < 0 ? null : decode(raw.slice(hash + 1)) ?? raw.slice(hash + 1);
	if (pathPart === '') return {kind: 'anchor', anchor: anchor ?? ''};

	const decoded = decode(pathPart);
	if (decoded === null) return {kind: 'missing', target: sanitizeLine(raw)};
	const resolved = resolvePath(fromSlug, decoded);
	if (resolved === null) return {kind: 'missing', target: sanitizeLine(raw)};

	const bare = resolved.replace(ARTICLE_EXT, '');
	// A folder link (`guides/`) opens the folder's index or README, as on GitHub.
	// A page bundle (`post/index.md`) is the article `post`, whichever way it is linked.
	const candidates = decoded.endsWith('/') || bare === '' ? [`${bare}/index`, `${bare}/README`, `${bare}/readme`, bare].map(c => c.replace(/^\//, ''))
		: [bare, bare.replace(/\/_?index$/, '')];
	const slug = candidates.find(c => slugs.has(c));
	if (slug === undefined) return {kind: 'missing', target: sanitizeLine(bare || raw)};
	if (slug === fromSlug && anchor !== null) return {kind: 'anchor', anchor};
	return {kind: 'article', slug, anchor};
}

function decode(text: string): string | null {
	try {
		return decodeURIComponent(text);
	} catch {
		return null;
	}
}

/** `../x` from `a/b/c` → `a/x`; null when the path climbs above the root. */
function resolvePath(fromSlug: string, target: string): string | null {
	const parts = target.startsWith('/') ? [] : fromSlug.split('/').slice(0, -1);
	for (const part of target.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (parts.length === 0) return null;
			parts.pop();
		} else {
			parts.push(part);
		}
	}
	return parts.join('/');
}
