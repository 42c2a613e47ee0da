/**
 * Articles by their exact title (lowercased, spaces collapsed): an exact
 * title match ranks first. Kept by a number made from the title, not the
 * title itself: a lowercased copy of every title and a map keyed by them
 * cost ~8 MiB at 100,000 articles. Two titles may share a number, so a
 * match is checked against the article's own title.
 */

export const normTitle = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** FNV-1a over the UTF-16 units, cut to 30 bits: a small integer, which V8 keeps in the map without a box. */
export function numberOf(title: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 0x01000193);
	return h >>> 2;
}

export class ExactTitles {
	/** Slug, or slugs when several titles have the number. */
	private readonly byNumber = new Map<number, string | string[]>();

	add(slug: string, title: string): void {
		const n = numberOf(normTitle(title));
		const same = this.byNumber.get(n);
		if (same === undefined) this.byNumber.set(n, slug);
		else if (typeof same === 'string') this.byNumber.set(n, [same, slug]);
		else same.push(slug);
	}

	remove(slug: string, title: string): void {
		const n = numberOf(normTitle(title));
		const same = this.byNumber.get(n);
		if (same === slug) this.byNumber.delete(n);
		else if (Array.isArray(same)) {
			const rest = same.filter(s => s !== slug);
			if (rest.length === 1) this.byNumber.set(n, rest[0] as string);
			else this.byNumber.set(n, rest);
		}
	}

	/** Slugs whose title is `query` (normalized the same way), in the order they were added; `titleOf` gives a slug's title. */
	find(query: string, titleOf: (slug: string) => string | undefined): string[] {
		const wanted = normTitle(query);
		const same = this.byNumber.get(numberOf(wanted));
		if (same === undefined) return [];
		return (typeof same === 'string' ? [same] : same).filter(slug => {
			const title = titleOf(slug);
			return title !== undefined && normTitle(title) === wanted;
		});
	}
}
