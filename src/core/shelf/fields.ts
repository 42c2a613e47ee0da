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

/** Each row's keys, looked up once (the table is fixed): every file of a first start (20,000) reads them all. */
const KEYS = {
	title: keysOf('title'), date: keysOf('date'), updated: keysOf('updated'), categories: keysOf('categories'), categoriesZola: keysOf('categories-zola'),
	tags: keysOf('tags'), tagsZola: keysOf('tags-zola'), authors: [...keysOf('authors'), ...keysOf('authors-hugo')], description: keysOf('description'),
	cover: keysOf('cover'), aliases: keysOf('aliases'), slug: keysOf('slug'), draft: keysOf('draft')[0] ?? 'draft', published: keysOf('draft-published')[0] ?? 'published',
} as const;

const label = (r: Record<string, unknown>): unknown => r['label'] ?? r['name'];
const named = (r: Record<string, unknown>): unknown => r['name'] ?? r['title'];
// `#bread` is the tag bread, as Obsidian and the library's groups read it.
const bare = (tags: string[]): string[] => (tags.some(t => t.startsWith('#')) ? tags.map(t => t.replace(/^#+/, '')).filter(Boolean) : tags);

/**
 * The fields, from the keys each row of the table lists. Helpers take `raw` and one reporting
 * function rather than closing over them: made for every file, the closures and their arrays were
 * a third of this function's time.
 */
export function readFields(raw: Record<string, unknown>, options: FieldOptions, report: Report): FrontmatterFields {
	// Every helper reports under the key it was given: one function maps it to its top-level key.
	const say: Report = (key, message) => report(top(key), message);
	const categories = mergeLists(...listOf(raw, KEYS.categories, 'comma-or-space', say, undefined, TEXT_LIMIT), ...listOf(raw, KEYS.categoriesZola, 'comma-or-space', say, undefined, TEXT_LIMIT));
	return {
		title: textOf(raw, KEYS.title, TEXT_LIMIT, say),
		date: dateOf(raw, KEYS.date, say),
		updated: dateOf(raw, KEYS.updated, say),
		categories,
		category: categories[0] ?? UNCATEGORIZED,
		tags: bare(mergeLists(...listOf(raw, KEYS.tags, 'comma-or-space', say, label), ...listOf(raw, KEYS.tagsZola, 'comma-or-space', say, label))),
		authors: authors(raw, options, say),
		description: textOf(raw, KEYS.description, TEXT_LIMIT, say) ?? '',
		cover: textOf(raw, KEYS.cover, COVER_LIMIT, say) ?? '',
		draft: draft(raw, say),
		aliases: mergeLists(...listOf(raw, KEYS.aliases, 'none', say)),
		slugAlias: slug(textOf(raw, KEYS.slug, TEXT_LIMIT, say)),
		excerptSeparator: text('excerpt_separator', pick(raw, 'excerpt_separator'), 100, say),
	};
}

/** The first of `keys` that is present. */
function firstKey(raw: Record<string, unknown>, keys: readonly string[]): string | null {
	for (const key of keys) {
		const value = pick(raw, key);
		// A mapping whose own key is tried first (`cover: {image: x}`) is not itself the value.
		if (value !== undefined && value !== null && !(isRecord(value) && keys.some(k => k.startsWith(`${key}.`)))) return key;
	}
	return null;
}

function textOf(raw: Record<string, unknown>, keys: readonly string[], limit: number, say: Report): string | null {
	const key = firstKey(raw, keys);
	return key === null ? null : text(key, pick(raw, key), limit, say);
}

function dateOf(raw: Record<string, unknown>, keys: readonly string[], say: Report): string | null {
	const key = firstKey(raw, keys);
	return key === null ? null : dateField(key, pick(raw, key), say);
}

function listOf(raw: Record<string, unknown>, keys: readonly string[], split: 'none' | 'comma-or-space', say: Report, fromRecord?: (r: Record<string, unknown>) => unknown, limit?: number): string[][] {
	const lists: string[][] = [];
	for (const key of keys) {
		const value = pick(raw, key);
		if (value !== undefined && value !== null) lists.push(textList(key, value, {split: key === 'category' ? 'none' : split, fromRecord, limit}, say));
	}
	return lists;
}

function authors(raw: Record<string, unknown>, options: FieldOptions, say: Report): string[] {
	const keys = options.authorKeys ?? null;
	const unknown: string[] = [];
	// Docusaurus: a string in `authors` is a key of authors.yml when the blog has one.
	const resolve = (item: unknown): unknown => {
		if (typeof item !== 'string' || !keys) return item;
		const name = keys.get(item.trim());
		if (name === undefined) unknown.push(item.trim());
		return name ?? item;
	};
	const lists: string[][] = [];
	for (const key of KEYS.authors) {
		let value = pick(raw, key);
		if (value === undefined || value === null) continue;
		if (key === 'authors' && keys) value = Array.isArray(value) ? value.map(resolve) : resolve(value);
		lists.push(textList(key, value, {split: 'names', fromRecord: named}, say));
	}
	if (unknown.length) {
		const file = options.authorsFile ?? 'authors.yml';
		say('authors', `unknown author key${unknown.length > 1 ? 's' : ''} ${unknown.map(quote).join(', ')} (not in ${file}); shown as written`);
	}
	return mergeLists(...lists);
}

function draft(raw: Record<string, unknown>, say: Report): boolean {
	const flag = (key: string): boolean | null => {
		const value = pick(raw, key);
		if (value === undefined || value === null) return null;
		if (typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		say(key, `${key} should be true or false; got ${quote(String(typeof value === 'object' ? 'a list or mapping' : value))}, ignored`);
		return null;
	};
	return flag(KEYS.draft) === true || flag(KEYS.published) === false;
}

/** A slug is one name: surrounding slashes dropped. */
function slug(value: string | null): string | null {
	const clean = value?.replace(/^\/+|\/+$/g, '').trim();
	return clean ? clean : null;
}
