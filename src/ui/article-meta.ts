import type {Article} from '../core/shelf/index.js';

/** At most `shown` names, then how many more: a post with eight authors must not push its date off the row. */
export function authorsLabel(authors: readonly string[], shown: number): string {
	if (authors.length === 0) return '';
	const more = authors.length - shown;
	return `by ${authors.slice(0, shown).join(', ')}${more > 0 ? ` +${more}` : ''}`;
}

/** The line under a title, in the library and the reader: date, authors, every category, reading time. */
export function articleMeta(article: Article, minutes: 'min' | 'min read'): string {
	const categories = article.categories?.length ? article.categories.join(', ') : article.category;
	// The library row is narrow; the reader's header has the width for every name.
	const authors = authorsLabel(article.authors ?? [], minutes === 'min' ? 2 : 8);
	return [article.date ?? 'undated', authors, categories, `${article.readingMinutes} ${minutes}`].filter(Boolean).join(' · ');
}
