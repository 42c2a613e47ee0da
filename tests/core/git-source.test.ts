import {describe, expect, it} from 'vitest';
import {GitSourceError, isGitSpec, parseGitSpec} from '../../src/core/shelf/git-source.js';
import {classifyGitError} from '../../src/core/system/git-shelf.js';

describe('parseGitSpec', () => {
	it.each<[string, string, string | null, string]>([
		['github:acme/handbook', 'https://github.com/acme/handbook.git', null, ''],
		['github:acme/handbook@v2', 'https://github.com/acme/handbook.git', 'v2', ''],
		['github:acme/handbook/docs/guides@release/2.0', 'https://github.com/acme/handbook.git', 'release/2.0', 'docs/guides'],
		['github:acme/handbook.git/docs/', 'https://github.com/acme/handbook.git', null, 'docs'],
		['https://gitlab.com/acme/handbook', 'https://gitlab.com/acme/handbook', null, ''],
		['https://gitlab.com/acme/handbook.git@main', 'https://gitlab.com/acme/handbook.git', 'main', ''],
		['https://me@git.example.com:8443/acme/handbook.git', 'https://me@git.example.com:8443/acme/handbook.git', null, ''],
		['git@github.com:acme/handbook.git', 'git@github.com:acme/handbook.git', null, ''],
		['git@github.com:acme/handbook.git@v1.2', 'git@github.com:acme/handbook.git', 'v1.2', ''],
		['ssh://git@host/acme/handbook.git', 'ssh://git@host/acme/handbook.git', null, ''],
		['file:///tmp/x/repo.git', 'file:///tmp/x/repo.git', null, ''],
		['file:///tmp/x/repo.git@feature-1', 'file:///tmp/x/repo.git', 'feature-1', ''],
	])('%s', (spec, url, ref, sub) => {
		const s = parseGitSpec(spec);
		expect({url: s.url, ref: s.ref, sub: s.sub}).toEqual({url, ref, sub});
		expect(s.cacheName).toMatch(/^[A-Za-z0-9_.-]+-[0-9a-f]{12}$/);
	});

	it.each([
		['ext::sh -c touch% /tmp/pwned', /only https/],
		['ext::ls', /only https/],
		['http://example.com/a/b.git', /use https/],
		['fd::17', /only https/],
		['ftp://example.com/repo', /only https/],
		['github:acme/handbook@--upload-pack=evil', /not a branch or tag/],
		['github:acme/handbook/../../etc', /not a folder inside/],
		['github:acme', /github:owner\/repo/],
		['github:ac me/x', /spaces/],
		['https://host/a/b.git?x=1', /no \?query/],
		['https://u:secret@host/a/b.git', /passwords/],
		['file://otherhost/repo', /local path/],
		['git@host:-oProxyCommand=x', /not a repository path/],
		['https://host/repo@-x', /not a branch or tag/],
	])('refuses %s', (spec, message) => {
		expect(() => parseGitSpec(spec)).toThrow(GitSourceError);
		expect(() => parseGitSpec(spec)).toThrow(message);
	});

	it('the same URL and ref share one clone; another ref gets its own', () => {
		expect(parseGitSpec('github:a/b/docs').cacheName).toBe(parseGitSpec('github:a/b').cacheName);
		expect(parseGitSpec('github:a/b@v1').cacheName).not.toBe(parseGitSpec('github:a/b').cacheName);
	});

	it.each([
		['github:a/b', true], ['git@h:a/b.git', true], ['https://h/a/b', true], ['file:///x', true], ['ext::x', true],
		['notes', false], ['./notes', false], ['/home/me/notes', false], ['C:\\notes', false], ['my:notes', false],
	] as const)('isGitSpec(%j) is %s', (spec, want) => {
		expect(isGitSpec(spec)).toBe(want);
	});
});

describe('classifyGitError', () => {
	it.each([
		['warning: Could not find remote branch nope to clone.\nfatal: Remote branch nope not found in upstream origin', 'ref'],
		["fatal: couldn't find remote ref refs/heads/nope", 'ref'],
		["fatal: unable to access 'https://github.com/a/b.git/': Could not resolve host: github.com", 'network'],
		["fatal: could not read Username for 'https://github.com': terminal prompts disabled", 'repo'],
		["fatal: '/tmp/nope.git' does not appear to be a git repository", 'repo'],
		['remote: Repository not found.', 'repo'],
		['fatal: something odd', 'other'],
	])('%s → %s', (stderr, kind) => {
		expect(classifyGitError(stderr)).toBe(kind);
	});
});
