/**
 * Most blogs write the title twice: in front matter, and again as the body's
 * first `# heading`. The reader's header already shows the title, so the
 * repeat goes. A pure text transformation, applied before lexing, so it holds
 * wherever and however the markdown is rendered.
 */
import {headingText} from '../shelf/index.js';

/** Letters and digits only, lowercased: "Node.js Interactive: A Recap" ~ "nodejs interactive a recap". */
function comparable(text: string): string {
	return headingText(text).normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const ATX_H1 = /^ {0,3}#(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/;

/**
 * `body` without its first block when that block is a level-1 heading equal to
 * `title` (ignoring case, punctuation and spacing); otherwise `body` unchanged.
 * Only the first block is looked at: a matching heading further down is content.
 */
export function withoutRepeatedTitle(body: string, title: string): string {
	const want = comparable(title);
	if (want === '') return body;
	// Blank lines and a byte-order mark may come before the first block.
	const start = /^(?:\uFEFF)?(?:[ \t]*\r?\n)*/.exec(body)?.[0].length ?? 0;
	const firstEnd = lineEnd(body, start);
	const first = body.slice(start, firstEnd).replace(/\r$/, '');
	const atx = ATX_H1.exec(first);
	if (atx) return comparable(atx[1] ?? '') === want ? body.slice(nextLine(body, firstEnd)) : body;
	// Setext: one line of text underlined with `=` (a longer paragraph is not a title).
	const secondStart = nextLine(body, firstEnd);
	const secondEnd = lineEnd(body, secondStart);
	if (first.trim() === '' || /^ {4}|^\t/.test(first) || !SETEXT_H1.test(body.slice(secondStart, secondEnd).replace(/\r$/, ''))) return body;
	return comparable(first.trim()) === want ? body.slice(nextLine(body, secondEnd)) : body;
}

function lineEnd(text: string, from: number): number {
	const i = text.indexOf('\n', from);
	return i < 0 ? text.length : i;
}

function nextLine(text: string, end: number): number {
	return Math.min(text.length, end + 1);
}

/** The markdown the reader and `read` show for an article: its body, the repeated title gone. */
export function bodyToRead(article: {body: string; title: string}): string {
	return withoutRepeatedTitle(article.body, article.title);
}
