/**
 * The private characters the dialect pre-pass writes into markdown for the
 * renderer (see prepare.ts). They lie in the range the parser replaces in
 * article text before anything else (U+E000–U+E01F, see parse.ts), so an
 * article can never forge one; the renderer's own markers use other code
 * points of the same range (markers.ts).
 */

/** Starts a directive: `OPEN kind SEP payload CLOSE`, read by the `dialect` inline token. */
export const OPEN = '\uE006';
export const CLOSE = '\uE007';
const SEP = '\uE004';
/**
 * Zero-width, removed before anything is shown or copied: put after a `{` of
 * text that must be shown as written (`{% raw %}`, a Hugo escaped shortcode), so no later
 * step reads it as a tag.
 */
export const GUARD = '\uE008';

export type DirectiveKind = 'mark' | 'callout' | 'tab' | 'details';

export function directive(kind: DirectiveKind, payload: string): string {
	return `${OPEN}${kind}${SEP}${payload.replace(/[\n\r\uE000-\uE01F]+/g, ' ')}${CLOSE}`;
}

export const DIRECTIVE = /^\uE006([a-z]+)\uE004([^\uE007]*)\uE007/;

/** A dim marker for markup inkshelf does not act out: its name and a little of what it says. */
export function marker(text: string): string {
	const t = text.replace(/\s+/g, ' ').trim();
	return directive('mark', t.length > 60 ? `${t.slice(0, 59)}…` : t);
}

/** `{{` and `{%` in text that is to be shown as written. */
export function guardTags(text: string): string {
	return text.replace(/\{(?=[{%])/g, `{${GUARD}`);
}

export function unguard(text: string): string {
	return text.includes(GUARD) ? text.split(GUARD).join('') : text;
}

/** Link targets the pre-pass makes: followed through the shelf (shelf/shelf-links.ts), never the web. */
export const SHELF_SCHEME = 'inkshelf:';
/** `note`: a footnote number, to its note; `noteback`: a note's ↩, back to where it is referred to. */
export type ShelfLinkKind = 'wiki' | 'embed' | 'site' | 'note' | 'noteback';

export function shelfHref(kind: ShelfLinkKind, target: string): string {
	return `${SHELF_SCHEME}${kind}:${encodeURIComponent(target)}`;
}

/** `inkshelf:wiki:Note%23Intro` → {kind: 'wiki', target: 'Note#Intro'}; null for any other href. */
export function parseShelfHref(href: string): {kind: ShelfLinkKind; target: string} | null {
	const m = /^inkshelf:(wiki|embed|site|noteback|note):(.*)$/.exec(href.trim());
	if (!m) return null;
	let target = m[2] ?? '';
	try {
		target = decodeURIComponent(target);
	} catch {
		// Hand-written and malformed: used as written.
	}
	return {kind: m[1] as ShelfLinkKind, target};
}

/** Markdown link text that shows `text` as written. */
export function escapeLinkText(text: string): string {
	return text.replace(/([\\[\]`*_<>])/g, '\\$1');
}

/** Splits `a "b c" d=e f="g h"` into positional and named arguments (shortcodes, Liquid tags). */
export function parseArgs(text: string): {positional: string[]; named: Record<string, string>} {
	const positional: string[] = [];
	const named: Record<string, string> = Object.create(null) as Record<string, string>;
	for (const m of text.matchAll(/(?:([\w-]+)\s*=\s*)?(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s"'`=]+))/g)) {
		const value = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
		if (m[1] !== undefined) named[m[1].toLowerCase()] = value;
		else positional.push(value);
	}
	return {positional, named};
}
