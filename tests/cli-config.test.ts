/** `inkshelf config` and the config file as the built command line reads it. */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {CONTENT, REPO, ensureBuilt, runCli} from './helpers/cli.js';

beforeAll(() => ensureBuilt());

function configHome(text?: string): string {
	const home = mkdtempSync(path.join(tmpdir(), 'inkshelf-cli-config-test-'));
	if (text !== undefined) {
		mkdirSync(path.join(home, 'inkshelf'));
		writeFileSync(path.join(home, 'inkshelf', 'config.yaml'), text);
	}
	return home;
}

describe('inkshelf config', () => {
	it('--path prints the file path, existing or not', () => {
		const home = configHome();
		const r = runCli(['config', '--path'], {env: {XDG_CONFIG_HOME: home}});
		expect(r.status).toBe(0);
		expect(r.stdout).toBe(`${path.join(home, 'inkshelf', 'config.yaml')}\n`);
	});

	it('prints every setting with where it came from: default, file line, flag, environment', () => {
		const home = configHome('theme: light\nwidth: 90\nmouse: true\nshelves: [notes]\n');
		const file = path.join(home, 'inkshelf', 'config.yaml');
		const r = runCli(['config', '--width', '72'], {env: {XDG_CONFIG_HOME: home}});
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		const row = (name: string): string => r.stdout.split('\n').find(l => l.startsWith(`${name} `)) ?? '';
		expect(row('theme')).toMatch(new RegExp(`light\\s+${file}:1$`));
		expect(row('width')).toMatch(/72\s+command line \(--width\)$/);
		expect(row('mouse')).toMatch(new RegExp(`true\\s+${file}:3$`));
		expect(row('shelves')).toContain(path.join(home, 'inkshelf', 'notes'));
		expect(row('drafts')).toMatch(/true\s+default$/);
		const noDrafts = runCli(['config', '--no-drafts'], {env: {XDG_CONFIG_HOME: home}});
		expect(noDrafts.stdout.split('\n').find(l => l.startsWith('drafts '))).toMatch(/false\s+command line \(--no-drafts\)$/);
		const mono = runCli(['config'], {env: {XDG_CONFIG_HOME: home, NO_COLOR: '1'}});
		expect(mono.stdout.split('\n').find(l => l.startsWith('theme '))).toMatch(/mono\s+environment \(NO_COLOR\)$/);
	});

	it('a bad key: one error naming file, line and key on stderr; the command still runs with the default', () => {
		const home = configHome('theme: dark\nwidth: "wide"\nshelfs: [x]\n');
		const file = path.join(home, 'inkshelf', 'config.yaml');
		const r = runCli(['tags', CONTENT], {env: {XDG_CONFIG_HOME: home}});
		expect(r.status).toBe(0);
		expect(r.stdout.length).toBeGreaterThan(0);
		expect(r.stderr).toBe(`inkshelf: error in ${file}:2: "width": should be a whole number from 20 to 1000, not "wide"; using the default (110)\n`
			+ `inkshelf: warning in ${file}:3: "shelfs": unknown setting, ignored (known: shelves, theme, width, mouse, drafts, exclude)\n`);
	});

	it('a file that does not parse: one error, then defaults', () => {
		const home = configHome('theme: dark\nshelves: [a, b\n');
		const r = runCli(['tags', CONTENT], {env: {XDG_CONFIG_HOME: home}});
		expect(r.status).toBe(0);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/config\.yaml:2: "shelves": the file is not valid YAML/);
	});

	it('the shelf comes from the config when no DIR is given, and DIR wins over it', () => {
		const shelf = mkdtempSync(path.join(tmpdir(), 'inkshelf-config-shelf-'));
		writeFileSync(path.join(shelf, 'only.md'), '---\ntitle: The Only One\n---\nHello.\n');
		const home = configHome(`shelves: ${JSON.stringify(shelf)}\n`);
		const fromConfig = runCli(['list'], {env: {XDG_CONFIG_HOME: home}});
		expect(fromConfig.stdout).toContain('The Only One');
		const fromDir = runCli(['list', CONTENT], {env: {XDG_CONFIG_HOME: home}});
		expect(fromDir.stdout).not.toContain('The Only One');
	});

	it('drafts: false leaves drafts out of list, as --no-drafts does; the default lists them', () => {
		const jekyll = path.join(REPO, 'tests', 'fixtures', 'dialects', 'jekyll');
		const slugs = (home: string): string[] => (JSON.parse(runCli(['list', '--json', jekyll], {env: {XDG_CONFIG_HOME: home}}).stdout) as {slug: string}[]).map(i => i.slug);
		const all = slugs(configHome());
		const without = slugs(configHome('drafts: false\n'));
		expect(without).toEqual(['_posts/2023-11-02-kettle-release', 'releases/_posts/2023-10-01-kettle-rc']);
		expect(all.length).toBeGreaterThan(without.length);
		expect(slugs(configHome('drafts: true\n'))).toEqual(all);
	});

	it('width caps the text column of a printed read; --width wins; without either a pipe gets 80', () => {
		const widest = (args: string[], home: string): number => {
			const r = runCli(['read', 'rust-error-handling', CONTENT, ...args], {env: {XDG_CONFIG_HOME: home}});
			expect(r.status).toBe(0);
			return Math.max(...r.stdout.split('\n').map(l => [...l].length));
		};
		expect(widest([], configHome('width: 50\n'))).toBeLessThanOrEqual(50);
		expect(widest([], configHome('width: 50\n'))).toBeGreaterThan(40);
		expect(widest(['--width', '70'], configHome('width: 50\n'))).toBeGreaterThan(60);
		expect(widest([], configHome())).toBe(80);
	});

	it('--theme takes only known themes', () => {
		const r = runCli(['--theme', 'neon', 'list']);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('--theme takes auto, dark, light, mono, not "neon"');
	});
});

describe('several shelves', () => {
	it('are merged into one library: slugs start with each shelf name, read and list work across them', () => {
		const root = mkdtempSync(path.join(tmpdir(), 'inkshelf-shelves-'));
		for (const [shelf, title] of [['notes', 'A Note'], ['handbook', 'The Handbook Page']] as const) {
			mkdirSync(path.join(root, shelf));
			writeFileSync(path.join(root, shelf, 'intro.md'), `---\ntitle: ${title}\ntags: [${shelf}]\n---\nHello from ${shelf}.\n`);
		}
		const home = configHome(`shelves:\n  - ${path.join(root, 'notes')}\n  - ${path.join(root, 'handbook')}\n`);
		const list = runCli(['list', '--json'], {env: {XDG_CONFIG_HOME: home}});
		expect(list.stderr).toBe('');
		expect((JSON.parse(list.stdout) as {slug: string}[]).map(a => a.slug).sort()).toEqual(['handbook/intro', 'notes/intro']);
		const read = runCli(['read', 'handbook/intro'], {env: {XDG_CONFIG_HOME: home}});
		expect(read.stdout).toContain('Hello from handbook.');
	});
});

describe('exclude', () => {
	it('folders the config excludes are not on the shelf', () => {
		const shelf = mkdtempSync(path.join(tmpdir(), 'inkshelf-exclude-cli-'));
		mkdirSync(path.join(shelf, 'archive'));
		writeFileSync(path.join(shelf, 'kept.md'), '---\ntitle: Kept\n---\nx\n');
		writeFileSync(path.join(shelf, 'archive', 'gone.md'), '---\ntitle: Gone\n---\nx\n');
		const home = configHome('exclude: [archive]\n');
		const r = runCli(['list', shelf], {env: {XDG_CONFIG_HOME: home}});
		expect(r.stdout).toContain('Kept');
		expect(r.stdout).not.toContain('Gone');
	});
});
