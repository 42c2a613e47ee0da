import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {configPath, DEFAULT_SETTINGS, formatProblem, loadConfig, parseConfigText} from '../../src/core/config/index.js';

const FILE = '/home/u/.config/inkshelf/config.yaml';

function withConfig(text: string | null, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const home = mkdtempSync(path.join(tmpdir(), 'inkshelf-config-test-'));
	if (text !== null) {
		mkdirSync(path.join(home, 'inkshelf'));
		writeFileSync(path.join(home, 'inkshelf', 'config.yaml'), text);
	}
	return {XDG_CONFIG_HOME: home, HOME: '/home/someone', ...extra};
}

describe('config path', () => {
	it('is under XDG_CONFIG_HOME, else ~/.config; a relative XDG_CONFIG_HOME is ignored', () => {
		expect(configPath({XDG_CONFIG_HOME: '/x/conf', HOME: '/h'})).toBe('/x/conf/inkshelf/config.yaml');
		expect(configPath({HOME: '/h'})).toBe('/h/.config/inkshelf/config.yaml');
		expect(configPath({XDG_CONFIG_HOME: 'rel', HOME: '/h'})).toBe('/h/.config/inkshelf/config.yaml');
	});
});

describe('parseConfigText', () => {
	it('reads every key with its line', () => {
		const r = parseConfigText('shelves:\n  - ~/notes\n  - github:acme/handbook\ntheme: light\nwidth: 90\nmouse: true\ndrafts: true\nexclude: archive/**\n', FILE);
		expect(r.problems).toEqual([]);
		expect(r.values).toEqual({shelves: ['~/notes', 'github:acme/handbook'], theme: 'light', width: 90, mouse: true, drafts: true, exclude: ['archive/**']});
		expect(r.lines).toEqual({shelves: 1, theme: 4, width: 5, mouse: 6, drafts: 7, exclude: 8});
	});

	it('an empty file or one of comments sets nothing', () => {
		expect(parseConfigText('', FILE)).toEqual({values: {}, lines: {}, problems: []});
		expect(parseConfigText('# nothing yet\n', FILE)).toEqual({values: {}, lines: {}, problems: []});
	});

	it('a key of the wrong type is one error naming file, line and key; the others are kept', () => {
		const r = parseConfigText('theme: dark\nwidth: wide\nmouse: "yes"\n', FILE);
		expect(r.values).toEqual({theme: 'dark'});
		expect(r.problems).toHaveLength(2);
		expect(r.problems[0]).toMatchObject({severity: 'error', file: FILE, line: 2, key: 'width'});
		expect(formatProblem(r.problems[0]!)).toBe(`error in ${FILE}:2: "width": should be a whole number from 20 to 1000, not "wide"; using the default (110)`);
		expect(formatProblem(r.problems[1]!)).toContain(':3: "mouse": should be true or false');
	});

	it('a theme that does not exist names the ones that do', () => {
		const [p] = parseConfigText('theme: solarized\n', FILE).problems;
		expect(p?.message).toContain('auto, dark, light, mono');
	});

	it('a file that does not parse is one error with its line and key, and no values', () => {
		const r = parseConfigText('theme: dark\nshelves: [a, b\nwidth: 80\n', FILE);
		expect(r.values).toEqual({});
		expect(r.problems).toHaveLength(1);
		expect(r.problems[0]).toMatchObject({severity: 'error', file: FILE, key: 'shelves'});
		expect(r.problems[0]?.line).toBeGreaterThanOrEqual(2);
		expect(r.problems[0]?.message).toContain('not valid YAML');
	});

	it('a file that is not a mapping is an error', () => {
		const r = parseConfigText('- theme\n- dark\n', FILE);
		expect(r.values).toEqual({});
		expect(r.problems[0]?.severity).toBe('error');
	});

	it('unknown keys are warnings and the rest is read', () => {
		const r = parseConfigText('colour: red\ntheme: mono\n', FILE);
		expect(r.values).toEqual({theme: 'mono'});
		expect(r.problems).toEqual([expect.objectContaining({severity: 'warning', line: 1, key: 'colour'})]);
	});

	it('duplicate keys and alias bombs are errors, not hangs', () => {
		expect(parseConfigText('theme: dark\ntheme: light\n', FILE).problems[0]?.severity).toBe('error');
		const bomb = 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
		expect(parseConfigText(bomb, FILE).problems[0]?.severity).toBe('error');
	});

	it('control characters in a bad value never reach the message raw', () => {
		const [p] = parseConfigText('theme: "\\e]0;pwned\\a"\n', FILE).problems;
		expect(formatProblem(p!)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
	});
});

describe('loadConfig', () => {
	it('without a file every setting is a default', async () => {
		const c = await loadConfig({}, withConfig(null));
		expect(c.exists).toBe(false);
		expect(c.settings).toEqual(DEFAULT_SETTINGS);
		expect(Object.values(c.origins).every(o => o.from === 'default')).toBe(true);
		expect(c.problems).toEqual([]);
	});

	it('folders are resolved (~ from home, relative from the config folder); git URLs stay as written', async () => {
		const env = withConfig('shelves: [~/notes, handbook, /abs/wiki, "https://example.com/x.git", "github:acme/docs"]\n');
		const c = await loadConfig({}, env);
		expect(c.settings.shelves).toEqual(['/home/someone/notes', path.join(env['XDG_CONFIG_HOME']!, 'inkshelf', 'handbook'), '/abs/wiki', 'https://example.com/x.git', 'github:acme/docs']);
		expect(c.origins.shelves).toEqual({from: 'file', file: c.file, line: 1});
	});

	it('flags win over the file, and NO_COLOR makes the theme mono', async () => {
		const env = withConfig('theme: light\nwidth: 90\n');
		const flagged = await loadConfig({width: {value: 70, flag: '--width'}}, env);
		expect(flagged.settings).toMatchObject({theme: 'light', width: 70});
		expect(flagged.origins.width).toEqual({from: 'flag', flag: '--width'});
		const noColor = await loadConfig({}, {...env, NO_COLOR: '1'});
		expect(noColor.settings.theme).toBe('mono');
		expect(noColor.origins.theme).toEqual({from: 'env', name: 'NO_COLOR'});
		expect((await loadConfig({}, {...env, NO_COLOR: ''})).settings.theme).toBe('light');
	});

	it('a broken file: defaults and the error', async () => {
		const c = await loadConfig({}, withConfig('theme: [\n'));
		expect(c.settings).toEqual(DEFAULT_SETTINGS);
		expect(c.problems).toHaveLength(1);
	});

	it('an unreadable config path is an error, not a crash', async () => {
		const env = withConfig(null);
		mkdirSync(path.join(env['XDG_CONFIG_HOME']!, 'inkshelf', 'config.yaml'), {recursive: true});
		const c = await loadConfig({}, env);
		expect(c.settings).toEqual(DEFAULT_SETTINGS);
		expect(c.problems[0]?.message).toContain('EISDIR');
	});
});
