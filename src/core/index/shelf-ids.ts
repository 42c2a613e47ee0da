/** The store's ids of a shelf's articles, both ways, and their files: what the text and metadata indexes answer in. */
import type {Article, Shelf} from '../shelf/index.js';

export class ShelfIds {
	/** Each id's place in `articles`, plus one (0: not on the shelf), indexed by id: a typed array, not a map of 100,000 entries. */
	private places: Int32Array | null = null;
	/** Slugs to ids, made only when asked for a slug whose id is not otherwise at hand (rare: see text-index.ts). */
	private bySlug: Map<string, number> | null = null;
	private articles: readonly Article[] = [];
	private given: readonly number[] = [];

	/** `ids[i]` is the id of `shelf.articles[i]`. The lookups are made when first asked for: not before a second start's first frame. */
	set(shelf: Shelf, ids: readonly number[]): void {
		this.articles = shelf.articles;
		this.given = ids;
		this.places = null;
		this.bySlug = null;
	}

	private placesById(): Int32Array {
		if (this.places) return this.places;
		let max = 0;
		for (let i = 0; i < this.given.length; i++) max = Math.max(max, this.given[i] as number);
		const places = new Int32Array(max + 1);
		for (let i = 0; i < this.given.length; i++) {
			const id = this.given[i] as number;
			if (id >= 0) places[id] = i + 1;
		}
		return (this.places = places);
	}

	articleOf(id: number): Article | undefined {
		const at = (this.placesById()[id] ?? 0) - 1;
		return at < 0 ? undefined : this.articles[at];
	}

	slugOf(id: number): string | undefined {
		return this.articleOf(id)?.slug;
	}

	idOf(slug: string): number | undefined {
		if (!this.bySlug) {
			this.bySlug = new Map();
			this.articles.forEach((a, i) => this.bySlug?.set(a.slug, this.given[i] as number));
		}
		return this.bySlug.get(slug);
	}

	pathOf(id: number): string | undefined {
		return this.articleOf(id)?.path;
	}

	/** The article's place in the shelf's order; past the end when it is not on the shelf. */
	positionOf(id: number): number {
		const at = (this.placesById()[id] ?? 0) - 1;
		return at < 0 ? this.articles.length : at;
	}
}
