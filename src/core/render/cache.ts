import {renderService} from './client.js';
import {dialectOptionsFor} from './dialect-options.js';
import {bodyToRead} from './title-heading.js';
import {coverMarkdown} from './images.js';
import type {RenderJob} from './client.js';
import type {Styles} from './styles.js';
import type {InlineImageOptions} from './protocol.js';
import type {Article} from '../shelf/index.js';

/**
 * Rendering happens once per (article, width, colour), in the render worker:
 * scrolling only slices lines that already arrived. A handful of widths is
 * kept so resizing back and forth does not render again. A job dropped
 * unfinished (another article was opened first) is asked for again.
 */
const rendered = new WeakMap<Article, Map<string, RenderJob>>();
const WIDTHS_KEPT = 4;

export function renderedArticle(article: Article, width: number, styles: Styles, footer = '', images?: InlineImageOptions): RenderJob {
	let byWidth = rendered.get(article);
	if (!byWidth) rendered.set(article, byWidth = new Map());
	const key = `${width}:${styles.theme}:${styles.level}:${footer.length}:${images ? images.maxRows : '-'}`;
	let job = byWidth.get(key);
	if (!job || job.cancelled) {
		job = renderService().render({body: coverMarkdown(article.cover) + bodyToRead(article), footer, dialect: dialectOptionsFor(article), width, level: styles.level, theme: styles.theme, ...(images ? {images} : {})});
		byWidth.set(key, job);
		if (byWidth.size > WIDTHS_KEPT) byWidth.delete(byWidth.keys().next().value as string);
	}
	return job;
}
