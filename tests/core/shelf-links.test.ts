import {describe, expect, it} from 'vitest';
import {resolveShelfLink, shelfNames} from '../../src/core/shelf/shelf-links.js';
import {backlinkIndex} from '../../src/core/shelf/related.js';
import {checkShelf} from '../../src/core/shelf/check.js';
import {article} from '../helpers/articles.js';

const vault = [
	article('Daily/2024-01-02'),
	article('Notes/Three Laws', {body: '# Three Laws\n\n## First law\n'}),
	article('Archive/Three Laws'),
	article('Topics/Artificial Intelligence', {aliases: ['AI']}),
	article('_posts/2023-10-01-older', {path: '/shelf/_posts/2023-10-01-older.markdown'}),
	article('plugins/cache'),
	article('blog/bundle', {path: '/shelf/blog/bundle/index.md'}),
];
const names = shelfNames(vault);

describe('following dialect links', () => {
	it.each([
		['a wikilink by note name, case-insensitive, nearest first', 'Notes/x', 'wiki:three laws', {kind: 'article', slug: 'Notes/Three Laws', anchor: null}],
		['a wikilink from elsewhere picks the shallowest, then by name', 'Daily/x', 'wiki:Three Laws', {kind: 'article', slug: 'Archive/Three Laws', anchor: null}],
		['a wikilink with a folder', 'Daily/x', 'wiki:Notes/Three Laws.md', {kind: 'article', slug: 'Notes/Three Laws', anchor: null}],
		['a heading, as its anchor', 'Daily/x', 'wiki:Notes/Three Laws#First law', {kind: 'article', slug: 'Notes/Three Laws', anchor: 'first-law'}],
		['a heading of the same note', 'Daily/x', 'wiki:#Set up', {kind: 'anchor', anchor: 'set-up'}],
		['a block reference opens the note', 'Daily/x', 'wiki:Notes/Three Laws#^abc', {kind: 'article', slug: 'Notes/Three Laws', anchor: null}],
		['an alias', 'Daily/x', 'wiki:ai', {kind: 'article', slug: 'Topics/Artificial Intelligence', anchor: null}],
		['an embed', 'Daily/x', 'embed:2024-01-02', {kind: 'article', slug: 'Daily/2024-01-02', anchor: null}],
		['a missing note', 'Daily/x', 'wiki:Nowhere', {kind: 'missing', target: 'Nowhere'}],
		['Jekyll post_url by file name', 'x', 'site:2023-10-01-older', {kind: 'article', slug: '_posts/2023-10-01-older', anchor: null}],
		['Jekyll link by path, with an anchor', 'x', 'site:_posts/2023-10-01-older.markdown#top', {kind: 'article', slug: '_posts/2023-10-01-older', anchor: 'top'}],
		['Hugo relref from the content root', 'blog/x', 'site:/plugins/cache.md', {kind: 'article', slug: 'plugins/cache', anchor: null}],
		['a page bundle by its folder', 'x', 'site:blog/bundle', {kind: 'article', slug: 'blog/bundle', anchor: null}],
		['ordinary links as before', 'plugins/x', 'cache.md', {kind: 'article', slug: 'plugins/cache', anchor: null}],
	])('%s', (_name, from, href, expected) => {
		expect(resolveShelfLink(from, href, names)).toEqual(expected);
	});
});

describe('backlinks and check count dialect links', () => {
	const shelf = [
		article('a', {body: 'See [[B]] and [c]({% link c.md %}).\n'}),
		article('b', {body: '{{< ref "c" >}} and [[Nowhere]]\n\n:::tip\nopen\n', bodyLine: 4}),
		article('c'),
	];
	it('lists wikilinks, Liquid links and shortcode refs as backlinks', () => {
		const index = backlinkIndex(shelf);
		expect(index.get('b')?.map(a => a.slug)).toEqual(['a']);
		expect(index.get('c')?.map(a => a.slug)).toEqual(['a', 'b']);
	});
	it('warns about open markup and links to nothing, with file lines, and breaks nothing', () => {
		expect(checkShelf({root: '/shelf', articles: shelf, skipped: []})).toEqual({
			lines: ['b.md:4: warning: wikilink to "Nowhere": no such article on the shelf', 'b.md:6: warning: admonition :::tip is never closed with :::'],
			broken: 0,
		});
	});
});
