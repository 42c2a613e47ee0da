/** `inkshelf -`, `inkshelf FILE.md` and `read PATH`, piped: they print the article as `read` does. */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI, REPO, cliEnv, ensureBuilt, runCli, STACK_TRACE} from './helpers/cli.js';

function withInput(args: string[], input: string): {status: number | null; stdout: string; stderr: string} {
	const r = spawnSync(process.execPath, [CLI, ...args], {cwd: REPO, env: cliEnv({NO_COLOR: '1'}), input, encoding: 'utf8', timeout: 30_000});
	return {status: r.status, stdout: r.stdout, stderr: r.stderr};
}

let dir = '';
beforeAll(() => {
	ensureBuilt();
	dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-document-'));
	writeFileSync(path.join(dir, 'post.md'), '---\ntitle: A Post\ndate: 2026-01-02\n---\n\n# A post!\n\nBody with [a link](https://www.example.org/x).\n');
	writeFileSync(path.join(dir, 'other.md'), '# Other\n\nx\n');
});
afterAll(() => {
	if (dir) rmSync(dir, {recursive: true, force: true});
});

describe('standard input', () => {
	it("printf '# T\\n\\nhello' | inkshelf - prints the rendered text", () => {
		const r = withInput(['-'], '# T\n\nhello');
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toBe('T\n1 min read\n\nhello\n');
	});

	it('read - does the same, front matter and links included', () => {
		const r = withInput(['read', '-', '--width', '60'], '---\ntitle: Piped\n---\n\nSee [the docs](https://docs.example.com/a/b).\n');
		expect(r.status).toBe(0);
		expect(r.stdout).toBe('Piped\n1 min read\n\nSee the docs [docs.example.com].\n');
	});

	it('empty input is a clear message, not a crash', () => {
		const r = withInput(['-'], ' \n');
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/^inkshelf: standard input is empty/);
		expect(r.stderr).not.toMatch(STACK_TRACE);
	});
});

describe('a file argument', () => {
	it('inkshelf FILE.md, piped, prints the article without repeating its title', () => {
		const r = runCli([path.join(dir, 'post.md')], {env: {NO_COLOR: '1'}});
		expect(r.status).toBe(0);
		expect(r.stdout).toBe('A Post\n2026-01-02 · 1 min read\n\nBody with a link [example.org].\n');
	});

	it('read PATH prints it too, relative to the working folder', () => {
		const r = runCli(['read', 'post.md'], {cwd: dir, env: {NO_COLOR: '1'}});
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('Body with a link [example.org]');
	});

	it('read SLUG DIR still reads a slug', () => {
		const r = runCli(['read', 'other', dir], {env: {NO_COLOR: '1'}});
		expect(r.status).toBe(0);
		expect(r.stdout).toBe('Other\n1 min read\n\nx\n');
	});
});
