/**
 * The library's left pane as data: All, then (when places are kept) Recently
 * read, then the shelves (when there are several), categories, tags and authors.
 */
import {facets} from './facets.js';
import type {Group, ShelfIndex} from './catalog.js';
import type {Article} from './types.js';

export function libraryGroups(index: ShelfIndex): Group[] {
	// Several shelves (config `shelves`): one group each, right after All.
	const shelves = facets(index.all, 'shelf');
	const shelfGroups = shelves.length > 1 ? shelves.map(s => ({kind: 'shelf' as const, name: s.name, articles: s.articles})) : [];
	return [{kind: 'all', name: 'All', articles: index.all}, ...shelfGroups, ...index.categories, ...index.tags, ...index.authors];
}

/** Adds "Recently read" after All: the slugs most recent first, those no longer on the shelf left out. */
export function withRecent(groups: readonly Group[], recent: readonly string[]): Group[] {
	const [all, ...rest] = groups;
	if (!all) return [];
	const bySlug = new Map(all.articles.map(a => [a.slug, a]));
	const articles = recent.map(s => bySlug.get(s)).filter((a): a is Article => a !== undefined);
	return [all, {kind: 'recent', name: 'Recently read', articles}, ...rest];
}
