/**
 * `inkshelf completion`: the bash script is sourced into a real bash, which
 * then completes command lines through it (COMP_WORDS/COMP_CWORD set, the
 * function called, COMPREPLY read back), calling the built inkshelf for the
 * shelf's names. zsh and fish are checked for what they offer.
 */
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {CLI, cliEnv, ensureBuilt, runCli} from './helpers/cli.js';

let bin: string;
let shelf: string;

beforeAll(() => {
	ensureBuilt();
	const root = mkdtempSync(path.join(tmpdir(), 'inkshelf-completion-'));
	bin = path.join(root, 'bin');
	mkdirSync(bin);
	// `inkshelf` on PATH, as an installed copy would be.
	writeFileSync(path.join(bin, 'inkshelf'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`);
	chmodSync(path.join(bin, 'inkshelf'), 0o755);
	shelf = path.join(root, 'shelf');
	mkdirSync(path.join(shelf, 'guides'), {recursive: true});
	writeFileSync(path.join(shelf, 'alpha.md'), '---\ntitle: Alpha\ntags: [python, testing]\ncategory: Programming\n---\nA.\n');
	writeFileSync(path.join(shelf, 'guides', 'postgres.md'), '---\ntitle: Postgres\ntags: [sql, python]\ncategory: Databases\n---\nP.\n');
	writeFileSync(path.join(shelf, 'guides', 'pytest.md'), '---\ntitle: Pytest\ntags: [testing]\ncategory: Programming\n---\nT.\n');
});

/** What bash completes for `line` (the cursor at its end; a trailing space starts a new word). */
function complete(line: string): string[] {
	const words = line.split(' ');
	const script = [
		'eval "$(inkshelf completion bash)"',
		`COMP_WORDS=(${words.map(w => `'${w}'`).join(' ')})`,
		`COMP_CWORD=${words.length - 1}`,
		`COMP_LINE='${line}'`,
		'COMPREPLY=()',
		'_inkshelf',
		'printf "%s\\n" "${COMPREPLY[@]}"',
	].join('\n');
	const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
		cwd: shelf, encoding: 'utf8', timeout: 30_000,
		env: cliEnv({PATH: `${bin}:${process.env['PATH'] ?? ''}`}),
	});
	expect(r.stderr).toBe('');
	expect(r.status).toBe(0);
	return r.stdout.split('\n').filter(Boolean).sort();
}

describe('bash completion, run in bash', () => {
	it('completes commands and folders first', () => {
		expect(complete('inkshelf c')).toEqual(['categories', 'check', 'code', 'completion', 'config']);
		expect(complete('inkshelf gu')).toEqual(['guides']);
	});

	it('completes options', () => {
		expect(complete('inkshelf list --ca')).toEqual(['--category']);
		expect(complete('inkshelf --th')).toEqual(['--theme']);
		expect(complete('inkshelf --theme ')).toEqual(['auto', 'dark', 'light', 'mono']);
	});

	it('completes slugs for read and code, from the shelf of --dir', () => {
		expect(complete(`inkshelf read --dir ${shelf} `)).toEqual(['alpha', 'guides/postgres', 'guides/pytest']);
		expect(complete(`inkshelf code --dir ${shelf} guides/p`)).toEqual(['guides/postgres', 'guides/pytest']);
		// The block number after the slug is not a slug.
		expect(complete(`inkshelf code --dir ${shelf} alpha `)).not.toContain('alpha');
	});

	it('completes tags and categories from the shelf', () => {
		expect(complete(`inkshelf list -d ${shelf} --tag `)).toEqual(['python', 'sql', 'testing']);
		expect(complete(`inkshelf list --dir ${shelf} --category Pro`)).toEqual(['Programming']);
	});

	it('uses the shelf from the config file when no --dir is given', () => {
		const home = mkdtempSync(path.join(tmpdir(), 'inkshelf-completion-config-'));
		mkdirSync(path.join(home, 'inkshelf'));
		writeFileSync(path.join(home, 'inkshelf', 'config.yaml'), `shelves: ${JSON.stringify(shelf)}\n`);
		const r = runCli(['_complete', 'slugs'], {env: {XDG_CONFIG_HOME: home}});
		expect(r.stdout.split('\n').filter(Boolean)).toEqual(['alpha', 'guides/postgres', 'guides/pytest']);
	});

	it('completes the shell names of completion', () => {
		expect(complete('inkshelf completion ')).toEqual(['bash', 'fish', 'zsh']);
	});
});

const has = (shell: string): boolean => spawnSync(shell, ['-c', 'exit 0']).status === 0;

/** Runs `script` in `shell` with `inkshelf` on PATH, in the shelf folder; its output lines. */
function runShell(shell: string, args: string[]): string[] {
	const r = spawnSync(shell, args, {cwd: shelf, encoding: 'utf8', timeout: 30_000, env: cliEnv({PATH: `${bin}:${process.env['PATH'] ?? ''}`})});
	expect(r.stderr).toBe('');
	return r.stdout.split('\n').filter(Boolean);
}

describe.skipIf(!has('fish'))('fish completion, run in fish', () => {
	it('completes commands, themes, slugs and tags', () => {
		const c = (line: string): string[] => runShell('fish', ['--no-config', '-c', `inkshelf completion fish | source; complete -C'${line}'`]).map(l => l.split('\t')[0] as string).sort();
		expect(c('inkshelf co')).toEqual(['code', 'completion', 'config']);
		expect(c('inkshelf --theme ')).toEqual(['auto', 'dark', 'light', 'mono']);
		expect(c(`inkshelf read -d ${shelf} `)).toEqual(['alpha', 'guides/postgres', 'guides/pytest']);
		expect(c(`inkshelf list --dir ${shelf} --tag `)).toEqual(['python', 'sql', 'testing']);
	});
});

describe.skipIf(!has('zsh'))('zsh completion, its function run in zsh', () => {
	it('offers commands, slugs and tags (compadd stood in for by a function that prints what it is given)', () => {
		const c = (words: string[]): string[] => runShell('zsh', ['-f', '-c', [
			'compdef() {}',
			'_files() { print -r -- FOLDERS }',
			'compadd() { local a; for a in "$@"; do [[ $a == -- ]] && continue; [[ $a == ${PREFIX}* ]] && print -r -- $a; done }',
			'source <(inkshelf completion zsh)',
			`words=(${words.map(w => `'${w}'`).join(' ')}); CURRENT=${words.length}; PREFIX='${words.at(-1)}'`,
			'_inkshelf',
		].join('\n')]).sort();
		expect(c(['inkshelf', 'co'])).toEqual(['FOLDERS', 'code', 'completion', 'config']);
		expect(c(['inkshelf', 'read', '--dir', shelf, ''])).toEqual(['alpha', 'guides/postgres', 'guides/pytest']);
		expect(c(['inkshelf', 'list', '--dir', shelf, '--category', ''])).toEqual(['Databases', 'Programming']);
	});
});

describe('completion scripts', () => {
	it('zsh and fish offer the same commands, options and shelf names', () => {
		for (const shell of ['zsh', 'fish']) {
			const r = runCli(['completion', shell]);
			expect(r.status).toBe(0);
			for (const word of ['list', 'read', 'code', 'search', '--tag', '--category', '--theme', '_complete slugs', '_complete tags', '_complete categories']) {
				expect(r.stdout, `${shell}: ${word}`).toContain(word.startsWith('--') && shell === 'fish' ? `-l ${word.slice(2)}` : word);
			}
		}
		expect(runCli(['completion', 'zsh']).stdout).toMatch(/^#compdef inkshelf\n/);
	});

	it('an unknown shell is a usage error', () => {
		const r = runCli(['completion', 'tcsh']);
		expect(r.status).toBe(2);
		expect(r.stderr).toBe('inkshelf: no completion for "tcsh": inkshelf completion bash|zsh|fish\n');
		expect(runCli(['completion']).status).toBe(2);
	});

	it('_complete prints nothing on stderr even with a broken config file', () => {
		const home = mkdtempSync(path.join(tmpdir(), 'inkshelf-completion-bad-'));
		mkdirSync(path.join(home, 'inkshelf'));
		writeFileSync(path.join(home, 'inkshelf', 'config.yaml'), 'theme: [\n');
		const r = runCli(['_complete', 'tags', shelf], {env: {XDG_CONFIG_HOME: home}});
		expect(r.stderr).toBe('');
		expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual(['python', 'sql', 'testing']);
	});
});
