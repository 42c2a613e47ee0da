import type {Article} from '../core/shelf/types.js';

/** The line under a title, in the library and the reader: date, authors, every category, reading time. */
export function articleMeta(article: Article, minutes: 'min' | 'min read'): string {
	const categories = article.categories?.length ? article.categories.join(', ') : article.category;
	const authors = article.authors?.length ? `by ${article.authors.join(', ')}` : '';
	return [article.date ?? 'undated', authors, categories, `${article.readingMinutes} ${minutes}`].filter(Boolean).join(' · ');
}
