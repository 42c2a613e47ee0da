import type {DialectOptions} from './dialects/prepare.js';
import type {Article} from '../shelf/index.js';

/**
 * How an article's file asks to be read: MDX by its extension, Jekyll's excerpt
 * separator from its front matter. Kept apart from parse.ts (marked) so that
 * `inkshelf check` and the library can ask without loading the parser.
 */
export function dialectOptionsFor(article: Pick<Article, 'path'> & Partial<Pick<Article, 'excerptSeparator'>>): DialectOptions {
	const options: DialectOptions = {mdx: /\.mdx$/i.test(article.path)};
	if (article.excerptSeparator) options.excerptSeparator = article.excerptSeparator;
	return options;
}
