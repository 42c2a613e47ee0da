/**
 * The shelf a command reads: one folder or git URL, or several (config
 * `shelves`) merged into one library with a shelf group each.
 */
import {openShelf, type Io} from './commands.js';
import {locateShelf, type ShelfLocation} from './shelf-location.js';
import {mergeShelves, shelfNames} from './core/shelf/merge.js';
import type {Shelf} from './core/shelf/types.js';
import type {LoadOptions} from './core/shelf/loader.js';

export async function openShelves(specs: readonly string[], update: boolean, io: Io, options: LoadOptions = {}): Promise<{location: ShelfLocation; shelf: Shelf}> {
	if (specs.length <= 1) {
		const location = await locateShelf(specs[0] as string, update, io);
		return {location, shelf: await openShelf(location.dir, options)};
	}
	const locations: ShelfLocation[] = [];
	for (const spec of specs) locations.push(await locateShelf(spec, update, io));
	const shelves: Shelf[] = [];
	for (const location of locations) shelves.push(await openShelf(location.dir, options));
	const names = shelfNames(shelves.map(s => s.root));
	const now = locations.map(l => l.notices.now).filter(n => n !== null).join(' · ') || null;
	const later = locations.map(l => l.notices.later).filter(p => p !== null);
	return {
		location: {
			dir: shelves[0]?.root ?? '',
			title: names.join(' + '),
			notices: {now, later: later.length ? Promise.all(later).then(all => all.filter(n => n !== null).join(' · ') || null) : null},
		},
		shelf: mergeShelves(shelves, names),
	};
}
