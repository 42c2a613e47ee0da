/**
 * The drawing path end to end, in a pseudo-terminal that answers as kitty
 * would (tests/helpers/kitty-pty.py): the built app detects kitty graphics,
 * sends each image once, places it under its label, moves and crops it as
 * the reader scrolls, hides it when the reader ends and deletes it at exit.
 * Only numbers and base64 are in any of these escapes.
 */
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI, ensureBuilt} from '../helpers/cli.js';
import {jpg, png} from '../helpers/images.js';

const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;
const DRIVER = fileURLToPath(new URL('../helpers/kitty-pty.py', import.meta.url));

const ARTICLE = `---
title: With pictures
date: 2026-01-05
cover: pics/cover.png
---

Some words before the picture, with an \x1b[31mescape\x1b[0m in them.

![A \x1bc\x07 checkerboard](pics/checks.jpg)

${Array.from({length: 30}, (_, i) => `Paragraph ${i + 1} after the picture.`).join('\n\n')}
`;

describe.skipIf(!HAS_PYTHON)('inline images in a terminal that answers as kitty', () => {
	let dir = '';
	beforeAll(() => {
		ensureBuilt();
		dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-images-pty-'));
		mkdirSync(path.join(dir, 'shelf', 'pics'), {recursive: true});
		writeFileSync(path.join(dir, 'shelf', 'pics', 'cover.png'), png(480, 240));
		writeFileSync(path.join(dir, 'shelf', 'pics', 'checks.jpg'), jpg(160, 320));
		writeFileSync(path.join(dir, 'shelf', 'pictures.md'), ARTICLE);
	});
	afterAll(() => {
		if (dir) rmSync(dir, {recursive: true, force: true});
	});

	it('sends, places, scrolls, hides and forgets the cover and the JPEG', () => {
		const out = path.join(dir, 'out.bin');
		const env: NodeJS.ProcessEnv = {...process.env, XDG_CACHE_HOME: path.join(dir, 'cache'), XDG_STATE_HOME: path.join(dir, 'state'), XDG_CONFIG_HOME: path.join(dir, 'config')};
		delete env['TMUX'];
		const r = spawnSync('python3', [DRIVER, out, '80', '24', 'Some words', 'jjjjjq', '--', process.execPath, CLI, 'read', 'pictures', path.join(dir, 'shelf')], {env, encoding: 'utf8', timeout: 60_000});
		expect(r.status).toBe(0);
		const bytes = readFileSync(out).toString('latin1');
		const commands = [...bytes.matchAll(/\x1b_G([^\x1b]*)\x1b\\/g)].map(m => m[1] ?? '');
		// Nothing from the article's text (its escape, its alt text) is in any image escape.
		expect(commands.every(c => /^[a-zA-Z0-9=,;+/]*$/.test(c))).toBe(true);
		const control = commands.map(c => c.split(';')[0] ?? '');
		const sent = control.filter(c => c.startsWith('a=t,'));
		expect(sent).toEqual([expect.stringMatching(/^a=t,f=100,t=d,i=\d+,q=2,m=1$/), expect.stringMatching(/^a=t,f=24,s=\d+,v=\d+,t=d,i=\d+,q=2,m=[01]$/)]);
		const [cover, checks] = sent.map(c => /i=(\d+)/.exec(c)?.[1]);
		const places = (id: string | undefined): string[] => control.filter(c => c.startsWith(`a=p,i=${id},`));
		// The cover: the text column allows 48 columns; 12 rows is half the screen.
		expect(places(cover)[0]).toBe(`a=p,i=${cover},p=1,c=48,r=12,x=0,y=0,w=480,h=240,C=1,q=2`);
		// Scrolled by j: the cover is cropped from the top, a row (20 pixels) at a time.
		const cropped = places(cover).map(c => /r=(\d+),x=0,y=(\d+),w=480,h=(\d+),/.exec(c)).filter(m => m !== null && m[2] !== '0');
		expect(cropped.length).toBeGreaterThan(0);
		for (const m of cropped) expect([Number(m?.[2]), Number(m?.[3])]).toEqual([(12 - Number(m?.[1])) * 20, Number(m?.[1]) * 20]);
		expect(places(checks).length).toBeGreaterThan(0);
		// Each placement is made at a cell with the cursor saved and restored around it.
		expect(bytes).toMatch(new RegExp(`\\x1b7\\x1b\\[\\d+;\\d+H\\x1b_Ga=p,i=${cover},`));
		// The reader ends: hidden; the app ends: deleted with their data.
		expect(control).toContain(`a=d,d=i,i=${cover},q=2`);
		expect(control.slice(-2).sort()).toEqual([`a=d,d=I,i=${checks},q=2`, `a=d,d=I,i=${cover},q=2`].sort());
	}, 60_000);
});
