import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {decodeSnapshot, encodeSnapshot} from '../../src/core/index/snapshot.js';
import {decodeFirstScreen, PENDING} from '../../src/core/index/first-screen.js';
import {buildIndex} from '../../src/core/shelf/catalog.js';
import {libraryGroups, withRecent} from '../../src/core/shelf/groups.js';
import type {Article} from '../../src/core/shelf/index.js';

const root = path.join(path.sep, 'shelves', 'notes');
const TAGS = ['rust', 'go', 'sql', 'css', 'Rust', 'ops'];

/** A shelf with shared dates, undated and broken articles, drafts scattered through it and odd groups. */
function shelf(n: number, draftEvery = 9, brokenEvery = 97): Article[] {
	return Array.from({length: n}, (_, i): Article => {
		const broken = i % brokenEvery === 5;
		return {
			slug: `t${i % 7}/a${i}`, path: path.join(root, `t${i % 7}`, `a${i}.md`), title: `${['Zed', 'alpha', 'Beta', 'item 10', 'item 9'][i % 5]} ${i}`,
			date: broken || i % 13 === 0 ? null : `2024-0${1 + (i % 9)}-${10 + (i % 17)}`, updated: null,
			categories: i % 4 ? [`Cat ${i % 4}`] : [], category: i % 4 ? `Cat ${i % 4}` : 'Uncategorized', tags: [TAGS[i % 6] as string, TAGS[(i * 7) % 6] as string],
			authors: i % 3 ? [] : ['Ann'], draft: i % draftEvery === 1, aliases: [], slugAlias: null, excerptSeparator: null, description: `About ${i}`, cover: '',
			readingMinutes: 1 + (i % 4), body: '', bodyLine: 3, problems: [], ...(broken ? {error: 'frontmatter never closes'} : {}),
		};
	});
}

function bothWays(articles: Article[]) {
	const parts = encodeSnapshot({shelf: {root, articles, skipped: []}, ids: articles.map((_, i) => i + 1), folders: [root], vaults: []});
	const part = (n: number): string | null => parts[n] ?? null;
	return {parts, first: decodeFirstScreen(part, root), whole: decodeSnapshot(part, root)};
}

const shape = (groups: ReturnType<typeof libraryGroups>): [string, string, number][] => groups.map(g => [g.kind, g.name, g.articles.length]);

describe('the first screen of a second start', () => {
	it('has every group, count and order of the whole shelf, and real articles wherever a first screen can look', () => {
		const {first, whole} = bothWays(shelf(1500));
		expect(first).not.toBeNull();
		const [a, b] = [buildIndex(first?.shelf.articles ?? []), buildIndex(whole?.shelf.articles ?? [])];
		expect(shape(libraryGroups(a))).toEqual(shape(libraryGroups(b)));
		expect(first?.ids).toEqual(whole?.ids);
		expect(first?.folders).toEqual(whole?.folders);
		// The first 200 not drafts, in order, are the whole shelf's, and so is every draft and broken article anywhere.
		let shown = 0;
		a.all.forEach((got, k) => {
			const want = b.all[k] as Article;
			if (shown < 200 || want.draft || want.error !== undefined) expect(got).toEqual(want);
			else expect(got).toBe(PENDING);
			if (!want.draft) shown++;
		});
		// Every group's list holds the same real articles at the same places, stand-ins elsewhere.
		libraryGroups(a).forEach((g, i) => g.articles.forEach((got, k) => {
			if (got !== PENDING) expect(got).toEqual(libraryGroups(b)[i]?.articles[k]);
		}));
		expect(Object.isFrozen(PENDING)).toBe(true);
	});

	it('agrees with the whole shelf at every size around a screen, and with drafts or broken articles everywhere', () => {
		for (const [n, draftEvery, brokenEvery] of [[0, 9, 97], [1, 9, 97], [199, 9, 97], [200, 9, 97], [201, 2, 3], [450, 2, 5], [700, 1000, 1000]] as const) {
			const {first, whole} = bothWays(shelf(n, draftEvery, brokenEvery));
			expect(first, `${n} articles`).not.toBeNull();
			const [a, b] = [buildIndex(first?.shelf.articles ?? []), buildIndex(whole?.shelf.articles ?? [])];
			expect(shape(libraryGroups(a))).toEqual(shape(libraryGroups(b)));
			a.all.forEach((got, k) => expect(got === PENDING || JSON.stringify(got) === JSON.stringify(b.all[k])).toBe(true));
			expect(a.all.filter(x => x.draft)).toHaveLength(b.all.filter(x => x.draft).length);
			expect(a.all.filter(x => x.error)).toHaveLength(b.all.filter(x => x.error).length);
		}
	});

	it('counts the recently read as the whole shelf does, wherever they are and whether or not they exist', () => {
		const articles = shelf(1500);
		const {first, whole} = bothWays(articles);
		const recent = ['t4/a1299', 't0/a0', 'gone/away', 't2/a800', 't5/a5'];
		first?.placeSlugs(recent);
		const [a, b] = [withRecent(libraryGroups(buildIndex(first?.shelf.articles ?? [])), recent), withRecent(libraryGroups(buildIndex(whole?.shelf.articles ?? [])), recent)];
		expect(a[1]?.kind).toBe('recent');
		expect(a[1]?.articles.map(x => x.slug)).toEqual(b[1]?.articles.map(x => x.slug));
		expect(a[1]?.articles).toHaveLength(4);
		expect(shape(a)).toEqual(shape(b));
	});

	it('is left out when drafts and broken articles are too many to make first, and for an older or damaged snapshot', () => {
		expect(bothWays(shelf(5000, 2)).first).toBeNull();
		const {parts, whole} = bothWays(shelf(300));
		expect(whole).not.toBeNull();
		const screen = (JSON.parse(parts[0] as string) as {screen: number}).screen;
		expect(screen).toBeGreaterThan(0);
		expect(decodeFirstScreen(n => (n === screen ? '{"positions": [1], "columns": ' : parts[n] ?? null), root)).toBeNull();
		expect(decodeFirstScreen(n => (n === screen ? null : parts[n] ?? null), root)).toBeNull();
		expect(decodeFirstScreen(n => (n === 0 ? (parts[0] as string).replace('"shape":7', '"shape":6') : parts[n] ?? null), root)).toBeNull();
		expect(decodeFirstScreen(n => parts[n] ?? null, path.join(root, 'other'))).toBeNull();
	});
});
