import type {Article} from './types.js';
import {isUncategorized} from './facets.js';

/** At most `shown` names, then how many more: a post with eight authors must not push its date off the row. */
export function authorsLabel(authors: readonly string[], shown: number): string {
	if (authors.length === 0) return '';
	const more = authors.length - shown;
	return `by ${authors.slice(0, shown).join(', ')}${more > 0 ? ` +${more}` : ''}`;
}

export interface MetaOptions {
	/** The library row is narrow (`min`, two authors); the reader and `read` have room (`min read`, eight). */
	minutes: 'min' | 'min read';
	/** Marks a draft first (the reader, `read`); the library marks it with its own badge. */
	draft?: boolean;
	/** `read` prints the tags on this line; the app shows them elsewhere. */
	tags?: boolean;
}

/**
 * The line under a title: date, authors, every category, reading time. A missing
 * date or category says nothing: on a folder of notes without front matter,
 * "undated · Uncategorized" on every row is noise, not information.
 */
export function articleMeta(article: Article, options: MetaOptions): string {
	const named = article.categories?.length ? article.categories : [article.category];
	const categories = named.filter(c => c && !isUncategorized(c)).join(', ');
	const authors = authorsLabel(article.authors ?? [], options.minutes === 'min' ? 2 : 8);
	const tags = options.tags ? article.tags.map(t => `#${t}`).join(' ') : '';
	const draft = options.draft && article.draft ? 'draft' : '';
	return [draft, article.date ?? '', authors, categories, `${article.readingMinutes} ${options.minutes}`, tags].filter(Boolean).join(' · ');
}
