/**
 * What a fence's info string says besides the language, as Docusaurus, MkDocs
 * and the Hugo/Jekyll conversions (code-shortcodes.ts) write it:
 * `title="src/x.ts"` (or `filename=`), `showLineNumbers[=N]` (`linenums="N"`),
 * `{1,3-5}` (`hl_lines="1 3"`), and Docusaurus's magic comments
 * (`// highlight-next-line`, `highlight-start` … `highlight-end`), which mark
 * lines and are removed from what is shown and copied, as on the site.
 */
import {fenceLanguage} from '../parse.js';
import {unguard} from './syntax.js';
import {sanitizeLine} from '../../sanitize.js';

export interface CodeBlockInfo {
	/** Normalized fence language ('' when none was given). */
	lang: string;
	/** The exact source to copy: as written, less the magic comment lines. */
	source: string;
	/** Shown in the frame's label; display-safe. */
	title: string;
	/** Number of the first line when lines are numbered, else null. */
	lineNumbers: number | null;
	/** 0-based lines (of `source`) to mark. */
	highlight: number[];
	/** 0-based lines of the fence's text that the magic comments took (removed from display too). */
	dropped: number[];
}

const TITLE = /(?:^|\s)(?:title|filename|file)=(?:"([^"]*)"|'([^']*)'|(\S+))/i;
const NUMBERS = /(?:^|\s)(?:showLineNumbers|linenos|linenums|lineNumbers)(?:=["']?(\d+)["']?)?(?=\s|$)/i;
const RANGES = /\{([\d,\s-]+)\}|(?:^|\s)hl_lines=["']?([\d\s,-]+)["']?/;
const MAGIC = /^\s*(?:\/\/|#|--|;|\/\*|<!--|\{\/\*)\s*(highlight-next-line|highlight-start|highlight-end)\s*(?:\*\/\}?|-->)?\s*$/;

function expandRanges(text: string): number[] {
	const out: number[] = [];
	for (const part of text.split(/[\s,]+/)) {
		const m = /^(\d+)(?:-(\d+))?$/.exec(part);
		if (!m) continue;
		const from = Number(m[1]);
		const to = Math.min(Number(m[2] ?? m[1]), from + 10_000);
		for (let n = from; n <= to; n++) out.push(n - 1);
	}
	return out;
}

export function codeBlockInfo(info: string | undefined, text: string): CodeBlockInfo {
	const meta = (info ?? '').trim().replace(/^\S*/, '');
	const title = TITLE.exec(meta);
	const numbers = NUMBERS.exec(meta);
	const ranges = RANGES.exec(meta);
	const highlight = new Set(ranges ? expandRanges(ranges[1] ?? ranges[2] ?? '') : []);
	const dropped: number[] = [];
	let source = unguard(text);
	if (source.includes('highlight-')) {
		const kept: string[] = [];
		let open = false;
		let next = false;
		source.split('\n').forEach((line, i) => {
			const magic = MAGIC.exec(line)?.[1];
			if (magic) {
				dropped.push(i);
				if (magic === 'highlight-next-line') next = true;
				else open = magic === 'highlight-start';
				return;
			}
			if (open || next) highlight.add(kept.length);
			next = false;
			kept.push(line);
		});
		source = kept.join('\n');
	}
	return {
		lang: fenceLanguage(info),
		source,
		title: sanitizeLine(title?.[1] ?? title?.[2] ?? title?.[3] ?? '').slice(0, 200),
		lineNumbers: numbers ? Math.max(1, Number(numbers[1] ?? 1)) : null,
		highlight: [...highlight].sort((a, b) => a - b),
		dropped,
	};
}
