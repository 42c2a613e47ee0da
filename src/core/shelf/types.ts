/** One problem found in an article file, for the library, `list --json` and `check`. */
export interface Problem {
	/** 1-based line in the file, when known. */
	line?: number;
	/** 1-based column, when known. */
	column?: number;
	message: string;
}

/**
 * An article of the shelf. Every string field except `body` is display-safe
 * (already passed through `sanitize`); `body` is the raw markdown, which the
 * renderer sanitizes itself because code blocks must keep their exact bytes.
 */
export interface Article {
	/** Path under the shelf root without `.md`, with forward slashes: `guides/intro`. */
	slug: string;
	/**
	 * Absolute path of the source file, exactly as on disk so it can be opened
	 * again: the one field besides `body` that is NOT sanitized (file names may
	 * hold control characters). Sanitize it before display; `slug` already is.
	 */
	path: string;
	title: string;
	/** A real calendar date `YYYY-MM-DD`, or null when missing or invalid. */
	date: string | null;
	/** Last change (`lastmod`, `updated`, `last_update`): `YYYY-MM-DD` or null. */
	updated: string | null;
	/** Every category, in the order written; empty when none. */
	categories: string[];
	/** The first of `categories`, or "Uncategorized": for the places that show one. */
	category: string;
	tags: string[];
	/** Display names, Docusaurus keys already resolved. */
	authors: string[];
	/** The shelf it came from, when the config names several (`shelves`); its slug starts with this name. */
	shelf?: string;
	/** `draft: true`, `published: false`, or under Jekyll's `_drafts/`. */
	draft: boolean;
	/** Other names of the article (Obsidian `aliases`): searchable and followable, never shown as tags. */
	aliases: string[];
	/** Another slug `read` and links accept (front matter `slug`), or null. */
	slugAlias: string | null;
	/** Jekyll's `excerpt_separator` (a marker the renderer hides), or null. */
	excerptSeparator: string | null;
	description: string;
	cover: string;
	/** Minutes at ~230 words a minute, at least 1. */
	readingMinutes: number;
	/** Markdown after the frontmatter. */
	body: string;
	/** 1-based line of the file where `body` starts. */
	bodyLine: number;
	/** Set when the file could not be used as an article; it is still listed. */
	error?: string;
	/** Where in the file `error` was found (1-based), when known: `check` prints it as `path:line:column`. */
	errorAt?: {line: number; column?: number};
	/** Problems that did not stop the article from loading (coerced fields, duplicate keys...). */
	problems: Problem[];
}

/** A path the loader passed over on purpose (symlink outside the root, FIFO...). */
export interface Skipped {
	/** Absolute path, exactly as on disk (not sanitized, like `Article.path`). */
	path: string;
	reason: string;
}

export interface Shelf {
	/** Absolute path of the folder that was loaded. */
	root: string;
	articles: Article[];
	skipped: Skipped[];
}

/**
 * The one empty list that articles share for an empty field: a first start makes 20,000 articles
 * before its first frame, most with no authors, aliases or problems, and each empty list was an
 * object more for the garbage collector to copy. Frozen, so a change would throw rather than
 * spread to every article; typed as a mutable list because Article's lists are.
 */
export const NONE = Object.freeze([]) as unknown as never[];

/** `list`, or the shared empty list when it is empty. */
export const orNone = <T>(list: T[]): T[] => (list.length ? list : NONE);
