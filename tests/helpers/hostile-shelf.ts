/**
 * Builds a shelf of everything a folder of "markdown" can throw at the loader.
 * Cases git cannot hold (FIFO, symlinks, a 9 MiB file, odd file names) are
 * why this is code and not a fixture folder. Besides `dir` it writes one
 * sibling folder, `outside-the-shelf`, for symlinks to point out of the shelf.
 */
import {execFileSync} from 'node:child_process';
import {chmod, mkdir, open, symlink, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';

/** An ESC-based window-title escape, a C1 CSI and a right-to-left override. */
export const EVIL = '\x1b]0;pwned\x07\u009b31m\u202e';
export const EVIL_FILE_NAME = `${EVIL}evil-name.md`;

const MiB = 1024 * 1024;

const lol = [
	'---',
	'a: &a [x, x, x, x, x, x, x, x, x]',
	'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
	'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
	'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
	'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
	'title: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
	'---',
	'boom',
].join('\n');

/** Files that load as usable articles (maybe with problems), by path under the shelf. */
export const HOSTILE_FILES: Record<string, string | Buffer> = {
	'good/alpha.md': '---\ntitle: Alpha\ndate: 2024-05-01\ntags: [shared, a]\ncategory: Guides\n---\n\n# Not the title\n\nSome words here.\n',
	'good/beta.md': '# Beta heading\n\nNo frontmatter at all.\n',
	'UPPER.MD': '---\ntitle: Upper case extension\n---\nbody\n',
	'long.markdown': '---\ntitle: Long extension\n---\nbody\n',
	'folder.md/inside.md': '---\ntitle: Inside a folder named like a file\n---\nbody\n',
	'bom-crlf.md': '\uFEFF---\r\ntitle: Windows file\r\ndate: 2024-03-01\r\ntags: [win, crlf]\r\ncategory: Guides\r\n---\r\n\r\n# Body\r\n\r\ntext\r\n',
	'proto.md': '---\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\ntitle: Proto\n---\nbody\n',
	'wrong-types.md': '---\ntitle: 12345\ncategory: [a, b]\ntags: [1, {x: 1}, ok, [n]]\ndescription: {a: 1}\n---\nbody\n',
	'tags-string.md': '---\ntitle: Tags string\ntags: one, two ,three\n---\nbody\n',
	'dates/month-13.md': '---\ndate: 2024-13-45\n---\nbody\n',
	'dates/feb-29-2023.md': '---\ndate: 2023-02-29\n---\nbody\n',
	'dates/not-a-date.md': '---\ndate: not-a-date\n---\nbody\n',
	'dates/timestamp.md': '---\ndate: 2024-02-29T23:59:59+02:00\n---\nbody\n',
	'duplicate-keys.md': '---\ntitle: First\ntitle: Second\n---\nbody\n',
	'yaml-tags.md': '---\ntitle: !!js/function "function () { return process.exit(1) }"\ncover: !!binary aGVsbG8=\ntags: !!set {a, b}\n---\nbody\n',
	'invalid-utf8.md': Buffer.concat([Buffer.from('---\ntitle: Latin-1\n---\ncaf'), Buffer.from([0xe9, 0xff]), Buffer.from(' ok\n')]),
	'escape-title.md': `---\ntitle: "${'\\x1b]0;pwned\\x07 \\u009b31m \\u202e \\0'}Quoted"\ntags:\n  - ${EVIL}tag\ncategory: ${EVIL}cat\ndescription: ${EVIL}desc\ncover: ${EVIL}.png\n---\nbody\n`,
	'escape-heading.md': `# ${EVIL}Raw heading\n\nbody\n`,
	[EVIL_FILE_NAME]: '---\ntitle: Evil file name\n---\nbody\n',
	'notes.txt': 'not markdown, ignored\n',
	'.hidden.md': 'hidden files are ignored\n',
	'.git/HEAD.md': 'dot-folders are ignored\n',
	'node_modules/pkg/readme.md': 'node_modules is ignored\n',
};

/** Usable articles by slug, with what their fields must be. */
export const HOSTILE_GOOD: Record<string, {title?: string; date?: string | null; tags?: string[]; problem?: RegExp}> = {
	'good/alpha': {title: 'Alpha', date: '2024-05-01', tags: ['shared', 'a']},
	'good/beta': {title: 'Beta heading', date: null},
	UPPER: {title: 'Upper case extension'},
	long: {title: 'Long extension'},
	'folder.md/inside': {title: 'Inside a folder named like a file'},
	'bom-crlf': {title: 'Windows file', date: '2024-03-01', tags: ['win', 'crlf']},
	proto: {title: 'Proto'},
	'wrong-types': {title: '12345', tags: ['1', 'ok'], problem: /title should be text/},
	'tags-string': {tags: ['one', 'two', 'three']},
	'dates/month-13': {date: null, problem: /not a real calendar date/},
	'dates/feb-29-2023': {date: null, problem: /not a real calendar date/},
	'dates/not-a-date': {date: null, problem: /write it as YYYY-MM-DD/},
	'dates/timestamp': {date: '2024-02-29'},
	'duplicate-keys': {title: 'Second', problem: /duplicate key "title"/},
	'yaml-tags': {title: 'function () { return process.exit(1) }', problem: /unsupported tag !!js\/function ignored/},
	'invalid-utf8': {title: 'Latin-1', problem: /not valid UTF-8/},
	'escape-title': {},
	'escape-heading': {},
	'link-to-alpha': {title: 'Alpha'},
};

/** Broken entries by slug: still listed, with an error matching the pattern. */
export const HOSTILE_BROKEN: Record<string, RegExp> = {
	nul: /^binary file$/,
	huge: /^file is 9\.3 MiB; the limit is 8 MiB$/,
	empty: /^empty file$/,
	blank: /^empty file$/,
	unclosed: /^frontmatter starts on line 1 but never closes/,
	'bad-yaml': /^invalid YAML: /,
	'billion-laughs': /Excessive alias count/,
	'many-keys': /^frontmatter is \d+ KiB; the limit is 64 KiB$/,
	'list-top': /not a list/,
	'multi-doc': /multiple documents/,
};

/** Skipped paths (relative to the shelf) with their reason. */
export const HOSTILE_SKIPPED: Record<string, RegExp> = {
	'fifo.md': /^named pipe \(FIFO\), not a regular file$/,
	'loop': /^symlink loop$/,
	'loop-a.md': /^symlink loop$/,
	'loop-b.md': /^symlink loop$/,
	'outside.md': /^symlink points outside the shelf: /,
	'outside-dir': /^symlink points outside the shelf: /,
	'broken-link.md': /^broken symlink$/,
	'linked-good': /^folder already on the shelf by another path$/,
};

export async function makeHostileShelf(dir: string): Promise<void> {
	for (const [path, content] of Object.entries(HOSTILE_FILES)) {
		await mkdir(dirname(join(dir, path)), {recursive: true});
		await writeFile(join(dir, path), content);
	}
	const broken: Record<string, string | Buffer> = {
		'nul.md': Buffer.from('---\ntitle: nul\n---\nbefore\0after\n'),
		'empty.md': '',
		'blank.md': ' \n\t\n\r\n',
		'unclosed.md': '---\ntitle: never closed\n\n# Body\n',
		'bad-yaml.md': '---\ntitle: ok\ntags: [a, b\ncategory: x\n---\nbody\n',
		'billion-laughs.md': lol,
		'many-keys.md': `---\n${Array.from({length: 20_000}, (_, i) => `key${i}: value ${i}`).join('\n')}\n---\nbody\n`,
		'list-top.md': '---\n- a\n- b\n---\nbody\n',
		'multi-doc.md': '---\ntitle: one\n--- two\n---\nbody\n',
	};
	for (const [path, content] of Object.entries(broken)) await writeFile(join(dir, path), content);

	// Sparse: 9.3 MiB on paper, nothing on disk, and the loader must not read it anyway.
	const huge = await open(join(dir, 'huge.md'), 'w');
	await huge.truncate(9 * MiB + 300 * 1024);
	await huge.close();

	// Root reads everything, so this only tests EACCES when the suite runs as a normal user.
	await writeFile(join(dir, 'unreadable-if-root.md'), '---\ntitle: Readable by root only\n---\nbody\n');
	await chmod(join(dir, 'unreadable-if-root.md'), 0o000);

	const outside = join(dirname(dir), 'outside-the-shelf');
	await mkdir(outside, {recursive: true});
	await writeFile(join(outside, 'secret.md'), '---\ntitle: Secret outside\n---\nmust not be loaded\n');
	await symlink(join(outside, 'secret.md'), join(dir, 'outside.md'));
	await symlink(outside, join(dir, 'outside-dir'));
	await symlink('.', join(dir, 'loop'));
	await symlink('loop-b.md', join(dir, 'loop-a.md'));
	await symlink('loop-a.md', join(dir, 'loop-b.md'));
	await symlink('does-not-exist.md', join(dir, 'broken-link.md'));
	await symlink('good/alpha.md', join(dir, 'link-to-alpha.md'));
	await symlink('good', join(dir, 'linked-good'));
	try {
		execFileSync('mkfifo', [join(dir, 'fifo.md')], {stdio: 'ignore'});
	} catch {
		// No mkfifo (Windows, minimal images): the FIFO case is skipped by the tests.
	}
}
