import {Chalk, type ChalkInstance} from 'chalk';

import {PALETTES, type ThemeName, type Token} from '../theme/index.js';
import {paint} from '../theme/index.js';

/**
 * Semantic styles for rendered articles. Built from plain data (a theme name
 * and a colour level chosen by the caller: the UI on a TTY, `read` piped,
 * tests, a render worker) rather than chalk's global detection, so the same
 * article renders the same way wherever it is asked for.
 */
export interface Styles {
	level: 0 | 1 | 2 | 3;
	theme: ThemeName;
	chalk: ChalkInstance;
	h1: (s: string) => string;
	h2: (s: string) => string;
	h3: (s: string) => string;
	strong: (s: string) => string;
	em: (s: string) => string;
	del: (s: string) => string;
	codespan: (s: string) => string;
	link: (s: string) => string;
	href: (s: string) => string;
	/** Secondary text and rules: the palette's muted colour (dim in mono). */
	dim: (s: string) => string;
	quote: (s: string) => string;
	codeFrame: (s: string) => string;
	codeLabel: (s: string) => string;
	tableHeader: (s: string) => string;
	warn: (s: string) => string;
	/** Any token of the palette (callouts take info, success, warning, error...): never a colour named at the point of use. */
	token: (name: Token) => (s: string) => string;
}

const identity = (s: string): string => s;

export function makeStyles(level: 0 | 1 | 2 | 3, theme: ThemeName = 'dark'): Styles {
	const c = new Chalk({level});
	if (level === 0) {
		return {
			level, theme, chalk: c,
			h1: identity, h2: identity, h3: identity, strong: identity, em: identity, del: identity,
			codespan: identity, link: identity, href: identity, dim: identity, quote: identity,
			codeFrame: identity, codeLabel: identity, tableHeader: identity, warn: identity, token: () => identity,
		};
	}
	const t = PALETTES[theme].tokens;
	const mono = theme === 'mono';
	return {
		level,
		theme,
		chalk: c,
		h1: paint(c, t.h1),
		h2: paint(c, t.h2),
		h3: paint(c, t.h3),
		strong: c.bold,
		em: c.italic,
		del: mono ? c.strikethrough : c.strikethrough.dim,
		codespan: paint(c, t.codespan),
		link: paint(c, t.link),
		href: mono ? c.dim : paint(c, t.muted),
		dim: mono ? c.dim : paint(c, t.muted),
		quote: paint(c, t.quote),
		codeFrame: paint(c, t.codeFrame),
		codeLabel: paint(c, t.codeLabel),
		tableHeader: c.bold,
		warn: paint(c, t.warning),
		token: name => paint(c, t[name]),
	};
}

export {colorLevelFor} from '../theme/index.js';
