/** Fenced code in the source, as the pre-pass must see it: never rewritten, even inside quotes and list items. */
export interface Fence {
	char: string;
	length: number;
}

const OPEN = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})(.*)$/;
const CLOSE = /^[ \t>]*(`{3,}|~{3,})[ \t]*$/;

export function fenceOpen(line: string): Fence | null {
	const m = OPEN.exec(line);
	if (!m) return null;
	const run = m[1] as string;
	if (run[0] === '`' && (m[2] ?? '').includes('`')) return null;
	return {char: run[0] as string, length: run.length};
}

export function fenceCloses(line: string, fence: Fence): boolean {
	const m = CLOSE.exec(line);
	return m !== null && (m[1] as string)[0] === fence.char && (m[1] as string).length >= fence.length;
}

/** Index of the line that closes the fence opened at `open`, or the last line when none does. */
export function fenceEnd(lines: readonly string[], open: number): number {
	const fence = fenceOpen(lines[open] ?? '');
	if (!fence) return open;
	for (let j = open + 1; j < lines.length; j++) if (fenceCloses(lines[j] as string, fence)) return j;
	return lines.length - 1;
}

/** A fence long enough that nothing in `content` closes it. */
export function fenceFor(content: string): string {
	let longest = 2;
	for (const m of content.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
	return '`'.repeat(longest + 1);
}
