import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {renderInWorker} from '../helpers/worker-render.js';
import {lineProblems} from '../helpers/invariants.js';

/** Pieces an untrusted article might hold, combined at random into markdown. */
const hostileText = fc.oneof(
	fc.constantFrom('\x1b[31m', '\x1b]0;title\x07', '\x1b]52;c;ZXZpbA==\x07', '\x1bP+q\x1b\\', '\u009b2J', '\u0085', '\x07', '\x08', '\r', '\x7f', '\x00'),
	fc.constantFrom('\u202e', '\u2066', '\u200b', '\u200d', '\ufeff'),
	fc.constantFrom('漢字かな', '👩‍👩‍👧‍👦', '🇯🇵', 'é', 'ﷺ', '\t'),
	fc.string({minLength: 0, maxLength: 12}),
	fc.integer({min: 40, max: 400}).map(n => 'w'.repeat(n)),
	fc.constantFrom('**', '*', '`', '[', '](', ')', '<b>', '</b>', '<!--', '&amp;', '&#27;', '\\'),
	// Dialect markup, whole and in pieces (render/dialects).
	fc.constantFrom('[[', ']]', '[[Note|x]]', '![[a.png]]', '{{<', '>}}', '{{< youtube x >}}', '{{</* y */>}}', '{%', '%}', '{% link a.md %}',
		'{{ site.x }}', '{% raw %}', '{% endraw %}', '%%', '==', '[^1]', '<Tabs>', '<TabItem label="t">', '</TabItem>', '[!note]', '\uE006', '\uE008'),
);
const inline = fc.array(hostileText, {minLength: 1, maxLength: 8}).map(parts => parts.join(''));
const block = fc.oneof(
	inline,
	inline.map(t => `# ${t}`),
	fc.tuple(fc.integer({min: 0, max: 6}), inline).map(([depth, t]) => `${'  '.repeat(depth)}- ${t}`),
	fc.tuple(fc.integer({min: 1, max: 8}), inline).map(([depth, t]) => `${'> '.repeat(depth)}${t}`),
	fc.tuple(inline, inline).map(([lang, code]) => `\`\`\`${lang.replace(/[\n`]/g, '')}\n${code}\n\`\`\``),
	fc.tuple(fc.integer({min: 1, max: 12}), inline).map(([cols, t]) =>
		`|${' h |'.repeat(cols)}\n|${'---|'.repeat(cols)}\n|${` ${t.replace(/[|\n]/g, ' ')} |`.repeat(cols)}`),
	fc.tuple(inline, inline).map(([t, href]) => `[${t.replace(/[\]\n]/g, '')}](${href.replace(/[()\s]/g, '')})`),
	fc.tuple(fc.constantFrom('highlight go "linenos=table,hl_lines=1"', 'code lang="x"', 'highlight'), inline).map(([open, code]) => `{{< ${open} >}}\n${code}\n{{< /${open.split(' ')[0]} >}}`),
	fc.tuple(fc.constantFrom('ruby linenos', '', 'x mark_lines="1"'), inline).map(([args, code]) => `{% highlight ${args} %}\n${code}\n{% endhighlight %}`),
	fc.tuple(fc.integer({min: 3, max: 5}), inline, inline, fc.boolean()).map(([n, title, body, close]) => `${':'.repeat(n)}tip[${title.replace(/\n/g, ' ')}]\n${body}${close ? `\n${':'.repeat(n)}` : ''}`),
	fc.tuple(fc.constantFrom('', '+', '-'), inline, inline).map(([fold, title, body]) => `> [!warning]${fold} ${title.replace(/\n/g, ' ')}\n> ${body.replace(/\n/g, '\n> ')}`),
	fc.tuple(fc.constantFrom('!!!', '???', '???+'), inline).map(([mark, body]) => `${mark} note "t"\n    ${body.replace(/\n/g, '\n    ')}`),
	fc.tuple(inline, inline).map(([label, body]) => `<Tabs>\n  <TabItem label="${label.replace(/["\n]/g, '')}">\n    ${body}\n  </TabItem>\n</Tabs>`),
	fc.tuple(inline, inline).map(([summary, body]) => `<details><summary>${summary}</summary>\n\n${body}\n</details>`),
	fc.tuple(inline, inline).map(([meta, code]) => `\`\`\`ts title="${meta.replace(/[\n`"]/g, '')}" showLineNumbers {1-3}\n// highlight-next-line\n${code}\n\`\`\``),
	inline.map(t => `[^1]: ${t}`),
);
const article = fc.array(block, {minLength: 1, maxLength: 12}).map(blocks => blocks.join('\n\n'));

describe('random hostile markdown', () => {
	it('never fails in the render worker, never overflows the width, never lets a raw control character through', async () => {
		await fc.assert(fc.asyncProperty(article, fc.integer({min: 20, max: 300}), fc.boolean(), fc.boolean(), async (md, width, colour, mdx) => {
			const view = await renderInWorker(md, width, colour ? 3 : 0, {mdx});
			expect(view.notice).toBeNull();
			expect(lineProblems(view.lines, width)).toEqual([]);
		}), {numRuns: 300});
	});
});
