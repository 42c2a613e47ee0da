/**
 * Hugo's `{{< highlight go "linenos=table,hl_lines=2" >}}` and `{{< code >}}`,
 * and Jekyll's `{% highlight ruby linenos %}`: code blocks like any fenced one
 * (numbered, copyable), their options written as fence meta the code frame
 * understands (code-meta.ts). What lies between the tags is kept byte for byte.
 */
import {fenceFor} from './fences.js';
import {parseArgs} from './syntax.js';
import type {PrepareState} from './state.js';

const HUGO_OPEN = /^(\s*)\{\{([<%])-?\s*(highlight|code)\b(.*?)-?\s*[>%]\}\}\s*$/;
const HUGO_CLOSE = /\{\{[<%]-?\s*\/\s*(?:highlight|code)\s*-?[>%]\}\}/;
const LIQUID_OPEN = /^(\s*)\{%-?\s*highlight\b(.*?)-?%\}\s*$/;
const LIQUID_CLOSE = /\{%-?\s*endhighlight\s*-?%\}/;

export function isCodeShortcode(line: string): boolean {
	return HUGO_OPEN.test(line) || LIQUID_OPEN.test(line);
}

/** Lines `[open, end]` become a fenced block; returns the new lines and the index of the closing tag's line, or null when never closed. */
export function codeShortcode(lines: readonly string[], open: number, firstLine: number, st: PrepareState): {out: string[]; end: number} | null {
	const line = lines[open] as string;
	const hugo = HUGO_OPEN.exec(line);
	const liquid = hugo ? null : LIQUID_OPEN.exec(line);
	const closeRe = hugo ? HUGO_CLOSE : LIQUID_CLOSE;
	let end = -1;
	for (let j = open + 1; j < lines.length; j++) {
		if (closeRe.test(lines[j] as string)) {
			end = j;
			break;
		}
	}
	const what = hugo ? `Hugo shortcode {{${hugo[2]} ${hugo[3]} ${hugo[2] === '<' ? '>' : '%'}}}` : '{% highlight %}';
	if (end < 0) {
		st.problems.push({line: firstLine + open, message: `${what} is never closed`});
		return null;
	}
	const body = lines.slice(open + 1, end);
	const before = (lines[end] as string).split(closeRe)[0] ?? '';
	if (before.trim() !== '') body.push(before);
	const content = body.join('\n');
	const indent = (hugo ?? liquid)?.[1] ?? '';
	const info = hugo ? hugoInfo(hugo[3] as string, hugo[4] as string) : liquidInfo(liquid?.[2] ?? '');
	const fence = fenceFor(content);
	const out = [`${indent}${fence}${info}`, ...body, `${indent}${fence}`];
	return {out, end};
}

function ranges(text: string | undefined): string {
	const parts = (text ?? '').split(/[\s,[\]]+/).filter(p => /^\d+(?:-\d+)?$/.test(p));
	return parts.length ? ` {${parts.join(',')}}` : '';
}

const title = (t: string | undefined): string => (t ? ` title="${t.replace(/"/g, "'")}"` : '');
const on = (v: string | undefined): boolean => v !== undefined && v !== 'false' && v !== 'none' && v !== '';

function hugoInfo(name: string, argText: string): string {
	const args = parseArgs(argText);
	const opts: Record<string, string> = {...args.named};
	// `highlight go "linenos=table,hl_lines=2 4"`: options in one quoted string.
	for (const p of args.positional.slice(1)) {
		for (const pair of p.split(',')) {
			const [k, v = ''] = pair.split('=');
			if (k) opts[k.trim().toLowerCase()] = v.trim();
		}
	}
	const lang = (name === 'highlight' ? args.positional[0] : undefined) ?? opts['lang'] ?? opts['language'] ?? '';
	const start = Number(opts['linenostart']);
	const numbers = on(opts['linenos']) ? ` showLineNumbers${Number.isInteger(start) && start > 1 ? `=${start}` : ''}` : '';
	return `${lang}${title(opts['title'] ?? opts['file'] ?? opts['filename'])}${numbers}${ranges(opts['hl_lines'])}`;
}

function liquidInfo(argText: string): string {
	const args = parseArgs(argText);
	const lang = args.positional[0] ?? '';
	const numbers = args.positional.slice(1).includes('linenos') || on(args.named['linenos']) ? ' showLineNumbers' : '';
	return `${lang}${numbers}${ranges(args.named['mark_lines'])}`;
}
