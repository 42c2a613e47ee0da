import {describe, expect, it} from 'vitest';
import {anchorLine, githubSlug, headingText, resolveLink, slugger} from '../../src/core/shelf/links.js';

describe('githubSlug', () => {
	// Cases from github-slugger's fixtures (what GitHub does), plus a few of ours.
	it.each([
		['alpha', 'alpha'],
		['bravoCharlieDelta', 'bravocharliedelta'],
		['heading with a - dash', 'heading-with-a---dash'],
		['heading with an _ underscore', 'heading-with-an-_-underscore'],
		['heading with a period.txt', 'heading-with-a-periodtxt'],
		['exchange.bind_headers(exchange, routing [, bindCallback])', 'exchangebind_headersexchange-routing--bindcallback'],
		[' a ', '-a-'],
		['apostrophe’s should be trimmed', 'apostrophes-should-be-trimmed'],
		['I ♥ unicode', 'i--unicode'],
		['en–dash', 'endash'],
		['😄 unicode emoji', '-unicode-emoji'],
		['😄-😄 unicode emoji', '--unicode-emoji'],
		['😄_😄 unicode emoji', '_-unicode-emoji'],
		[':ok_hand: Single', 'ok_hand-single'],
		['Привет non-latin 你好', 'привет-non-latin-你好'],
		['Straße & Größe', 'straße--größe'],
		['What’s new in v22.3.0?', 'whats-new-in-v2230'],
		['C++ & C#: a comparison', 'c--c-a-comparison'],
		['Ⓐ circled', 'ⓐ-circled'],
		['tab\there', 'tabhere'],
		['100% sure!', '100-sure'],
	])('%j → %j', (text, slug) => {
		expect(githubSlug(text)).toBe(slug);
	});

	it('numbers duplicates the way GitHub does', () => {
		const s = slugger();
		const inputs = ['echo', 'echo', 'echo 1', 'echo-1', 'echo', 'foxtrot-1', 'foxtrot', 'foxtrot', '__proto__', '__proto__', 'constructor'];
		expect(inputs.map(i => s.slug(i))).toEqual(['echo', 'echo-1', 'echo-1-1', 'echo-1-2', 'echo-2', 'foxtrot-1', 'foxtrot', 'foxtrot-2', '__proto__', '__proto__-1', 'constructor']);
		s.reset();
		expect(s.slug('echo')).toBe('echo');
	});
});

describe('headingText', () => {
	it.each([
		['Using `pd.read_csv()`', 'Using pd.read_csv()'],
		['See [the docs](other.md#x) and ![logo](a.png)', 'See the docs and logo'],
		['**Bold** and _em_ and __init__', 'Bold and em and init'],
		['max_connections', 'max_connections'],
		['Tom &amp; Jerry &#33;', 'Tom & Jerry !'],
		['A <kbd>Ctrl</kbd> key', 'A Ctrl key'],
		['Escaped \\*stars\\*', 'Escaped *stars*'],
	])('%j → %j', (markdown, text) => {
		expect(headingText(markdown)).toBe(text);
	});

	it('finds the line of a heading by anchor, duplicates and case included', () => {
		const headings = [{text: 'Setup', line: 0}, {text: 'Usage', line: 10}, {text: 'Setup', line: 20}, {text: 'The `--flag` option', line: 30}];
		expect(anchorLine(headings, 'setup')).toBe(0);
		expect(anchorLine(headings, 'setup-1')).toBe(20);
		expect(anchorLine(headings, '#Usage')).toBe(10);
		expect(anchorLine(headings, 'the---flag-option')).toBe(30);
		expect(anchorLine(headings, 'nope')).toBeNull();
	});
});

describe('resolveLink', () => {
	const slugs = new Set(['guides/intro', 'guides/setup', 'guides/deep/dive', 'notes/my note', 'index', 'guides/index', 'top']);

	it.each([
		['guides/intro', 'setup.md', {kind: 'article', slug: 'guides/setup', anchor: null}],
		['guides/intro', 'setup', {kind: 'article', slug: 'guides/setup', anchor: null}],
		['guides/intro', './setup.md', {kind: 'article', slug: 'guides/setup', anchor: null}],
		['guides/intro', 'setup.MD#install-it', {kind: 'article', slug: 'guides/setup', anchor: 'install-it'}],
		['guides/intro', 'deep/dive.md#a%20b', {kind: 'article', slug: 'guides/deep/dive', anchor: 'a b'}],
		['guides/deep/dive', '../intro.md', {kind: 'article', slug: 'guides/intro', anchor: null}],
		['guides/deep/dive', '../../top.md', {kind: 'article', slug: 'top', anchor: null}],
		['guides/deep/dive', '/top.md', {kind: 'article', slug: 'top', anchor: null}],
		['guides/intro', '../notes/my%20note.md', {kind: 'article', slug: 'notes/my note', anchor: null}],
		['guides/intro', 'setup.md?plain=1#x', {kind: 'article', slug: 'guides/setup', anchor: 'x'}],
		['guides/intro', './', {kind: 'article', slug: 'guides/index', anchor: null}],
		['guides/intro', '../', {kind: 'article', slug: 'index', anchor: null}],
		['guides/intro', '#usage', {kind: 'anchor', anchor: 'usage'}],
		['guides/intro', '#', {kind: 'anchor', anchor: ''}],
		['guides/intro', 'intro.md#usage', {kind: 'anchor', anchor: 'usage'}],
		['guides/intro', 'missing.md', {kind: 'missing', target: 'guides/missing'}],
		['guides/intro', 'image.png', {kind: 'missing', target: 'guides/image.png'}],
		['guides/intro', '../../etc/passwd', {kind: 'missing', target: '../../etc/passwd'}],
		['top', '../top.md', {kind: 'missing', target: '../top.md'}],
		['guides/intro', 'bad%zz.md', {kind: 'missing', target: 'bad%zz.md'}],
		['guides/intro', 'https://example.com/a?b#c', {kind: 'external', url: 'https://example.com/a?b#c'}],
		['guides/intro', 'HTTP://EXAMPLE.COM', {kind: 'external', url: 'HTTP://EXAMPLE.COM'}],
		['guides/intro', 'mailto:me@example.com', {kind: 'external', url: 'mailto:me@example.com'}],
		['guides/intro', '  https://example.com  ', {kind: 'external', url: 'https://example.com'}],
		['guides/intro', 'javascript:alert(1)', {kind: 'inert', href: 'javascript:alert(1)'}],
		['guides/intro', 'JaVaScRiPt:alert(1)', {kind: 'inert', href: 'JaVaScRiPt:alert(1)'}],
		['guides/intro', 'java\tscript:alert(1)', {kind: 'inert', href: 'java script:alert(1)'}],
		['guides/intro', 'data:text/html,<b>x</b>', {kind: 'inert', href: 'data:text/html,<b>x</b>'}],
		['guides/intro', 'file:///etc/passwd', {kind: 'inert', href: 'file:///etc/passwd'}],
		['guides/intro', 'vbscript:x', {kind: 'inert', href: 'vbscript:x'}],
		['guides/intro', '//evil.example/x', {kind: 'inert', href: '//evil.example/x'}],
		['guides/intro', 'C:\\Windows\\notes.md', {kind: 'inert', href: 'C:\\Windows\\notes.md'}],
		['guides/intro', 'https://exa mple.com', {kind: 'inert', href: 'https://exa mple.com'}],
		['guides/intro', 'https://example.com/\u202egnp.exe', {kind: 'inert', href: 'https://example.com/<U+202E>gnp.exe'}],
		['guides/intro', '', {kind: 'inert', href: ''}],
	])('from %s: %j', (from, href, expected) => {
		expect(resolveLink(from, href, slugs)).toEqual(expected);
	});
});
