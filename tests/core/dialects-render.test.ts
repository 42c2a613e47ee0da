import {describe, it, expect} from 'vitest';
import stripAnsi from 'strip-ansi';
import {renderArticle} from '../../src/core/render/article.js';
import {makeStyles} from '../../src/core/render/styles.js';
import {PALETTES} from '../../src/core/theme/index.js';
import {prepareDialects} from '../../src/core/render/dialects/prepare.js';
import {lineProblems} from '../helpers/invariants.js';

const plain = makeStyles(0);
const colour = makeStyles(3);
const render = (md: string, width = 60, mdx = false) => renderArticle(md, width, plain, {mdx});
const text = (md: string, width = 60, mdx = false): string => render(md, width, mdx).lines.join('\n');

/** Everything a generator reads as markup and a reader must never see raw. */
const LEAKS = /\{\{[<%]|\{%|:::|\[!|\[\[|%%|[\uE000-\uE01F]/;

describe('Hugo shortcodes', () => {
	it('turns highlight into a numbered, copyable block with the exact source, numbers and marked lines', () => {
		const src = 'fmt.Println("hi")\n\tx := `a`\nreturn';
		const r = render(`Before\n\n{{< highlight go "linenos=table,hl_lines=2" >}}\n${src}\n{{< /highlight >}}\n\nAfter\n`);
		expect(r.blocks).toHaveLength(1);
		expect(r.blocks[0]?.source).toBe(src);
		expect(r.blocks[0]?.lang).toBe('go');
		const lines = r.lines.slice(r.blocks[0]!.startLine, r.blocks[0]!.endLine + 1);
		expect(lines[0]).toContain('[1] go');
		expect(lines[1]).toMatch(/^│ 1 fmt/);
		expect(lines[2]).toMatch(/^┃ 2 {5}x :=/);
		expect(r.lines.join('\n')).not.toMatch(LEAKS);
	});

	it('reads {{< code >}} and {{% %}} forms, with a file name as the frame title', () => {
		const r = render('{{% code lang="yaml" file="config.yaml" %}}\na: 1\n{{% /code %}}\n');
		expect(r.blocks[0]?.source).toBe('a: 1');
		expect(r.lines[0]).toContain('[1] yaml · config.yaml');
	});

	it('shows figure as an image line, ref/relref as shelf links, others as dim markers', () => {
		const r = render('{{< figure src="/img/a.png" title="A chart" >}}\n\nSee [the plugin]({{< relref "/plugins/cache.md" >}}) and {{< ref "intro" >}}.\n\n{{< youtube dQw4w9 >}}\n\n{{% notice tip %}}Careful{{% /notice %}}\n');
		const out = r.lines.join('\n');
		expect(out).toContain('▣ A chart · /img/a.png');
		expect(out).toContain('See the plugin and intro.');
		expect(r.links.map(l => l.href)).toEqual(['/img/a.png', 'site:/plugins/cache.md', 'site:intro']); // the figure is an image line, selectable
		expect(out).toContain('⟨youtube dQw4w9⟩');
		expect(out).toContain('⟨notice tip⟩Careful⟨/notice⟩');
		expect(out).not.toMatch(LEAKS);
	});

	it('shows an escaped shortcode as written, in text and in code', () => {
		const r = render('Write {{</* figure src="x" */>}} in a page:\n\n```go-html-template\n{{</* highlight go */>}}\n```\n');
		expect(r.lines[0]).toBe('Write {{< figure src="x" >}} in a page:');
		expect(r.blocks[0]?.source).toBe('{{< highlight go >}}');
		expect(r.lines.join('\n')).not.toMatch(/[\uE000-\uE01F]/);
	});
});

describe('Jekyll Liquid', () => {
	it('turns highlight into a code block and keeps raw content as written', () => {
		const r = render('{% highlight ruby linenos %}\nputs "{{ x }}"\n{% endhighlight %}\n\n{% raw %}Use {{ page.title }} here{% endraw %}\n\n```liquid\n{% raw %}{% if a %}{% endraw %}\n```\n');
		expect(r.blocks.map(b => b.source)).toEqual(['puts "{{ x }}"', '{% if a %}']);
		expect(r.lines[1]).toMatch(/^│ 1 puts/);
		expect(r.lines.join('\n')).toContain('Use {{ page.title }} here');
	});

	it('makes post_url and link shelf links, includes and outputs dim markers', () => {
		const r = render('Read [the last one]({% post_url 2023-10-01-older %}) and [docs]({% link _docs/history.md %}#v1).\n\n{% include note.html %} by {{ site.author }}\n');
		expect(r.links.map(l => l.href)).toEqual(['site:2023-10-01-older', 'site:_docs/history.md#v1']);
		const out = r.lines.join('\n');
		expect(out).toContain('⟨include note.html⟩ by ⟨site.author⟩');
		expect(out).not.toMatch(LEAKS);
	});

	it('hides a comment block and the excerpt separator', () => {
		const out = renderArticle('Intro\n\n<!-- more -->\n\n{% comment %}secret{% endcomment %}Rest\n', 60, plain, {excerptSeparator: '<!-- more -->'}).lines.join('\n');
		expect(out).toBe('Intro\n\nRest');
	});
});

describe('Docusaurus and MDX', () => {
	it('hides top-level import/export in .mdx, but not in .md or code', () => {
		const md = "import Tabs from '@theme/Tabs';\nimport {\n  A,\n} from 'b';\nexport const meta = {\n  a: 1,\n};\n\nText\n\n```js\nimport x from 'y';\n```\n";
		expect(text(md, 60, true)).toMatch(/^Text\n/);
		expect(render(md, 60, true).blocks[0]?.source).toBe("import x from 'y';");
		expect(text(md, 60, false)).toContain("import Tabs from '@theme/Tabs';");
	});

	it('frames admonitions with their title, nested too, and keeps their markdown', () => {
		const out = text(':::tip[Use **this**]\nA tip.\n\n::::note\nInner\n::::\n:::\n\n:::warning Old title\nBody\n:::\n');
		expect(out).toBe('┃ Tip: Use this\n┃ A tip.\n┃\n┃ ┃ Note\n┃ ┃ Inner\n\n┃ Warning: Old title\n┃ Body');
	});

	it('shows Tabs as labelled sections and other JSX as dim markers, text kept', () => {
		const md = '<Tabs>\n  <TabItem value="npm" label="npm">\n\n    ```bash\n    npm i x\n    ```\n\n  </TabItem>\n  <TabItem value="yarn">\n    Use yarn.\n  </TabItem>\n</Tabs>\n\n<Figure caption="c">\nA picture\n</Figure>\n\n<Video src="v.mp4" />\n';
		const r = render(md, 60, true);
		const out = r.lines.join('\n');
		expect(out).toContain('── npm ──');
		expect(out).toContain('── yarn ──\n\nUse yarn.');
		expect(r.blocks[0]?.source).toBe('npm i x');
		expect(out).toContain('⟨Figure⟩\n\nA picture');
		expect(out).toContain('⟨Video⟩');
		expect(out).not.toMatch(/<\/?(Tabs|TabItem|Figure)/);
	});
});

describe('code fence meta', () => {
	it('shows the title, numbers lines, marks {ranges} and magic comments, and copies without the comments', () => {
		const md = '```ts title="src/x.ts" showLineNumbers {1}\nconst a = 1;\n// highlight-next-line\nconst b = 2;\n// highlight-start\nconst c = 3;\n// highlight-end\nconst d = 4;\n```\n';
		const r = render(md);
		expect(r.blocks[0]?.source).toBe('const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;');
		const lines = r.lines.map(l => stripAnsi(l));
		expect(lines[0]).toContain('[1] ts · src/x.ts');
		expect(lines.slice(1, 5)).toEqual(['┃ 1 const a = 1;', '┃ 2 const b = 2;', '┃ 3 const c = 3;', '│ 4 const d = 4;']);
	});
});

describe('GitHub', () => {
	it('shows alerts as callouts, footnotes numbered at the end and followable, tasks and details', () => {
		const md = '> [!WARNING]\n> Mind the gap.\n\nA claim[^src] and another[^1].\n\n[^1]: First note.\n[^src]: The source,\n    on two lines.\n\n- [ ] todo\n- [x] done\n\n<details>\n<summary>More</summary>\n\nHidden *text*\n</details>\n';
		const r = render(md);
		const out = r.lines.join('\n');
		expect(out).toContain('┃ Warning\n┃ Mind the gap.');
		expect(out).toContain('A claim¹ and another².');
		expect(out).toMatch(/Footnotes\n─+\n\n1\. ↩ The source, on two lines\.\n2\. ↩ First note\./);
		expect(r.links.map(l => l.href)).toEqual(['#fn-1', '#fn-2', '#fnref-1', '#fnref-2']);
		expect(out).toContain('• ☐ todo\n• ☑ done');
		expect(out).toContain('▸ More\n\nHidden text');
		expect(out).not.toMatch(LEAKS);
	});
});

describe('GitHub footnotes, continued', () => {
	it('goes on with a note on unindented lines, as GitHub does, until a blank line or another block', () => {
		const md = 'Said[^a] and[^b].\n\n[^a]: Begins here\nand goes on lazily.\n[^b]: Another,\nlazy too.\n- a list after it\n\nBack in the text.\n';
		const out = text(md);
		expect(out).toMatch(/1\. ↩ Begins here and goes on lazily\.\n2\. ↩ Another, lazy too\./);
		expect(out).toContain('• a list after it');
		expect(out.indexOf('Back in the text.')).toBeLessThan(out.indexOf('Footnotes'));
	});
});

describe('Obsidian', () => {
	it('makes wikilinks and embeds followable shelf links with the text Obsidian shows', () => {
		const r = render('See [[Note]], [[Note|this]], [[Other#Set up]], [[#Local]] and ![[Embedded note]].\n\n![[diagram.png]] ![[paper.pdf]]\n', 100);
		expect(r.lines[0]).toBe('See Note, this, Other › Set up, Local and [embedded: Embedded note].');
		expect(r.links.map(l => l.href)).toEqual(['wiki:Note', 'wiki:Note', 'wiki:Other#Set up', 'wiki:#Local', 'embed:Embedded note', 'diagram.png']); // an embedded image is an image line: Tab selects it, Enter opens it
		expect(r.lines.join('\n')).toContain('▣ diagram.png · diagram.png ⟨embedded: paper.pdf⟩');
	});

	it('leaves escaped brackets, code and JSX-looking HTML outside MDX alone', () => {
		const r = render('- \\[[`abc123`](https://example.com/c)] - fix\n\nUse `[[Note]]` and \\[\\[x\\]\\].\n\n<Buffer> is a type\n', 100);
		expect(r.lines[0]).toBe('• [abc123 [example.com]] - fix');
		expect(r.lines[2]).toBe('Use [[Note]] and [[x]].');
		expect(r.links.map(l => l.href)).toEqual(['https://example.com/c']);
		expect(prepareDialects('<Buffer> is a type\n\nmore\n').problems).toEqual([]);
	});

	it('frames callouts with fold marks, hides comments, highlights ==marks==', () => {
		const out = text('> [!faq]- Can it fold?\n> Yes.\n\n> [!tip]+ Open\n> > [!todo] Inner\n\nSay %%not this%% ==this==.\n\n%%\nA hidden block\n%%\n\nEnd\n');
		expect(out).toBe('┃ ▸ FAQ: Can it fold?\n┃ Yes.\n\n┃ ▾ Tip: Open\n┃ ┃ To do: Inner\n\nSay  this.\n\nEnd');
		expect(renderArticle('==marked==', 40, colour).lines[0]).toContain('\x1b[43m');
	});
});

describe('MkDocs Material', () => {
	it('turns !!! and ??? admonitions with indented bodies into callouts', () => {
		const out = text('!!! note "Read this"\n    First.\n\n    Second.\n\n??? tip\n    Folded.\n\nAfter\n');
		expect(out).toBe('┃ Note: Read this\n┃ First.\n┃\n┃ Second.\n\n┃ ▸ Tip\n┃ Folded.\n\nAfter');
	});
});

describe('bad input', () => {
	it('keeps every word of unclosed markup and reports it with its line', () => {
		const md = 'Top\n\n{{< highlight go >}}\ncode line\n\n{% highlight ruby %}\nmore\n\n:::note\nnever closed\n\nText {{< ref "x"\n\n<Tabs>\nTab text\n\n{% if x\n';
		const p = prepareDialects(md);
		expect(p.problems.map(x => x.line)).toEqual([3, 6, 9, 12, 14, 17]);
		const out = text(md);
		for (const word of ['Top', 'code line', 'more', 'never closed', 'Text', 'Tab text']) expect(out).toContain(word);
	});

	it('keeps the width and sanitizer invariants for every construct, in colour and not', () => {
		const md = '{{< highlight go "hl_lines=1" >}}\n\x1b[31m' + 'w'.repeat(300) + '\n{{< /highlight >}}\n\n:::tip[\x1b]0;t\x07 title]\n' + 'x'.repeat(200) + '\n:::\n\n[[' + '漢'.repeat(80) + ']] {{< youtube ' + 'y'.repeat(120) + ' >}}\n\n> [!note] ' + 'z '.repeat(90) + '\n\n```js title="' + 'long/'.repeat(40) + '" showLineNumbers\nx\n```\n';
		for (const width of [20, 33, 80]) {
			for (const styles of [plain, colour]) expect(lineProblems(renderArticle(md, width, styles).lines, width)).toEqual([]);
		}
	});
});

describe('themes', () => {
	it('in mono, callouts and ==highlights== use no colour, only bold and reverse video', () => {
		const mono = makeStyles(3, 'mono');
		const lines = renderArticle('> [!warning] Careful\n> Body\n\n==marked==\n', 40, mono).lines.join('\n');
		expect(lines).not.toMatch(/\x1b\[(?:3[0-7]|9[0-7]|4[0-7]|10[0-7])m/);
		expect(lines).toContain('\x1b[7mmarked');
	});
	it('draws callouts in the palette of the theme: on a light terminal a warning is dark amber, never light yellow', () => {
		const rgb = (hex: string): string => [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16)).join(';');
		for (const theme of ['light', 'dark'] as const) {
			const tokens = PALETTES[theme].tokens;
			const out = (type: string): string => renderArticle(`> [!${type}] Title\n> Body\n`, 40, makeStyles(3, theme)).lines.join('\n');
			expect(out('warning')).toContain(`\x1b[38;2;${rgb(tokens.warning.hex!)}m┃`);
			expect(out('note')).toContain(`\x1b[38;2;${rgb(tokens.info.hex!)}m┃`);
			expect(out('danger')).toContain(`\x1b[38;2;${rgb(tokens.error.hex!)}m┃`);
			expect(out('tip')).toContain(`\x1b[38;2;${rgb(tokens.success.hex!)}m┃`);
		}
		// At 16 colours, a light theme's warning is one of the few that reach 4.5:1 on white (not yellow).
		const sixteen = renderArticle('> [!warning] T\n> B\n', 40, makeStyles(1, 'light')).lines.join('\n');
		expect(sixteen).not.toMatch(/\x1b\[(?:33|93)m/);
	});
});
