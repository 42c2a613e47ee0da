/** The store's ids of a shelf's articles, both ways, and their files: what the text index answers in. */
import type {Shelf} from '../shelf/index.js';

export class ShelfIds {
	private ids = new Map<string, number>();
	private slugs = new Map<number, string>();
	private paths = new Map<number, string>();

	/** `ids[i]` is the id of `shelf.articles[i]`. */
	set(shelf: Shelf, ids: readonly number[]): void {
		this.ids = new Map();
		this.slugs = new Map();
		this.paths = new Map();
		shelf.articles.forEach((a, i) => {
			const id = ids[i] as number;
			this.ids.set(a.slug, id);
			this.slugs.set(id, a.slug);
			this.paths.set(id, a.path);
		});
	}

	slugOf(id: number): string | undefined {
		return this.slugs.get(id);
	}

	idOf(slug: string): number | undefined {
		return this.ids.get(slug);
	}

	pathOf(id: number): string | undefined {
		return this.paths.get(id);
	}
}
