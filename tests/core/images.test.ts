import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {coverMarkdown, imageSource} from '../../src/core/render/images.js';
import {imageTarget} from '../../src/core/system/image-opener.js';
import {renderArticle} from '../../src/core/render/article.js';
import {makeStyles} from '../../src/core/render/styles.js';

const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-images-'));
mkdirSync(path.join(dir, 'img'));
writeFileSync(path.join(dir, 'img', 'chart one.png'), 'png');
writeFileSync(path.join(dir, 'run.desktop'), '[Desktop Entry]');
const articlePath = path.join(dir, 'post.md');

afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('image lines', () => {
	it.each([
		['img/a.png', 'img/a.png'],
		['https://cdn.example.com/assets/2024/chart.png?w=2', 'cdn.example.com/…/chart.png'],
		['https://example.com', 'example.com'],
	])('imageSource(%j) is %j', (href, want) => {
		expect(imageSource(href)).toBe(want);
	});

	it('an image is a labelled line that Tab can select (a link of kind image)', () => {
		const r = renderArticle('Text.\n\n![A chart](img/a.png)\n\nMore.', 60, makeStyles(0));
		const line = r.lines.find(l => l.includes('A chart'));
		expect(line).toMatch(/▣ A chart · img\/a\.png/);
		expect(r.links).toHaveLength(1);
		expect(r.links[0]).toMatchObject({kind: 'image', href: 'img/a.png', line: r.lines.indexOf(line as string)});
	});

	it('a badge (an image inside a link) is one line with both, and no marker leaks', () => {
		const r = renderArticle('[![build](https://img.shields.io/b/x.svg)](https://ci.example/job)', 80, makeStyles(0));
		const text = r.lines.join('\n');
		expect(text).toMatch(/▣ build · img\.shields\.io\/…\/x\.svg/);
		expect(text).not.toMatch(/[\u0000-\u0008\u000e-\u001f\ue000-\uf8ff]/);
		expect(r.links.map(l => l.kind).sort()).toEqual(['image', 'web']);
		expect(r.links.every(l => l.line >= 0)).toBe(true);
	});

	it('an image without alt text still says what it is', () => {
		const r = renderArticle('![](https://x.example/p/cat.jpg)', 60, makeStyles(0));
		expect(r.lines.join('\n')).toMatch(/▣ image · x\.example\/…\/cat\.jpg/);
	});

	it('the cover becomes the first line', () => {
		expect(coverMarkdown('')).toBe('');
		expect(coverMarkdown('images/cover (1).png')).toBe('![Cover image](<images/cover (1).png>)\n\n');
		expect(coverMarkdown('a>b<c\nd')).toBe('![Cover image](<a%3Eb%3Cc%0Ad>)\n\n');
		const r = renderArticle(coverMarkdown('images/cover.png') + '# Title\n\nText', 60, makeStyles(0));
		expect(r.lines[0]).toMatch(/▣ Cover image · images\/cover\.png/);
	});
});

describe('imageTarget (what Enter opens)', () => {
	it.each([
		['https://example.com/a.png', {kind: 'url', url: 'https://example.com/a.png'}],
		['img/chart%20one.png', {kind: 'file', path: path.join(dir, 'img', 'chart one.png')}],
		['img/chart one.png', {kind: 'file', path: path.join(dir, 'img', 'chart one.png')}],
	])('%s', (href, want) => {
		expect(imageTarget(articlePath, href)).toEqual(want);
	});

	it.each([
		['img/missing.png', /image not found: img\/missing\.png/],
		['run.desktop', /not an image file/],
		['javascript:alert(1)', /only web and local images/],
		['file:///etc/passwd', /only web and local images/],
		['img', /not an image file/],
	])('%s is not opened', (href, reason) => {
		const t = imageTarget(articlePath, href);
		expect(t.kind).toBe('unusable');
		expect(t.kind === 'unusable' && t.reason).toMatch(reason);
	});
});
