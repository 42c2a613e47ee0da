/**
 * Backlinks through the persistent index: the links it stores for each
 * article (no bodies are kept in memory) include the ones dialects write,
 * wikilinks, Liquid links and Hugo refs, also when read back from the cache.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openShelfSource} from '../../src/core/index/shelf-source.js';
import {backlinkIndex} from '../../src/core/shelf/related.js';

const temp = (tag: string): string => mkdtempSync(path.join(tmpdir(), `inkshelf-backlinks-${tag}-`));

describe('backlinks from the shelf index', () => {
	it('count wikilinks, Liquid links and Hugo refs, with and without the cache', async () => {
		const dir = temp('shelf');
		mkdirSync(path.join(dir, '_posts'));
		writeFileSync(path.join(dir, '_posts', '2024-01-02-target.md'), '---\ntitle: Target\n---\n\nThe one linked to.\n');
		writeFileSync(path.join(dir, 'wiki.md'), '---\ntitle: Wiki\n---\n\nSee [[2024-01-02-target|the target]].\n');
		writeFileSync(path.join(dir, 'liquid.md'), '---\ntitle: Liquid\n---\n\nSee {% post_url 2024-01-02-target %}.\n');
		writeFileSync(path.join(dir, 'hugo.md'), '---\ntitle: Hugo\n---\n\nSee {{< ref "_posts/2024-01-02-target" >}}.\n');
		const env = {XDG_CACHE_HOME: temp('cache')};
		for (const options of [{env}, {env}, {env, noCache: true}]) {
			const source = await openShelfSource(dir, options);
			try {
				expect(source.shelf.articles.every(a => a.body === '')).toBe(true);
				const backlinks = backlinkIndex(source.shelf.articles, a => source.linksOf(a));
				expect(backlinks.get('_posts/2024-01-02-target')?.map(a => a.slug).sort()).toEqual(['hugo', 'liquid', 'wiki']);
			} finally {
				source.close();
			}
		}
	});
});
