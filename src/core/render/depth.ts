/**
 * Nesting limits applied before marked sees an article. marked recurses once
 * per block quote and list level, so a 50,000-deep quote is a stack overflow
 * rather than a slow render. Browsers cap element nesting for the same reason
 * (Blink at 512); a reader needs far less: past MAX_DEPTH levels the rest of
 * a line is kept at the deepest level, after a visible marker. One pass over
 * the lines, no recursion, no regular expression that can backtrack.
 */

export const MAX_DEPTH = 32;

export interface DepthLimited {
	text: string;
	/** The deepest nesting seen (0 when nothing was flattened). */
	deepest: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/** The visible marker put where nesting was flattened. */
export function flattenedMarker(depth: number): string {
	return `⟨nested ${depth.toLocaleString('en-US')} deep: flattened⟩ `;
}

export function limitNesting(body: string, max = MAX_DEPTH): DepthLimited {
	// Cheap check first: nearly every article has no line that could nest this deep.
	if (!mayNestDeeply(body, max)) return {text: body, deepest: 0};
	const lines = body.split('\n');
	let deepest = 0;
	let fence: string | null = null;
	// Content columns of the list items a line may belong to, outermost first.
	const items: number[] = [];
	for (let i = 0; i < lines.length; i++) {
		let line = lines[i] as string;
		const f = FENCE.exec(line)?.[1];
		if (fence !== null) {
			if (f && f[0] === fence[0] && f.length >= fence.length && line.trim() === f) fence = null;
			continue;
		}
		if (f) {
			fence = f;
			continue;
		}
		const quotes = quoteDepth(line);
		if (quotes.depth > max) {
			deepest = Math.max(deepest, quotes.depth);
			line = '> '.repeat(max) + flattenedMarker(quotes.depth) + line.slice(quotes.end);
			lines[i] = line;
			continue;
		}
		if (line.trim() === '') continue;
		const indent = indentOf(line);
		while (items.length > 0 && (items[items.length - 1] as number) > indent.columns) items.pop();
		const rest = line.slice(indent.end);
		const marker = LIST_MARKER.exec(rest)?.[0];
		if (marker) items.push(indent.columns + marker.length + 1);
		const depth = items.length;
		if (depth > max) {
			deepest = Math.max(deepest, depth);
			// Re-indented under the deepest item allowed: it and what follows become its children.
			const column = items[max - 1] as number;
			lines[i] = ' '.repeat(column) + (marker ? `${marker} ${flattenedMarker(depth)}${rest.slice(marker.length).trimStart()}` : rest);
		}
	}
	return deepest ? {text: lines.join('\n'), deepest} : {text: body, deepest: 0};
}

/** A list item is at least two columns deeper than its parent: shallower lines cannot be too deep. */
function mayNestDeeply(body: string, max: number): boolean {
	let quotes = 0;
	let spaces = 0;
	let leading = true;
	for (let i = 0; i < body.length; i++) {
		const c = body.charCodeAt(i);
		if (c === 10) {
			quotes = spaces = 0;
			leading = true;
		} else if (!leading) {
			continue;
		} else if (c === 62 /* > */) {
			if (++quotes > max) return true;
		} else if (c === 32 || c === 9) {
			spaces += c === 9 ? 4 : 1;
			if (quotes === 0 && spaces >= 2 * max) return true;
		} else {
			leading = false;
		}
	}
	return false;
}

/** `> > > a`: how many quote markers open the line, and where its text starts. */
function quoteDepth(line: string): {depth: number; end: number} {
	let depth = 0;
	let at = 0;
	let end = 0;
	for (;;) {
		let p = at;
		let spaces = 0;
		while (spaces < 4 && line[p] === ' ') {
			p++;
			spaces++;
		}
		if (line[p] !== '>') break;
		depth++;
		p++;
		if (line[p] === ' ') p++;
		at = end = p;
	}
	return {depth, end};
}

function indentOf(line: string): {columns: number; end: number} {
	let columns = 0;
	let end = 0;
	while (end < line.length && (line[end] === ' ' || line[end] === '\t')) {
		columns = line[end] === '\t' ? columns + 4 - (columns % 4) : columns + 1;
		end++;
	}
	return {columns, end};
}
