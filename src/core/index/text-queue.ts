/**
 * The ids of articles whose text is still to be indexed. On a second start
 * they are in the store (files not yet indexed when the last run ended), and
 * reading them scans every file's row: 4 ms at 20,000 articles, which the
 * first frame does not wait for. They are read when the queue is first used.
 */
export class TextQueue implements Iterable<number> {
	private ids = new Set<number>();
	private unread: (() => readonly number[]) | null = null;

	/** The ids `read` gives join the queue when it is first used. */
	readLater(read: () => readonly number[]): void {
		this.unread = read;
	}

	private get set(): Set<number> {
		const read = this.unread;
		if (read) {
			this.unread = null;
			for (const id of read()) this.ids.add(id);
		}
		return this.ids;
	}

	get size(): number {
		return this.set.size;
	}

	add(id: number): void {
		this.set.add(id);
	}

	delete(id: number): void {
		this.set.delete(id);
	}

	clear(): void {
		this.unread = null;
		this.ids.clear();
	}

	[Symbol.iterator](): Iterator<number> {
		return this.set[Symbol.iterator]();
	}
}
