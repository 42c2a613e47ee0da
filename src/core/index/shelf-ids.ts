/** The store's ids of a shelf's articles, both ways, and their files: what the text and metadata indexes answer in. */
import type {Article, Shelf} from '../shelf/index.js';

export class ShelfIds {
	private maps: {ids: Map<string, number>; positions: Map<number, number>} | null = null;
	private articles: readonly Article[] = [];
	private given: readonly number[] = [];

	/** `ids[i]` is the id of `shelf.articles[i]`. The maps both ways are made when first asked for: not before a second start's first frame. */
	set(shelf: Shelf, ids: readonly number[]): void {
		this.articles = shelf.articles;
		this.given = ids;
		this.maps = null;
	}

	private get ids(): Map<string, number> {
		return this.made().ids;
	}

	private get positions(): Map<number, number> {
		return this.made().positions;
	}

	private made(): NonNullable<ShelfIds['maps']> {
		if (this.maps) return this.maps;
		const maps = {ids: new Map<string, number>(), positions: new Map<number, number>()};
		this.articles.forEach((a, i) => {
			const id = this.given[i] as number;
			maps.ids.set(a.slug, id);
			maps.positions.set(id, i);
		});
		return (this.maps = maps);
	}

	articleOf(id: number): Article | undefined {
		const at = this.positions.get(id);
		return at === undefined ? undefined : this.articles[at];
	}

	slugOf(id: number): string | undefined {
		return this.articleOf(id)?.slug;
	}

	idOf(slug: string): number | undefined {
		return this.ids.get(slug);
	}

	pathOf(id: number): string | undefined {
		return this.articleOf(id)?.path;
	}

	/** The article's place in the shelf's order; past the end when it is not on the shelf. */
	positionOf(id: number): number {
		return this.positions.get(id) ?? this.articles.length;
	}
}
