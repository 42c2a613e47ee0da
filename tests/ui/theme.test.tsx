/**
 * The screens under each theme (ink-testing-library, colour forced so Ink
 * writes SGR): mono has no colour and keeps bold and reverse video; light uses
 * its palette; the shelf group of several shelves shows. FORCE_COLOR is set
 * before Ink is imported (its colour level is decided at import).
 */
import {afterAll, vi, describe, expect, it} from 'vitest';

const saved = vi.hoisted(() => {
	const before = process.env['FORCE_COLOR'];
	process.env['FORCE_COLOR'] = '3';
	return before;
});

afterAll(() => {
	if (saved === undefined) delete process.env['FORCE_COLOR'];
	else process.env['FORCE_COLOR'] = saved;
});

const React = (await import('react')).default;
const {render} = await import('ink-testing-library');
const {App} = await import('../../src/ui/App.js');
const {ThemeContext, uiTheme} = await import('../../src/ui/theme.js');
const {makeStyles} = await import('../../src/core/render/styles.js');
const {sampleGroups} = await import('../helpers/articles.js');
const {groupsOf} = await import('../../src/commands.js');
const {mergeShelves} = await import('../../src/core/shelf/merge.js');
const {article} = await import('../helpers/articles.js');

/** Colour SGR parameters (30-38, 40-48, 90-107); 39/49 only reset to the default. */
const COLOUR_SGR = /\x1b\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;
const tick = (ms = 30): Promise<void> => new Promise(r => setTimeout(r, ms));

async function screens(theme: 'dark' | 'light' | 'mono', groups = sampleGroups()): Promise<[string, string, string]> {
	const r = render(
		<ThemeContext.Provider value={uiTheme(theme, 3)}>
			<App groups={groups} title="test shelf" styles={makeStyles(3, theme)} copy={async () => ({ok: true, routes: ['fake'], tried: [], message: 'sent'})} />
		</ThemeContext.Provider>,
	);
	Object.defineProperty(r.stdout, 'columns', {value: 100, configurable: true});
	Object.defineProperty(r.stdout, 'rows', {value: 30, configurable: true});
	r.stdout.emit('resize');
	await tick(60);
	const library = r.lastFrame() ?? '';
	r.stdin.write('\t');
	await tick();
	const groupsFocused = r.lastFrame() ?? '';
	r.stdin.write('\t');
	await tick();
	r.stdin.write('\r');
	let reader = '';
	for (let i = 0; i < 100 && !/\d+\/\d+/.test(reader.split('\n').at(-1) ?? ''); i++) {
		await tick(30);
		reader = r.lastFrame() ?? '';
	}
	r.unmount();
	return [library, groupsFocused, reader];
}

describe('screens by theme', () => {
	it('mono: no colour anywhere, selection in reverse video, emphasis in bold', async () => {
		const [library, groupsFocused, reader] = await screens('mono');
		for (const s of [library, groupsFocused, reader]) expect(s.match(COLOUR_SGR)?.[0]).toBeUndefined();
		expect(groupsFocused).toMatch(/\x1b\[7m/);
		expect(library).toMatch(/\x1b\[1m/);
		expect(reader).toMatch(/\x1b\[1m/);
	});

	it('light: the light accent in the chrome and the light palette in the article; never bright white or bright cyan', async () => {
		const [library, , reader] = await screens('light');
		expect(library).toContain('\x1b[38;2;0;95;135m');
		expect(reader).toMatch(/\x1b\[38;2;(?:0;95;135|135;0;135)m/);
		for (const s of [library, reader]) expect(s).not.toMatch(/\x1b\[(?:97|96)m|38;2;255;255;255m/);
	});

	it('several shelves: a shelf group each, after All', async () => {
		const a = {root: '/x/notes', articles: [article('intro', {title: 'Note intro'})], skipped: []};
		const b = {root: '/x/handbook', articles: [article('setup', {title: 'Handbook setup'})], skipped: []};
		const [library] = await screens('dark', groupsOf(mergeShelves([a, b])));
		const plain = library.replace(/\x1b\[[\d;]*m/g, '');
		expect(plain).toMatch(/▤ handbook\s+1/);
		expect(plain).toMatch(/▤ notes\s+1/);
		expect(plain.indexOf('▤ ')).toBeGreaterThan(plain.indexOf('≡ All'));
	});
});
