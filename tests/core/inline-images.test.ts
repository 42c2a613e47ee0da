/**
 * Inline images: what the terminal's answers mean, what is sent (kitty
 * escapes: numbers and base64 only), how big an image is drawn, which images
 * the renderer makes room for, and the fallback to labelled lines.
 */
import {PassThrough} from 'node:stream';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {GRAPHICS_QUERY, imageCells, imageFacts, kittyHide, kittyPlace, kittyTransmit, supportFromReplies, ImagePreparer} from '../../src/core/images/index.js';
import {shrink} from '../../src/core/images/prepare.js';
import {graphicsRefusal, queryGraphics} from '../../src/core/system/terminal-graphics.js';
import {ArticleRenderer, parseArticle} from '../../src/core/render/article.js';
import {makeStyles} from '../../src/core/render/styles.js';
import {kittyGraphics} from '../../src/terminal-graphics.js';
import {jpg, png} from '../helpers/images.js';

const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-inline-images-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

writeFileSync(path.join(dir, 'wide.png'), png(400, 100));
writeFileSync(path.join(dir, 'tall.jpg'), jpg(100, 800));
writeFileSync(path.join(dir, 'broken.png'), 'not an image');
writeFileSync(path.join(dir, 'broken.jpg'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 16, 0, 16, 3]), Buffer.alloc(64, 7)]));

/** What only inkshelf's own kitty escapes may contain: numbers, keys, base64; never text from an article. */
const ONLY_KITTY = /^(?:\x1b_G[a-zA-Z0-9=,;+/]*\x1b\\|\x1b7|\x1b8|\x1b\[\d+;\d+H)+$/;

/** A terminal on a PassThrough: `answer` is what it says back to the query (nothing: silent). */
function fakeTerminal(answer: string | null): {io: {stdin: NodeJS.ReadStream; stdout: {isTTY: boolean; write(s: string): boolean}}; written: string[]} {
	const stdin = Object.assign(new PassThrough(), {isTTY: true, isRaw: false, setRawMode(mode: boolean) {
		stdin.isRaw = mode;
		return stdin;
	}});
	const written: string[] = [];
	const stdout = {isTTY: true, write(s: string): boolean {
		written.push(s);
		if (answer !== null) setTimeout(() => stdin.write(answer), 5);
		return true;
	}};
	return {io: {stdin: stdin as unknown as NodeJS.ReadStream, stdout}, written};
}

describe('detecting the terminal', () => {
	it('kitty: a graphics OK before the DA1 reply; the cell size is read too', async () => {
		const t = fakeTerminal('\x1b_Gi=31;OK\x1b\\\x1bP>|kitty(0.26.5)\x1b\\\x1b[6;20;10t\x1b[?62;c');
		const s = await queryGraphics(t.io, {TERM: 'xterm-kitty'});
		expect(t.written).toEqual([GRAPHICS_QUERY]);
		expect(s).toMatchObject({protocol: 'kitty', cell: {width: 10, height: 20}, terminal: 'kitty(0.26.5)'});
	});

	it('a terminal that answers DA1 only: no images, at once', async () => {
		const t = fakeTerminal('\x1b[?1;2c');
		const began = performance.now();
		const s = await queryGraphics(t.io, {TERM: 'xterm-kitty'}, 5000);
		expect(s.protocol).toBeNull();
		expect(performance.now() - began).toBeLessThan(4000);
	});

	it('a terminal that answers nothing: given up after the timeout, no images', async () => {
		const t = fakeTerminal(null);
		const began = performance.now();
		const s = await queryGraphics(t.io, {}, 120);
		expect(s).toMatchObject({protocol: null, reason: 'the terminal did not answer'});
		expect(performance.now() - began).toBeGreaterThanOrEqual(110);
	});

	it('keys typed while it asked are kept for the app', async () => {
		const t = fakeTerminal('j\x1b_Gi=31;OK\x1b\\k\x1b[?62;c');
		const s = await queryGraphics(t.io, {});
		expect(s.protocol).toBe('kitty');
		expect(String((t.io.stdin as unknown as PassThrough).read())).toBe('jk');
	});

	it('inside tmux or screen nothing is asked', async () => {
		const t = fakeTerminal('\x1b_Gi=31;OK\x1b\\\x1b[?62;c');
		expect(await queryGraphics(t.io, {TMUX: '/tmp/tmux-0/default,1,0'})).toMatchObject({protocol: null, reason: 'inside tmux or screen'});
		expect(t.written).toEqual([]);
		expect(graphicsRefusal({TERM: 'screen-256color'})).toBe('inside tmux or screen');
		expect(graphicsRefusal({INKSHELF_IMAGES: '0'})).toMatch(/turned off/);
		expect(graphicsRefusal({TERM: 'xterm-256color'})).toBeNull();
	});

	it.each([
		['a kitty reply after DA1 does not count', '\x1b[?62;c\x1b_Gi=31;OK\x1b\\', null],
		['a refusal', '\x1b_Gi=31;ENOTSUPPORTED:no\x1b\\\x1b[?62;c', null],
		['WezTerm by XTVERSION', '\x1bP>|WezTerm 20240203\x1b\\\x1b[?62;c', 'iterm'],
		['iTerm2 by XTVERSION', '\x1bP>|iTerm2 3.5.0\x1b\\\x1b[?62;c', 'iterm'],
		['xterm', '\x1bP>|XTerm(390)\x1b\\\x1b[?62;c', null],
	] as const)('%s', (_name, replies, protocol) => {
		expect(supportFromReplies(replies).protocol).toBe(protocol);
	});
});

describe('kitty escapes', () => {
	it('send an image in chunks of 4096 base64 characters, quietly (q=2), and nothing else', () => {
		const bytes = png(300, 300);
		const escape = kittyTransmit(7, {format: 'png', bytes});
		expect(escape).toMatch(ONLY_KITTY);
		const parts = [...escape.matchAll(/\x1b_G([^;]*);([^\x1b]*)\x1b\\/g)];
		expect(parts[0]?.[1]).toBe(`a=t,f=100,t=d,i=7,q=2,m=${parts.length > 1 ? 1 : 0}`);
		expect(parts.every(p => (p[2] ?? '').length <= 4096 && /q=2/.test(p[1] ?? ''))).toBe(true);
		expect(parts.at(-1)?.[1]).toBe('m=0,q=2');
		expect(Buffer.from(parts.map(p => p[2]).join(''), 'base64').equals(bytes)).toBe(true);
		expect(kittyTransmit(8, {format: 'rgb', bytes: new Uint8Array(12), width: 2, height: 2})).toBe('\x1b_Ga=t,f=24,s=2,v=2,t=d,i=8,q=2,m=0;AAAAAAAAAAAAAAAA\x1b\\');
	});

	it('place an image at a cell, cropped to its visible rows, without moving the cursor', () => {
		const whole = kittyPlace({id: 3, column: 9, row: 4, columns: 40, rows: 10, from: 0, shown: 10, pixelWidth: 400, pixelHeight: 200});
		expect(whole).toBe('\x1b7\x1b[5;10H\x1b_Ga=p,i=3,p=1,c=40,r=10,x=0,y=0,w=400,h=200,C=1,q=2\x1b\\\x1b8');
		// Scrolled so its first 4 rows are above the screen: the top 80 pixels are cut.
		const cut = kittyPlace({id: 3, column: 9, row: 3, columns: 40, rows: 10, from: 4, shown: 6, pixelWidth: 400, pixelHeight: 200});
		expect(cut).toContain('r=6,x=0,y=80,w=400,h=120');
		expect(kittyHide(3)).toBe('\x1b_Ga=d,d=i,i=3,q=2\x1b\\');
	});
});

describe('scaling', () => {
	const cell = {width: 10, height: 20};
	it.each([
		['a small image keeps its size', {width: 100, height: 40}, 80, 20, {columns: 10, rows: 2}],
		['a wide image is as wide as the text column', {width: 2000, height: 500}, 80, 20, {columns: 80, rows: 10}],
		['a tall image is at most maxRows high, and narrower', {width: 400, height: 2000}, 80, 12, {columns: 5, rows: 12}],
		['a one-pixel line still takes a cell', {width: 3000, height: 1}, 80, 20, {columns: 80, rows: 1}],
	] as const)('%s', (_name, pixels, maxColumns, maxRows, want) => {
		expect(imageCells(pixels, cell, maxColumns, maxRows)).toEqual(want);
	});
	it('no size, no box', () => {
		expect(imageCells({width: 0, height: 10}, cell, 80, 20)).toBeNull();
	});
	it('a JPEG is shrunk to the pixels its box can show', () => {
		const r = shrink(new Uint8Array(100 * 50 * 3).fill(9), 100, 50, {width: 20, height: 20});
		expect([r.width, r.height, r.bytes.length]).toEqual([20, 10, 600]);
		expect(r.bytes.every(b => b === 9)).toBe(true);
	});
});

describe('image headers', () => {
	it('PNG and JPEG sizes come from the header; anything else says why', () => {
		expect(imageFacts(path.join(dir, 'wide.png'))).toMatchObject({ok: true, format: 'png', width: 400, height: 100});
		expect(imageFacts(path.join(dir, 'tall.jpg'))).toMatchObject({ok: true, format: 'jpeg', width: 100, height: 800});
		expect(imageFacts(path.join(dir, 'broken.png'))).toEqual({ok: false, reason: 'not a readable image'});
		expect(imageFacts(path.join(dir, 'missing.png'))).toEqual({ok: false, reason: 'not found'});
	});
});

describe('the renderer makes room for images it can draw', () => {
	const options = {dir, cellWidth: 10, cellHeight: 20, maxRows: 8};
	const render = (md: string, inline = true) => new ArticleRenderer(parseArticle(md), 60, makeStyles(0), inline ? options : undefined).renderAll();

	it('a local PNG: its label, then blank lines where it is drawn', () => {
		const r = render('Before.\n\n![Wide one](wide.png)\n\nAfter.\n');
		expect(r.images).toEqual([expect.objectContaining({index: 0, columns: 40, rows: 5, format: 'png', path: path.join(dir, 'wide.png')})]);
		const at = r.images[0]?.line ?? -1;
		expect(r.lines[at - 1]).toContain('▣ Wide one · wide.png');
		expect(r.lines.slice(at, at + 5)).toEqual(['', '', '', '', '']);
		expect(r.lines.slice(at + 5).join('\n')).toContain('After.');
	});

	it('a tall JPEG is at most maxRows high', () => {
		expect(render('![t](tall.jpg)\n').images[0]).toMatchObject({rows: 8, format: 'jpeg'});
	});

	it('remote, SVG, broken and missing images keep their labelled line; the broken ones say why', () => {
		const r = render('![a](https://example.com/a.png)\n\n![b](logo.svg)\n\n![c](broken.png)\n\n![d](gone.jpg)\n');
		expect(r.images).toEqual([]);
		const text = r.lines.join('\n');
		expect(text).toContain('▣ a · example.com/…/a.png\n');
		expect(text).toContain('▣ b · logo.svg\n');
		expect(text).toContain('▣ c · broken.png (not drawn: not a readable image)');
		expect(text).toContain('▣ d · gone.jpg (not drawn: not found)');
	});

	it('without a terminal that draws images, nothing changes', () => {
		const r = render('![Wide one](wide.png)\n', false);
		expect(r.images).toEqual([]);
		expect(r.lines).toEqual(['▣ Wide one · wide.png']);
	});
});

describe('drawing (kitty)', () => {
	it('prepares an image once off the key thread, places it where it is, hides it when it leaves, forgets it at the end', async () => {
		const out: string[] = [];
		const g = kittyGraphics({protocol: 'kitty', reason: '', cell: {width: 10, height: 20}, terminal: null}, s => void out.push(s), s => void out.push(s));
		const image = {index: 0, line: 5, columns: 40, rows: 5, path: path.join(dir, 'wide.png'), format: 'png' as const, pixelWidth: 400, pixelHeight: 100};
		const drawn = new Promise<void>(resolve => g.subscribe(resolve));
		g.show([{image, row: 3, column: 4, from: 0, shown: 5}]);
		await drawn;
		expect(out.join('')).toMatch(ONLY_KITTY);
		expect(out[0]).toMatch(/^\x1b_Ga=t,f=100,t=d,i=\d+,q=2/);
		expect(out.at(-1)).toMatch(/\x1b\[4;5H\x1b_Ga=p,i=\d+,p=1,c=40,r=5,/);
		out.length = 0;
		g.redraw();
		expect(out.join('')).toMatch(/a=p/);
		out.length = 0;
		g.show([]);
		expect(out.join('')).toMatch(/^\x1b_Ga=d,d=i,i=\d+,q=2\x1b\\$/);
		g.close();
	});

	it('a file that will not decode is reported, not drawn', async () => {
		const out: string[] = [];
		const g = kittyGraphics({protocol: 'kitty', reason: '', cell: null, terminal: null}, s => void out.push(s), s => void out.push(s));
		const image = {index: 0, line: 0, columns: 2, rows: 2, path: path.join(dir, 'broken.jpg'), format: 'jpeg' as const, pixelWidth: 16, pixelHeight: 16};
		const failed = new Promise<void>(resolve => g.subscribe(resolve));
		g.show([{image, row: 0, column: 0, from: 0, shown: 2}]);
		await failed;
		expect(g.problem(image)).toMatch(/^cannot be decoded/);
		expect(out).toEqual([]);
		g.close();
	});

	it('the image worker decodes a JPEG and shrinks it to its box', async () => {
		const preparer = new ImagePreparer();
		const r = await preparer.prepare({id: 1, path: path.join(dir, 'tall.jpg'), format: 'jpeg', size: {width: 100, height: 800}, most: {width: 20, height: 160}});
		preparer.close();
		expect(r).toMatchObject({ok: true, width: 20, height: 160});
		if (r.ok) expect(r.escape).toMatch(/^\x1b_Ga=t,f=24,s=20,v=160,t=d,i=1,q=2,m=1;/);
	});
});
