/**
 * A shelf from a git repository: a shallow clone with the system `git` in the
 * cache folder, read like any folder. Later runs open the clone at once and
 * fetch in the background; what was fetched is checked out on the next run
 * (or right away with `--update`), so files never change under a running app.
 * git is always spawned directly (never through a shell), with the URL as one
 * argument after `--`, and never prompts.
 */
import {spawn} from 'node:child_process';
import {closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import type {GitSource} from '../shelf/index.js';

export class GitShelfError extends Error {}

export interface GitShelfOptions {
	env: NodeJS.ProcessEnv;
	/** Wait for the fetch and read what it brought (`--update`). */
	update: boolean;
	/** One-line progress for a person waiting ("Cloning …"). */
	progress?: (message: string) => void;
}

export interface GitShelf {
	/** The folder to read. */
	dir: string;
	/** Something to say on the status line when the app opens (an offline copy). */
	notice: string | null;
	/** The background fetch: resolves with a message for the status line, or null when there is nothing to say. */
	background: Promise<string | null> | null;
}

/** Where clones live: `$XDG_CACHE_HOME/inkshelf/git`. */
export function gitCacheRoot(env: NodeJS.ProcessEnv): string {
	const base = env['XDG_CACHE_HOME'] && path.isAbsolute(env['XDG_CACHE_HOME']) ? env['XDG_CACHE_HOME'] : path.join(env['HOME'] || homedir(), '.cache');
	return path.join(base, 'inkshelf', 'git');
}

/** Protocols git may use, whatever a repository or a redirect asks for (`ext::` runs commands). */
const SAFE_CONFIG = [
	'-c', 'protocol.allow=never', '-c', 'protocol.https.allow=always', '-c', 'protocol.ssh.allow=always', '-c', 'protocol.file.allow=always',
	// A stalled connection ends instead of hanging the start-up.
	'-c', 'http.lowSpeedLimit=1000', '-c', 'http.lowSpeedTime=30',
];

function gitEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return {
		...env,
		GIT_TERMINAL_PROMPT: '0',
		GCM_INTERACTIVE: 'never',
		GIT_SSH_COMMAND: env['GIT_SSH_COMMAND'] ?? 'ssh -o BatchMode=yes -o ConnectTimeout=20',
	};
}

interface GitRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

const CLONE_TIMEOUT_MS = 180_000;

function git(args: string[], env: NodeJS.ProcessEnv, timeoutMs = CLONE_TIMEOUT_MS): Promise<GitRun> {
	return new Promise((resolve, reject) => {
		const child = spawn('git', [...SAFE_CONFIG, ...args], {env: gitEnv(env), stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => void (stdout += d.toString('utf8')));
		child.stderr.on('data', (d: Buffer) => void (stderr += d.toString('utf8')));
		const timer = setTimeout(() => {
			stderr += `\ngit timed out after ${timeoutMs / 1000} s`;
			child.kill('SIGTERM');
		}, timeoutMs);
		child.on('error', (error: NodeJS.ErrnoException) => {
			clearTimeout(timer);
			reject(error.code === 'ENOENT' ? new GitShelfError('reading a shelf from a git URL needs git, and git is not installed (not found on PATH)') : error);
		});
		child.on('close', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
	});
}

type Failure = 'ref' | 'network' | 'repo' | 'other';

/** What git's complaint means, so each case gets one clear sentence. */
export function classifyGitError(stderr: string): Failure {
	if (/Remote branch .* not found|couldn't find remote ref|not found in upstream/i.test(stderr)) return 'ref';
	if (/Could not resolve host|Network is unreachable|Connection timed out|Connection refused|timed out|Temporary failure in name resolution|Failed to connect|No route to host/i.test(stderr)) return 'network';
	if (/Repository not found|does not appear to be a git repository|not found|could not read Username|Authentication failed|Permission denied|terminal prompts disabled|Could not read from remote repository|does not exist/i.test(stderr)) return 'repo';
	return 'other';
}

function firstLine(stderr: string): string {
	const lines = stderr.split('\n').map(l => l.replace(/^(?:fatal|error): /, '').trim()).filter(Boolean);
	return (lines.find(l => !/^Cloning into/.test(l)) ?? 'git failed').slice(0, 200);
}

function failureMessage(kind: Failure, src: GitSource, stderr: string): string {
	switch (kind) {
		case 'ref': return `${src.spec}: no branch or tag "${src.ref ?? ''}" in ${src.url}`;
		case 'network': return `${src.spec}: cannot reach the repository (offline?): ${firstLine(stderr)}`;
		case 'repo': return `${src.spec}: no such repository, or it is private (a private one needs your SSH key or git credential helper): ${src.url}`;
		case 'other': return `${src.spec}: git failed: ${firstLine(stderr)}`;
	}
}

async function cloneInto(src: GitSource, dir: string, env: NodeJS.ProcessEnv): Promise<void> {
	const tmp = `${path.dirname(dir)}/.tmp-${path.basename(dir)}-${process.pid}-${Date.now()}`;
	const branch = src.ref ? ['--branch', src.ref] : [];
	const r = await git(['clone', '--quiet', '--depth', '1', '--single-branch', '--no-tags', ...branch, '--', src.url, tmp], env);
	if (r.code !== 0) {
		rmSync(tmp, {recursive: true, force: true});
		throw new GitShelfError(failureMessage(classifyGitError(r.stderr), src, r.stderr));
	}
	try {
		renameSync(tmp, dir);
	} catch (error) {
		// Another inkshelf cloned the same repository meanwhile: theirs is as good.
		rmSync(tmp, {recursive: true, force: true});
		if (!existsSync(path.join(dir, '.git'))) throw error;
	}
}

const LATEST = 'refs/inkshelf/latest';

function fetchArgs(src: GitSource, dir: string): string[] {
	return ['-C', dir, 'fetch', '--quiet', '--depth', '1', '--no-tags', 'origin', `+${src.ref ?? 'HEAD'}:${LATEST}`];
}

/** Checks out what the last fetch brought, when it differs from what is checked out. Returns whether it did. */
async function applyLatest(dir: string, env: NodeJS.ProcessEnv): Promise<boolean> {
	const r = await git(['-C', dir, 'rev-parse', 'HEAD', `${LATEST}^{commit}`], env, 30_000);
	const [head, latest] = r.stdout.trim().split('\n');
	if (r.code !== 0 || !latest || head === latest) return false;
	const c = await git(['-C', dir, 'checkout', '--quiet', '--force', '--detach', LATEST], env, 60_000);
	return c.code === 0;
}

async function lastCommitAge(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
	const r = await git(['-C', dir, 'log', '-1', '--format=%cr'], env, 30_000);
	return r.code === 0 && r.stdout.trim() ? `last commit ${r.stdout.trim()}` : 'an earlier copy';
}

/** Fetches without holding the app: git runs on its own (it finishes even after inkshelf quits) and logs to a file. */
function backgroundFetch(src: GitSource, dir: string, env: NodeJS.ProcessEnv): Promise<string | null> {
	const log = path.join(dir, '.git', 'inkshelf-fetch.log');
	return new Promise(resolve => {
		let fd: number;
		try {
			fd = openSync(log, 'w');
		} catch {
			resolve(null);
			return;
		}
		const child = spawn('git', [...SAFE_CONFIG, ...fetchArgs(src, dir)], {env: gitEnv(env), stdio: ['ignore', 'ignore', fd], detached: true});
		closeSync(fd);
		child.unref();
		child.on('error', () => resolve(null));
		child.on('close', code => {
			if (code === 0) {
				void git(['-C', dir, 'rev-parse', 'HEAD', LATEST], env, 30_000).then(r => {
					const [head, latest] = r.stdout.trim().split('\n');
					resolve(head && latest && head !== latest ? `${src.spec} has changed: the new version opens next time (or now with --update)` : null);
				}, () => resolve(null));
				return;
			}
			const stderr = existsSync(log) ? readFileSync(log, 'utf8') : '';
			const kind = classifyGitError(stderr);
			void lastCommitAge(dir, env).then(age => resolve(kind === 'network'
				? `Offline: showing the cached copy of ${src.spec} (${age})`
				: `Could not update ${src.spec}, showing the cached copy: ${failureMessage(kind, src, stderr)}`));
		});
	});
}

/** The folder inside the clone, checked to exist and to stay inside it (a symlink may point anywhere). */
function subFolder(src: GitSource, clone: string): string {
	if (src.sub === '') return clone;
	const wanted = path.join(clone, ...src.sub.split('/'));
	let real = '';
	try {
		real = realpathSync(wanted);
	} catch {
		real = '';
	}
	const root = realpathSync(clone);
	if (!real || !statSync(real).isDirectory() || (real !== root && !real.startsWith(root + path.sep))) {
		const top = readdirSync(clone, {withFileTypes: true}).filter(d => d.isDirectory() && !d.name.startsWith('.')).map(d => d.name).slice(0, 8);
		throw new GitShelfError(`${src.spec}: no folder "${src.sub}" in the repository${src.ref ? ` at ${src.ref}` : ''}${top.length ? ` (folders at the top: ${top.join(', ')})` : ''}`);
	}
	return real;
}

export async function openGitShelf(src: GitSource, opts: GitShelfOptions): Promise<GitShelf> {
	const root = gitCacheRoot(opts.env);
	mkdirSync(root, {recursive: true});
	const clone = path.join(root, src.cacheName);
	if (!existsSync(path.join(clone, '.git'))) {
		rmSync(clone, {recursive: true, force: true});
		opts.progress?.(`Cloning ${src.spec}…`);
		await cloneInto(src, clone, opts.env);
		return {dir: subFolder(src, clone), notice: null, background: null};
	}
	if (!opts.update) {
		await applyLatest(clone, opts.env);
		return {dir: subFolder(src, clone), notice: null, background: backgroundFetch(src, clone, opts.env)};
	}
	opts.progress?.(`Updating ${src.spec}…`);
	const r = await git(fetchArgs(src, clone), opts.env);
	let notice: string | null = null;
	if (r.code !== 0) {
		const kind = classifyGitError(r.stderr);
		notice = kind === 'network'
			? `Offline: showing the cached copy of ${src.spec} (${await lastCommitAge(clone, opts.env)})`
			: `Could not update, showing the cached copy: ${failureMessage(kind, src, r.stderr)}`;
	}
	await applyLatest(clone, opts.env);
	return {dir: subFolder(src, clone), notice, background: null};
}
