import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {parse} from 'yaml';
import {simpleYaml} from '../../src/core/shelf/frontmatter-fast.js';
import {parseFrontmatter} from '../../src/core/shelf/frontmatter.js';

const CORE = {schema: 'core', resolveKnownTags: false, uniqueKeys: false, logLevel: 'error'} as const;

/** Whatever the fast path accepts, it must read exactly as yaml does; anything else it must leave to yaml. */
function agrees(source: string): void {
	const fast = simpleYaml(source);
	if (fast === null) return;
	let slow: unknown;
	try {
		slow = parse(source, CORE) ?? {};
	} catch {
		throw new Error(`fast path accepted what yaml rejects: ${JSON.stringify(source)}`);
	}
	expect(fast.value, JSON.stringify(source)).toEqual(slow);
}

describe('the frontmatter fast path', () => {
	it.each([
		['title: Hello world\ndate: 2024-01-02\ntags: [a, b-c, d_e]\ncategory: AI & ML\ndescription: It works—really, 100%\ncover: \n', true],
		['title: "Quoted: yes"\ntags: []\n', true],
		["title: 'single'\n", true],
		['title: 12345\n', false],
		['title: true\n', false],
		['title: 1.10\n', false],
		['title: ~\n', false],
		['title: a # comment\n', false],
		['title: x\ntitle: y\n', false],
		['tags:\n  - a\n  - b\n', false],
		['title: "esc \\" aped"\n', false],
		['title: &anchor x\n', false],
		['title: !!binary aGk=\n', false],
		['tags: [a, [b]]\n', false],
		['tags: [1, 2]\n', false],
		['description: a: b\n', false],
		['__proto__: x\n', false],
	])('%j (fast: %s)', (source, fast) => {
		expect(simpleYaml(source) !== null).toBe(fast);
		agrees(source);
	});

	it('says on which line of the file a key is, worked out only when a problem asks', () => {
		const fast = simpleYaml('# a comment\ntitle: x\n\ndate: someday\ntags: []\n');
		expect([fast?.keyAt.get('title'), fast?.keyAt.get('date'), fast?.keyAt.get('tags'), fast?.keyAt.get('cover')]).toEqual([{line: 3, column: 1}, {line: 5, column: 1}, {line: 6, column: 1}, undefined]);
		// Through the whole parse: the problem with the date is on its line.
		expect(parseFrontmatter('---\n# a comment\ntitle: x\n\ndate: someday\n---\nbody\n').problems).toEqual([expect.objectContaining({line: 5, column: 1})]);
	});

	it('agrees with yaml on random frontmatter-like input', () => {
		const piece = fc.constantFrom('a', 'B', ' ', ':', '#', ',', '[', ']', '"', "'", '-', '1', '.', '~', 'true', 'é', '漢', '\t', '&', '*', '!', '|', '>', '{', '}', '%', '@', '`', '?');
		const value = fc.array(piece, {maxLength: 12}).map(p => p.join(''));
		const line = fc.tuple(fc.constantFrom('title', 'tags', 'date', 'x', 'cover'), value).map(([k, v]) => `${k}:${v === '' ? '' : ' '}${v}`);
		fc.assert(fc.property(fc.array(line, {minLength: 1, maxLength: 6}), lines => agrees(lines.join('\n') + '\n')), {numRuns: 2000});
	});
});
