/** An article read from its file's start (src/core/shelf/head-article.ts) is the article read whole, body left out. */
import {describe, expect, it} from 'vitest';
import {articleFromBytes, type FileContext} from '../../src/core/shelf/article-file.js';
import {headArticle} from '../../src/core/shelf/head-article.js';
import {fileFacts} from '../../src/core/shelf/file-facts.js';

const ROOT = '/shelf';
const context = (path: string, obsidian = false): FileContext => ({facts: fileFacts(ROOT, path, () => false), authors: null, obsidian});
const whole = (path: string, bytes: Uint8Array, obsidian = false): unknown => ({...articleFromBytes(path, bytes, context(path, obsidian)), body: ''});

/** A seeded generator of articles: every front matter syntax, long and short, with what sends a file down the whole path now and then. */
function articles(n: number): {name: string; text: string}[] {
	let seed = 11;
	const next = (k: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
	const words = ['word', 'é', '日本語', '😀', 'code', '`x`', '- item', '# Heading', '\n', '\n\n', '  ', '\t', '[a](b.md)', '[[note]]', '{{< ref "x" >}}', '{% link x %}', '----', '---', '+++', '\r\n'];
	const body = (len: number, plain: boolean): string => {
		let out = '';
		while (out.length < len) {
			const w = words[next(plain ? 9 : words.length)] as string;
			out += `${w} `;
		}
		return out;
	};
	const out: {name: string; text: string}[] = [];
	for (let i = 0; i < n; i++) {
		const plain = next(3) > 0;
		const title = next(6) === 0 ? '' : `title: Article ${i} ${'é日'.repeat(next(4))}\n`;
		// Long front matter: a description of 0 to ~3,000 bytes, so the close falls before, across and after the first head.
		const description = next(2) === 0 ? `description: ${'x'.repeat(next(3000))}\n` : '';
		const kind = next(5);
		const head = kind === 0 ? `+++\ntitle = "T ${i}"\ntags = ["a", "b"]\n+++\n`
			: kind === 1 ? `{"title": "J ${i}", "tags": ["x"]}\n`
				: kind === 2 ? ''
					: `---\n${title}date: 2024-01-${String(1 + next(28)).padStart(2, '0')}\ntags: [a, b${i % 7}]\n${description}---\n`;
		out.push({name: `a${i}.md`, text: head + body(200 + next(6000), plain)});
	}
	return out;
}

describe('an article read from its file\'s start', () => {
	it('is the article read whole, for every file it reads (and it reads the plain ones)', () => {
		let fromHead = 0;
		for (const {name, text} of articles(1500)) {
			const path = `${ROOT}/${name}`;
			const bytes = Buffer.from(text);
			const head = headArticle(path, bytes, context(path));
			if (head === null) continue;
			fromHead++;
			expect([name, head]).toEqual([name, whole(path, bytes)]);
		}
		expect(fromHead).toBeGreaterThan(300);
	});

	it('takes a close only as a whole line inside the head', () => {
		const open = '---\ntitle: Cut\ndescription: ';
		const body = 'body '.repeat(2000);
		const at = (fence: string, after: string): Buffer => Buffer.from(`${open}${'y'.repeat(1024 - open.length - fence.length)}${fence}${after}\ntags: [late]\n---\n${body}`);
		// The head ends right after `---` of a `----` line: that line closes nothing (here the YAML is broken).
		const cut = at('\n---', '-');
		expect(cut.subarray(1020, 1024).toString()).toBe('\n---');
		expect(headArticle('/shelf/cut.md', cut, context('/shelf/cut.md'))).toBeNull();
		expect(whole('/shelf/cut.md', cut)).toHaveProperty('error');
		// The head ends right after a `---` line's newline: closed there, `tags` is body text.
		const closed = at('\n---\n', 'tags: not front matter');
		expect(headArticle('/shelf/closed.md', closed, context('/shelf/closed.md'))).toEqual(whole('/shelf/closed.md', closed));
		// The head ends inside `--- ` (a close with trailing spaces): read from the larger head.
		const spaces = at('\n--- ', ' ');
		const head = headArticle('/shelf/spaces.md', spaces, context('/shelf/spaces.md'));
		expect(head).toEqual(whole('/shelf/spaces.md', spaces));
		expect(head?.tags).toEqual([]);
	});

	it('leaves to the whole read what only the body can tell: a link, an inline tag, a title from a heading', () => {
		const long = 'words '.repeat(400);
		for (const [name, text, obsidian] of [
			['link.md', `---\ntitle: L\n---\n${long}[x](y.md)\n`, false],
			['wiki.md', `---\ntitle: W\n---\n${long}[[Other note]]\n`, false],
			['vault.md', `---\ntitle: V\n---\n${long}#tag\n`, true],
			['heading.md', `---\ndate: 2024-01-01\n---\n# From the heading\n${long}`, false],
			['crlf.md', `---\r\ntitle: C\r\n---\r\n${long}`, false],
			['bom.md', `\uFEFF---\ntitle: B\n---\n${long}`, false],
		] as const) {
			expect([name, headArticle(`${ROOT}/${name}`, Buffer.from(text), context(`${ROOT}/${name}`, obsidian))]).toEqual([name, null]);
		}
		const broken = Buffer.concat([Buffer.from(`---\ntitle: U\n---\n${long}`), Buffer.from([0xff])]);
		expect(headArticle(`${ROOT}/u.md`, broken, context(`${ROOT}/u.md`))).toBeNull();
	});
});
