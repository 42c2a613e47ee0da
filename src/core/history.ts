/**
 * Back and forward through followed links, like a browser (and frogmouth):
 * following a link from an earlier step drops the steps that were ahead of it.
 * Unbounded on purpose: entries are small, and a reader who took 300 steps can
 * walk all 300 back.
 */
export class History<T> {
	private entries: T[] = [];
	private index = -1;

	/** The entry being shown, undefined before the first `push`. */
	get current(): T | undefined {
		return this.index >= 0 ? this.entries[this.index] : undefined;
	}

	get canGoBack(): boolean {
		return this.index > 0;
	}

	get canGoForward(): boolean {
		return this.index < this.entries.length - 1;
	}

	/** Number of entries, back and forward included. */
	get length(): number {
		return this.entries.length;
	}

	/** Every entry, oldest first, and which one is current: for a history list. */
	snapshot(): {entries: readonly T[]; index: number} {
		return {entries: [...this.entries], index: this.index};
	}

	/** Goes to a new place: what was forward of the current entry is gone. */
	push(entry: T): void {
		this.entries.length = this.index + 1;
		this.entries.push(entry);
		this.index++;
	}

	/**
	 * Rewrites the current entry, typically with the scroll position just before
	 * leaving it, so coming back lands where the reader was. No-op when empty.
	 */
	replaceCurrent(entry: T): void {
		if (this.index >= 0) this.entries[this.index] = entry;
	}

	/** The previous entry, now current; undefined (and nothing changes) at the oldest. */
	back(): T | undefined {
		if (!this.canGoBack) return undefined;
		this.index--;
		return this.current;
	}

	/** The next entry, now current; undefined (and nothing changes) at the newest. */
	forward(): T | undefined {
		if (!this.canGoForward) return undefined;
		this.index++;
		return this.current;
	}

	clear(): void {
		this.entries = [];
		this.index = -1;
	}
}
