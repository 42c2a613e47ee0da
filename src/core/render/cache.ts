import {ArticleRenderer, parseArticle, type ParsedArticle} from './article.js';
import type {Styles} from './styles.js';
import type {Article} from '../types.js';

/**
 * Lexing happens once per article and rendering once per (article, width,
 * colour): scrolling only slices lines that already exist. A handful of
 * widths is kept so resizing back and forth does not render again.
 */
const parsed = new WeakMap<Article, ParsedArticle>();
const rendered = new WeakMap<Article, Map<string, ArticleRenderer>>();
const WIDTHS_KEPT = 4;

export function renderedArticle(article: Article, width: number, styles: Styles): ArticleRenderer {
	let byWidth = rendered.get(article);
	if (!byWidth) rendered.set(article, byWidth = new Map());
	const key = `${width}:${styles.level}`;
	let r = byWidth.get(key);
	if (!r) {
		let p = parsed.get(article);
		if (!p) parsed.set(article, p = parseArticle(article.body));
		r = new ArticleRenderer(p, width, styles);
		byWidth.set(key, r);
		if (byWidth.size > WIDTHS_KEPT) byWidth.delete(byWidth.keys().next().value as string);
	}
	return r;
}

/** The article's code blocks with their exact sources (lexing is cached; nothing is rendered). */
export function codeBlocksOf(article: Article): ParsedArticle['blocks'] {
	let p = parsed.get(article);
	if (!p) parsed.set(article, p = parseArticle(article.body));
	return p.blocks;
}
