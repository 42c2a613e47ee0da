/**
 * Front matter, once parsed (YAML, TOML or JSON), to the article's fields,
 * reading the keys the field-source table lists. Only those keys are copied;
 * each is coerced to its shape with a problem instead of a crash.
 */
import {keysOf} from './field-sources.js';
import {COVER_LIMIT, TEXT_LIMIT, isRecord, mergeLists, pick, quote, text, textList, type Report} from './coerce.js';
import {dateField} from './dates.js';
import type {Article} from './types.js';

export const UNCATEGORIZED = 'Uncategorized';

/** What front matter says of an article: the Article's own fields, except that a title may be missing. */
export type FrontmatterFields = Pick<Article, 'date' | 'updated' | 'categories' | 'category' | 'tags' | 'authors' | 'description' | 'cover' | 'draft' | 'aliases' | 'slugAlias' | 'excerptSeparator'> & {
	/** null when the file gives none: the loader falls back to the first heading, then the file name. */
	title: string | null;
};

export interface FieldOptions {
	/** Docusaurus author keys → display names, from the blog's authors.yml; null when there is none. */
	authorKeys?: ReadonlyMap<string, string> | null;
	/** Name of that file, for the warning about a key it lacks. */
	authorsFile?: string;
}

export function defaultFields(): FrontmatterFields {
	return {
		title: null, date: null, updated: null, categories: [], category: UNCATEGORIZED, tags: [], authors: [],
		description: '', cover: '', draft: false, aliases: [], slugAlias: null, excerptSeparator: null,
	};
}

/** Problems are reported under the top-level key they came from (`taxonomies`, not `taxonomies.tags`). */
const top = (key: string): string => key.split('.')[0] ?? key;

export function readFields(raw: Record<string, unknown>, options: FieldOptions, report: Report): FrontmatterFields {
	const at = (key: string): unknown => pick(raw, key);
	const say = (key: string): Report => (_k, message) => report(top(key), message);
	/** The first key of a row that is present. */
	const first = (id: string): [string, unknown] | null => {
		const keys = keysOf(id);
		for (const key of keys) {
			const value = at(key);
			// A mapping whose own key is tried first (`cover: {image: x}`) is not itself the value.
			if (value !== undefined && value !== null && !(isRecord(value) && keys.some(k => k.startsWith(`${key}.`)))) return [key, value];
		}
		return null;
	};
	const textOf = (id: string, limit: number): string | null => {
		const found = first(id);
		return found ? text(found[0], found[1], limit, say(found[0])) : null;
	};
	const dateOf = (id: string): string | null => {
		const found = first(id);
		return found ? dateField(found[0], found[1], say(found[0])) : null;
	};
	const listOf = (id: string, split: 'none' | 'comma-or-space', fromRecord?: (r: Record<string, unknown>) => unknown, limit?: number): string[][] => {
		const lists: string[][] = [];
		for (const key of keysOf(id)) {
			const value = at(key);
			if (value !== undefined && value !== null) lists.push(textList(key, value, {split: key === 'category' ? 'none' : split, fromRecord, limit}, say(key)));
		}
		return lists;
	};

	const categories = mergeLists(...listOf('categories', 'comma-or-space', undefined, TEXT_LIMIT), ...listOf('categories-zola', 'comma-or-space', undefined, TEXT_LIMIT));
	const label = (r: Record<string, unknown>): unknown => r['label'] ?? r['name'];
	// `#bread` is the tag bread, as Obsidian and the library's groups read it.
	const bare = (tags: string[]): string[] => (tags.some(t => t.startsWith('#')) ? tags.map(t => t.replace(/^#+/, '')).filter(Boolean) : tags);
	return {
		title: textOf('title', TEXT_LIMIT),
		date: dateOf('date'),
		updated: dateOf('updated'),
		categories,
		category: categories[0] ?? UNCATEGORIZED,
		tags: bare(mergeLists(...listOf('tags', 'comma-or-space', label), ...listOf('tags-zola', 'comma-or-space', label))),
		authors: authors(at, options, report),
		description: textOf('description', TEXT_LIMIT) ?? '',
		cover: textOf('cover', COVER_LIMIT) ?? '',
		draft: draft(at, report),
		aliases: mergeLists(...listOf('aliases', 'none')),
		slugAlias: slug(textOf('slug', TEXT_LIMIT)),
		excerptSeparator: text('excerpt_separator', at('excerpt_separator'), 100, report),
	};
}

function authors(at: (key: string) => unknown, options: FieldOptions, report: Report): string[] {
	const keys = options.authorKeys ?? null;
	const unknown: string[] = [];
	const named = (r: Record<string, unknown>): unknown => r['name'] ?? r['title'];
	// Docusaurus: a string in `authors` is a key of authors.yml when the blog has one.
	const resolve = (item: unknown): unknown => {
		if (typeof item !== 'string' || !keys) return item;
		const name = keys.get(item.trim());
		if (name === undefined) unknown.push(item.trim());
		return name ?? item;
	};
	const lists: string[][] = [];
	for (const key of [...keysOf('authors'), ...keysOf('authors-hugo')]) {
		let value = at(key);
		if (key === 'authors') value = Array.isArray(value) ? value.map(resolve) : resolve(value);
		lists.push(textList(key, value, {split: 'names', fromRecord: named}, (_k, message) => report(top(key), message)));
	}
	if (unknown.length) {
		const file = options.authorsFile ?? 'authors.yml';
		report('authors', `unknown author key${unknown.length > 1 ? 's' : ''} ${unknown.map(quote).join(', ')} (not in ${file}); shown as written`);
	}
	return mergeLists(...lists);
}

function draft(at: (key: string) => unknown, report: Report): boolean {
	const flag = (key: string): boolean | null => {
		const value = at(key);
		if (value === undefined || value === null) return null;
		if (typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		report(key, `${key} should be true or false; got ${quote(String(typeof value === 'object' ? 'a list or mapping' : value))}, ignored`);
		return null;
	};
	const [draftKey] = keysOf('draft');
	const [publishedKey] = keysOf('draft-published');
	return flag(draftKey ?? 'draft') === true || flag(publishedKey ?? 'published') === false;
}

/** A slug is one name: surrounding slashes dropped. */
function slug(value: string | null): string | null {
	const clean = value?.replace(/^\/+|\/+$/g, '').trim();
	return clean ? clean : null;
}
