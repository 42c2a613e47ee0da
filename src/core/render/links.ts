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
 * A link as text that shows where it really goes: the target is printed
 * whenever it differs from the text, so `[https://good.example](https://evil.example)`
 * cannot pass for the good one. Inert targets are marked as such.
 */
export function describeLink(rendered: string, href: string, plainText: string, s: Styles): string {
	const kind = linkKind(href);
	const text = rendered.trim() === '' ? href : rendered;
	if (kind === 'inert') return `${text} ${s.warn(`⟨inert link: ${href}⟩`)}`;
	const same = plainText === href || plainText === href.replace(/^mailto:/, '') || rendered.trim() === '';
	return same ? s.link(text) : `${s.link(text)} ${s.href(`(${href})`)}`;
}
