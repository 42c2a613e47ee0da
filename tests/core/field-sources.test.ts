import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {FIELD_SOURCES} from '../../src/core/shelf/field-sources.js';
import {loadShelf} from '../../src/core/shelf/loader.js';
import {findArticle} from '../../src/core/shelf/catalog.js';
import {resolveShelfLink, shelfNames} from '../../src/core/shelf/shelf-links.js';
import type {Article} from '../../src/core/shelf/types.js';

interface Case {
	/** Files of a small shelf: path → content. */
	files: Record<string, string>;
	/** The article to look at. */
	slug: string;
	expected: Partial<Article>;
	/** Another name that finds the article. */
	alsoFoundAs?: string;
}

const yaml = (fm: string, body = 'Text.\n'): string => `---\n${fm}\n---\n${body}`;

/** One case per row of the field-source table, by its id: a row without a case fails below. */
const CASES: Record<string, Case> = {
	'title': {files: {'a.md': yaml('title: From front matter', '# From heading\n')}, slug: 'a', expected: {title: 'From front matter'}},
	'title-heading': {files: {'a.md': '```sh\n# not this\n```\n\n# From heading\n'}, slug: 'a', expected: {title: 'From heading'}},
	'title-file': {files: {'Night walks.md': 'No heading here.\n', 'b/2021-08-26-first-light/index.md': 'Text.\n'}, slug: 'b/2021-08-26-first-light', expected: {title: 'First light'}},
	'date': {files: {'a.md': yaml('pubDate: 2019-07-02 23:30:00 -0400')}, slug: 'a', expected: {date: '2019-07-02'}},
	'date-file': {files: {'_posts/2023-11-02-release.md': yaml('title: R')}, slug: '_posts/2023-11-02-release', expected: {date: '2023-11-02', title: 'R'}},
	'date-bundle': {files: {'blog/2021-08-26-welcome/index.md': yaml('title: W')}, slug: 'blog/2021-08-26-welcome', expected: {date: '2021-08-26'}},
	'updated': {files: {'a.md': yaml('last_update:\n  date: 2024-03-05T10:00:00+09:00\n  author: someone')}, slug: 'a', expected: {updated: '2024-03-05'}},
	'categories': {files: {'a.md': yaml('categories: web static-sites\ncategory: Notes')}, slug: 'a', expected: {categories: ['web', 'static-sites', 'Notes'], category: 'web'}},
	'categories-zola': {files: {'a.md': '+++\ntitle = "Z"\n[taxonomies]\ncategories = ["Systems", "Radio"]\n+++\nText.\n'}, slug: 'a', expected: {categories: ['Systems', 'Radio']}},
	'categories-folders': {files: {'site/_config.yml': 'title: x\n', 'site/news/_posts/2020-01-02-x.md': yaml('categories: [release]')}, slug: 'site/news/_posts/2020-01-02-x', expected: {categories: ['release', 'news']}},
	'tags': {files: {'a.md': yaml('tags:\n  - label: Release notes\n    permalink: /r\ntag: ruby static-sites')}, slug: 'a', expected: {tags: ['Release notes', 'ruby', 'static-sites']}},
	'tags-zola': {files: {'a.md': '+++\n[taxonomies]\ntags = ["debian", "gnome"]\n+++\nText.\n'}, slug: 'a', expected: {tags: ['debian', 'gnome']}},
	'tags-inline': {files: {'.obsidian/app.json': '{}', 'a.md': 'Filed under #garden and #garden/herbs, not `#code` or [#x](#y) or #123 or http://h/#frag.\n\n```\n#comment\n```\n'}, slug: 'a', expected: {tags: ['garden', 'garden/herbs']}},
	'authors': {files: {'a.md': yaml('authors:\n  - name: Ada Quill\n    title: Editor\n  - Ben Ode\nauthor: Cy Vale, Eli Moss and Fay Dune & Gil Pond')}, slug: 'a', expected: {authors: ['Ada Quill', 'Ben Ode', 'Cy Vale', 'Eli Moss', 'Fay Dune', 'Gil Pond']}},
	'authors-docusaurus': {files: {'blog/authors.yml': 'ada:\n  name: Ada Quill\n  title: Editor\n', 'blog/2022-01-01-x.md': yaml('authors: [ada]')}, slug: 'blog/2022-01-01-x', expected: {authors: ['Ada Quill']}},
	'authors-hugo': {files: {'a.md': '+++\ntitle = "H"\n[params]\nauthor = "Dee Hollow"\n+++\nText.\n'}, slug: 'a', expected: {authors: ['Dee Hollow']}},
	'description': {files: {'a.md': yaml('summary: In short.')}, slug: 'a', expected: {description: 'In short.'}},
	'description-marker': {files: {'a.md': yaml('title: M', 'Intro.\n\n<!--more-->\n\nRest.\n')}, slug: 'a', expected: {description: ''}},
	'cover': {files: {'a.md': yaml('cover:\n  image: /img/c.png\n  alt: x')}, slug: 'a', expected: {cover: '/img/c.png'}},
	'draft': {files: {'a.md': '{\n  "title": "J",\n  "draft": true\n}\nText.\n'}, slug: 'a', expected: {draft: true, title: 'J'}},
	'draft-published': {files: {'a.md': yaml('published: false')}, slug: 'a', expected: {draft: true}},
	'draft-folder': {files: {'_drafts/idea.md': 'An idea.\n'}, slug: '_drafts/idea', expected: {draft: true}},
	'aliases': {files: {'Moon.md': yaml('aliases:\n  - Luna\n  - Selene')}, slug: 'Moon', expected: {aliases: ['Luna', 'Selene'], tags: []}, alsoFoundAs: 'luna'},
	'slug': {files: {'posts/long-file-name.md': yaml('slug: short')}, slug: 'posts/long-file-name', expected: {slugAlias: 'short'}, alsoFoundAs: 'posts/short'},
	'slug-bundle': {files: {'trips/_index.md': '# Trips\n', 'trips/alps/index.md': '# Alps\n'}, slug: 'trips/alps', expected: {title: 'Alps'}, alsoFoundAs: 'trips/alps/index.md'},
};

const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});

async function shelfOf(files: Record<string, string>): Promise<Article[]> {
	const root = mkdtempSync(join(tmpdir(), 'inkshelf-fields-'));
	dirs.push(root);
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), {recursive: true});
		writeFileSync(join(root, path), text);
	}
	return (await loadShelf(root)).articles;
}

describe('field sources: one case per row of the table', () => {
	it('has a case for every row, and a row for every case', () => {
		expect(Object.keys(CASES).sort()).toEqual(FIELD_SOURCES.map(s => s.id).sort());
	});

	it.each(FIELD_SOURCES.map(s => [s.id, s.field] as const))('%s gives %s', async (id) => {
		const c = CASES[id];
		expect(c, `no case for ${id}`).toBeDefined();
		if (!c) return;
		const articles = await shelfOf(c.files);
		const article = articles.find(a => a.slug === c.slug);
		expect(article, `slugs: ${articles.map(a => a.slug).join(', ')}`).toBeDefined();
		expect(article?.error).toBeUndefined();
		expect(article?.problems).toEqual([]);
		expect(article).toMatchObject(c.expected);
		if (c.alsoFoundAs) expect(findArticle(articles, c.alsoFoundAs)?.slug).toBe(c.slug);
	});
});

describe('field sources: the section page and odd values', () => {
	it('reads #word as a tag only in an Obsidian vault (elsewhere it is `#include` or an issue number)', async () => {
		const text = 'Remove the unused #include line.\n\n[Section]: #section-anchor\n';
		expect((await shelfOf({'a.md': text})).find(a => a.slug === 'a')?.tags).toEqual([]);
		expect((await shelfOf({'.obsidian/app.json': '{}', 'notes/a.md': text})).find(a => a.slug === 'notes/a')?.tags).toEqual(['include']);
	});

	it.each([
		['Ana Rio and Bo Lin', ['Ana Rio', 'Bo Lin']],
		['The Rust and WebAssembly Working Group', ['The Rust and WebAssembly Working Group']],
		['The Docs Team, Ana Rio', ['The Docs Team', 'Ana Rio']],
	])('author "%s" is %j', async (author, authors) => {
		expect((await shelfOf({'a.md': yaml(`author: ${author}`)}))[0]?.authors).toEqual(authors);
	});

	it('lets links reach an article by its front-matter slug and a bundle by its index.md', async () => {
		const articles = await shelfOf({
			'posts/long-file-name.md': yaml('slug: short'), 'posts/alps/index.md': '# Alps\n', 'posts/from.md': 'x\n',
		});
		const names = shelfNames(articles);
		expect(resolveShelfLink('posts/from', 'short#part', names)).toEqual({kind: 'article', slug: 'posts/long-file-name', anchor: 'part'});
		expect(resolveShelfLink('posts/from', 'alps/index.md', names)).toEqual({kind: 'article', slug: 'posts/alps', anchor: null});
		expect(resolveShelfLink('posts/from', 'alps/', names)).toEqual({kind: 'article', slug: 'posts/alps', anchor: null});
		expect(resolveShelfLink('posts/from', 'nowhere', names)).toMatchObject({kind: 'missing'});
	});

	it('names a section _index.md by its folder', async () => {
		const articles = await shelfOf({'trips/_index.md': '# Trips\n', 'trips/alps/index.md': '# Alps\n'});
		expect(articles.map(a => a.slug).sort()).toEqual(['trips', 'trips/alps']);
	});

	it.each([
		['a date that is not a date', yaml('date: someday'), 'date "someday" is not a date (write it as YYYY-MM-DD)', {date: null}],
		['an unknown author key', yaml('authors: [ada, zed]'), 'unknown author key "zed" (not in authors.yml); shown as written', {authors: ['Ada Quill', 'zed']}],
		['draft as text', yaml('draft: maybe'), 'draft should be true or false; got "maybe", ignored', {draft: false}],
	])('%s: listed, with one warning on its line', async (_name, text, message, expected) => {
		const articles = await shelfOf({'blog/authors.yml': 'ada:\n  name: Ada Quill\n', 'blog/x.md': text});
		const article = articles.find(a => a.slug === 'blog/x');
		expect(article?.error).toBeUndefined();
		expect(article).toMatchObject(expected);
		expect(article?.problems).toEqual([{line: 2, column: 1, message}]);
	});
});
