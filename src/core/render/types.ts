/** What rendering an article produces: plain data, the same from the worker and the plain-text fallback. */
import type {LinkKind} from './links.js';

export interface CodeBlock {
	/** 1-based, in document order: the number shown on screen and typed to copy. */
	index: number;
	/** Normalized fence language ('' when none was given). */
	lang: string;
	/** The block's exact source, as written in the file (fence stripped). */
	source: string;
	/** First and last rendered line of the block's frame, once rendered. */
	startLine: number;
	endLine: number;
}

export interface RenderedLink {
	/** 0-based, in document order. */
	index: number;
	href: string;
	/** `image`: an image's labelled line (Enter opens the image). */
	kind: LinkKind | 'image';
	/** The link's text as shown (plain). */
	text: string;
	/** Where the link's text starts on screen, once rendered. */
	line: number;
	column: number;
}

/** An image drawn in the terminal over the blank lines the renderer left for it. */
export interface RenderedImage {
	/** 0-based, in document order. */
	index: number;
	/** The first of its `rows` blank lines, once rendered. */
	line: number;
	columns: number;
	rows: number;
	/** The file (absolute). */
	path: string;
	format: 'png' | 'jpeg';
	pixelWidth: number;
	pixelHeight: number;
}

export interface Heading {
	depth: number;
	text: string;
	line: number;
}

export interface RenderResult {
	lines: string[];
	blocks: CodeBlock[];
	headings: Heading[];
	links: RenderedLink[];
	images: RenderedImage[];
}
