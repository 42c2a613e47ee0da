/**
 * Several shelves (config `shelves`) as one library: every article's slug
 * starts with its shelf's name (`notes/intro`, `handbook/intro`), so two
 * shelves may hold the same file name, and each article knows its shelf for
 * the library's shelf groups.
 */
import {basename, dirname, relative, sep} from 'node:path';
import type {Shelf} from './types.js';

/** Short names for shelf folders: the folder's name, with its parent's added while two are the same. */
export function shelfNames(roots: readonly string[]): string[] {
	const names = roots.map(r => basename(r) || r);
	for (let depth = 1; depth < 8; depth++) {
		const clash = names.map((n, i) => names.indexOf(n) !== i || names.lastIndexOf(n) !== i);
		if (!clash.some(Boolean)) break;
		names.forEach((_, i) => {
			if (!clash[i]) return;
			let dir = roots[i] as string;
			for (let d = 0; d < depth; d++) dir = dirname(dir);
			names[i] = `${basename(dir)}-${names[i]}`;
		});
	}
	return names.map((n, i) => (names.indexOf(n) === i ? n : `${n}-${i + 1}`));
}

/** The folder all roots are in (for messages and relative paths). */
function commonRoot(roots: readonly string[]): string {
	let common = roots[0] ?? sep;
	for (const root of roots.slice(1)) {
		while (relative(common, root).startsWith('..')) {
			const up = dirname(common);
			if (up === common) break;
			common = up;
		}
	}
	return common;
}

export function mergeShelves(shelves: readonly Shelf[], names: readonly string[] = shelfNames(shelves.map(s => s.root))): Shelf {
	if (shelves.length === 1 && shelves[0]) return shelves[0];
	const articles = shelves.flatMap((shelf, i) => {
		const name = names[i] as string;
		return shelf.articles.map(a => ({...a, slug: `${name}/${a.slug}`, shelf: name}));
	});
	return {root: commonRoot(shelves.map(s => s.root)), articles, skipped: shelves.flatMap(s => s.skipped)};
}
