/**
 * The same shelf, searched through the persistent index: each Article is
 * written as a markdown file (front matter + body) into a temp folder, which
 * is opened with an index in a temp cache folder and fully indexed.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {openShelfSource, type ShelfSource} from '../../src/core/index/shelf-source.js';
import {ShelfSearch} from '../../src/core/search/shelf-search.js';
import type {Article} from '../../src/core/shelf/types.js';

/** Writes articles as files; a broken one (with `error`) is written with a NUL byte, so the loader finds it broken too. */
export function writeArticles(dir: string, articles: readonly Article[]): void {
	for (const a of articles) {
		const file = path.join(dir, `${a.slug}.md`);
		mkdirSync(path.dirname(file), {recursive: true});
		if (a.error) {
			writeFileSync(file, `${a.body}\0`);
			continue;
		}
		const fm = [`title: ${JSON.stringify(a.title)}`, `tags: ${JSON.stringify(a.tags)}`, `category: ${JSON.stringify(a.category)}`];
		if (a.description) fm.push(`description: ${JSON.stringify(a.description)}`);
		writeFileSync(file, `---\n${fm.join('\n')}\n---\n${a.body}`);
	}
}

export async function indexedSearch(articles: readonly Article[]): Promise<{search: ShelfSearch; source: ShelfSource}> {
	const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-search-shelf-'));
	writeArticles(dir, articles);
	const env = {XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'inkshelf-search-cache-'))};
	// Titles and metadata from the index too (a shelf this small would search them in memory).
	const source = await openShelfSource(dir, {env, metaInIndexFrom: 0});
	while (!source.indexPending(1000));
	const search = new ShelfSearch(source.text ?? undefined, source.meta ?? undefined);
	for (const a of source.shelf.articles) search.add(a);
	return {search, source};
}
