/** The store's ids of a shelf's articles, both ways, and their files: what the text and metadata indexes answer in. */
import type {Article, Shelf} from '../shelf/index.js';

export class ShelfIds {
	private ids = new Map<string, number>();
	private positions = new Map<number, number>();
	private articles: readonly Article[] = [];

	/** `ids[i]` is the id of `shelf.articles[i]`. */
	set(shelf: Shelf, ids: readonly number[]): void {
		this.ids = new Map();
		this.positions = new Map();
		this.articles = shelf.articles;
		shelf.articles.forEach((a, i) => {
			const id = ids[i] as number;
			this.ids.set(a.slug, id);
			this.positions.set(id, i);
		});
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
