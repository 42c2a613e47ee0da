/**
 * The three palettes as plain data: semantic tokens, never colours named at
 * the point of use. Serializable (a render worker gets only the theme's name
 * and the colour level, and builds its styles from this table).
 *
 * Each coloured token has a truecolor value (`hex`; 256-colour terminals get
 * the nearest xterm-256 colour) and a 16-colour choice (`ansi16`; absent means
 * the terminal's own foreground). tests/core/theme-contrast.test.ts checks every
 * one against the palette's background at every level.
 */
import type {Ansi16} from './colors.js';

export type ThemeName = 'dark' | 'light' | 'mono';
export const THEME_NAMES: readonly ThemeName[] = ['dark', 'light', 'mono'];

export interface TokenStyle {
	hex?: string;
	ansi16?: Ansi16;
	bold?: boolean;
	italic?: boolean;
	underline?: boolean;
}

/** Tokens that carry text: WCAG 4.5:1 against the background. */
export const TEXT_TOKENS = [
	// the chrome
	'accent', 'muted', 'error', 'warning', 'success', 'info', 'tag', 'category',
	// article text
	'h1', 'h2', 'h3', 'link', 'codespan', 'codeLabel', 'quote',
	// syntax highlighting
	'keyword', 'builtIn', 'literal', 'number', 'string', 'regexp', 'symbol', 'function', 'comment', 'meta',
	'variable', 'attr', 'markup', 'addition', 'deletion',
] as const;
/** Tokens that only draw lines and frames: 3:1. */
export const DECORATION_TOKENS = ['rule', 'codeFrame'] as const;
export type Token = (typeof TEXT_TOKENS)[number] | (typeof DECORATION_TOKENS)[number];

export interface Palette {
	name: ThemeName;
	/** The background the palette is made for (xterm's default: black or white); mono has none. */
	background: 'black' | 'white' | null;
	tokens: Record<Token, TokenStyle>;
}

const DARK: Palette = {name: 'dark', background: 'black', tokens: {
	accent: {hex: '#5fd7ff', ansi16: 'cyanBright'},
	muted: {hex: '#a8a8a8', ansi16: 'blackBright'},
	error: {hex: '#ff6b6b', ansi16: 'redBright'},
	warning: {hex: '#ffd75f', ansi16: 'yellow'},
	success: {hex: '#87d787', ansi16: 'green'},
	info: {hex: '#5fd7d7', ansi16: 'cyan'},
	tag: {hex: '#d7afff', ansi16: 'magentaBright'},
	category: {hex: '#ffaf5f', ansi16: 'yellowBright'},
	h1: {hex: '#ff87d7', ansi16: 'magentaBright', bold: true},
	h2: {hex: '#5fd7ff', ansi16: 'cyanBright', bold: true},
	h3: {hex: '#87d7d7', ansi16: 'cyan', bold: true},
	link: {hex: '#87afff', ansi16: 'cyanBright', underline: true},
	codespan: {hex: '#ffd787', ansi16: 'yellow'},
	codeLabel: {hex: '#ffd75f', ansi16: 'yellowBright', bold: true},
	quote: {hex: '#bcbcbc', ansi16: 'white', italic: true},
	keyword: {hex: '#d7afff', ansi16: 'magentaBright'},
	builtIn: {hex: '#5fd7d7', ansi16: 'cyan'},
	literal: {hex: '#87afff', ansi16: 'cyanBright'},
	number: {hex: '#afd787', ansi16: 'greenBright'},
	string: {hex: '#87d787', ansi16: 'green'},
	regexp: {hex: '#ff8787', ansi16: 'redBright'},
	symbol: {hex: '#ffd75f', ansi16: 'yellow'},
	function: {hex: '#ffd75f', ansi16: 'yellowBright'},
	comment: {hex: '#9e9e9e', ansi16: 'blackBright', italic: true},
	meta: {hex: '#9e9e9e', ansi16: 'blackBright'},
	variable: {hex: '#ff8787', ansi16: 'redBright'},
	attr: {hex: '#5fd7d7', ansi16: 'cyan'},
	markup: {hex: '#87afff', ansi16: 'cyanBright'},
	addition: {hex: '#87d787', ansi16: 'green'},
	deletion: {hex: '#ff8787', ansi16: 'redBright'},
	rule: {hex: '#6c6c6c', ansi16: 'blackBright'},
	codeFrame: {hex: '#808080', ansi16: 'blackBright'},
}};

/* On white, of the 16 colours only black, red, blue, magenta and bright blue reach 4.5:1. */
const LIGHT: Palette = {name: 'light', background: 'white', tokens: {
	accent: {hex: '#005f87', ansi16: 'blue'},
	muted: {hex: '#5f5f5f'},
	error: {hex: '#af0000', ansi16: 'red'},
	warning: {hex: '#875f00', ansi16: 'magenta'},
	success: {hex: '#005f00', ansi16: 'blue'},
	info: {hex: '#005f87', ansi16: 'blue'},
	tag: {hex: '#870087', ansi16: 'magenta'},
	category: {hex: '#875f00', ansi16: 'red'},
	h1: {hex: '#870087', ansi16: 'magenta', bold: true},
	h2: {hex: '#005f87', ansi16: 'blue', bold: true},
	h3: {hex: '#005f5f', ansi16: 'blue', bold: true},
	link: {hex: '#0000af', ansi16: 'blue', underline: true},
	codespan: {hex: '#875f00', ansi16: 'red'},
	codeLabel: {hex: '#875f00', ansi16: 'magenta', bold: true},
	quote: {hex: '#444444', italic: true},
	keyword: {hex: '#af005f', ansi16: 'magenta'},
	builtIn: {hex: '#005f87', ansi16: 'blue'},
	literal: {hex: '#0000af', ansi16: 'blue'},
	number: {hex: '#005faf', ansi16: 'blueBright'},
	string: {hex: '#005f00', ansi16: 'red'},
	regexp: {hex: '#af0000', ansi16: 'red'},
	symbol: {hex: '#875f00', ansi16: 'magenta'},
	function: {hex: '#5f00af', ansi16: 'blueBright'},
	comment: {hex: '#5f5f5f', italic: true},
	meta: {hex: '#5f5f5f'},
	variable: {hex: '#af0000', ansi16: 'red'},
	attr: {hex: '#005f87', ansi16: 'blue'},
	markup: {hex: '#0000af', ansi16: 'blue'},
	addition: {hex: '#005f00', ansi16: 'blue'},
	deletion: {hex: '#af0000', ansi16: 'red'},
	rule: {hex: '#8a8a8a', ansi16: 'blackBright'},
	codeFrame: {hex: '#808080', ansi16: 'blackBright'},
}};

/** No colour at all: emphasis by bold, italic and underline (selection is reverse video everywhere). */
const MONO: Palette = {name: 'mono', background: null, tokens: {
	accent: {bold: true}, muted: {}, error: {bold: true}, warning: {bold: true}, success: {bold: true}, info: {},
	tag: {}, category: {},
	h1: {bold: true, underline: true}, h2: {bold: true}, h3: {bold: true}, link: {underline: true},
	codespan: {}, codeLabel: {bold: true}, quote: {italic: true},
	keyword: {bold: true}, builtIn: {}, literal: {}, number: {}, string: {}, regexp: {}, symbol: {}, function: {},
	comment: {italic: true}, meta: {}, variable: {}, attr: {}, markup: {}, addition: {bold: true}, deletion: {},
	rule: {}, codeFrame: {},
}};

export const PALETTES: Record<ThemeName, Palette> = {dark: DARK, light: LIGHT, mono: MONO};
