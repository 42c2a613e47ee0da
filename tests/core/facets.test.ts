/** The library's groups (src/core/shelf/facets.ts) against a plain reading of their rules, on many spellings of a few names. */
import {describe, expect, it} from 'vitest';
import {facetKey, facets, valuesOf} from '../../src/core/shelf/facets.js';
import type {Article} from '../../src/core/shelf/types.js';

/** The rules as written: one group per key, in order met; named by the most used spelling, the first met winning a tie. */
function reference(articles: readonly Article[], kind: 'tag' | 'category' | 'author'): {name: string; articles: string[]}[] {
	const groups = new Map<string, {articles: Article[]; spellings: Map<string, number>}>();
	for (const article of articles) {
		const values = valuesOf(article, kind);
		values.forEach((value, i) => {
			const key = facetKey(value);
			if (key === '' || values.slice(0, i).some(v => facetKey(v) === key)) return;
			const group = groups.get(key) ?? {articles: [], spellings: new Map<string, number>()};
			groups.set(key, group);
			group.articles.push(article);
			const spelling = value.trim().replace(/^#+\s*/, '');
			group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
		});
	}
	return [...groups.values()].map(g => {
		let name = '';
		let best = 0;
		for (const [spelling, count] of g.spellings) if (count > best) [name, best] = [spelling, count];
		return {name, articles: g.articles.map(a => a.slug)};
	});
}

describe('facets', () => {
	it('groups and names as the rules say, whatever the mix of spellings', () => {
		const spellings = ['Go', 'go', ' GO ', '#go', '## Go', 'Rust', 'rust', '#', '', 'C++', 'c++ ', 'Web Dev', 'web dev'];
		let seed = 11;
		const next = (k: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
		const articles = Array.from({length: 3000}, (_, i) => {
			const pick = (): string[] => Array.from({length: next(5)}, () => spellings[next(spellings.length)] as string);
			return {slug: `a${i}`, tags: pick(), categories: pick(), category: 'x', authors: pick()} as unknown as Article;
		});
		for (const kind of ['tag', 'category', 'author'] as const) {
			expect(facets(articles, kind).map(f => ({name: f.name, articles: f.articles.map(a => a.slug)}))).toEqual(reference(articles, kind));
		}
	});

	it('names a group by its most used spelling, the first met winning a tie', () => {
		const shelf = (...tags: string[][]): Article[] => tags.map((t, i) => ({slug: `a${i}`, tags: t}) as unknown as Article);
		const name = (...tags: string[][]): string | undefined => facets(shelf(...tags), 'tag')[0]?.name;
		expect(name(['Go'], ['go'])).toBe('Go');
		expect(name(['go'], ['Go'], ['Go'], ['go'])).toBe('go');
		expect(name(['Go'], ['Go'], ['go'], ['go'], ['go'])).toBe('go');
		expect(name(['#go'], [' go '], ['Go'])).toBe('go');
		expect(name(['Go', 'go'], ['go'])).toBe('Go'); // an article counts once, by the spelling it names first: a tie
	});
});
