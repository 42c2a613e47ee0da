/**
 * @alcalzone/ansi-tokenize for Ink (scripts/build.mjs puts this in its place
 * in the bundle). Ink cuts every line of every frame into styled characters
 * with it, from scratch each frame: a search key's frame at 2,000 articles
 * spent more in it than anywhere else, though most of the frame (the group
 * pane, the titles, the status line, the rows still in view) is the same
 * text as in the last one. The last few hundred texts' tokens, and the
 * characters made from them, are kept and handed out again. Ink never
 * changes them (within a frame it already hands out one text's characters
 * for every place the text is drawn).
 */
import {styledCharsFromTokens as charsAnew, tokenize as tokenizeAnew, type StyledChar, type Token} from '@alcalzone/ansi-tokenize';

export {ansiCodesToString, diffAnsiCodes, reduceAnsiCodes, reduceAnsiCodesIncremental, styledCharsToString, undoAnsiCodes} from '@alcalzone/ansi-tokenize';
export type {AnsiCode, Char, ControlCode, StyledChar, Token} from '@alcalzone/ansi-tokenize';

/** Texts kept: a frame of the library draws ~200 different ones. */
const KEPT = 512;
/** Two generations: a text drawn in the last frame or two is found, and at most 2 × KEPT are held. */
let recent = new Map<string, Token[]>();
let older = new Map<string, Token[]>();
const charsOf = new WeakMap<Token[], StyledChar[]>();

export function tokenize(text: string, endChar?: number): Token[] {
	if (endChar !== undefined) return tokenizeAnew(text, endChar);
	let tokens = recent.get(text);
	if (tokens === undefined) {
		tokens = older.get(text) ?? tokenizeAnew(text);
		if (recent.size >= KEPT) {
			older = recent;
			recent = new Map();
		}
		recent.set(text, tokens);
	}
	return tokens;
}

export function styledCharsFromTokens(tokens: Token[]): StyledChar[] {
	let chars = charsOf.get(tokens);
	if (chars === undefined) charsOf.set(tokens, (chars = charsAnew(tokens)));
	return chars;
}
