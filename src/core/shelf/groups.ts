/**
 * The library's left pane as data: All, then (when places are kept) Recently
 * read, then the shelves (when there are several), categories, tags and authors.
 */
import {facets} from './facets.js';
import type {Group, ShelfIndex} from './catalog.js';
import type {Article} from './types.js';

export function libraryGroups(index: ShelfIndex): Group[] {
	// Several shelves (config `shelves`): one group each, right after All.
	// Asked first: grouping makes an empty list per article (20,000 on a large shelf) where none has a shelf.
	const shelves = index.all.some(a => a.shelf) ? facets(index.all, 'shelf') : [];
	const shelfGroups = shelves.length > 1 ? shelves.map(s => ({kind: 'shelf' as const, name: s.name, articles: s.articles})) : [];
	return [{kind: 'all', name: 'All', articles: index.all}, ...shelfGroups, ...index.categories, ...index.tags, ...index.authors];
}

/** Adds "Recently read" after All: the slugs most recent first, those no longer on the shelf left out. */
export function withRecent(groups: readonly Group[], recent: readonly string[]): Group[] {
	const [all, ...rest] = groups;
	if (!all) return [];
	// One pass over the shelf for the few slugs asked for, not a map of every article (20,000 on a large shelf).
	const wanted = new Set(recent);
	const found = new Map<string, Article>();
	for (const a of all.articles) if (wanted.has(a.slug)) found.set(a.slug, a);
	const articles = recent.map(s => found.get(s)).filter((a): a is Article => a !== undefined);
	return [all, {kind: 'recent', name: 'Recently read', articles}, ...rest];
}
