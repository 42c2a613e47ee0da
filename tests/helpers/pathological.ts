/**
 * The seventeen pathological inputs of cmark's test suite
 * (commonmark/cmark, test/pathological_tests.py), generated here rather than
 * committed: together they are megabytes. cmark gives each 4 s; inkshelf must
 * never hang, crash or exit non-zero on any of them.
 */
const range = (n: number, from = 0): number[] => Array.from({length: n - from}, (_, i) => i + from);

export const PATHOLOGICAL: Record<string, () => string> = {
	'nested strong emph': () => '*a **a '.repeat(65000) + 'b' + ' a** a*'.repeat(65000),
	'many emph closers with no openers': () => 'a_ '.repeat(65000),
	'many emph openers with no closers': () => '_a '.repeat(65000),
	'many link closers with no openers': () => 'a]'.repeat(65000),
	'many link openers with no closers': () => '[a'.repeat(65000),
	'mismatched openers and closers': () => '*a_ '.repeat(50000),
	'openers and closers multiple of 3': () => 'a**b' + 'c* '.repeat(50000),
	'link openers and emph closers': () => '[ a_'.repeat(50000),
	'hard link/emph case': () => '**x [a*b**c*](d)',
	'nested brackets': () => '['.repeat(50000) + 'a' + ']'.repeat(50000),
	'nested block quotes': () => '> '.repeat(50000) + 'a',
	'deeply nested lists': () => range(1000).map(x => '  '.repeat(x) + '* a\n').join(''),
	'U+0000 in input': () => 'abc\u0000de\u0000',
	'backticks': () => range(10000, 1).map(x => 'e' + '`'.repeat(x)).join(''),
	'unclosed links A': () => '[a](<b'.repeat(50000),
	'unclosed links B': () => '[a](b'.repeat(50000),
	'many references': () => range(50000 * 16, 1).map(x => `[${x}]: u\n`).join('') + '[0] '.repeat(50000),
};

/** A file name for each case: `nested-strong-emph.md`. */
export function pathologicalFile(name: string): string {
	return `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.md`;
}
