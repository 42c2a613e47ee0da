/**
 * An independent reading of a markdown file's fenced code blocks, so tests can
 * compare what the app copies or prints with what the author wrote, without
 * asking the app's own parser. It follows CommonMark for top-level fences
 * (``` or ~~~, up to 3 spaces of indent, a closing fence at least as long);
 * fences nested deeper in lists and indented code blocks are not seen, so use
 * it on articles whose blocks are all top-level fences.
 */
import {readFileSync} from 'node:fs';

export interface Fence {
	/** First word of the info string ('' for none). */
	lang: string;
	/** The lines between the fences joined with \n, without a trailing newline. */
	source: string;
	/** 1-based line of the opening fence in the file. */
	line: number;
}

export function fencedBlocks(markdown: string): Fence[] {
	const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
	let i = 0;
	// Skip frontmatter: it is not part of the body.
	if (lines[0] === '---') {
		const end = lines.indexOf('---', 1);
		if (end > 0) i = end + 1;
	}
	const blocks: Fence[] = [];
	for (; i < lines.length; i++) {
		const open = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(lines[i] as string);
		if (!open) continue;
		const [, indent = '', fence = '', info = ''] = open;
		if (fence[0] === '`' && info.includes('`')) continue;
		const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
		const body: string[] = [];
		const start = i;
		for (i++; i < lines.length && !close.test(lines[i] as string); i++) {
			// Content lines lose up to the opening fence's indentation.
			body.push((lines[i] as string).replace(new RegExp(`^ {0,${indent.length}}`), ''));
		}
		blocks.push({lang: info.trim().split(/\s+/)[0] ?? '', source: body.join('\n'), line: start + 1});
	}
	return blocks;
}

export function fencedBlocksOf(file: string): Fence[] {
	return fencedBlocks(readFileSync(file, 'utf8'));
}
