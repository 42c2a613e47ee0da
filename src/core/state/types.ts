import type {Group} from '../shelf/index.js';
import type {SearchRow} from '../search/index.js';
import type {SectionPlace} from '../render/index.js';
import type {Command, KeyEvent} from './keymap.js';
import type {MouseEvent} from '../mouse.js';
import type {MouseScreen} from './mouse-action.js';

export type {Group, SearchRow};

export type SortOrder = 'newest' | 'oldest' | 'title';


export interface LibrarySearch {
	query: string;
	/** Typing goes into the query; false once Enter or an arrow leaves the line. */
	editing: boolean;
	results: SearchRow[];
	selected: number;
	/** Where the library was before the search, restored by Esc. */
	before: {groupIndex: number; articleIndex: number; focus: 'groups' | 'articles'};
}

/** What the reader screen measured: the reducer scrolls within it. */
export interface ReaderLayout {
	/** Identifies what was measured, so the screen measures again only when something changed. */
	signature: string;
	lineCount: number;
	viewHeight: number;
	/** False while the article is still being rendered in the background. */
	complete: boolean;
	/** Code blocks known so far, with their exact sources (what `y` copies). */
	blocks: {startLine: number; endLine: number; unsafe: string[]; source: string; lang?: string}[];
	/** `width`: columns the link's text takes (for clicks). */
	links: {line: number; column: number; href: string; width?: number; image?: boolean}[];
	headings: {line: number; depth: number; text: string}[];
}

export interface FindState {
	query: string;
	editing: boolean;
	hits: {line: number; start: number; end: number}[];
	/** Index into `hits` of the current hit, -1 before the first jump. */
	current: number;
}

export interface ReaderState {
	slug: string;
	top: number;
	/** 0-based index of the selected code block, -1 for none. */
	selectedBlock: number;
	/** 0-based index of the selected link, -1 for none. */
	selectedLink: number;
	layout: ReaderLayout;
	/** What waits for the renderer (rendering is lazy); the latest request wins. */
	pending: Pending | null;
	/** A block with dangerous characters waits here for a second keypress before it is copied. */
	confirmCopy: number | null;
	find: FindState | null;
	/** The outline overlay, with its selected heading. */
	outline: number | null;
}

/** Where to land in an article: a fraction of it (a remembered place) or a line (back from a link). */
export type Place = {fraction: number} | {line: number} | {section: SectionPlace};

/** Something the reader settles once enough of the article is rendered. */
export type Pending =
	/** Follow the end of the article while the rest of it is still being rendered (after G). */
	| {kind: 'end'}
	/** Bring a block into view once its lines exist. */
	| {kind: 'block'; block: number}
	/** Copy a block once it is known (typed by number before the article was read that far). */
	| {kind: 'copy'; block: number}
	/** A followed link's #heading, once the headings are known. */
	| {kind: 'anchor'; anchor: string}
	/** A place to return to, once the whole article is rendered (only then is a fraction a line). */
	| {kind: 'place'; place: Place};

export interface Status {
	text: string;
	kind: 'info' | 'success' | 'warning' | 'error';
}

export interface AppState {
	groups: Group[];
	screen: 'library' | 'reader';
	help: boolean;
	/** First line of the help shown (it scrolls when the terminal is too small for all of it). */
	helpTop: number;
	focus: 'groups' | 'articles';
	groupIndex: number;
	articleIndex: number;
	sort: SortOrder;
	/** Pinned categories and tags: the list shows only articles in all of them (with the highlighted group). */
	filters: {kind: 'shelf' | 'category' | 'tag' | 'author'; name: string}[];
	/** Drafts are left out of every group (`d`; `--no-drafts` starts this way). */
	hideDrafts: boolean;
	/** Items visible in the article pane: the page size for PgUp/PgDn. */
	listPage: number;
	search: LibrarySearch | null;
	/** Turns a query into result rows (the UI's search index); results follow each key in the same frame. */
	searcher: ((query: string) => SearchRow[]) | null;
	/** Where each article was left, as a fraction of it (the place store); null keeps no places. */
	remembered: ((slug: string) => number | null) | null;
	reader: ReaderState | null;
	/** Articles left by following links, most recent last: Backspace returns to them. */
	history: {slug: string; top: number}[];
	status: Status | null;
	/** Side effects the UI performs, each with a nonce so the same one can be asked twice. */
	copyRequest: CopyRequest | null;
	linkRequest: {link: number; nonce: number} | null;
	/** Reload from disk (`r`) or open the article in the editor (`e`): the UI does it. */
	fileRequest: FileRequest | null;
	quit: boolean;
	/** The article the app started on (`inkshelf FILE`, `inkshelf -`, `read` on a terminal): q there quits, as in a pager. */
	startedOn: string | null;
	/** The terminal reports the mouse to the app (off by default: it takes the terminal's own selection away). */
	mouse: boolean;
}

/** What to copy: a code block as written, or a text the reducer worked out (`Y`'s commands, `L`'s link). */
export interface FileRequest {
	kind: 'reload' | 'edit';
	/** The article to edit (library: the selected one; reader: the open one). */
	slug: string | null;
	nonce: number;
}

export type CopyRequest =
	| {kind: 'block'; block: number; nonce: number}
	| {kind: 'text'; text: string; what: string; nonce: number};

export type Action =
	| {type: 'command'; command: Command; digit?: number}
	/** A key as the terminal sent it: the keymap decides what it means on the current screen. */
	| {type: 'key'; input: string; key: KeyEvent}
	/** A wheel turn or a click, with the screen size it happened on. */
	| {type: 'mouse'; event: MouseEvent; screen: MouseScreen}
	| {type: 'layout'; layout: ReaderLayout}
	| {type: 'listPage'; size: number}
	| {type: 'status'; status: Status | null}
	| {type: 'groups'; groups: Group[]}
	/** The search index grew or changed: results are worked out again. */
	| {type: 'searcher'; searcher: (query: string) => SearchRow[]}
	| {type: 'findHits'; query: string; hits: FindState['hits']}
	/** Open an article: a followed link (`anchor`), a search hit (`find`), a place to land on (`place`). */
	| {type: 'open'; slug: string} & OpenOptions;

export interface OpenOptions {
	/** A heading to land on (a followed link's #anchor). */
	anchor?: string | null;
	/** Find this in the article and jump to the first hit (a search result). */
	find?: string | undefined;
	/** Where to land: a remembered place, or the line left when a link was followed. */
	place?: Place | null;
	/** Opened by following a link: the article left is kept for Backspace. */
	fromLink?: boolean;
}
