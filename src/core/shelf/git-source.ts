/**
 * A shelf named by a git URL instead of a folder: what the person typed, as
 * the one URL git is given, the branch or tag, and a folder inside the
 * repository. Pure: nothing here touches git or the disk.
 */
import {createHash} from 'node:crypto';

export interface GitSource {
	/** What was typed, for titles and messages. */
	spec: string;
	/** The URL handed to git (one argument, after `--`). */
	url: string;
	/** Branch or tag; null for the repository's default branch. */
	ref: string | null;
	/** A folder inside the repository ('' for its root), with `/` separators. */
	sub: string;
	/** A file-system-safe name for the clone, unique per URL and ref. */
	cacheName: string;
}

export class GitSourceError extends Error {}

/** Looks like a git URL (a scheme, `git@`, `github:`): a folder name never does. */
export function isGitSpec(text: string): boolean {
	return /^(?:github:|git@|[a-z][a-z0-9+.-]*::|[a-z][a-z0-9+.-]+:\/\/)/i.test(text);
}

const NAME = /^[A-Za-z0-9_.-]+$/;
const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$/;

/** A branch or tag name git would accept, and nothing an option parser could take for a flag. */
function checkRef(ref: string, spec: string): string {
	if (!/^[A-Za-z0-9_][A-Za-z0-9_./+-]*$/.test(ref) || ref.includes('..') || ref.endsWith('.lock') || ref.endsWith('/') || ref.endsWith('.')) {
		throw new GitSourceError(`"${ref}" is not a branch or tag name (in ${spec})`);
	}
	return ref;
}

function checkSub(sub: string, spec: string): string {
	const parts = sub.split('/').filter(p => p !== '' && p !== '.');
	if (parts.some(p => p === '..' || /[\u0000-\u001f\u007f\\]/.test(p))) throw new GitSourceError(`"${sub}" is not a folder inside the repository (in ${spec})`);
	return parts.join('/');
}

function cacheNameFor(url: string, ref: string | null, readable: string): string {
	const hash = createHash('sha256').update(`${url}\0${ref ?? ''}`).digest('hex').slice(0, 12);
	const name = readable.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 60);
	return `${name || 'repo'}-${hash}`;
}

function source(spec: string, url: string, ref: string | null, sub: string, readable: string): GitSource {
	return {spec, url, ref, sub, cacheName: cacheNameFor(url, ref, readable)};
}

/**
 * `github:owner/repo[/sub/folder][@ref]`, `https://host/owner/repo(.git)`,
 * `ssh://…`, `git@host:owner/repo.git` and `file:///path/repo(.git)`. An
 * `@ref` may end any of them. Every other scheme (`http:`, `ext::`, `fd::`…)
 * is refused: some of them make git run commands.
 */
export function parseGitSpec(spec: string): GitSource {
	const text = spec.trim();
	const transport = /^([a-z][a-z0-9+.-]*)::/i.exec(text);
	if (transport) throw new GitSourceError(`only https://, ssh://, git@host:path, github: and file:// repositories can be read, not ${transport[1]}::`);
	if (/[\s\u0000-\u001f\u007f]/.test(text)) throw new GitSourceError(`a git URL cannot hold spaces or control characters: ${JSON.stringify(spec)}`);
	if (text.startsWith('-')) throw new GitSourceError(`not a git URL: ${spec}`);

	const github = /^github:([^/@]+)\/([^/@]+)((?:\/[^@]*)?)(?:@(.+))?$/i.exec(text);
	if (github) {
		const [, owner = '', repoRaw = '', sub = '', ref] = github;
		const repo = repoRaw.replace(/\.git$/, '');
		if (!NAME.test(owner) || !NAME.test(repo)) throw new GitSourceError(`write it as github:owner/repo[/folder][@ref], not ${spec}`);
		return source(spec, `https://github.com/${owner}/${repo}.git`, ref === undefined ? null : checkRef(ref, spec), checkSub(sub, spec), `github-${owner}-${repo}`);
	}

	if (/^github:/i.test(text)) throw new GitSourceError(`write it as github:owner/repo[/folder][@ref], not ${spec}`);

	const scp = /^git@([A-Za-z0-9.-]+):([^@]+?)(?:@([^@/:]+))?$/.exec(text);
	if (scp) {
		const [, host = '', path = '', ref] = scp;
		if (!/^[A-Za-z0-9_./-]+$/.test(path) || path.startsWith('-') || path.split('/').includes('..')) throw new GitSourceError(`not a repository path: ${spec}`);
		return source(spec, `git@${host}:${path}`, ref === undefined ? null : checkRef(ref, spec), '', `${host}-${path}`);
	}

	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase() ?? '';
	if (scheme !== 'https' && scheme !== 'ssh' && scheme !== 'file') {
		const hint = scheme === 'http' ? ' (http is not encrypted: use https)' : '';
		throw new GitSourceError(`only https://, ssh://, git@host:path, github: and file:// repositories can be read, not ${scheme ? `${scheme}:` : spec}${hint}`);
	}
	// A ref after the last path segment: `https://host/o/r.git@v2`. An `@` before the path is a user name.
	const at = text.lastIndexOf('@');
	const slash = text.lastIndexOf('/');
	const hasRef = at > slash;
	const url = hasRef ? text.slice(0, at) : text;
	const ref = hasRef ? checkRef(text.slice(at + 1), spec) : null;
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new GitSourceError(`not a valid URL: ${spec}`);
	}
	if (parsed.search || parsed.hash) throw new GitSourceError(`a repository URL has no ?query or #fragment: ${spec}`);
	if (scheme === 'file') {
		if (parsed.host !== '' && parsed.host !== 'localhost') throw new GitSourceError(`file:// URLs name a local path (file:///path/to/repo), not ${spec}`);
		return source(spec, url, ref, '', `file-${decodeURIComponent(parsed.pathname)}`);
	}
	if (!HOST.test(parsed.host) || parsed.pathname.length <= 1) throw new GitSourceError(`not a repository URL: ${spec}`);
	if (parsed.password) throw new GitSourceError('leave passwords out of the URL: git asks your credential helper or SSH agent instead');
	return source(spec, url, ref, '', `${parsed.hostname}-${parsed.pathname}`);
}
