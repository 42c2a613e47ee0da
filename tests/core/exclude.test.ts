import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadShelf} from '../../src/core/shelf/loader.js';

describe('exclude (folder globs of the config)', () => {
	it('leaves out the folders that match, at any depth the glob says, and lists them as skipped', async () => {
		const root = mkdtempSync(path.join(tmpdir(), 'inkshelf-exclude-'));
		for (const rel of ['a.md', 'archive/old.md', 'archive/2020/older.md', 'notes/drafts/wip.md', 'notes/keep.md', 'notes/archive/kept.md']) {
			mkdirSync(path.dirname(path.join(root, rel)), {recursive: true});
			writeFileSync(path.join(root, rel), '# x\n');
		}
		const all = await loadShelf(root);
		expect(all.articles.map(a => a.slug)).toEqual(['a', 'archive/2020/older', 'archive/old', 'notes/archive/kept', 'notes/drafts/wip', 'notes/keep']);
		const some = await loadShelf(root, {exclude: ['archive/**', '**/drafts']});
		expect(some.articles.map(a => a.slug)).toEqual(['a', 'notes/archive/kept', 'notes/keep']);
		expect(some.skipped.filter(s => s.reason.includes('exclude')).map(s => path.relative(root, s.path))).toEqual(['archive', path.join('notes', 'drafts')]);
	});
});
