import {ArticleRenderer} from './article.js';
import {dialectOptionsFor, parseArticle} from './parse.js';
import {bodyToRead} from './title-heading.js';
import type {Styles} from './styles.js';
import type {Article} from '../shelf/index.js';

/**
 * Rendering happens once per (article, width, colour): scrolling only slices
 * lines that already exist. A handful of widths is kept so resizing back and
 * forth does not render again. Each renderer lexes for itself and lets go of
 * each token once it is drawn: a megabyte article's tokens are tens of MiB,
 * and lexing is a part at a time, so a new width's first screen stays quick.
 */
const rendered = new WeakMap<Article, Map<string, ArticleRenderer>>();
const WIDTHS_KEPT = 4;

export function renderedArticle(article: Article, width: number, styles: Styles, footer = ''): ArticleRenderer {
	let byWidth = rendered.get(article);
	if (!byWidth) rendered.set(article, byWidth = new Map());
	const key = `${width}:${styles.theme}:${styles.level}:${footer.length}`;
	let r = byWidth.get(key);
	if (!r) {
		r = new ArticleRenderer(parseArticle(bodyToRead(article), {...dialectOptionsFor(article), footer}), width, styles);
		byWidth.set(key, r);
		if (byWidth.size > WIDTHS_KEPT) byWidth.delete(byWidth.keys().next().value as string);
	}
	return r;
}
