import type {DialectProblem} from './problems.js';

export interface DialectOptions {
	/** The file is MDX (`.mdx`): top-level `import`/`export` lines are code, not text. */
	mdx?: boolean;
	/** Jekyll's `excerpt_separator` from the front matter: hidden where it stands alone on a line. */
	excerptSeparator?: string;
}

/** A link the pre-pass made from dialect markup (wikilink, Liquid link, shortcode ref), for backlinks and `check`. */
export interface DialectRef {
	line: number;
	href: string;
}

/** What one run of the pre-pass collects while it goes. */
export interface PrepareState {
	options: DialectOptions;
	problems: DialectProblem[];
	refs: DialectRef[];
	/** Footnote texts by label, as written in the definitions. */
	footnotes: Map<string, string>;
	/** Labels in the order they are first referenced: their numbers. */
	footnoteOrder: string[];
	/** The number a reference to `label` shows, or null when no such footnote is defined. */
	footnoteNumber(label: string): number | null;
	/** Body lines already taken by something else (footnote definitions). */
	skip: Set<number>;
}

export function newState(options: DialectOptions): PrepareState {
	const st: PrepareState = {
		options, problems: [], refs: [], footnotes: new Map(), footnoteOrder: [], skip: new Set(),
		footnoteNumber(label) {
			const key = label.toLowerCase();
			if (!st.footnotes.has(key)) return null;
			let n = st.footnoteOrder.indexOf(key);
			if (n < 0) n = st.footnoteOrder.push(key) - 1;
			return n + 1;
		},
	};
	return st;
}
