import {beforeAll, describe, expect, it} from 'vitest';
import {createSearchIndex, findInText, fuzzyFilter, ShelfSearch} from '../../src/core/search/shelf-search.js';
import {indexTokens, plainLines, queryTokens} from '../../src/core/search/text.js';
import type {Article} from '../../src/core/shelf/types.js';
import {indexedSearch} from '../helpers/indexed-search.js';

function article(slug: string, fields: Partial<Article> = {}): Article {
	return {
		slug, path: `/shelf/${slug}.md`, title: slug, date: null, tags: [], category: 'Uncategorized',
		description: '', cover: '', readingMinutes: 1, body: '', bodyLine: 1, problems: [],
		updated: null, categories: [], authors: [], draft: false, aliases: [], slugAlias: null, excerptSeparator: null, ...fields,
	};
}

const longLine = `${'lorem ipsum dolor '.repeat(12)}the needle sits here ${'sit amet consectetur '.repeat(12)}`;

const shelf: Article[] = [
	article('security/xz', {
		title: 'The xz backdoor', tags: ['security', 'linux'], category: 'Security',
		body: '# What happened\n\nA maintainer slipped a backdoor into liblzma.\n\nTracked as **CVE-2024-3094**, fixed in 5.6.2.\n',
	}),
	article('security/other-cve', {title: 'Another advisory', body: 'This one is CVE-2024-3095, a different bug.\n'}),
	article('node/memory', {
		title: 'Node.js memory limits', tags: ['node'], category: 'Ops',
		body: 'Raise the heap:\n\n```sh\nnode --max-old-space-size=4096 app.js\n```\n\nFixed for good in v22.3.0 of Node.\n',
	}),
	article('python/pandas', {
		title: 'Loading data with pandas', tags: ['python', 'data'], category: 'Guides',
		body: 'Read a file:\n\n```python\nimport pandas as pd\ndf = pd.read_csv("sales.csv")\n```\n',
	}),
	article('db/postgres', {
		title: 'Tuning Postgres', tags: ['database'], category: 'Ops',
		body: 'Defaults are small.\n\nSet `max_connections` to 200 in postgresql.conf, then restart.\n',
	}),
	article('python/start', {title: 'Python', category: 'Guides', body: 'Start here.\n'}),
	article('python/packaging', {title: 'Python packaging in depth', tags: ['python'], body: 'Python wheels. Python sdists. Python everywhere.\n'}),
	article('misc/notes', {title: 'Assorted notes', body: 'python python python python python: this text mentions python a lot.\n'}),
	article('misc/charts', {title: 'Deplot charts', body: 'Plotting.\n'}),
	article('misc/friday', {title: 'Friday rules', body: 'We never deploy on a Friday.\n'}),
	article('misc/links', {
		title: 'Link syntax', body: 'Read [the manual](https://example.com/hiddenpath "Hidden title").\n\n```haskell\nmain = pure ()\n```\n',
	}),
	article('misc/unicode', {title: 'Straßen', body: 'Über die Größe von Straßen.\n\n日本語 テキスト\n'}),
	article('misc/long', {title: 'Long lines', body: `intro\n\n${longLine}\n`}),
	article('misc/escape', {title: 'Escapes', body: 'an \x1b[31mescaped\x1b[0m word\n'}),
	article('broken', {title: 'broken-notes.md', error: 'binary file', body: 'secretword secretword\n'}),
];

const memoryIndex = createSearchIndex(shelf);

// The persistent index (SQLite FTS5, on disk) must find and rank as the in-memory one does.
describe.each([
	['in memory', async (): Promise<ShelfSearch> => memoryIndex],
	['persistent index', async (): Promise<ShelfSearch> => (await indexedSearch(shelf)).search],
])('shelf search, %s', (_name, make) => {
	let index: ShelfSearch;
	beforeAll(async () => {
		index = await make();
	});
	const top = (q: string): string | undefined => index.search(q)[0]?.slug;
	const slugs = (q: string): string[] => index.search(q).map(h => h.slug);

	it.each([
		['CVE-2024-3094', 'security/xz'],
		['cve-2024-3094', 'security/xz'],
		['v22.3.0', 'node/memory'],
		['22.3.0', 'node/memory'],
		['--max-old-space-size', 'node/memory'],
		['max-old-space-size', 'node/memory'],
		['old-space', 'node/memory'],
		['pd.read_csv', 'python/pandas'],
		['read_csv', 'python/pandas'],
		['csv', 'python/pandas'],
		['max_connections', 'db/postgres'],
		['connections', 'db/postgres'],
		['postgresql.conf', 'db/postgres'],
		['liblzma', 'security/xz'],
		['backdoor', 'security/xz'],
		['pand', 'python/pandas'],
		['pamdas', 'python/pandas'],
		['größe', 'misc/unicode'],
		['über', 'misc/unicode'],
		['日本語', 'misc/unicode'],
		['manual', 'misc/links'],
		['security', 'security/xz'],
		['xz liblzma', 'security/xz'],
		['pandas qwxyz', 'python/pandas'],
		['the XZ  backdoor', 'security/xz'],
	])('%s → %s', (query, expected) => {
		expect(top(query)).toBe(expected);
	});

	it('keeps an identifier with digits exact: no fuzzy neighbours', () => {
		expect(slugs('CVE-2024-3094')).toEqual(['security/xz']);
	});

	it('ranks an exact title first, then title and metadata hits, then text-only hits', () => {
		const order = slugs('python');
		expect(order[0]).toBe('python/start');
		expect(order).toEqual(expect.arrayContaining(['python/packaging', 'python/pandas', 'misc/notes']));
		expect(order.indexOf('python/packaging')).toBeLessThan(order.indexOf('misc/notes'));
		expect(order.indexOf('python/pandas')).toBeLessThan(order.indexOf('misc/notes'));
		expect(index.search('python').map(h => h.kind).slice(0, 3)).toEqual(['title', 'title', 'meta']);
	});

	it('does not let a fuzzy title match beat an article that really says the word', () => {
		expect(slugs('deploy')).toEqual(['misc/friday', 'misc/charts']);
	});

	it('reports where it matched, with the matching body line (1-based)', () => {
		const [hit] = index.search('max_connections');
		expect(hit).toMatchObject({slug: 'db/postgres', kind: 'body', title: 'Tuning Postgres'});
		expect(hit?.snippet).toEqual({line: 3, text: 'Set max_connections to 200 in postgresql.conf, then restart.'});
		expect(hit?.matches).toContain('max_connections');
		expect(index.search('CVE-2024-3094')[0]?.snippet?.line).toBe(5);
		expect(index.search('pd.read_csv')[0]?.snippet).toEqual({line: 5, text: 'df = pd.read_csv("sales.csv")'});
		expect(index.search('Assorted notes')[0]).toMatchObject({slug: 'misc/notes', kind: 'title', snippet: null});
		expect(index.search('security')[0]).toMatchObject({slug: 'security/xz', kind: 'meta'});
		expect(index.search('xz liblzma')[0]?.matches.sort()).toEqual(['liblzma', 'xz']);
	});

	it('trims a long snippet line around the match', () => {
		const text = index.search('needle')[0]?.snippet?.text ?? '';
		expect(text).toContain('the needle sits here');
		expect(text.startsWith('…') && text.endsWith('…')).toBe(true);
		expect([...text].length).toBeLessThanOrEqual(122);
	});

	it('sanitizes snippets', () => {
		const text = index.search('word')[0]?.snippet?.text ?? '';
		expect(text).toContain('␛[31mescaped');
		expect(text).not.toContain('\x1b');
	});

	it('searches what a reader sees: not link targets, not fence languages', () => {
		expect(slugs('hiddenpath')).toEqual([]);
		expect(slugs('haskell')).toEqual([]);
		expect(top('pure')).toBe('misc/links');
	});

	it('matches broken articles by title only', () => {
		expect(slugs('secretword')).toEqual([]);
		expect(top(index === memoryIndex ? 'broken-notes' : 'broken.md')).toBe('broken');
	});

	it('returns nothing for an empty query and honours the limit', () => {
		expect(index.search('')).toEqual([]);
		expect(index.search('   ')).toEqual([]);
		expect(index.search('python', {limit: 2})).toHaveLength(2);
	});

});

describe('shelf search in memory', () => {
	it('builds incrementally: add, replace, remove, and text indexed later in slices', () => {
		const s = new ShelfSearch();
		for (const a of shelf) s.add(a, {deferText: true});
		expect(s.size).toBe(shelf.length);
		expect(s.pending).toBe(shelf.length - 1);
		expect(s.search('liblzma')).toEqual([]);
		expect(s.search('xz backdoor')[0]?.slug).toBe('security/xz');
		while (!s.indexPending(1));
		expect(s.pending).toBe(0);
		expect(s.search('liblzma')[0]?.slug).toBe('security/xz');
		s.add(article('security/xz', {title: 'Renamed', body: 'nothing here'}));
		expect(s.size).toBe(shelf.length);
		expect(s.search('liblzma')).toEqual([]);
		s.remove('security/xz');
		expect(s.size).toBe(shelf.length - 1);
		expect(s.search('renamed')).toEqual([]);
	});
});

describe('search text', () => {
	it.each([
		['CVE-2024-3094', ['cve-2024-3094', 'cve', '2024', '3094']],
		['v22.3.0', ['v22.3.0', '22.3.0', 'v22']],
		['pd.read_csv', ['pd.read_csv', 'pd', 'read_csv', 'read', 'csv']],
		['--max-old-space-size=4096', ['--max-old-space-size', 'max-old-space-size', 'max', 'old', 'space', 'size', '4096']],
		['max_connections.', ['max_connections', 'max', 'connections']],
		['Größe 日本語', ['größe', '日本語']],
	])('indexes %s as whole and parts', (text, tokens) => {
		expect(indexTokens(text)).toEqual(tokens);
	});

	it('reads a query as whole tokens', () => {
		expect(queryTokens('How to pd.read_csv --flag')).toEqual(['how', 'to', 'pd.read_csv', '--flag']);
	});

	it('strips markdown line by line, keeping code text and line numbers', () => {
		const body = '# Title #\n\n> **bold** and _em_ [link](http://x.y/z) ![alt](i.png)\n- [x] done `a_b`\n\n```js title="x"\nconst __x__ = 1;\n```\n| a | b |\n|---|---|\n[ref]: http://example.com';
		expect(plainLines(body)).toEqual(['Title', '', 'bold and em link alt', 'done a_b', '', '', 'const __x__ = 1;', '', ' a | b ', '', '']);
	});
});

describe('findInText', () => {
	const lines = ['\x1b[1mHello\x1b[22m world, hello', 'nothing', '日本 hello', '\x1b]8;;http://x\x07link\x1b]8;;\x07 hello'];

	it.each([
		['hello', [{line: 0, start: 0, end: 5}, {line: 0, start: 13, end: 18}, {line: 2, start: 5, end: 10}, {line: 3, start: 5, end: 10}]],
		['Hello', [{line: 0, start: 0, end: 5}]],
		['world,', [{line: 0, start: 6, end: 12}]],
		['日本', [{line: 2, start: 0, end: 4}]],
		['(', []],
		['  ', []],
	])('%j', (query, expected) => {
		expect(findInText(lines, query)).toEqual(expected);
	});
});

describe('fuzzyFilter', () => {
	const items = ['Python internals', 'Happy new year', 'basics science', 'Rust', 'pandas in practice'].map(text => ({key: text, text}));

	it.each([
		['pyint', 'Python internals', [0, 1, 7, 8, 9]],
		['sci', 'basics science', [7, 8, 9]],
		['RUST', 'Rust', [0, 1, 2, 3]],
		['pan prac', 'pandas in practice', [0, 1, 2, 10, 11, 12, 13]],
	])('%s → %s at %j', (query, key, positions) => {
		const [best] = fuzzyFilter(query, items);
		expect(best).toMatchObject({key, positions});
	});

	it('keeps only items containing every word in order, best first', () => {
		expect(fuzzyFilter('py', items).map(m => m.key)).toEqual(['Python internals', 'Happy new year']);
		expect(fuzzyFilter('zzz', items)).toEqual([]);
	});

	it('keeps everything, in order, for an empty query', () => {
		expect(fuzzyFilter(' ', items).map(m => [m.key, m.score, m.positions])).toEqual(items.map(i => [i.key, 0, []]));
	});
});

describe('persistent index ranking', () => {
	it('gives the same results in the same order with the same scores as the in-memory index', async () => {
		// Without the broken article: on disk its title is its file name, which changes the title index's statistics.
		const whole = shelf.filter(a => !a.error);
		const memory = createSearchIndex(whole);
		const {search: persistent} = await indexedSearch(whole);
		for (const q of ['python', 'deploy', 'node memory', 'pandas', 'fixed', 'the', 'read', 'conf', 'postgres restart', 'pyth']) {
			const want = memory.search(q);
			const got = persistent.search(q);
			expect(got.map(h => h.slug), q).toEqual(want.map(h => h.slug));
			got.forEach((h, i) => expect(h.score, `${q} #${i}`).toBeCloseTo(want[i]?.score ?? NaN, 6));
		}
	});
});
