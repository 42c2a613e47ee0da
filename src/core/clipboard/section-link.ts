/**
 * `L`: a link to the section being read, in the form links between articles
 * use on the shelf (`guides/ssh#set-up-keys`), so it can be pasted into
 * another article, a chat or `inkshelf read`.
 */
import {headingText, slugger} from '../shelf/index.js';
import {sanitizeLine} from '../sanitize.js';

export interface SectionLink {
	text: string;
	/** The heading's visible text, for the status line; null above the first heading. */
	heading: string | null;
}

/**
 * `headings` in document order (their markdown source), `current` the index of
 * the heading the top line is under (-1: above the first). `target` is the
 * article's slug on a shelf, or a file's path when one file was opened.
 */
export function sectionLink(target: string, headings: readonly {text: string}[], current: number): SectionLink {
	if (current < 0 || current >= headings.length) return {text: target, heading: null};
	// Repeated headings get -1, -2… as on GitHub, so every earlier heading is counted.
	const s = slugger();
	let anchor = '';
	for (let i = 0; i <= current; i++) anchor = s.slug(headingText(headings[i]?.text ?? ''));
	const heading = sanitizeLine(headingText(headings[current]?.text ?? ''));
	return {text: anchor === '' ? target : `${target}#${anchor}`, heading};
}
