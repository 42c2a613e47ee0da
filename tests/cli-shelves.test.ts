/**
 * The built command line on the dialect fixture shelves: `list --json` carries
 * the fields issue 11 names, the filters match any value, and odd fields are
 * warnings, never broken articles.
 */
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {REPO, ensureBuilt, runCli} from './helpers/cli.js';

const fixture = (name: string): string => path.join(REPO, 'tests', 'fixtures', 'dialects', name);
const json = (args: string[]): Record<string, unknown>[] => {
	const r = runCli(args);
	expect(r.stderr).toBe('');
	expect(r.status).toBe(0);
	return JSON.parse(r.stdout) as Record<string, unknown>[];
};

beforeAll(() => ensureBuilt());

describe('list --json on a dialect shelf', () => {
	it('gives exactly the fields issue 11 lists (and the reading time)', () => {
		const items = json(['list', '--json', fixture('hugo')]);
		const tide = items.find(i => i.slug === 'content/posts/tide-tables');
		expect(tide).toEqual({
			slug: 'content/posts/tide-tables', title: 'Reading Tide Tables', date: '2023-11-02', updated: '2024-01-15',
			categories: ['Seamanship', 'Guides'], category: 'Seamanship', tags: ['tides', 'charts'], authors: ['Mara Quay'],
			draft: false, description: 'How to read the numbers before you leave the quay.', cover: '',
			path: path.join(fixture('hugo'), 'content', 'posts', 'tide-tables.md'), readingMinutes: 1,
		});
		const lighthouse = items.find(i => i.slug === 'content/posts/lighthouse-keeping');
		expect(lighthouse).toMatchObject({draft: true, cover: 'lamp.jpg', path: path.join(fixture('hugo'), 'content', 'posts', 'lighthouse-keeping', 'index.md')});
		const home = items.find(i => i.slug === 'content');
		expect(home).toMatchObject({categories: [], category: 'Uncategorized', date: null, authors: []});
	});

	it('--author, --category and --tag match any of an article\'s values, ignoring case; --no-drafts leaves drafts out', () => {
		const slugs = (args: string[]): unknown[] => json(['list', '--json', ...args]).map(i => i.slug);
		expect(slugs(['--author', 'ida CRUMB', fixture('mixed')])).toEqual(['guides/bread', 'guides/soup']);
		expect(slugs(['--category', 'preserving', fixture('mixed')])).toEqual(['notes/pickles']);
		expect(slugs(['--category', 'Kitchen', fixture('mixed')])).toEqual(['guides/bread', 'guides/soup', 'notes/pickles']);
		expect(slugs(['--tag', '#Bread', fixture('mixed')])).toEqual(['guides/bread', 'guides/soup', 'notes/pickles']);
		expect(slugs(['--no-drafts', fixture('jekyll')])).toEqual(['_posts/2023-11-02-kettle-release', 'releases/_posts/2023-10-01-kettle-rc']);
	});

	it('authors lists each author with a count', () => {
		const r = runCli(['authors', fixture('docusaurus')]);
		expect(r.status).toBe(0);
		expect(r.stdout).toBe('   1  Guest Writer\n   1  nobody-here\n   1  Tomás Fjord\n   2  Wren Atlas\n');
	});

	it('reads an article by its front-matter slug and by its bundle path', () => {
		expect(runCli(['read', 'content/notes/knots-101', fixture('hugo')]).stdout).toMatch(/^Three Knots Worth Knowing\n.*by Olin Reef/);
		expect(runCli(['read', 'content/posts/lighthouse-keeping/index.md', fixture('hugo')]).stdout).toMatch(/^Lighthouse Keeping\ndraft · 2022-06-30/);
	});
});

describe('check on a dialect shelf', () => {
	it('reports a bad date and an unknown author key as warnings with file and line, and exits 0', () => {
		const mixed = runCli(['check', fixture('mixed')]);
		expect(mixed.status).toBe(0);
		expect(mixed.stdout).toBe('notes/broken-date.md:3:1: warning: date "next tuesday" is not a date (write it as YYYY-MM-DD)\n');
		const docusaurus = runCli(['check', fixture('docusaurus')]);
		expect(docusaurus.status).toBe(0);
		expect(docusaurus.stdout).toContain('blog/2022-05-01-unknown-author.md:3:1: warning: unknown author key "nobody-here"');
	});
});
