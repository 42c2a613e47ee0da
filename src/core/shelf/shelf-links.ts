/**
 * Following the links the dialects make (render/dialects): Obsidian wikilinks
 * and embeds resolve as Obsidian does, by note name anywhere in the vault,
 * case-insensitive, aliases too; Jekyll `post_url`/`link` and Hugo
 * `ref`/`relref` by their path in the site, from its end. Every other href
 * goes to `resolveLink` as before.
 */
import path from 'node:path';
import {githubSlug, resolveLink, type LinkTarget} from './links.js';
import {sanitizeLine} from '../sanitize.js';
import {parseShelfHref} from '../render/dialects/syntax.js';
import type {Article} from './types.js';

export interface ShelfNames {
	slugs: ReadonlySet<string>;
	/** Lowercased note name (file name without extension; a bundle's folder) → slugs. */
	byName: ReadonlyMap<string, string[]>;
	/** Lowercased alias → slug. */
	byAlias: ReadonlyMap<string, string>;
	/** Lowercased path without extension, with a leading `/`, per slug: suffix matches for site paths. */
	paths: readonly {slug: string; path: string}[];
}

const EXT = /\.(?:md|markdown|mdown|mdx)$/i;
const INDEX = new Set(['index', '_index', 'readme']);

function add(map: Map<string, string[]>, key: string, slug: string): void {
	const list = map.get(key);
	if (!list) map.set(key, [slug]);
	else if (!list.includes(slug)) list.push(slug);
}

export function shelfNames(articles: readonly Article[]): ShelfNames {
	const byName = new Map<string, string[]>();
	const byAlias = new Map<string, string>();
	const paths: {slug: string; path: string}[] = [];
	for (const a of articles) {
		const file = a.path.split(path.sep).join('/').replace(EXT, '');
		const segments = file.split('/');
		const base = segments.at(-1) ?? '';
		add(byName, (INDEX.has(base.toLowerCase()) ? segments.at(-2) ?? base : base).toLowerCase(), a.slug);
		add(byName, (a.slug.split('/').at(-1) ?? a.slug).toLowerCase(), a.slug);
		for (const alias of a.aliases ?? []) if (!byAlias.has(alias.toLowerCase())) byAlias.set(alias.toLowerCase(), a.slug);
		paths.push({slug: a.slug, path: `/${file.toLowerCase()}`});
		// Front matter `slug` names the article in its folder, as the site's URL does.
		if (a.slugAlias) {
			const folder = a.slug.includes('/') ? a.slug.slice(0, a.slug.lastIndexOf('/') + 1) : '';
			paths.push({slug: a.slug, path: `/${(folder + a.slugAlias).toLowerCase()}`});
			add(byName, a.slugAlias.toLowerCase(), a.slug);
		}
		if (INDEX.has(base.toLowerCase())) paths.push({slug: a.slug, path: `/${segments.slice(0, -1).join('/').toLowerCase()}`});
	}
	return {slugs: new Set(articles.map(a => a.slug)), byName, byAlias, paths};
}

/** Of several notes with one name, Obsidian takes the one nearest the linking note. */
function nearest(fromSlug: string, candidates: readonly string[]): string | undefined {
	const folder = fromSlug.split('/').slice(0, -1).join('/');
	return [...candidates].sort((a, b) => Number(!a.startsWith(folder)) - Number(!b.startsWith(folder)) || a.split('/').length - b.split('/').length || a.localeCompare(b))[0];
}

function bySitePath(target: string, names: ShelfNames): string | undefined {
	const want = `/${target.replace(/^\/+/, '').replace(/\/+$/, '').replace(EXT, '').toLowerCase()}`;
	if (want === '/') return undefined;
	return names.paths.find(p => p.path === want)?.slug ?? names.paths.find(p => p.path.endsWith(want))?.slug;
}

function split(target: string): {note: string; anchor: string | null} {
	const hash = target.indexOf('#');
	return hash < 0 ? {note: target, anchor: null} : {note: target.slice(0, hash), anchor: target.slice(hash + 1)};
}

/** What following `href` from `fromSlug` does, for dialect links and ordinary ones alike. */
export function resolveShelfLink(fromSlug: string, href: string, names: ShelfNames): LinkTarget {
	const shelf = parseShelfHref(href) ?? (/^(wiki|embed|site):/.exec(href) ? {kind: href.slice(0, href.indexOf(':')), target: href.slice(href.indexOf(':') + 1)} : null);
	if (!shelf) {
		const plain = resolveLink(fromSlug, href, names.slugs);
		if (plain.kind !== 'missing') return plain;
		// Another name the article has: its front-matter slug (`[x](knots-101)` for `notes/knots.md`).
		const want = `/${plain.target.toLowerCase()}`;
		const named = names.paths.find(p => p.path === want)?.slug;
		if (named === undefined) return plain;
		const anchor = href.includes('#') ? href.slice(href.indexOf('#') + 1) : null;
		return named === fromSlug && anchor !== null ? {kind: 'anchor', anchor} : {kind: 'article', slug: named, anchor};
	}
	const {note, anchor: rawAnchor} = split(shelf.target.trim());
	// `#^block` names a paragraph, not a heading: the note opens at its top.
	const anchor = rawAnchor === null || rawAnchor.startsWith('^') ? null : shelf.kind === 'site' ? rawAnchor : githubSlug(rawAnchor.split('#').at(-1) ?? rawAnchor);
	if (note.trim() === '') return {kind: 'anchor', anchor: anchor ?? ''};
	let slug: string | undefined;
	if (shelf.kind === 'site') {
		const relative = resolveLink(fromSlug, note, names.slugs);
		slug = relative.kind === 'article' ? relative.slug : bySitePath(note, names) ?? nearest(fromSlug, names.byName.get(note.replace(/^.*\//, '').replace(EXT, '').toLowerCase()) ?? []);
	} else {
		const bare = note.replace(EXT, '');
		const key = bare.toLowerCase();
		slug = (key.includes('/') ? bySitePath(bare, names) : undefined)
			?? nearest(fromSlug, names.byName.get(key.replace(/^.*\//, '')) ?? [])
			?? names.byAlias.get(key);
	}
	if (slug === undefined) return {kind: 'missing', target: sanitizeLine(note)};
	if (slug === fromSlug && anchor !== null) return {kind: 'anchor', anchor};
	return {kind: 'article', slug, anchor};
}
