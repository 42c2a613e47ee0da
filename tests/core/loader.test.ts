import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {chmod, mkdir, mkdtemp, rm, symlink, unlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadArticleFile, loadShelf} from '../../src/core/shelf/loader.js';
import type {Article, Shelf} from '../../src/core/shelf/types.js';
import {
	EVIL_FILE_NAME, HOSTILE_BROKEN, HOSTILE_GOOD, HOSTILE_SKIPPED, makeHostileShelf,
} from '../helpers/hostile-shelf.js';

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const isRoot = process.getuid?.() === 0;

/** A hang (a FIFO being read) must fail the test, not stall the suite. */
async function withTimeout<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

function bySlug(shelf: Shelf, slug: string): Article {
	const article = shelf.articles.find((a) => a.slug === slug);
	if (!article) throw new Error(`no article ${slug}; have ${shelf.articles.map((a) => a.slug).join(', ')}`);
	return article;
}

function hasMkfifo(): boolean {
	try {
		execFileSync('mkfifo', ['--version'], {stdio: 'ignore'});
		return true;
	} catch {
		return existsSync('/usr/bin/mkfifo') || existsSync('/bin/mkfifo');
	}
}

describe('loadShelf on a hostile folder', () => {
	let tmp: string;
	let dir: string;
	let shelf: Shelf;
	let fifo: boolean;

	beforeAll(async () => {
		tmp = await mkdtemp(join(tmpdir(), 'inkshelf-hostile-'));
		dir = join(tmp, 'shelf');
		await mkdir(dir);
		await makeHostileShelf(dir);
		fifo = existsSync(join(dir, 'fifo.md'));
		shelf = await withTimeout(loadShelf(dir));
	});
	afterAll(async () => {
		await chmod(join(dir, 'unreadable-if-root.md'), 0o644).catch(() => undefined);
		await rm(tmp, {recursive: true, force: true});
	});

	it('loads the whole folder without throwing or hanging', () => {
		expect(shelf.root).toBe(dir);
		expect(shelf.articles.length).toBeGreaterThan(20);
	});

	it.each(Object.entries(HOSTILE_GOOD))('usable article: %s', (slug, expected) => {
		const article = bySlug(shelf, slug);
		expect(article.error).toBeUndefined();
		if (expected.title !== undefined) expect(article.title).toBe(expected.title);
		if (expected.date !== undefined) expect(article.date).toBe(expected.date);
		if (expected.tags !== undefined) expect(article.tags).toEqual(expected.tags);
		if (expected.problem) expect(article.problems.map((p) => p.message).join('\n')).toMatch(expected.problem);
		expect(article.body.length).toBeGreaterThan(0);
	});

	it.each(Object.entries(HOSTILE_BROKEN))('broken but listed: %s', (slug, reason) => {
		const article = bySlug(shelf, slug);
		expect(article.error).toMatch(reason);
		expect(article.title).toBe(`${slug}.md`);
		expect(article.category).toBe('Uncategorized');
		expect(article.path).toBe(join(dir, `${slug}.md`));
		expect(article.body).toBe('');
	});

	it.each(Object.entries(HOSTILE_SKIPPED))('skipped with a reason: %s', (path, reason) => {
		if (path === 'fifo.md' && !fifo) return; // no mkfifo on this machine
		const entry = shelf.skipped.find((s) => s.path === join(dir, path));
		expect(entry?.reason).toMatch(reason);
	});

	it('lists nothing else: no hidden, ignored, outside or doubly-linked files', () => {
		const expected = new Set([...Object.keys(HOSTILE_GOOD), ...Object.keys(HOSTILE_BROKEN), 'unreadable-if-root']);
		const others = shelf.articles.filter((a) => !expected.has(a.slug)).map((a) => a.title);
		expect(others).toEqual(['Evil file name']);
		const skipped = shelf.skipped.map((s) => s.path.slice(dir.length + 1)).sort();
		expect(skipped).toEqual(Object.keys(HOSTILE_SKIPPED).filter((p) => fifo || p !== 'fifo.md').sort());
	});

	it('reports where the YAML error is, in file lines', () => {
		expect(bySlug(shelf, 'bad-yaml').errorAt).toEqual({line: 4, column: 1});
	});

	it('parses a BOM + CRLF file without problems', () => {
		const article = bySlug(shelf, 'bom-crlf');
		expect(article.problems).toEqual([]);
		expect(article.category).toBe('Guides');
		expect(article.body).not.toContain('\r');
		expect(article.bodyLine).toBe(7);
	});

	it('leaves no raw control character in any display field', () => {
		for (const a of shelf.articles) {
			const fields = [a.slug, a.title, a.category, a.description, a.cover, a.error ?? '', ...a.tags,
				...a.problems.map((p) => p.message)];
			for (const field of fields) expect(field, `${a.slug}: ${JSON.stringify(field)}`).not.toMatch(RAW_CONTROL);
		}
		for (const s of shelf.skipped) expect(s.reason).not.toMatch(RAW_CONTROL);
	});

	it('keeps the raw path of a file with escapes in its name, so it can be opened again', async () => {
		const evil = shelf.articles.find((a) => a.title === 'Evil file name');
		expect(evil?.path).toBe(join(dir, EVIL_FILE_NAME));
		expect(evil?.slug).toBe('␛]0;pwned␇<U+009B>31m<U+202E>evil-name');
		const again = await loadArticleFile(dir, evil?.path ?? '');
		expect(again.error).toBeUndefined();
		expect(again.title).toBe('Evil file name');
	});

	it('sanitizes escapes in frontmatter and headings', () => {
		expect(bySlug(shelf, 'escape-title').title).toBe('␛]0;pwned␇ <U+009B>31m <U+202E> ␀Quoted');
		expect(bySlug(shelf, 'escape-heading').title).toBe('␛]0;pwned␇<U+009B>31m<U+202E>Raw heading');
	});

	it('did not let __proto__ or constructor keys pollute prototypes', () => {
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getPrototypeOf(bySlug(shelf, 'proto'))).toBe(Object.prototype);
	});

	it('reports an unreadable file (unless running as root)', () => {
		const article = bySlug(shelf, 'unreadable-if-root');
		if (isRoot) expect(article.error).toBeUndefined();
		else expect(article.error).toBe('permission denied');
	});

	it('is deterministic: sorted by slug, same result twice', async () => {
		const slugs = shelf.articles.map((a) => a.slug);
		expect(slugs).toEqual([...slugs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
		const again = await withTimeout(loadShelf(dir));
		expect(again.articles.map((a) => a.slug)).toEqual(slugs);
		expect(again.skipped).toEqual(shelf.skipped);
	});

	it('does not hang when a file turns into a FIFO after the walk', async () => {
		if (!hasMkfifo()) return;
		const path = join(dir, 'good', 'alpha.md');
		const before = await loadArticleFile(dir, path);
		expect(before.title).toBe('Alpha');
		const swapped = join(tmp, 'swap.md');
		execFileSync('mkfifo', [swapped]);
		const article = await withTimeout(loadArticleFile(tmp, swapped), 5_000);
		expect(article.error).toBe('named pipe (FIFO), not a regular file');
	});
});

describe('loadShelf: roots, limits and defaults', () => {
	let tmp: string;
	beforeAll(async () => {
		tmp = await mkdtemp(join(tmpdir(), 'inkshelf-loader-'));
	});
	afterAll(async () => {
		await rm(tmp, {recursive: true, force: true});
	});
	const folder = async (name: string, files: Record<string, string>): Promise<string> => {
		const dir = join(tmp, name);
		for (const [path, content] of Object.entries(files)) {
			await mkdir(join(dir, path, '..'), {recursive: true});
			await writeFile(join(dir, path), content);
		}
		return dir;
	};

	it.each([
		['a missing folder', 'nope', /^cannot open shelf .*nope: no such file or folder$/],
	])('throws a clear error for %s', async (_name, path, message) => {
		await expect(loadShelf(join(tmp, path))).rejects.toThrow(message);
	});

	it('throws for a root that is a FIFO, without opening it', async () => {
		if (!hasMkfifo()) return;
		execFileSync('mkfifo', [join(tmp, 'root-fifo')]);
		await expect(withTimeout(loadShelf(join(tmp, 'root-fifo')), 5_000)).rejects.toThrow(/not a folder or a file$/);
	});

	it('loads a single file as a one-article shelf', async () => {
		const dir = await folder('single', {'note.md': '# One\n', 'other.md': '# Two\n'});
		const shelf = await loadShelf(join(dir, 'note.md'));
		expect(shelf.root).toBe(dir);
		expect(shelf.articles.map((a) => [a.slug, a.title])).toEqual([['note', 'One']]);
	});

	it('honours maxBytes', async () => {
		const dir = await folder('limits', {'small.md': '# Small\n', 'big.md': `# Big\n${'x'.repeat(3000)}\n`});
		const shelf = await loadShelf(dir, {maxBytes: 2048});
		expect(shelf.articles.find((a) => a.slug === 'big')?.error).toBe('file is 2.9 KiB; the limit is 2 KiB');
		expect(shelf.articles.find((a) => a.slug === 'small')?.error).toBeUndefined();
	});

	it('reads files whole at every size around its buffer\'s (a short read is the end of the file)', async () => {
		const sizes = [0, 1, 4095, 4096, 4097, 65535, 65536, 65537, 200_000];
		const dir = await folder('sizes', Object.fromEntries(sizes.map(n => [`s${n}.md`, `# S\n${'w '.repeat(n)}`])));
		const shelf = await loadShelf(dir);
		for (const n of sizes) expect([n, shelf.articles.find(a => a.slug === `s${n}`)?.body.length]).toEqual([n, 4 + 2 * n]); // no front matter: the body is the whole text
	});

	it.each([
		['my-notes.md', 'just words', 'My notes'],
		['snake_case_name.md', 'text', 'Snake case name'],
		['fenced.md', '```bash\n# not a title\n```\n\n# Real title\n', 'Real title'],
		['tilde.md', '~~~\n# not a title\n~~~\n', 'Tilde'],
		['closing-hashes.md', '  # Title ##\n', 'Title'],
		['frontmatter-wins.md', '---\ntitle: From frontmatter\n---\n# Heading\n', 'From frontmatter'],
	])('derives the title of %s', async (name, content, title) => {
		const dir = await folder(`titles-${name}`, {[name]: content});
		const shelf = await loadShelf(dir);
		expect(shelf.articles[0]?.title).toBe(title);
	});

	it.each([
		[1, 1],
		[229, 1],
		[460, 2],
		[2300, 10],
	])('reading time of %i words is %i min', async (words, minutes) => {
		const dir = await folder(`words-${words}`, {'a.md': 'word '.repeat(words)});
		expect((await loadShelf(dir)).articles[0]?.readingMinutes).toBe(minutes);
	});

	it('gives distinct slugs to a.md and a.markdown', async () => {
		const dir = await folder('clash', {'a.md': '# A\n', 'a.markdown': '# A too\n'});
		expect((await loadShelf(dir)).articles.map((a) => a.slug)).toEqual(['a', 'a.markdown']);
	});

	it('loads many files with bounded parallelism, all present', async () => {
		const files = Object.fromEntries(Array.from({length: 300}, (_, i) => [`n/${String(i).padStart(3, '0')}.md`, `# T${i}\n`]));
		const shelf = await loadShelf(await folder('many', files));
		expect(shelf.articles).toHaveLength(300);
		expect(shelf.articles[299]?.title).toBe('T299');
	});

	it('follows a root that is itself a symlink', async () => {
		const dir = await folder('real-root', {'x.md': '# X\n'});
		await symlink(dir, join(tmp, 'root-link'));
		const shelf = await loadShelf(join(tmp, 'root-link'));
		expect(shelf.articles.map((a) => a.slug)).toEqual(['x']);
		expect(shelf.skipped).toEqual([]);
	});
});

describe('loadArticleFile', () => {
	it('re-reads changes and reports a vanished file without throwing', async () => {
		const tmp = await mkdtemp(join(tmpdir(), 'inkshelf-reread-'));
		try {
			const path = join(tmp, 'note.md');
			await writeFile(path, '---\ntitle: Before\n---\nbody\n');
			expect((await loadArticleFile(tmp, path)).title).toBe('Before');
			await writeFile(path, '---\ntitle: After\n---\nbody\n');
			expect((await loadArticleFile(tmp, path)).title).toBe('After');
			await writeFile(path, '---\ntitle: [broken\n---\n');
			expect((await loadArticleFile(tmp, path)).error).toMatch(/^invalid YAML/);
			await unlink(path);
			const gone = await loadArticleFile(tmp, path);
			expect(gone.error).toBe('file no longer exists');
			expect(gone.slug).toBe('note');
			expect((await loadArticleFile(tmp, join(tmp, '..', 'elsewhere.md'))).error).toBe('file is outside the shelf');
			await mkdir(join(tmp, 'dir.md'));
			expect((await loadArticleFile(tmp, join(tmp, 'dir.md'))).error).toBe('folder, not a regular file');
		} finally {
			await rm(tmp, {recursive: true, force: true});
		}
	});
});

describe('loadShelf on tests/fixtures/shelf', () => {
	it('loads the UI fixture cleanly', async () => {
		const shelf = await loadShelf('tests/fixtures/shelf');
		expect(shelf.skipped).toEqual([]);
		expect(shelf.articles.map((a) => [a.slug, a.category, a.error, a.problems])).toEqual([
			['getting-started', 'Guides', undefined, []],
			['plain-notes', 'Uncategorized', undefined, []],
			['python-tips', 'Programming', undefined, []],
			['shell-basics', 'Programming', undefined, []],
		]);
		expect(shelf.articles.find((a) => a.slug === 'plain-notes')?.title).toBe('Plain Notes');
	});
});
