import {describe, expect, it} from 'vitest';
import {FRONTMATTER_LIMIT, parseFrontmatter} from '../../src/core/shelf/frontmatter.js';

const fm = (yaml: string, body = 'body\n'): string => `---\n${yaml}\n---\n${body}`;
// Any C0/C1 control (tab and newline aside) or bidi control left in a display string is a bug.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('parseFrontmatter: delimiters and body', () => {
	it.each([
		['no frontmatter', '# Hi\n\ntext\n', '# Hi\n\ntext\n', 1],
		['empty frontmatter', '---\n---\nbody\n', 'body\n', 3],
		['closing with ...', '---\ntitle: x\n...\nbody\n', 'body\n', 4],
		['BOM and CRLF', '\uFEFF---\r\ntitle: x\r\n---\r\nbody\r\nmore\r\n', 'body\nmore\n', 4],
		['lone CR line endings', '---\rtitle: x\r---\rbody\r', 'body\n', 4],
		['trailing spaces on delimiters', '---  \ntitle: x\n--- \nbody', 'body', 4],
		['closing line at end of file', '---\ntitle: x\n---', '', 4],
		['--- not at the top is body', '\n---\ntitle: x\n---\n', '\n---\ntitle: x\n---\n', 1],
		['a thematic break ---- is not frontmatter', '----\ntext\n', '----\ntext\n', 1],
	])('%s', (_name, input, body, bodyLine) => {
		const result = parseFrontmatter(input);
		expect(result.error).toBeUndefined();
		expect(result.body).toBe(body);
		expect(result.bodyLine).toBe(bodyLine);
	});

	it('gives defaults when there is no frontmatter', () => {
		expect(parseFrontmatter('just text').data).toEqual({
			title: null, date: null, updated: null, categories: [], category: 'Uncategorized', tags: [], authors: [],
			description: '', cover: '', draft: false, aliases: [], slugAlias: null, excerptSeparator: null,
		});
	});

	it('reports an opening --- that never closes', () => {
		const result = parseFrontmatter('---\ntitle: x\n\n# Body\n');
		expect(result.error).toBe('frontmatter starts on line 1 but never closes (end it with a line of ---)');
		expect(result.errorAt).toEqual({line: 1});
		expect(result.body).toBe('');
	});
});

describe('parseFrontmatter: YAML errors carry file positions', () => {
	it.each([
		// [name, yaml, error pattern, file line]
		['unclosed flow list', 'title: ok\ntags: [a, b\ncategory: x', /^invalid YAML: Flow sequence/, 4],
		['tab indentation', 'title: x\n\tbad: 1', /^invalid YAML: Tabs are not allowed/, 3],
		['second document', 'title: a\n--- b', /^invalid YAML: Source contains multiple documents/, 3],
		['unknown alias', 'title: *nope', /^invalid YAML: .*nope/, 2],
		['top-level list', '- a\n- b', /^frontmatter must be keys like "title: \.\.\.", not a list$/, 2],
		['top-level scalar', 'just a string', /not a single value$/, 2],
	])('%s', (_name, yaml, pattern, line) => {
		const result = parseFrontmatter(fm(yaml));
		expect(result.error).toMatch(pattern);
		expect(result.errorAt?.line).toBe(line);
		expect(result.error).not.toMatch(/\n/); // the code frame quoting raw source is dropped
	});

	it('gives the column relative to the file', () => {
		const result = parseFrontmatter(fm('title: ok\nx: a: b'));
		expect(result.error).toMatch(/Nested mappings are not allowed/);
		expect(result.errorAt).toEqual({line: 3, column: 4});
	});

	it('stops a billion-laughs alias bomb', () => {
		const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
		for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e']]) {
			levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
		}
		const result = parseFrontmatter(fm(levels.join('\n')));
		expect(result.error).toMatch(/Excessive alias count/);
	});

	it('rejects frontmatter over 64 KiB before parsing, fast', () => {
		const keys = Array.from({length: 20_000}, (_, i) => `key${i}: value`).join('\n');
		const started = performance.now();
		const result = parseFrontmatter(fm(keys));
		expect(performance.now() - started).toBeLessThan(200);
		expect(result.error).toMatch(/^frontmatter is \d+ KiB; the limit is 64 KiB$/);
	});

	it('parses a frontmatter just under the limit in reasonable time', () => {
		const line = 'k: v\n';
		const yaml = `title: Big\n${'#'.repeat(FRONTMATTER_LIMIT - 200)}\n`;
		const result = parseFrontmatter(fm(yaml + line));
		expect(result.error).toBeUndefined();
		expect(result.data.title).toBe('Big');
	});

	it('parses a flow map of thousands of keys', () => {
		// yaml's own uniqueKeys check is quadratic (~3 s for a 64 KiB flow map of short keys), so
		// frontmatter.ts turns it off and checks keys itself. Speed belongs to the bench, not to a
		// timed assertion that fails on a loaded machine.
		let keys = '';
		for (let i = 0; keys.length < FRONTMATTER_LIMIT - 2000; i++) keys += `k${i.toString(36)}, `;
		const result = parseFrontmatter(fm(`title: Many\nkeys: {${keys}k0}`));
		expect(result.error).toBeUndefined();
		expect(result.data.title).toBe('Many');
	});

	it('does not pass control characters from yaml messages through', () => {
		const result = parseFrontmatter(fm('title: ok\n\x1b[31m: [unclosed'));
		expect(result.error).toBeDefined();
		expect(result.error).not.toMatch(RAW_CONTROL);
	});
});

describe('parseFrontmatter: field coercion', () => {
	it.each([
		// [name, yaml, expected fields, problem pattern or null]
		['plain fields', 'title: Hello\ndate: 2024-02-29\ntags: [a, b]\ncategory: Guides\ndescription: Desc\ncover: c.png',
			{title: 'Hello', date: '2024-02-29', tags: ['a', 'b'], category: 'Guides', description: 'Desc', cover: 'c.png'}, null],
		['number title', 'title: 12345', {title: '12345'}, /title should be text/],
		['float title shows yaml rounding', 'title: 1.10', {title: '1.1'}, /quote it/],
		['boolean title', 'title: yes', {title: 'yes'}, null], // core schema: yes is a string
		['boolean title (true)', 'title: true', {title: 'true'}, /title should be text/],
		['empty title falls back', 'title: ""', {title: null}, null],
		['null title', 'title:', {title: null}, null],
		['map title ignored', 'title: {a: 1}', {title: null}, /not a mapping/],
		['category list gives every category', 'category: [a, b]', {categories: ['a', 'b'], category: 'a'}, null],
		['empty category is Uncategorized', 'category: ""', {category: 'Uncategorized'}, null],
		['tags single string', 'tags: one-string', {tags: ['one-string']}, null],
		['tags comma string', 'tags: a, b ,, c', {tags: ['a', 'b', 'c']}, null],
		['tags number items', 'tags: [1, true, ok]', {tags: ['1', 'true', 'ok']}, /read as text/],
		['tags bad items dropped', 'tags: [ok, {x: 1}, [n], null]', {tags: ['ok']}, /3 item\(s\).*dropped/],
		['tags duplicates merged', 'tags: [a, a, b]', {tags: ['a', 'b']}, null],
		['tags mapping', 'tags: {a: 1}', {tags: []}, /not a mapping/],
		['tags number', 'tags: 42', {tags: ['42']}, /tags should be a list/],
		['date timestamp keeps date part', 'date: 2024-01-02T10:20:30Z', {date: '2024-01-02'}, null],
		['date with offset', 'date: "2024-01-02 23:30:00+05:30"', {date: '2024-01-02'}, null],
		['date month 13', 'date: 2024-13-45', {date: null}, /not a real calendar date/],
		['date 2023-02-29', 'date: 2023-02-29', {date: null}, /not a real calendar date/],
		['date 1900-02-29', 'date: 1900-02-29', {date: null}, /not a real calendar date/],
		['date 2000-02-29 is real', 'date: 2000-02-29', {date: '2000-02-29'}, null],
		['date day 0', 'date: 2024-04-00', {date: null}, /not a real calendar date/],
		['date April 31', 'date: 2024-04-31', {date: null}, /not a real calendar date/],
		['date hour 25', 'date: 2024-04-01T25:00', {date: null}, /not a real calendar date/],
		['date text', 'date: not-a-date', {date: null}, /"not-a-date" is not a date \(write it as YYYY-MM-DD\)/],
		['date number', 'date: 20240101', {date: null}, /got number/],
		['date short form', 'date: 2024-1-2', {date: null}, /write it as YYYY-MM-DD/],
		['unknown keys ignored silently', 'title: x\nlayout: post\nauthor: {name: a}', {title: 'x'}, null],
		['__proto__ is just an unknown key', '__proto__: {polluted: true}\ntitle: P', {title: 'P'}, null],
		['duplicate keys: last wins', 'title: First\ntitle: Second', {title: 'Second'}, /duplicate key "title" \(the last one wins\)/],
		['!!js/function stays a string', 'title: !!js/function "function(){}"', {title: 'function(){}'}, /unsupported tag !!js\/function ignored/],
		['!!binary stays a string', 'cover: !!binary aGVsbG8=', {cover: 'aGVsbG8='}, /unsupported tag !!binary ignored/],
		['local tag stays a string', 'title: !custom x', {title: 'x'}, /unsupported tag !custom ignored/],
		['!!set is a mapping', 'tags: !!set {a, b}', {tags: []}, /not a mapping/],
		['merge keys are not merged', 'base: &b {title: Merged}\n<<: *b', {title: null}, null],
		['folded description joins lines', 'description: >\n  one\n  two', {description: 'one two'}, null],
	])('%s', (_name, yaml, expected, problem) => {
		const result = parseFrontmatter(fm(yaml));
		expect(result.error).toBeUndefined();
		expect(result.data).toMatchObject(expected);
		const messages = result.problems.map((p) => p.message).join('\n');
		if (problem) expect(messages).toMatch(problem);
		else expect(result.problems).toEqual([]);
	});

	it('gives problems the line of their key in the file', () => {
		const result = parseFrontmatter(fm('layout: x\ntitle: 12345\ndate: nope'));
		expect(result.problems.map((p) => [p.line, p.column])).toEqual([[3, 1], [4, 1]]);
	});

	it('does not pollute prototypes', () => {
		const result = parseFrontmatter(fm('__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}'));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
		expect(Object.keys(result.data).sort()).toEqual([
			'aliases', 'authors', 'categories', 'category', 'cover', 'date', 'description', 'draft', 'excerptSeparator', 'slugAlias', 'tags', 'title', 'updated',
		]);
	});

	it.each(['title', 'category', 'description'] as const)('cuts %s at 500 characters', (key) => {
		const limit = 500;
		const result = parseFrontmatter(fm(`${key}: ${'é'.repeat(limit + 10)}`));
		expect(result.data[key]).toHaveLength(limit);
		expect(result.problems[0]?.message).toBe(`${key} is ${limit + 10} characters; cut to ${limit}`);
	});

	it('caps tag length and tag count', () => {
		const many = Array.from({length: 150}, (_, i) => `t${i}`).join(', ');
		const result = parseFrontmatter(fm(`tags: [${'x'.repeat(120)}, ${many}]`));
		expect(result.data.tags).toHaveLength(100);
		expect(result.data.tags[0]).toHaveLength(100);
		const messages = result.problems.map((p) => p.message);
		expect(messages).toContain('tags is 120 characters; cut to 100');
		expect(messages).toContain('tags: 151 tags; kept the first 100');
	});

	it('cuts by characters, never inside an emoji', () => {
		const result = parseFrontmatter(fm(`title: ${'😀'.repeat(600)}`));
		expect(Array.from(result.data.title ?? '')).toHaveLength(500);
		expect(result.data.title).toBe('😀'.repeat(500));
	});

	it('sanitizes every display field', () => {
		const evil = '\x1b]0;pwned\x07\u009b31m\u202e';
		const yaml = [
			`title: "\\x1b]0;pwned\\x07 \\u009b \\u202e \\0 x"`,
			`tags:\n  - ${evil}tag\n  - "\\x1b[2J"`,
			`category: ${evil}cat`,
			`description: ${evil}desc`,
			`cover: ${evil}.png`,
		].join('\n');
		const {data, problems, error} = parseFrontmatter(fm(yaml));
		expect(error).toBeUndefined();
		for (const value of [data.title, data.category, data.description, data.cover, ...data.tags]) {
			expect(value).not.toMatch(RAW_CONTROL);
			expect(value).not.toMatch(/\n/);
		}
		expect(data.title).toContain('␛]0;pwned␇');
		expect(data.category).toContain('<U+009B>');
		expect(problems).toEqual([]);
	});
});
