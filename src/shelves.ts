/**
 * The shelf a command reads: one folder or git URL, or several (config
 * `shelves`) merged into one library with a shelf group each.
 */
import {memorySource, openIndexedShelf, openShelf, type Io} from './commands.js';
import type {IndexOptions, ShelfSource} from './core/index/index.js';
import {locateShelf, type ShelfLocation} from './shelf-location.js';
import {mergeShelves, shelfFolderNames as shelfNames} from './core/shelf/index.js';
import type {Shelf} from './core/shelf/index.js';
import type {LoadOptions} from './core/shelf/index.js';

/**
 * One shelf is read through its persistent index (`source`); several are
 * read whole and merged in memory, with no index (their slugs are made by
 * the merge).
 */
export async function openShelves(specs: readonly string[], update: boolean, io: Io, options: LoadOptions & IndexOptions = {}): Promise<{location: ShelfLocation; shelf: Shelf; source: ShelfSource}> {
	if (specs.length <= 1) {
		const location = await locateShelf(specs[0] as string, update, io);
		const source = await openIndexedShelf(location.dir, options);
		return {location, shelf: source.shelf, source};
	}
	const locations: ShelfLocation[] = [];
	for (const spec of specs) locations.push(await locateShelf(spec, update, io));
	const shelves: Shelf[] = [];
	for (const location of locations) shelves.push(await openShelf(location.dir, options));
	const names = shelfNames(shelves.map(s => s.root));
	const now = locations.map(l => l.notices.now).filter(n => n !== null).join(' · ') || null;
	const later = locations.map(l => l.notices.later).filter(p => p !== null);
	const shelf = mergeShelves(shelves, names);
	return {
		source: memorySource(shelf),
		location: {
			dir: shelves[0]?.root ?? '',
			title: names.join(' + '),
			notices: {now, later: later.length ? Promise.all(later).then(all => all.filter(n => n !== null).join(' · ') || null) : null},
		},
		shelf,
	};
}
