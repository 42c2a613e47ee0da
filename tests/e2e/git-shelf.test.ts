/**
 * Shelves from git, end to end with the real system git and the built CLI: a
 * bare repository made here, read through file:// URLs, cloned into a private
 * XDG cache.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt, runCli, STACK_TRACE} from '../helpers/cli.js';
import {parseGitSpec} from '../../src/core/shelf/git-source.js';
import {gitCacheRoot, openGitShelf} from '../../src/core/system/git-shelf.js';

const HAS_GIT = spawnSync('git', ['--version']).status === 0;
const GIT_ENV = {
	GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com',
	GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(cwd: string, ...args: string[]): string {
	const r = spawnSync('git', args, {cwd, encoding: 'utf8', env: {...process.env, ...GIT_ENV}});
	if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
	return r.stdout;
}

const article = (title: string): string => `---\ntitle: ${title}\ndate: 2026-01-02\ncategory: Handbook\n---\n\nSome text about ${title}.\n`;

describe.skipIf(!HAS_GIT)('shelves from git (file:// repositories)', () => {
	let root = '';
	let bare = '';
	let work = '';
	let url = '';

	function commit(file: string, text: string, message: string): void {
		mkdirSync(path.dirname(path.join(work, file)), {recursive: true});
		writeFileSync(path.join(work, file), text);
		git(work, 'add', '-A');
		git(work, 'commit', '-q', '-m', message);
		git(work, 'push', '-q', 'origin', 'HEAD:main');
	}

	const cache = (): string => mkdtempSync(path.join(root, 'cache-'));
	const cli = (args: string[], cacheHome: string, extra: Record<string, string> = {}) => runCli(args, {env: {XDG_CACHE_HOME: cacheHome, ...GIT_ENV, ...extra}});

	beforeAll(() => {
		ensureBuilt();
		root = mkdtempSync(path.join(tmpdir(), 'inkshelf-git-'));
		bare = path.join(root, 'handbook.git');
		work = path.join(root, 'work');
		git(root, 'init', '-q', '--bare', '-b', 'main', bare);
		git(root, 'clone', '-q', bare, work);
		git(work, 'checkout', '-q', '-b', 'main');
		commit('welcome.md', article('Welcome'), 'first');
		commit('docs/setup.md', article('Setting up'), 'docs');
		git(work, 'tag', 'v1');
		git(work, 'push', '-q', 'origin', 'v1');
		url = pathToFileURL(bare).href;
	});

	afterAll(() => {
		if (root) rmSync(root, {recursive: true, force: true});
	});

	it('clones once into $XDG_CACHE_HOME/inkshelf/git and reads it like a folder', () => {
		const home = cache();
		const r = cli(['list', url], home);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('welcome');
		expect(r.stdout).toContain('docs/setup');
		const clones = readdirSync(path.join(home, 'inkshelf', 'git'));
		expect(clones).toHaveLength(1);
		// Shallow: one commit of history.
		expect(git(path.join(home, 'inkshelf', 'git', clones[0] as string), 'rev-list', '--count', 'HEAD').trim()).toBe('1');
	});

	it('a later run reads the cached copy, even when the repository is gone (offline)', async () => {
		const home = cache();
		const copy = path.join(root, 'moving.git');
		git(root, 'clone', '-q', '--bare', bare, copy);
		const movingUrl = pathToFileURL(copy).href;
		expect(cli(['list', movingUrl], home).status).toBe(0);
		rmSync(copy, {recursive: true, force: true});
		const r = cli(['list', movingUrl], home);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('welcome');
		// --update says it could not reach the repository, and still opens the copy.
		const u = cli(['list', '--update', movingUrl], home);
		expect(u.status).toBe(0);
		expect(u.stdout).toContain('welcome');
		expect(u.stderr).toMatch(/showing the cached copy/);
		// In the app, the background fetch's failure becomes the status line.
		const shelf = await openGitShelf(parseGitSpec(movingUrl), {env: {...process.env, XDG_CACHE_HOME: home}, update: false});
		expect(await shelf.background).toMatch(/showing the cached copy/);
	});

	it('--update waits for the fetch; without it the new version shows on the run after the background fetch', async () => {
		const home = cache();
		const copy = path.join(root, 'growing.git');
		git(root, 'clone', '-q', '--bare', bare, copy);
		const growingUrl = pathToFileURL(copy).href;
		expect(cli(['list', growingUrl], home).stdout).not.toContain('news');
		const other = path.join(root, 'growing-work');
		git(root, 'clone', '-q', copy, other);
		writeFileSync(path.join(other, 'news.md'), article('News'));
		git(other, 'add', '-A');
		git(other, 'commit', '-q', '-m', 'news');
		git(other, 'push', '-q', 'origin', 'HEAD:main');

		const env = {...process.env, ...GIT_ENV, XDG_CACHE_HOME: home};
		const later = await openGitShelf(parseGitSpec(growingUrl), {env, update: false});
		expect(existsSync(path.join(later.dir, 'news.md'))).toBe(false);
		expect(await later.background).toMatch(/has changed: the new version opens next time/);
		expect(cli(['list', growingUrl], home).stdout).toContain('news');

		writeFileSync(path.join(other, 'later.md'), article('Later'));
		git(other, 'add', '-A');
		git(other, 'commit', '-q', '-m', 'later');
		git(other, 'push', '-q', 'origin', 'HEAD:main');
		const u = cli(['list', '--update', growingUrl], home);
		expect(u.status).toBe(0);
		expect(u.stdout).toContain('later');
	});

	it('a tag, and a folder inside the repository', async () => {
		const home = cache();
		expect(cli(['list', `${url}@v1`], home).stdout).toContain('docs/setup');
		const shelf = await openGitShelf({...parseGitSpec(url), sub: 'docs'}, {env: {...process.env, XDG_CACHE_HOME: home}, update: false});
		expect(readdirSync(shelf.dir)).toEqual(['setup.md']);
		await shelf.background;
	});

	it.each<[string, (u: string) => string[], RegExp, Record<string, string>?]>([
		['a branch or tag that does not exist', u => ['list', `${u}@no-such-branch`], /no branch or tag "no-such-branch"/],
		['a repository that does not exist', u => ['list', u.replace('handbook.git', 'nothing-here.git')], /no such repository/],
		['no git on PATH', u => ['list', u], /needs git, and git is not installed/, {PATH: '/nonexistent'}],
		['an ext:: URL', () => ['list', 'ext::sh -c touch% /tmp/inkshelf-pwned'], /only https/],
		['http (not encrypted)', () => ['list', 'http://example.com/a/b.git'], /use https/],
	])('%s: one clear line, exit 1', (_name, args, message, extra = {}) => {
		const home = cache();
		const argv = args(url);
		const r = cli(argv, home, extra.PATH ? {PATH: extra.PATH} : {});
		expect(r.status).not.toBe(0);
		expect(r.stderr).toMatch(message);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).not.toMatch(STACK_TRACE);
		expect(existsSync('/tmp/inkshelf-pwned')).toBe(false);
	});

	it('a folder that does not exist in the repository', async () => {
		const home = cache();
		await expect(openGitShelf({...parseGitSpec(url), sub: 'nope'}, {env: {...process.env, XDG_CACHE_HOME: home}, update: false}))
			.rejects.toThrow(/no folder "nope" in the repository \(folders at the top: docs\)/);
	});

	it('the cache root follows XDG_CACHE_HOME', () => {
		expect(gitCacheRoot({XDG_CACHE_HOME: '/x/cache'})).toBe('/x/cache/inkshelf/git');
		expect(gitCacheRoot({HOME: '/home/me'})).toBe('/home/me/.cache/inkshelf/git');
	});
});
