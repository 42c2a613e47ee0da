import type {DialectOptions} from './dialects/state.js';
import type {Article} from '../shelf/types.js';

/** How an article's file asks to be read: MDX by its extension, Jekyll's excerpt separator from its front matter. */
export function dialectOptionsFor(article: Pick<Article, 'path'> & Partial<Pick<Article, 'excerptSeparator'>>): DialectOptions {
	const options: DialectOptions = {mdx: /\.mdx$/i.test(article.path)};
	if (article.excerptSeparator) options.excerptSeparator = article.excerptSeparator;
	return options;
}
