import {renderService} from './client.js';
import {dialectOptionsFor} from './dialect-options.js';
import {bodyToRead} from './title-heading.js';
import {coverMarkdown} from './images.js';
import type {RenderJob} from './client.js';
import type {Styles} from './styles.js';
import type {Article} from '../shelf/index.js';

/**
 * The wide library's preview of an article: its first `rows` lines, drawn by
 * the render worker from the beginning of its text (`head`), never on the
 * thread that reads keys. The worker stops once the screen is full.
 */
export function renderedPreview(article: Article, head: string, width: number, styles: Styles, rows: number): RenderJob {
	const body = coverMarkdown(article.cover) + bodyToRead({...article, body: head});
	return renderService().render({body, dialect: dialectOptionsFor(article), width, level: styles.level, theme: styles.theme, maxLines: rows});
}
