import path from 'node:path';
import {resolveShelfLink, shelfNames} from './shelf-links.js';
import {dialectRefs} from './dialect-check.js';
import {UNCATEGORIZED} from './frontmatter.js';
import type {Article} from './types.js';

/** Articles most like this one: most shared tags first, then the same category; newest breaks ties. */
export function relatedArticles(article: Article, all: readonly Article[], limit = 5): Article[] {
	const tags = new Set(article.tags.map(t => t.toLowerCase()));
	return all
		.filter(a => a.slug !== article.slug && !a.error)
		.map(a => ({a, shared: a.tags.filter(t => tags.has(t.toLowerCase())).length, sameCategory: a.category === article.category && article.category !== UNCATEGORIZED}))
		.filter(x => x.shared > 0 || x.sameCategory)
		.sort((x, y) => y.shared - x.shared || Number(y.sameCategory) - Number(x.sameCategory) || (y.a.date ?? '').localeCompare(x.a.date ?? ''))
		.slice(0, limit)
		.map(x => x.a);
}

// Bounded repetitions: unclosed `[a](<b` repeated 50,000 times must not cost a scan of the rest at each one.
const LINK = /\]\(\s{0,20}<?([^)\s>]{1,1000})>?(?:\s{1,20}["'(][^)]{0,500})?\)/g;

/** The link targets written in an article: markdown links and the links dialects write (what backlinks are made of). */
export function linkTargets(article: Article): string[] {
	// Every link starts with `](`: a body without one (most, in some shelves) is not run through the pattern (a first start runs all of them).
	const markdown = article.body.includes('](') ? Array.from(article.body.matchAll(LINK), m => m[1] ?? '') : [];
	return [...new Set([...markdown, ...dialectRefs(article).map(r => r.href)])];
}

/**
 * For every article, the articles that link to it: markdown links, and the
 * links dialects write (wikilinks, Liquid `link`/`post_url`, Hugo `ref`).
 * `targetsOf` gives an article's link targets: read from its body by
 * default, or from the persistent index where bodies are not kept in memory.
 */
export function backlinkIndex(all: readonly Article[], targetsOf: (a: Article) => readonly string[] = linkTargets): Map<string, Article[]> {
	const names = shelfNames(all);
	const index = new Map<string, Article[]>();
	for (const from of all) {
		if (from.error) continue;
		const targets = new Set<string>();
		for (const href of targetsOf(from)) {
			const target = resolveShelfLink(from.slug, href, names);
			if (target.kind === 'article' && target.slug !== from.slug) targets.add(target.slug);
		}
		for (const t of targets) {
			const list = index.get(t) ?? [];
			list.push(from);
			index.set(t, list);
		}
	}
	return index;
}

/** A link from one article to another that resolves from the first one's folder. */
function relativeHref(from: string, to: string): string {
	const rel = path.posix.relative(path.posix.dirname(from), to);
	return `${encodeURI(rel)}.md`;
}

const escapeText = (s: string): string => s.replace(/([\\[\]*_`<>])/g, '\\$1');

/**
 * Markdown appended after an article: related articles and the ones linking
 * here, as ordinary links, so Tab and Enter follow them like any other.
 */
export function footerMarkdown(article: Article, related: readonly Article[], backlinks: readonly Article[]): string {
	const item = (a: Article, why: string): string => `- [${escapeText(a.title)}](${relativeHref(article.slug, a.slug)})${why ? ` — ${why}` : ''}`;
	const parts: string[] = [];
	if (related.length) {
		const tags = new Set(article.tags);
		parts.push('## Related articles', '', ...related.map(a => {
			const shared = a.tags.filter(t => tags.has(t));
			return item(a, shared.length ? `#${shared.join(' #')}` : a.category);
		}));
	}
	if (backlinks.length) parts.push('', '## Linking here', '', ...backlinks.map(a => item(a, '')));
	return parts.length ? `\n\n---\n\n${parts.join('\n')}\n` : '';
}
