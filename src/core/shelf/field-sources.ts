/**
 * The one table of where each article field comes from, in the order tried.
 * The loader reads its keys from here, README's "Your shelf" table is
 * generated from it (`node scripts/field-table.mjs --write`; a test keeps them
 * equal) and every row has a test of its own (tests/core/field-sources.test.ts).
 */

export type Field =
	| 'title' | 'date' | 'updated' | 'categories' | 'tags' | 'authors'
	| 'description' | 'cover' | 'draft' | 'aliases' | 'slug';

export interface FieldSource {
	/** Stable name of the row, for its test. */
	id: string;
	field: Field;
	/** Front-matter keys, in the order tried; `a.b` is key `b` inside mapping `a`. Empty for sources outside front matter. */
	keys: readonly string[];
	/** What else is read, for the README (keys are listed from `keys`). */
	from: string;
	/** Which generators write it this way. */
	generators: string;
}

const row = (id: string, field: Field, keys: readonly string[], from: string, generators: string): FieldSource =>
	({id, field, keys, from, generators});

export const FIELD_SOURCES: readonly FieldSource[] = [
	row('title', 'title', ['title'], '', 'all'),
	row('title-heading', 'title', [], 'else the first level-1 heading outside code', 'Docusaurus, GitHub, plain notes'),
	row('title-file', 'title', [], 'else the file name, or the bundle folder for `index.md` (a `YYYY-MM-DD-` prefix dropped)', 'Obsidian, any folder of notes'),
	row('date', 'date', ['date', 'pubDate', 'publishDate', 'created'], 'any time part and offset; shown as the calendar date written', 'Hugo, Jekyll, Zola, Docusaurus; Astro (`pubDate`); Obsidian (`created`)'),
	row('date-file', 'date', [], 'else `YYYY-MM-DD-` at the start of the file name', 'Jekyll, Docusaurus, the Rust blog'),
	row('date-bundle', 'date', [], 'else `YYYY-MM-DD-` at the start of the bundle folder (`2021-08-26-welcome/index.md`)', 'Docusaurus, Zola'),
	row('updated', 'updated', ['lastmod', 'updated', 'updatedDate', 'last_update.date', 'last_update'], '', 'Hugo (`lastmod`), Zola (`updated`), Astro (`updatedDate`), Docusaurus (`last_update`)'),
	row('categories', 'categories', ['categories', 'category'], 'lists, or space-separated strings', 'Hugo, Jekyll, the Node.js blog'),
	row('categories-zola', 'categories', ['taxonomies.categories'], '', 'Zola'),
	row('categories-folders', 'categories', [], 'folders above `_posts` (below the folder with `_config.yml`)', 'Jekyll'),
	row('tags', 'tags', ['tags', 'tag'], 'lists, comma- or space-separated strings, objects with a `label`', 'all; `label` objects: Docusaurus'),
	row('tags-zola', 'tags', ['taxonomies.tags'], '', 'Zola'),
	row('tags-inline', 'tags', [], '`#tags` in the text, outside code and links, in a vault (a `.obsidian` folder here or above)', 'Obsidian'),
	row('authors', 'authors', ['authors', 'author'], 'strings (`A, B and C`, `A & B` are several people), lists, objects with a `name`', 'Jekyll, Hugo, Astro, the Node.js blog'),
	row('authors-docusaurus', 'authors', [], 'keys resolved through the blog\'s `authors.yml` or `authors.json`', 'Docusaurus'),
	row('authors-hugo', 'authors', ['params.author'], '', 'Hugo'),
	row('description', 'description', ['description', 'summary', 'excerpt', 'subtitle'], '', 'all'),
	row('description-marker', 'description', [], 'else nothing: `<!--more-->`, `<!-- truncate -->` and `{/* truncate */}` only end an excerpt (never shown)', 'Hugo, Docusaurus'),
	row('cover', 'cover', ['cover.image', 'cover', 'image', 'heroImage', 'featured_image'], '', 'Hugo (`cover.image`), Astro (`heroImage`), Jekyll, Ghost exports'),
	row('draft', 'draft', ['draft'], '`draft: true`', 'Hugo, Zola, Astro, Docusaurus'),
	row('draft-published', 'draft', ['published'], '`published: false`', 'Jekyll'),
	row('draft-folder', 'draft', [], 'files under `_drafts/`', 'Jekyll'),
	row('aliases', 'aliases', ['aliases', 'alias'], 'searchable and followable names, not shown as tags', 'Obsidian'),
	row('slug', 'slug', ['slug'], 'another name `read` and links accept', 'Hugo, Jekyll, Docusaurus, Zola'),
	row('slug-bundle', 'slug', [], '`post/index.md` is the article `post`; `_index.md` is its folder\'s own page', 'Hugo, Zola, Docusaurus'),
];

const KEYS = new Map(FIELD_SOURCES.map(s => [s.id, s.keys]));

/** The keys tried for one row. */
export function keysOf(id: string): readonly string[] {
	const keys = KEYS.get(id);
	if (!keys) throw new Error(`no field source ${id}`);
	return keys;
}

/** README's "Your shelf" table, generated. */
export function fieldTableMarkdown(): string {
	const cell = (s: string): string => s.replace(/\|/g, '\\|');
	const rows = FIELD_SOURCES.map(s => {
		const keys = s.keys.filter(k => k !== 'last_update').map(k => `\`${k}\``).join(', ');
		const from = [keys, s.from].filter(Boolean).join('; ');
		return `| ${s.field} | ${cell(from)} | ${cell(s.generators)} |`;
	});
	return ['| Field | Read from, in order | Written this way by |', '| --- | --- | --- |', ...rows].join('\n');
}
