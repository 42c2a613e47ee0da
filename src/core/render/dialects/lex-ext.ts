/**
 * The lexer's side of the dialects (render-ext.ts draws them): the
 * pre-pass's directives and Obsidian's `==highlight==` as inline tokens.
 */
import type {MarkedExtension} from 'marked';
import {DIRECTIVE, OPEN} from './syntax.js';
import {sanitizeLine} from '../../sanitize.js';

export interface DialectToken {
	type: 'dialect';
	raw: string;
	kind: string;
	payload: string;
}

const HIGHLIGHT = /^==(?=[^\s=])([^\n]*?[^\s=])==(?!=)/;

export const dialectTokenizers: MarkedExtension = {
	extensions: [
		{
			name: 'dialect',
			level: 'inline',
			start: (src: string) => {
				const i = src.indexOf(OPEN);
				return i < 0 ? undefined : i;
			},
			tokenizer(src: string) {
				const m = DIRECTIVE.exec(src);
				// The payload is article text (a tab label, a tag): through the one sanitizer like every token.
				return m ? {type: 'dialect', raw: m[0], kind: m[1] ?? '', payload: sanitizeLine(m[2] ?? '')} : undefined;
			},
		},
		{
			name: 'highlightMark',
			level: 'inline',
			start: (src: string) => {
				const i = src.indexOf('==');
				return i < 0 ? undefined : i;
			},
			tokenizer(src: string) {
				const m = HIGHLIGHT.exec(src);
				if (!m) return undefined;
				return {type: 'highlightMark', raw: m[0], text: m[1], tokens: this.lexer.inlineTokens(m[1] ?? '')};
			},
		},
	],
};
