/**
 * Every hint line the screens show, generated from the keymap: a key that
 * changes in the table changes here too, so hints and keys cannot drift apart.
 */
import {hintLine, keyFor} from './keymap.js';

export const HINTS = {
	libraryArticles: hintLine('library', [['open', 'read'], ['search', 'search'], ['sort', 'sort'], ['switchPane', 'groups'], ['help', 'help'], ['quit', 'quit']]),
	libraryGroups: hintLine('library', [['open', 'show'], ['switchPane', 'articles'], ['search', 'search'], ['help', 'help'], ['quit', 'quit']]),
	searchResults: hintLine('library', [['open', 'read'], ['back', 'clear search'], ['help', 'help']]),
	/** Beside the query while it is typed, and once it is kept. */
	searchTyping: hintLine('search', [['accept', 'open'], [['up', 'down'], 'move'], ['cancel', 'clear']]),
	searchKept: hintLine('library', [['search', 'edit'], ['back', 'clear']]),
	readerWithBlocks: hintLine('reader', [[['nextBlock', 'prevBlock'], 'block'], ['copyBlock', 'copy'], ['find', 'find'], ['outline', 'outline'], ['nextLink', 'links'], ['help', 'help']]),
	reader: hintLine('reader', [['find', 'find'], ['outline', 'outline'], ['nextLink', 'links'], ['back', 'back'], ['help', 'help']]),
	findTyping: hintLine('find', [['accept', 'keep'], ['cancel', 'stop']]),
	findHits: hintLine('reader', [[['nextHit', 'prevHit'], 'next/previous'], ['back', 'clears']]),
	followLink: `${keyFor('follow', 'reader')} follows`,
	openImage: `${keyFor('follow', 'reader')} opens the image`,
	outline: hintLine('outline', [['accept', 'go'], ['cancel', 'close']]),
	helpScroll: hintLine('library', [[['down', 'up'], 'scroll']]),
	helpClose: `${keyFor('help', 'global')} or ${keyFor('back', 'library')} closes`,
} as const;

/** What a selected link leads to: its href, or in words where the href says little (footnotes). */
export function linkTarget(href: string): string {
	const note = /^#fn(ref)?-(\d+)$/.exec(href);
	if (!note) return href;
	return note[1] ? `back to where note ${note[2]} is referred to` : `note ${note[2]}`;
}
