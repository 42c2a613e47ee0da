/**
 * What a file's place on the shelf says about it, as its generator reads it:
 * `post/index.md` is the article `post` (a page bundle), `_index.md` is its
 * folder's own page, `2021-08-26-welcome.md` is dated, Jekyll's folders above
 * `_posts` are categories and `_drafts/` holds drafts.
 */
import {existsSync} from 'node:fs';
import {join, relative, sep} from 'node:path';
import {datePrefix} from './dates.js';
import {sanitizeLine} from '../sanitize.js';

export const MARKDOWN = /\.(?:md|markdown|mdown|mdx)$/i;
/** Folders that hold build output, dependencies or app state, never articles. Hidden folders are skipped too. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '_site', 'public', 'resources']);

export interface FileFacts {
	slug: string;
	/** The name a title falls back to: the file's, or the bundle folder's, date prefix dropped. */
	name: string;
	/** `YYYY-MM-DD-` at the start of the file name or bundle folder. */
	date: string | null;
	/** Jekyll: folders above `_posts`. */
	categories: string[];
	/** Under a `_drafts` folder. */
	draft: boolean;
}

/** The slug before clashes are settled: the path under the root, extension dropped, bundles and sections named by their folder. */
export function fileFacts(root: string, path: string, configAt: (dir: string) => boolean = jekyllConfigProbe()): FileFacts {
	const parts = partsUnder(root, path);
	const file = (parts.pop() ?? '').replace(MARKDOWN, '');
	const folder = parts[parts.length - 1];
	const bundle = folder !== undefined && (file === 'index' || file === '_index');
	const nameOf = bundle ? folder : file;
	const dated = datePrefix(nameOf);
	const slugParts = bundle ? parts : [...parts, file];
	return {
		slug: sanitizeLine(slugParts.join('/')),
		name: sanitizeLine(dated && dated.rest !== '' ? dated.rest : nameOf),
		date: dated?.date ?? null,
		categories: jekyllCategories(root, parts, configAt),
		draft: parts.includes('_drafts'),
	};
}

/** `relative(root, path).split(sep)`, without resolving both paths when `path` is plainly under `root` (as the walk makes them, 20,000 on a first start). */
function partsUnder(root: string, path: string): string[] {
	if (path.startsWith(root) && path[root.length] === sep) {
		const parts = path.slice(root.length + 1).split(sep);
		if (!parts.some(p => p === '' || p === '.' || p === '..')) return parts;
	}
	return relative(root, path).split(sep);
}

function jekyllCategories(root: string, folders: string[], configAt: (dir: string) => boolean): string[] {
	const posts = folders.lastIndexOf('_posts');
	if (posts <= 0) return [];
	// The site's source is the nearest folder above `_posts` with a _config.yml; without one, the shelf.
	let from = 0;
	for (let i = posts; i > 0; i--) {
		if (configAt(join(root, ...folders.slice(0, i)))) {
			from = i;
			break;
		}
	}
	return folders.slice(from, posts).filter(f => !f.startsWith('_')).map(sanitizeLine);
}

/** Whether a folder holds a Jekyll `_config.yml`, asked once per folder per load. */
export function jekyllConfigProbe(): (dir: string) => boolean {
	const configs = new Map<string, boolean>();
	return dir => {
		let found = configs.get(dir);
		if (found === undefined) configs.set(dir, found = existsSync(join(dir, '_config.yml')) || existsSync(join(dir, '_config.toml')));
		return found;
	};
}
