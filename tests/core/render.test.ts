import {describe, it, expect} from 'vitest';
import stripAnsi from 'strip-ansi';
import {renderArticle, parseArticle, ArticleRenderer} from '../../src/core/render/article.js';
import {makeStyles} from '../../src/core/render/styles.js';
import {fenceLanguage, highlightLanguage} from '../../src/core/render/highlight.js';
import {linkKind} from '../../src/core/render/links.js';
import {lineProblems} from '../helpers/invariants.js';

const plain = makeStyles(0);
const color = makeStyles(3);
const text = (md: string, width = 60): string => renderArticle(md, width, plain).lines.join('\n');

describe('markdown to terminal lines', () => {
	it('renders headings, emphasis in list items and nested lists', () => {
		const out = text('# Title\n\n- item **bold**\n  - nested *em*\n    1. third\n- two\n');
		expect(out).toContain('Title');
		expect(out).toMatch(/• item bold\n {2}◦ nested em\n {4}1\. third\n• two/);
		const styled = renderArticle('- item **bold**\n', 60, color).lines.join('\n');
		expect(styled).toContain('\x1b[1mbold');
	});

	it('numbers and labels code blocks and records their exact source and lines', () => {
		const md = 'Intro\n\n```python title="x.py"\nprint("a")\n\tindented\n```\n\n- list\n\n  ```bash\n  echo hi  \n  ```\n\n```\nauto\n```\n';
		const r = renderArticle(md, 50, plain);
		expect(r.blocks.map(b => [b.index, b.lang])).toEqual([[1, 'python'], [2, 'bash'], [3, '']]);
		expect(r.blocks[0]?.source).toBe('print("a")\n\tindented');
		expect(r.blocks[1]?.source).toBe('echo hi  ');
		for (const b of r.blocks) {
			expect(r.lines[b.startLine]).toContain(`[${b.index}]`);
			expect(r.lines[b.endLine]).toContain('╰');
		}
		expect(r.lines[r.blocks[0]!.startLine + 2]).toContain('    indented'); // tab expanded, never raw
	});

	it('highlights with the fence language and leaves plain text alone', () => {
		const r = renderArticle('```js\nconst x = 1;\n```\n', 60, color);
		expect(r.lines.join('\n')).toContain('\x1b[38;2;215;175;255mconst'); // keyword colour of the dark theme
		const t = renderArticle('```text\nconst x = 1;\n```\n', 60, color);
		expect(t.lines[1]).not.toContain('215;175;255m');
		expect(stripAnsi(t.lines[1] ?? '')).toBe('│ const x = 1;');
	});

	it('normalizes fence languages and never hands highlight.js an unknown name', () => {
		expect(fenceLanguage('js title="x.js"')).toBe('js');
		expect(fenceLanguage('{.Python}')).toBe('python');
		expect(fenceLanguage('\x1b[31mevil')).toBe('31mevil');
		expect(highlightLanguage('ts')).toBe('typescript');
		expect(highlightLanguage('mermaid')).toBeNull();
		expect(highlightLanguage('no-such-lang')).toBeNull();
		expect(highlightLanguage('')).toBe('auto');
	});

	it('lays tables out within the width, wrapping cells, or as a list when too narrow', () => {
		const md = '| Name | Description | N |\n|---|---|--:|\n| alpha | a long description that will not fit in a narrow column at all | 1 |\n';
		for (const w of [20, 30, 40, 80]) expect(lineProblems(renderArticle(md, w, plain).lines, w)).toEqual([]);
		expect(text(md, 80)).toContain('│ alpha │');
		const wide = `|${Array.from({length: 30}, (_, i) => ` c${i} `).join('|')}|\n|${'---|'.repeat(30)}\n|${Array.from({length: 30}, (_, i) => ` v${i} `).join('|')}|\n`;
		const listForm = text(wide, 40);
		expect(listForm).toContain('c0: v0');
		expect(lineProblems(renderArticle(wide, 40, plain).lines, 40)).toEqual([]);
	});

	it('shows where links really go and keeps dangerous ones inert', () => {
		expect(text('[https://good.example](https://evil.example)')).toContain('https://good.example [evil.example]');
		expect(text('[docs](https://example.com/docs)')).toContain('docs [example.com]');
		expect(text('<https://example.com>')).not.toContain('[example.com]');
		expect(text('[click](javascript:alert(1))')).toContain('inert link: javascript:alert(1)');
		expect(linkKind('other.md#intro')).toBe('relative');
		expect(linkKind('mailto:a@b.c')).toBe('mail');
		expect(linkKind('data:text/html,x')).toBe('inert');
		expect(linkKind('//evil.example')).toBe('inert');
	});

	it('shows a link as its text and host, never the text alone when it could mislead', () => {
		const cases: [string, string][] = [
			['[Robin Bender Ginn](https://www.github.com/rginn)', 'Robin Bender Ginn [github.com]'],
			['[the recap](https://nodejs.org/en/blog/recap)', 'the recap [nodejs.org]'],
			['[nodejs.org/en/blog](https://nodejs.org/en/blog/)', 'nodejs.org/en/blog'],
			['[github.com](https://github.com/some/repo)', 'github.com'],
			// Text that names another site: the real host stays visible.
			['[github.com](https://evil.example/github.com)', 'github.com [evil.example]'],
			['[https://bank.example/login](https://bank.example.evil.example/login)', 'https://bank.example/login [bank.example.evil.example]'],
			['[https://bank.example](https://bank.example@evil.example/)', 'https://bank.example [evil.example]'],
			['[paypal.com](https://xn--pypal-4ve.com/)', 'paypal.com [xn--pypal-4ve.com]'],
			['[local](http://localhost:8080/x)', 'local [localhost:8080]'],
			['[write to us](mailto:team@example.com)', 'write to us [team@example.com]'],
			['[team@example.com](mailto:team@example.com)', 'team@example.com'],
			['[the next post](other.md#intro)', 'the next post'],
			['[up](#top)', 'up'],
		];
		for (const [md, shown] of cases) expect(text(md, 100), md).toBe(shown);
		const five = 'Thanks to [Ann](https://github.com/ann), [Bo](https://www.twitter.com/bo), [the docs](https://nodejs.org/docs), [a note](notes/a.md) and <https://example.com/x>.';
		expect(text(five, 200)).toBe('Thanks to Ann [github.com], Bo [twitter.com], the docs [nodejs.org], a note and https://example.com/x.');
		// The host never starts a line of its own, and the no-break space that keeps it there is a plain space on screen.
		expect(renderArticle('aaaa bbbb [cc](https://example.com/x)', 20, plain).lines.map(l => l.trimEnd())).toEqual(['aaaa bbbb', 'cc [example.com]']);
		// Styled: the text underlined, the host muted (dim in mono).
		const styled = renderArticle('[Ann](https://github.com/ann)', 60, color).lines.join('');
		expect(styled).toContain('\x1b[4mAnn');
		expect(styled).toContain('\x1b[38;2;168;168;168m[github.com]');
		expect(renderArticle('[Ann](https://github.com/ann)', 60, makeStyles(3, 'mono')).lines.join('')).toContain('\x1b[2m[github.com]');
	});

	it('shows raw HTML as dim text, never as markup', () => {
		const out = text('<div onclick="x()">raw <b>html</b></div>\n\ninline <kbd>Ctrl</kbd> key <!-- hidden -->');
		expect(out).toContain('raw html');
		expect(out).toContain('inline Ctrl key');
		expect(out).not.toContain('hidden');
		expect(out).not.toContain('<b>');
	});

	it('turns control characters from the file into visible placeholders everywhere', () => {
		const evil = '\x1b]0;pwned\x07 \x1b[31mred \u009b2J \u202eabc';
		const md = `# H ${evil}\n\n${evil}\n\n- ${evil}\n\n> ${evil}\n\n| ${evil} |\n|---|\n| ${evil} |\n\n[${evil}](https://x.example/${evil})\n\n![${evil}](${evil})\n\n<b>${evil}</b>\n\n\`${evil}\`\n\n\`\`\`${evil}\n${evil}\n\`\`\`\n\n\`\`\`bash\n${evil}\n\`\`\`\n`;
		for (const styles of [plain, color]) {
			const r = renderArticle(md, 60, styles);
			expect(lineProblems(r.lines, 60)).toEqual([]);
			const visible = stripAnsi(r.lines.join('\n'));
			expect(visible).toContain('␛]0;pwned␇');
			expect(visible).toContain('<U+202E>');
		}
		// ...while the code block keeps its exact bytes for copying.
		expect(parseArticle(md).blocks[1]?.source).toBe(evil);
	});

	it('keeps every line within the width for wide characters, long words and tabs', () => {
		const md = `${'漢字'.repeat(200)}\n\n${'👩‍👩‍👧‍👦'.repeat(50)}\n\n${'x'.repeat(5000)}\n\nhttps://example.com/${'a'.repeat(3000)}\n\n\tTabbed\tline\n\n> > > > ${'deep '.repeat(100)}\n\n\`\`\`\n${'y'.repeat(500)}\n\`\`\`\n`;
		for (const w of [20, 33, 80, 200, 300]) {
			expect(lineProblems(renderArticle(md, w, color).lines, w)).toEqual([]);
		}
	});

	it('renders lazily: asking for a screenful renders only the first blocks', () => {
		const body = Array.from({length: 2000}, (_, i) => `Paragraph ${i}.`).join('\n\n');
		const r = new ArticleRenderer(parseArticle(body), 80, plain);
		r.ensure(30);
		expect(r.lines.length).toBeGreaterThanOrEqual(30);
		expect(r.lines.length).toBeLessThan(100);
		expect(r.done).toBe(false);
		expect(r.renderAll().lines.length).toBe(3999);
	});
});

describe('positions of links and code blocks', () => {
	it('records where each link starts, through lists, quotes and wrapping', () => {
		const md = `Intro with a [first link](other.md) here.\n\n- item ${'word '.repeat(20)}[second](https://example.com/x#y) end\n\n> quoted [third](#anchor)\n`;
		const r = renderArticle(md, 40, color);
		expect(r.links.map(l => [l.index, l.kind, l.href])).toEqual([[0, 'relative', 'other.md'], [1, 'web', 'https://example.com/x#y'], [2, 'anchor', '#anchor']]);
		for (const link of r.links) {
			expect(link.line).toBeGreaterThanOrEqual(0);
			expect(stripAnsi(r.lines[link.line] ?? '').slice(link.column)).toMatch(new RegExp(`^${link.text.slice(0, 3)}`));
		}
		expect(r.lines.join('\n')).not.toMatch(/[\uE000-\uE01F]/);
	});

	it('keeps private-use marker characters from the article out of the positions', () => {
		const r = renderArticle('text \uE000\uE002\uE005 more\n\n```\ncode\n```\n', 40, plain);
		expect(r.blocks[0]?.startLine).toBeGreaterThan(0);
		expect(r.links).toEqual([]);
	});
});

describe('large articles', () => {
	const section = (i: number): string => `## Part ${i}\n\nText with a [ref link][docs] and more.\n\n- item one\n- item two\n\n\`\`\`python\nprint(${i})\n\n# a blank line inside the fence\n\`\`\`\n\n| a | b |\n|---|---|\n| ${i} | x |\n`;
	const big = Array.from({length: 900}, (_, i) => section(i)).join('\n') + '\n[docs]: https://example.com/docs\n';

	it('lexes a part at a time and renders the same lines as lexing it whole', () => {
		const p = parseArticle(big);
		expect(p.complete).toBe(false);
		expect(p.blocks.length).toBeLessThan(900);
		const lazy = new ArticleRenderer(p, 80, plain).renderAll();
		expect(p.complete).toBe(true);
		expect(lazy.blocks.map(b => b.source)).toEqual(Array.from({length: 900}, (_, i) => `print(${i})\n\n# a blank line inside the fence`));
		expect(lazy.blocks.every(b => b.startLine >= 0 && b.endLine > b.startLine)).toBe(true);
		const text = lazy.lines.join('\n');
		expect(text).toContain('ref link [example.com]');
		expect(text).not.toContain('[docs]');
		expect(lazy.headings).toHaveLength(900);
	});
});

describe('the render cache', () => {
	it('lets go of each token once drawn, and still renders new widths and finds blocks', async () => {
		const {renderedArticle} = await import('../../src/core/render/cache.js');
		const {renderService} = await import('../../src/core/render/client.js');
		const {article} = await import('../helpers/articles.js');
		const a = article('cache', {body: '# T\n\ntext\n\n```sh\necho 1\n```\n'});
		const parsed = parseArticle(a.body);
		const r = new ArticleRenderer(parsed, 60, plain);
		r.renderAll();
		expect(parsed.tokens.every(t => t.type === 'space')).toBe(true);
		expect(parsed.blockOf.size).toBe(0);
		expect(r.blocks.map(b => b.source)).toEqual(['echo 1']);
		const first = await renderedArticle(a, 60, plain).finished;
		const second = await renderedArticle(a, 40, plain).finished;
		expect(first.lines.join('\n')).toContain('echo 1');
		expect(second.lines.join('\n')).toContain('echo 1');
		expect(renderedArticle(a, 60, plain).snapshot).toBe(first); // cached per width
		const blocks = await renderService().render({body: a.body, width: 80, level: 0, blocksOnly: true}).finished;
		expect(blocks.blocks.map(b => b.source)).toEqual(['echo 1']);
		renderService().close();
	});
});
