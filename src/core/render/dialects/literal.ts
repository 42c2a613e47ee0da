/**
 * The first step of the pre-pass, over the whole text: what a generator does
 * before it reads any markdown. Jekyll runs Liquid first, so `{% raw %}` and
 * `{% comment %}` work even inside code; Hugo reads an escaped shortcode (a comment inside the brackets) as the
 * shortcode written out. Line breaks are kept, so later steps still know
 * every line's number in the file.
 */
import {GUARD, guardTags} from './syntax.js';
import type {DialectProblem} from './problems.js';

const RAW = /\{%-?\s*raw\s*-?%\}([\s\S]*?)(?:\{%-?\s*endraw\s*-?%\}|$(?![\s\S]))/g;
const COMMENT = /\{%-?\s*comment\s*-?%\}([\s\S]*?)\{%-?\s*endcomment\s*-?%\}/g;
const HUGO_ESCAPE = /\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/g;

const lineAt = (text: string, index: number): number => {
	let n = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) n++;
	return n;
};

export function literalPass(text: string, problems: DialectProblem[]): string {
	if (!text.includes('{')) return text;
	let out = text;
	if (/\{%-?\s*(?:raw|comment)\b/.test(out)) {
		out = out.replace(RAW, (whole: string, inner: string, offset: number) => {
			if (!/\{%-?\s*endraw\s*-?%\}$/.test(whole)) problems.push({line: lineAt(text, offset), message: '{% raw %} is never closed with {% endraw %}'});
			return guardTags(inner);
		});
		// What a comment says is hidden, as on the site; its lines stay, empty.
		out = out.replace(COMMENT, (whole: string) => whole.replace(/[^\n]/g, ''));
	}
	if (out.includes('{{<') || out.includes('{{%')) {
		out = out.replace(HUGO_ESCAPE, (_: string, open: string, inner: string, close: string) => `{${GUARD}{${open}${inner}${close}}}`);
	}
	return out;
}
