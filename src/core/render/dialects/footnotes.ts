/**
 * GitHub footnotes: `[^label]: text` definitions are taken out where they
 * stand and listed, numbered in the order they are first referred to, under a
 * "Footnotes" heading at the end; each `[^label]` becomes a superscript
 * number that links to its note (inline.ts), and each note starts with a ↩
 * that links back (`#fn-N` and `#fnref-N`, resolved by state/reader.ts).
 */
import {fenceEnd, fenceOpen} from './fences.js';
import {inlinePass} from './inline.js';
import type {PrepareState} from './state.js';
import {shelfHref} from './syntax.js';

const DEFINITION = /^\[\^([^\]\s]+)\]:[ \t]?(.*)$/;
/** What may interrupt a paragraph (CommonMark): a line starting one of these is not a lazy continuation. */
const STARTS_BLOCK = /^(?:\[\^[^\]\s]+\]:|#{1,6}(?:\s|$)|>|[-+*][ \t]|1[.)][ \t]|(?:[-*_][ \t]*){3,}$|`{3,}|~{3,}|<|\||\$\$)/;

export function collectFootnotes(lines: readonly string[], st: PrepareState): void {
	if (!lines.some(l => l.startsWith('[^'))) return;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as string;
		if (fenceOpen(line)) {
			i = fenceEnd(lines, i);
			continue;
		}
		const m = DEFINITION.exec(line);
		if (!m) continue;
		const text = [m[2] ?? ''];
		st.skip.add(i + 1);
		let j = i + 1;
		for (; j < lines.length; j++) {
			const next = lines[j] as string;
			const indented = /^(?: {2,}|\t)\S/.test(next);
			const blankThenIndented = next.trim() === '' && /^(?: {4,}|\t)\S/.test(lines[j + 1] ?? '');
			// GitHub goes on with a note's paragraph on an unindented line that starts no other block.
			const lazy = next.trim() !== '' && (text.at(-1) ?? '').trim() !== '' && !STARTS_BLOCK.test(next.trimStart());
			if (!indented && !blankThenIndented && !lazy) break;
			text.push(next.replace(/^(?: {1,4}|\t)/, ''));
			st.skip.add(j + 1);
		}
		const key = (m[1] as string).toLowerCase();
		if (!st.footnotes.has(key)) st.footnotes.set(key, text.join('\n'));
		i = j - 1;
	}
}

export function footnoteSection(st: PrepareState): string {
	if (st.footnotes.size === 0) return '';
	// Defined but never referred to: still shown, after the others, as nothing is dropped.
	for (const key of st.footnotes.keys()) st.footnoteNumber(key);
	const items = st.footnoteOrder.map((key, i) => {
		const text = inlinePass(st.footnotes.get(key) ?? '', 0, st).split('\n').join('\n   ');
		// The ↩ leads back to the first reference; it starts the note so a jump to it lands on its first line.
		return `${i + 1}. [↩](${shelfHref('noteback', String(i + 1))}) ${text}`;
	});
	return `\n\n## Footnotes\n\n${items.join('\n')}\n`;
}
