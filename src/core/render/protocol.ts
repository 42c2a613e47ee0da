/**
 * What passes between the UI thread and the render worker: plain data only.
 * The worker lexes, renders and highlights; the UI receives lines and
 * everything it needs to act on them (code blocks with their sources, links,
 * headings) in chunks, first screen first, and slices what it has.
 */
import type {CodeBlock, Heading, RenderedImage, RenderedLink} from './types.js';
import type {DialectOptions} from './dialects/state.js';
import type {ThemeName} from '../theme/index.js';

export type ColorLevel = 0 | 1 | 2 | 3;

export interface RenderSpec {
	body: string;
	width: number;
	level: ColorLevel;
	/** The palette (dark, light, mono); dark when not given. */
	theme?: ThemeName;
	/** How the file asks to be read (MDX, Jekyll's excerpt separator): see dialectOptionsFor. */
	dialect?: DialectOptions;
	/** Markdown shown after the article (related articles, backlinks), after its footnotes. */
	footer?: string;
	/** Lex only, for the code blocks and their sources (`inkshelf code`): nothing is drawn. */
	blocksOnly?: boolean;
	/** Stop once this many lines are drawn (the wide library's preview needs one screen). */
	maxLines?: number;
	/** Draw local PNG and JPEG images inline (the terminal can): room is left for them. */
	images?: InlineImageOptions;
}

export interface InlineImageOptions {
	/** The article's folder: image paths are relative to it. */
	dir: string;
	/** A cell's size in pixels (the terminal's answer, or 8x16). */
	cellWidth: number;
	cellHeight: number;
	/** Half the screen: no image is drawn higher. */
	maxRows: number;
}

export type ToWorker =
	| {type: 'render'; id: number; spec: RenderSpec}
	| {type: 'cancel'; id: number};

/** A chunk adds to what was sent before: lines, blocks and links only ever grow. */
export interface RenderChunk {
	type: 'chunk';
	id: number;
	lines: string[];
	/** Code blocks newly known (lexed), with their exact sources; placed or not yet. */
	blocks: CodeBlock[];
	/** Blocks sent earlier that now have their lines. */
	placed: {index: number; startLine: number; endLine: number}[];
	links: RenderedLink[];
	headings: Heading[];
	images: RenderedImage[];
	done: boolean;
	/** Nesting deeper than the limit was flattened (the deepest level seen). */
	flattened: number;
}

export type FromWorker =
	| RenderChunk
	/** The render threw (a stack overflow, a bug): the UI shows the article as plain text. */
	| {type: 'failed'; id: number; reason: string}
	| {type: 'ready'};
