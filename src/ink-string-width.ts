/**
 * string-width for Ink and the packages it draws with (scripts/build.mjs
 * puts this in their place in the bundle). Ink measures every text of every
 * frame with it, several times over: the text's widest line, each line it
 * clips, each line it rewrites. string-width takes its own shortcut only for
 * ASCII; a single `·`, `…` or `─` in a line (a search row's date line, its
 * snippet, a pane's title) sent the whole line through grapheme segmentation
 * and emoji tests, most of Ink's time in a search key's frame at 2,000
 * articles. Here a line of one-column characters (NARROW: each is what
 * string-width says, see its test) is as wide as it is long; anything else
 * is string-width's to answer.
 */
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {NARROW} from './core/render/index.js';

export default function inkStringWidth(text: string, options?: Parameters<typeof stringWidth>[1]): number {
	if (options !== undefined || typeof text !== 'string') return stringWidth(text, options);
	// What string-width itself takes out before measuring.
	const bare = text.includes('\x1b') || text.includes('\x9b') ? stripAnsi(text) : text;
	return NARROW.test(bare) ? bare.length : stringWidth(text);
}
