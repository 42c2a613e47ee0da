import type {Styles} from './styles.js';

export type LinkKind = 'web' | 'mail' | 'relative' | 'anchor' | 'inert';

/** Which targets a reader may follow. Anything else (javascript:, data:, file:...) is shown but inert. */
export function linkKind(href: string): LinkKind {
	const h = href.trim();
	if (h.startsWith('#')) return 'anchor';
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(h)?.[1]?.toLowerCase();
	if (scheme === undefined) return h.startsWith('//') ? 'inert' : 'relative';
	if (scheme === 'http' || scheme === 'https') return 'web';
	if (scheme === 'mailto') return 'mail';
	return 'inert';
}

/**
 * The host a reader needs to judge a web link: `www.` dropped, the port kept.
 * WHATWG URL parsing gives the host the browser will contact, so `user@` parts,
 * backslashes and look-alike letters (shown as `xn--…`) cannot disguise it.
 * Null when the address does not parse.
 */
export function linkHost(href: string): string | null {
	try {
		const url = new URL(href.trim());
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
		return url.host.replace(/^www\./i, '') || null;
	} catch {
		return null;
	}
}

/** A no-break space: the host never starts a line apart from the text it belongs to. */
const KEEP_TOGETHER = '\u00a0';

/** A URL compared loosely: no scheme, no `www.`, no trailing slash, case-insensitive. */
function loose(url: string): string {
	return url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./i, '').replace(/\/+$/, '').toLowerCase();
}

/**
 * A link as text that shows where it really goes, without a wall of URLs:
 * `Robin Bender Ginn [github.com]`. The real host follows every web link whose
 * text is not the address itself, so `[https://good.example](https://evil.example)`
 * shows `[evil.example]` and cannot pass for the good one. Links within the
 * shelf show no host; mail links show the address when the text differs; inert
 * targets are marked as such. The full URL is the reader's to show on selection.
 */
export function describeLink(rendered: string, href: string, plainText: string, s: Styles): string {
	const kind = linkKind(href);
	const empty = rendered.trim() === '';
	const text = empty ? href : rendered;
	if (kind === 'inert') return `${text} ${s.warn(`⟨inert link: ${href}⟩`)}`;
	if (kind === 'relative' || kind === 'anchor' || empty) return s.link(text);
	if (kind === 'mail') {
		const address = href.trim().replace(/^mailto:/i, '');
		return loose(plainText) === loose(address) ? s.link(text) : `${s.link(text)}${KEEP_TOGETHER}${s.href(`[${address}]`)}`;
	}
	const host = linkHost(href);
	// The address itself, or just its real host, says where it goes already.
	if (loose(plainText) === loose(href) || (host !== null && loose(plainText) === loose(host))) return s.link(text);
	return `${s.link(text)}${KEEP_TOGETHER}${s.href(`[${host ?? href}]`)}`;
}
