/**
 * Images in an article are shown as one labelled line each (alt text and
 * where the image is) that the reader can select with Tab and open with
 * Enter in the system's viewer. The front matter's `cover` opens the article
 * the same way.
 */

/** What the label says about where an image is: the file as written, or a URL's host and file name. */
export function imageSource(href: string): string {
	const h = href.trim();
	if (!/^https?:\/\//i.test(h)) return h;
	try {
		const url = new URL(h);
		const name = url.pathname.split('/').filter(Boolean).pop() ?? '';
		return `${url.host}${name ? `/…/${name}` : ''}`;
	} catch {
		return h;
	}
}

/** The markdown of the cover line put before the article's text, or '' without a cover. */
export function coverMarkdown(cover: string): string {
	const src = cover.trim();
	if (src === '') return '';
	// The angle-bracket form keeps spaces and parentheses in the path; nothing in it may end it early.
	return `![Cover image](<${src.replace(/[<>\r\n]/g, encodeURIComponent)}>)\n\n`;
}
