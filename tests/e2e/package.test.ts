/**
 * `npx inkshelf` on a fresh machine: the package tarball, installed into an
 * empty project, brings no dependencies (everything is bundled) and runs.
 *
 * The tarball is packed from a copy of the repository (node_modules linked,
 * not copied): `npm pack` runs `prepare`, which deletes and rebuilds dist/,
 * and doing that in the repository itself would pull dist/cli.js away from
 * the other test files that run at the same time.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CONTENT, REPO, STACK_TRACE, articleSlugs} from '../helpers/cli.js';

const TIMEOUT = 120_000;
const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {version: string}).version;

/** npm with the environment of a plain shell: no npm_* settings leaked from an outer `npm test`, no prompts. */
function npmEnv(cache: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NODE_OPTIONS' || k === 'NO_COLOR' || k === 'FORCE_COLOR') continue;
		env[k] = v;
	}
	return {
		...env,
		// A cache of its own, as on a machine that never ran npm before.
		npm_config_cache: cache,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_yes: 'false',
		npm_config_loglevel: 'error',
	};
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): {status: number | null; stdout: string; stderr: string} {
	const r = spawnSync(cmd, args, {cwd, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: TIMEOUT});
	if (r.error) throw r.error;
	return {status: r.status, stdout: r.stdout, stderr: r.stderr};
}

function listedSlugs(stdout: string): string[] {
	return stdout.trimEnd().split('\n').map(line => line.split(/\s{2,}/)[1] ?? '');
}

describe('the package tarball', () => {
	let work = '';
	let tarball = '';
	let packed: {files: {path: string}[]} | undefined;
	let project = '';
	let env: NodeJS.ProcessEnv = {};

	beforeAll(() => {
		work = mkdtempSync(path.join(tmpdir(), 'inkshelf-pack-'));
		env = npmEnv(path.join(work, 'npm-cache'));

		const copy = path.join(work, 'repo');
		cpSync(REPO, copy, {
			recursive: true,
			filter: src => {
				const rel = path.relative(REPO, src).split(path.sep);
				return !['node_modules', 'dist', '.git', '.scratch', '.vitest-cache'].includes(rel[0] ?? '') && !src.endsWith('.tgz');
			},
		});
		symlinkSync(path.join(REPO, 'node_modules'), path.join(copy, 'node_modules'), 'dir');

		const dest = path.join(work, 'tarballs');
		mkdirSync(dest);
		const pack = run('npm', ['pack', '--json', '--pack-destination', dest], copy, env);
		if (pack.status !== 0) throw new Error(`npm pack failed (${pack.status}):\n${pack.stderr}`);
		// `prepare` prints the build line before npm's JSON.
		const json = pack.stdout.slice(pack.stdout.indexOf('['));
		const [info] = JSON.parse(json) as [{filename: string; files: {path: string}[]}];
		packed = info;
		tarball = path.join(dest, info.filename);

		project = path.join(work, 'fresh-project');
		mkdirSync(project);
		const init = run('npm', ['init', '-y'], project, env);
		if (init.status !== 0) throw new Error(`npm init failed:\n${init.stderr}`);
		const install = run('npm', ['install', '--no-audit', '--no-fund', tarball], project, env);
		if (install.status !== 0) throw new Error(`npm install failed (${install.status}):\n${install.stderr}`);
	}, TIMEOUT);

	afterAll(() => {
		if (work) rmSync(work, {recursive: true, force: true});
	});

	it('holds the bundle, its licences and the articles, and no sources or tests', () => {
		expect(existsSync(tarball)).toBe(true);
		// What is really in the archive, not what npm says it put there.
		const entries = execFileSync('tar', ['-tzf', tarball], {encoding: 'utf8'}).trim().split('\n').map(e => e.replace(/^package\//, ''));
		expect(entries).toContain('package.json');
		expect(entries).toContain('dist/cli.js');
		expect(entries).toContain('dist/THIRD_PARTY_LICENSES.md');
		expect(entries).toContain('content/why-python-dominates-ai.md');
		for (const slug of articleSlugs(CONTENT)) expect(entries).toContain(`content/${slug}.md`);
		expect(entries.filter(e => /^(src|tests)\//.test(e))).toEqual([]);
		expect(entries.filter(e => e.startsWith('node_modules/'))).toEqual([]);
		expect(packed?.files.map(f => f.path).sort()).toEqual([...entries].sort());
	}, TIMEOUT);

	it('installs with no runtime dependencies: node_modules holds only inkshelf', () => {
		const modules = readdirSync(path.join(project, 'node_modules')).filter(name => name !== '.bin');
		expect(modules.sort()).toEqual(['.package-lock.json', 'inkshelf']);
		const lock = JSON.parse(readFileSync(path.join(project, 'package-lock.json'), 'utf8')) as {packages: Record<string, unknown>};
		expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/inkshelf']);
		const installed = JSON.parse(readFileSync(path.join(project, 'node_modules', 'inkshelf', 'package.json'), 'utf8')) as Record<string, unknown>;
		expect(installed.version).toBe(VERSION);
		expect(installed.dependencies ?? {}).toEqual({});
	}, TIMEOUT);

	it('node_modules/.bin/inkshelf list lists every bundled article', () => {
		const r = run(path.join(project, 'node_modules', '.bin', 'inkshelf'), ['list'], project, env);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(listedSlugs(r.stdout).sort()).toEqual(articleSlugs(CONTENT));
	}, TIMEOUT);

	it('npx --no-install inkshelf --version prints the version, and npx … list lists every article', () => {
		const version = run('npx', ['--no-install', 'inkshelf', '--version'], project, env);
		expect(version.stderr).not.toMatch(STACK_TRACE);
		expect(version.status).toBe(0);
		expect(version.stdout).toBe(`${VERSION}\n`);

		const list = run('npx', ['--no-install', 'inkshelf', 'list'], project, env);
		expect(list.status).toBe(0);
		expect(listedSlugs(list.stdout).sort()).toEqual(articleSlugs(CONTENT));
	}, TIMEOUT);

	it('the installed copy reads and copies from its own bundled content', () => {
		const bin = path.join(project, 'node_modules', '.bin', 'inkshelf');
		const read = run(bin, ['read', 'why-python-dominates-ai', '--width', '60'], project, {...env, NO_COLOR: '1'});
		expect(read.status).toBe(0);
		expect(read.stdout).toContain('Why Python Dominates');
		const code = run(bin, ['code', 'why-python-dominates-ai', '1'], project, env);
		expect(code.status).toBe(0);
		expect(code.stdout).toContain('import pandas as pd');
	}, TIMEOUT);
});
