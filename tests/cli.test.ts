/**
 * The built command line, run as a real process (no shell, stdin not a TTY):
 * what a user gets from `inkshelf …` in a script or a pipe.
 */
import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI, CONTENT, REPO, STACK_TRACE, articleSlugs, cliEnv, ensureBuilt, runCli} from './helpers/cli.js';
import {fencedBlocks} from './helpers/fences.js';

const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {version: string}).version;

// ---------------------------------------------------------------- the temp shelf

/** A python block with a line ending in spaces and a tab-indented line: copied byte for byte. */
const ALPHA_PY = [
	'def greet(name):   ',
	'\treturn f"hello {name}"  # a tab, then trailing spaces  ',
	'',
	'print(greet("shelf"))',
].join('\n');
const ALPHA_BASH = 'echo "done" | tr a-z A-Z\nprintf \'%s\\n\' "$HOME"';
const BETA_BASH = 'set -euo pipefail\nfor f in *.md; do\n  wc -l "$f"\ndone';
const GAMMA_PY = 'import sys\nprint(sys.version)';

const ALPHA = `---
title: Alpha Python Notes
date: 2025-06-01
tags: [python, testing]
category: Programming
description: Small Python snippets worth keeping.
---

# Alpha

Some prose about Python that is long enough to wrap several times at forty columns, so that the width option has real work to do in this test, including averyveryverylongwordwithoutanybreakopportunityatallinsideit.

\`\`\`python
${ALPHA_PY}
\`\`\`

| Column one | Column two is rather long | Three |
| --- | --- | --- |
| a value | another value that goes on for a while | 3 |

- a list item with **bold** text and \`inline code\` in it, long enough to wrap at forty columns

\`\`\`bash
${ALPHA_BASH}
\`\`\`

The end.
`;

const BETA = `---
title: Beta Shell Tricks
date: 2025-01-15
tags: [bash, shell]
category: Ops
description: Loops over files, safely.
---

# Beta

\`\`\`bash
${BETA_BASH}
\`\`\`
`;

const GAMMA = `---
title: Gamma Old Python
date: 2024-03-03
tags: [python]
category: Programming
description: An older note.
---

Gamma body.

\`\`\`python
${GAMMA_PY}
\`\`\`
`;

const BROKEN = '---\ntitle: never closed\n\n# Body\n';

let root = '';
/** alpha, sub/beta, gamma: nothing broken. */
let shelf = '';
/** The same three plus broken.md (frontmatter never closes). */
let brokenShelf = '';

beforeAll(() => {
	ensureBuilt();
	root = mkdtempSync(path.join(tmpdir(), 'inkshelf-cli-'));
	shelf = path.join(root, 'shelf');
	brokenShelf = path.join(root, 'broken-shelf');
	for (const dir of [shelf, brokenShelf]) {
		mkdirSync(path.join(dir, 'sub'), {recursive: true});
		writeFileSync(path.join(dir, 'alpha.md'), ALPHA);
		writeFileSync(path.join(dir, 'sub', 'beta.md'), BETA);
		writeFileSync(path.join(dir, 'gamma.md'), GAMMA);
	}
	writeFileSync(path.join(brokenShelf, 'broken.md'), BROKEN);
});

afterAll(() => {
	if (root) rmSync(root, {recursive: true, force: true});
});

/** The slug column of `list`'s plain output. */
function listedSlugs(stdout: string): string[] {
	return stdout.trimEnd().split('\n').map(line => line.split(/\s{2,}/)[1] ?? '');
}

/** `   2  name` lines as a map. */
function counts(stdout: string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const line of stdout.trimEnd().split('\n')) {
		const m = /^\s*(\d+)\s{2}(.+)$/.exec(line);
		if (!m) throw new Error(`not a count line: ${JSON.stringify(line)}`);
		out[m[2] as string] = Number(m[1]);
	}
	return out;
}

/** A message for a person: one or two lines, no stack trace. */
function expectCleanError(stderr: string): void {
	expect(stderr).toMatch(/^inkshelf: /);
	expect(stderr).not.toMatch(STACK_TRACE);
	expect(stderr).not.toContain('    at ');
	expect(stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
}

// ---------------------------------------------------------------- tests

describe('help and version', () => {
	it.each([['--help'], ['-h'], ['list', '--help']])('%s prints the usage and exits 0', (...args) => {
		const r = runCli(args);
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		expect(r.stdout).toContain('Usage:');
		for (const command of ['list', 'tags', 'categories', 'read', 'code', 'check', '--tag', '--category', '--json', '--width', '--dir']) {
			expect(r.stdout).toContain(command);
		}
	});

	it.each([['--version'], ['-v']])('%s prints the package.json version', flag => {
		const r = runCli([flag]);
		expect(r.status).toBe(0);
		expect(r.stdout).toBe(`${VERSION}\n`);
	});

	it('an unknown option is a usage error (exit 2) that points at --help', () => {
		const r = runCli(['--bogus']);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('--bogus');
		expect(r.stderr).toContain('inkshelf --help');
		expect(r.stderr).not.toMatch(STACK_TRACE);
	});
});

describe('list', () => {
	it('lists every article of the temp shelf, newest first, with the subfolder slug', () => {
		const r = runCli(['list', shelf]);
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		expect(listedSlugs(r.stdout)).toEqual(['alpha', 'sub/beta', 'gamma']);
		const alpha = r.stdout.split('\n')[0] as string;
		expect(alpha).toMatch(/^2025-06-01\s+alpha\s+Alpha Python Notes\s+\[Programming\] #python #testing$/);
	});

	it('lists every bundled article (the default shelf), newest first, broken ones last', () => {
		const r = runCli(['list']);
		expect(r.status).toBe(0);
		const slugs = listedSlugs(r.stdout);
		expect([...slugs].sort()).toEqual(articleSlugs(CONTENT));
		expect(slugs).toContain('why-python-dominates-ai');
		expect(slugs).toContain('guides/postgres-field-guide');
		const dates = r.stdout.trimEnd().split('\n').map(line => line.slice(0, 10));
		const dated = dates.filter(d => /^\d{4}-\d{2}-\d{2}$/.test(d));
		expect(dated).toEqual([...dated].sort().reverse());
		// Undated (and broken) articles come after every dated one.
		expect(dates.slice(0, dated.length)).toEqual(dated);
	});

	it('--json is valid JSON with slug/title/date/tags/category; a broken article has an error', () => {
		const r = runCli(['list', '--json', brokenShelf]);
		expect(r.status).toBe(0);
		const items = JSON.parse(r.stdout) as Record<string, unknown>[];
		expect(items.map(i => i.slug)).toEqual(['alpha', 'sub/beta', 'gamma', 'broken']);
		expect(items[0]).toMatchObject({
			slug: 'alpha', title: 'Alpha Python Notes', date: '2025-06-01', tags: ['python', 'testing'], category: 'Programming',
			description: 'Small Python snippets worth keeping.',
		});
		expect(items[1]).toMatchObject({slug: 'sub/beta', title: 'Beta Shell Tricks', date: '2025-01-15', tags: ['bash', 'shell'], category: 'Ops'});
		for (const item of items.slice(0, 3)) expect(item).not.toHaveProperty('error');
		const broken = items.find(i => i.slug === 'broken');
		expect(broken?.error).toEqual(expect.stringMatching(/never closes/));
	});

	it('--json of the bundled shelf names every bundled article', () => {
		const r = runCli(['list', '--json']);
		expect(r.status).toBe(0);
		const items = JSON.parse(r.stdout) as {slug: string; title: string}[];
		expect(items.map(i => i.slug).sort()).toEqual(articleSlugs(CONTENT));
	});

	it.each([['python'], ['PYTHON']])('--tag %s keeps only that tag', tag => {
		const r = runCli(['list', '--tag', tag, shelf]);
		expect(r.status).toBe(0);
		expect(listedSlugs(r.stdout)).toEqual(['alpha', 'gamma']);
	});

	it.each([['Programming'], ['programming'], ['PROGRAMMING']])('--category %s is case-insensitive', category => {
		const r = runCli(['list', '--category', category, shelf]);
		expect(r.status).toBe(0);
		expect(listedSlugs(r.stdout)).toEqual(['alpha', 'gamma']);
		expect(listedSlugs(runCli(['list', '-c', 'ops', shelf]).stdout)).toEqual(['sub/beta']);
	});

	it('--tag and --category combine', () => {
		const r = runCli(['list', '--tag', 'testing', '--category', 'programming', shelf]);
		expect(listedSlugs(r.stdout)).toEqual(['alpha']);
	});

	it('an unknown tag exits 1 with a message saying how to see the tags', () => {
		const r = runCli(['list', '--tag', 'no-such-tag', shelf]);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('no-such-tag');
		expect(r.stderr).toContain('inkshelf tags');
		expect(r.stderr).not.toMatch(STACK_TRACE);
	});

	it('an unknown category exits 1 too', () => {
		const r = runCli(['list', '--category', 'Cooking', shelf]);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('Cooking');
		expect(r.stderr).toContain('inkshelf categories');
	});
});

describe('tags and categories', () => {
	it('tags prints every tag with its article count', () => {
		const r = runCli(['tags', shelf]);
		expect(r.status).toBe(0);
		expect(counts(r.stdout)).toEqual({python: 2, testing: 1, bash: 1, shell: 1});
		// The most used tag comes first.
		expect(r.stdout.split('\n')[0]).toMatch(/^\s*2\s{2}python$/);
	});

	it('categories prints every category with its article count', () => {
		const r = runCli(['categories', shelf]);
		expect(r.status).toBe(0);
		expect(counts(r.stdout)).toEqual({Programming: 2, Ops: 1});
	});

	it('the bundled shelf has the AI & ML category', () => {
		const r = runCli(['categories']);
		expect(r.status).toBe(0);
		expect(counts(r.stdout)['AI & ML']).toBeGreaterThanOrEqual(1);
	});
});

describe('read, piped', () => {
	it('is plain text when stdout is not a TTY', () => {
		const r = runCli(['read', 'alpha', shelf]);
		expect(r.status).toBe(0);
		expect(r.stdout).not.toContain('\x1b');
		expect(r.stdout).toContain('Alpha Python Notes');
		expect(r.stdout).toContain('Some prose about Python');
		// The code is there, as written.
		expect(r.stdout).toContain('print(greet("shelf"))');
		expect(r.stdout).toContain('tr a-z A-Z');
	});

	it('is plain text with NO_COLOR, which wins over FORCE_COLOR', () => {
		for (const env of [{NO_COLOR: '1'}, {NO_COLOR: '1', FORCE_COLOR: '1'}]) {
			const r = runCli(['read', 'why-python-dominates-ai'], {env});
			expect(r.status).toBe(0);
			expect(r.stdout).not.toContain('\x1b');
			expect(r.stdout).toContain('Why Python Dominates');
		}
	});

	it('has SGR colour with FORCE_COLOR=1, and only SGR', () => {
		const r = runCli(['read', 'alpha', shelf], {env: {FORCE_COLOR: '1'}});
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/\x1b\[[0-9;]*m/);
		// Nothing but colour: no cursor movement, no screen clearing, no OSC.
		expect(r.stdout.replace(/\x1b\[[0-9;]*m/g, '')).not.toContain('\x1b');
		expect(stripAnsi(r.stdout)).toBe(runCli(['read', 'alpha', shelf]).stdout);
	});

	it.each([['alpha'], ['sub/beta']])('--width 40: no line of %s is wider than 40 columns', slug => {
		const r = runCli(['read', slug, shelf, '--width', '40']);
		expect(r.status).toBe(0);
		const wide = r.stdout.split('\n').filter(line => stringWidth(line) > 40);
		expect(wide).toEqual([]);
	});

	it('--width 40: no line of any bundled article is wider than 40 columns', () => {
		const failures: string[] = [];
		const list = JSON.parse(runCli(['list', '--json']).stdout) as {slug: string; error?: string}[];
		for (const {slug} of list.filter(a => !a.error)) {
			const r = runCli(['read', slug, '--width', '40'], {env: {FORCE_COLOR: '1'}});
			expect(r.status).toBe(0);
			for (const line of r.stdout.split('\n')) {
				if (stringWidth(line) > 40) failures.push(`${slug}: ${stringWidth(line)} cols: ${stripAnsi(line)}`);
			}
		}
		expect(failures).toEqual([]);
	}, 120_000);

	it('an unknown slug exits non-zero and suggests what exists', () => {
		const r = runCli(['read', 'alpah', shelf]);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expectCleanError(r.stderr);
		expect(r.stderr).toContain('alpah');
		expect(r.stderr).toMatch(/Did you mean: .*\balpha\b/);
		expect(r.stderr).toContain('inkshelf list');

		const far = runCli(['read', 'zzzz-nothing-like-it', shelf]);
		expect(far.status).toBe(1);
		expectCleanError(far.stderr);
		expect(far.stderr).toContain('inkshelf list');
	});

	it('a broken article cannot be read: exit 1 and the reason', () => {
		const r = runCli(['read', 'broken', brokenShelf]);
		expect(r.status).toBe(1);
		expectCleanError(r.stderr);
		expect(r.stderr).toMatch(/never closes/);
	});
});

describe('code', () => {
	it.each([
		['alpha', '1', ALPHA_PY],
		['alpha', '2', ALPHA_BASH],
		['sub/beta', '1', BETA_BASH],
		['gamma', '1', GAMMA_PY],
	])('code %s %s prints the block byte for byte', (slug, n, source) => {
		const r = runCli(['code', slug, n, shelf]);
		expect(r.status).toBe(0);
		expect(r.stderr).toBe('');
		expect(r.raw.equals(Buffer.from(`${source}\n`, 'utf8'))).toBe(true);
		expect(r.stdout).toBe(`${source}\n`);
	});

	it('the trailing spaces and the tab survive', () => {
		const r = runCli(['code', 'alpha', '1', shelf]);
		expect(r.stdout.split('\n')[0]).toBe('def greet(name):   ');
		expect(r.stdout.split('\n')[1]).toMatch(/^\treturn .* {2}$/);
	});

	it('prints each python block of the bundled seed article exactly as in its file', () => {
		const fences = fencedBlocks(readFileSync(path.join(CONTENT, 'why-python-dominates-ai.md'), 'utf8'));
		expect(fences.length).toBeGreaterThanOrEqual(3);
		fences.forEach((fence, i) => {
			const r = runCli(['code', 'why-python-dominates-ai', String(i + 1)]);
			expect(r.status).toBe(0);
			expect(r.stdout).toBe(`${fence.source}\n`);
		});
	});

	it('a block that does not exist: non-zero, and the message lists the blocks there are', () => {
		const r = runCli(['code', 'alpha', '99', shelf]);
		expect(r.status).not.toBe(0);
		expect(r.stdout).toBe('');
		expectCleanError(r.stderr);
		expect(r.stderr).toContain('99');
		expect(r.stderr).toMatch(/1 python/);
		expect(r.stderr).toMatch(/2 bash/);
	});

	it('a block number that is not a number is refused the same way', () => {
		const r = runCli(['code', 'alpha', 'two', shelf]);
		expect(r.status).not.toBe(0);
		expectCleanError(r.stderr);
		expect(r.stderr).toMatch(/1 python/);
	});

	it('code of an unknown slug suggests the close one', () => {
		const r = runCli(['code', 'gama', '1', shelf]);
		expect(r.status).toBe(1);
		expectCleanError(r.stderr);
		expect(r.stderr).toMatch(/Did you mean: .*\bgamma\b/);
	});
});

describe('the bare command and the folder argument', () => {
	it('with no TTY the bare command prints the list of the bundled shelf', () => {
		const bare = runCli([]);
		expect(bare.status).toBe(0);
		expect(bare.stdout).not.toContain('\x1b');
		expect(bare.stdout).toBe(runCli(['list']).stdout);
		expect([...listedSlugs(bare.stdout)].sort()).toEqual(articleSlugs(CONTENT));
	});

	it('with no TTY `inkshelf DIR` prints the list of DIR', () => {
		const r = runCli([shelf]);
		expect(r.status).toBe(0);
		expect(listedSlugs(r.stdout)).toEqual(['alpha', 'sub/beta', 'gamma']);
	});

	it('--dir DIR, -d DIR and a positional DIR are the same shelf', () => {
		const expected = runCli(['list', shelf]).stdout;
		expect(runCli(['list', '--dir', shelf]).stdout).toBe(expected);
		expect(runCli(['list', '-d', shelf]).stdout).toBe(expected);
		expect(runCli(['--dir', shelf]).stdout).toBe(expected);
		expect(runCli(['code', 'sub/beta', '1', '--dir', shelf]).stdout).toBe(`${BETA_BASH}\n`);
		expect(runCli(['read', 'gamma', '--dir', shelf]).stdout).toBe(runCli(['read', 'gamma', shelf]).stdout);
		expect(runCli(['tags', '--dir', shelf]).stdout).toBe(runCli(['tags', shelf]).stdout);
	});

	it('a relative DIR is resolved from the working directory', () => {
		const r = runCli(['list', 'shelf'], {cwd: root});
		expect(r.status).toBe(0);
		expect(listedSlugs(r.stdout)).toEqual(['alpha', 'sub/beta', 'gamma']);
	});

	it('giving the folder twice is a usage error', () => {
		const r = runCli(['list', shelf, '--dir', shelf]);
		expect(r.status).toBe(2);
		expect(r.stderr).not.toMatch(STACK_TRACE);
	});

	it.each([
		['list', ['list']], ['tags', ['tags']], ['categories', ['categories']], ['check', ['check']],
		['read alpha', ['read', 'alpha']], ['code alpha 1', ['code', 'alpha', '1']], ['(bare command)', []],
	] as [string, string[]][])('a missing folder: `%s DIR` exits non-zero with a clear message and no stack trace', (_name, args) => {
		const missing = path.join(root, 'does-not-exist');
		for (const argv of [[...args, missing], [...args, '--dir', missing]]) {
			const r = runCli(argv);
			expect(r.status).not.toBe(0);
			expect(r.status).not.toBeNull();
			expect(r.stdout).toBe('');
			expectCleanError(r.stderr);
			expect(r.stderr).toContain(missing);
			expect(r.stderr).toMatch(/no such|not found|does not exist|missing/i);
		}
	});
});

describe('check', () => {
	it('a clean shelf exits 0', () => {
		const r = runCli(['check', shelf]);
		expect(r.status).toBe(0);
		expect(r.stderr).toMatch(/3 articles, none broken/);
	});

	it('a shelf with a broken file exits 1 and names the file and the reason', () => {
		const r = runCli(['check', brokenShelf]);
		expect(r.status).toBe(1);
		expect(r.stdout).toContain('broken.md');
		expect(r.stdout).toMatch(/never closes/);
		expect(r.stderr).toMatch(/1 of 4 articles is broken/);
		expect(r.stderr).not.toMatch(STACK_TRACE);
	});
});

describe('an early-closed pipe (`inkshelf list | head -1`)', () => {
	let bulk = '';

	beforeAll(() => {
		// Enough output to fill a pipe several times: the CLI is surely still writing when the reader goes.
		bulk = path.join(root, 'bulk');
		mkdirSync(bulk, {recursive: true});
		for (let i = 0; i < 1_500; i++) {
			const day = String(1 + (i % 28)).padStart(2, '0');
			writeFileSync(path.join(bulk, `article-${String(i).padStart(4, '0')}.md`),
				`---\ntitle: Article number ${i} with a title long enough to fill the line\ndate: 2024-02-${day}\ntags: [bulk, t${i % 7}]\ncategory: Bulk\n---\nbody\n`);
		}
	});

	function closeAfterFirstChunk(args: string[]): Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string; first: string}> {
		return new Promise((resolve, reject) => {
			const child = spawn(process.execPath, [CLI, ...args], {env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe']});
			let stderr = '';
			let first = '';
			child.stderr.setEncoding('utf8');
			child.stderr.on('data', (chunk: string) => {
				stderr += chunk;
			});
			child.stdout.once('data', (chunk: Buffer) => {
				first = chunk.toString('utf8');
				// Like `head -1` exiting: the read end of the pipe goes away.
				child.stdout.destroy();
			});
			child.on('error', reject);
			child.on('close', (code, signal) => resolve({code, signal, stderr, first}));
		});
	}

	it.each([['list'], ['list', '--json'], ['tags']])('`%s` ends quietly: no EPIPE, no stack trace', async (...args) => {
		const r = await closeAfterFirstChunk([...args, bulk]);
		expect(r.first.length).toBeGreaterThan(0);
		expect(r.stderr).not.toContain('EPIPE');
		expect(r.stderr).not.toMatch(STACK_TRACE);
		expect(r.stderr).toBe('');
		expect(r.signal).toBeNull();
		expect(r.code).toBe(0);
	});

	it('`read` of a long article ends quietly too', async () => {
		const r = await closeAfterFirstChunk(['read', 'guides/postgres-field-guide']);
		expect(r.stderr).not.toContain('EPIPE');
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
	});
});
