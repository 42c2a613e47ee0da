import {describe, expect, it} from 'vitest';
import {MAX_DEPTH, limitNesting} from '../../src/core/render/depth.js';
import {plainRender} from '../../src/core/render/plain.js';
import {makeStyles} from '../../src/core/render/styles.js';
import {lineProblems} from '../helpers/invariants.js';

const plain = makeStyles(0);

describe('nesting limits before marked', () => {
	it('leaves ordinary articles alone, byte for byte', () => {
		const body = '# T\n\n> quote\n> > nested\n\n- a\n  - b\n    - c\n\n```\n' + ' '.repeat(100) + 'code\n```\n';
		expect(limitNesting(body)).toEqual({text: body, deepest: 0});
	});

	it('flattens a 50,000-deep quote to the limit, with a marker naming the depth', () => {
		const {text, deepest} = limitNesting('> '.repeat(50000) + 'a');
		expect(deepest).toBe(50000);
		expect(text).toBe('> '.repeat(MAX_DEPTH) + '⟨nested 50,000 deep: flattened⟩ a');
	});

	it('flattens a 1,000-deep list: nothing past the limit, every item kept', () => {
		const body = Array.from({length: 1000}, (_, x) => '  '.repeat(x) + '* a').join('\n');
		const {text, deepest} = limitNesting(body);
		expect(deepest).toBe(1000);
		const lines = text.split('\n');
		expect(lines).toHaveLength(1000);
		expect(Math.max(...lines.map(l => l.length - l.trimStart().length))).toBeLessThanOrEqual(2 * MAX_DEPTH);
		expect(lines[999]).toContain('⟨nested 1,000 deep: flattened⟩ a');
	});

	it('never touches fenced code, however deeply it is indented', () => {
		const body = '```\n' + Array.from({length: 100}, (_, x) => '  '.repeat(x) + '* a').join('\n') + '\n```\n' + '> '.repeat(40) + 'b';
		const {text} = limitNesting(body);
		expect(text.split('\n').slice(0, 101)).toEqual(body.split('\n').slice(0, 101));
		expect(text.split('\n')[102]).toBe('> '.repeat(MAX_DEPTH) + '⟨nested 40 deep: flattened⟩ b');
	});
});

describe('the plain-text fallback', () => {
	it('keeps headings (for the outline) and fenced code as numbered blocks with their exact sources', () => {
		const r = plainRender('# Title\n\ntext *not* emphasised\n\n```sh\necho "\x1b[31m"\n```\n\n## Next ##\n\n~~~\nunclosed', 40, plain);
		expect(r.headings.map(h => [h.depth, h.text])).toEqual([[1, 'Title'], [2, 'Next']]);
		expect(r.lines[r.headings[1]?.line ?? -1]).toBe('Next');
		expect(r.blocks.map(b => [b.index, b.lang, b.source])).toEqual([[1, 'sh', 'echo "\x1b[31m"'], [2, '', 'unclosed']]);
		expect(r.lines.join('\n')).toContain('text *not* emphasised');
		expect(r.lines[r.blocks[0]?.startLine ?? -1]).toContain('[1] sh');
		expect(lineProblems(r.lines, 40)).toEqual([]);
	});

	it('wraps a 900 KB line to the width, in one linear pass', () => {
		const r = plainRender('*a **a '.repeat(130000), 80, makeStyles(3));
		expect(r.lines.length).toBeGreaterThan(10000);
		expect(lineProblems(r.lines.slice(0, 200), 80)).toEqual([]);
	});
});
