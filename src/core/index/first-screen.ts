/**
 * The library's first screen, drawn before the shelf is whole. A second
 * start shows the index's last shelf (snapshot.ts) before anything else, and
 * at 20,000 articles making all of them took 35-55 ms of its ~200 ms to the
 * first frame, though that frame shows a few dozen and the groups' counts.
 * So the snapshot also keeps the articles a first screen can show
 * (`screenPositions`), and the first frame is drawn from those and stand-ins:
 * every other article is one frozen PENDING, at its place in every group, so
 * each count and order is already right. Right after that frame, before any
 * key is read, the caller makes the whole shelf and draws it again: the same
 * screen (`IndexedShelf.completeFirstScreen`).
 */
import {buildIndex, NONE, type Article} from '../shelf/index.js';
import {decodeColumns} from './snapshot-columns.js';
import {readHead, snapshotOf, type ScreenPart, type Snapshot} from './snapshot.js';

export interface FirstScreen extends Snapshot {
	/** Stand-ins carrying these slugs (the recently read), so the group of them counts them; nothing else of those articles is known yet. */
	placeSlugs(slugs: readonly string[]): void;
}

/** Every article a first screen does not show. Frozen: nothing may change it, as the next frame replaces it. */
export const PENDING: Article = Object.freeze({
	slug: '', path: '', title: '', date: null, updated: null, categories: NONE, category: '', tags: NONE, authors: NONE, draft: false, aliases: NONE,
	slugAlias: null, excerptSeparator: null, description: '', cover: '', readingMinutes: 1, body: '', bodyLine: 1, problems: NONE,
});

/** The first screen's shelf, or null when the snapshot has no first screen (or is not there, of another shape, damaged...). */
export function decodeFirstScreen(part: (n: number) => string | null, root: string): FirstScreen | null {
	try {
		const s = readHead(part, root);
		const text = s && s.screen ? part(s.screen) : null;
		if (!s || text === null) return null;
		const screen = JSON.parse(text) as ScreenPart;
		const made = decodeColumns(screen.columns, s.root, s.names);
		if (!Array.isArray(screen.positions) || made.length !== screen.positions.length) return null;
		const all = new Array<Article>(s.count).fill(PENDING);
		for (let i = 0; i < made.length; i++) {
			const p = screen.positions[i] as number;
			if (!(Number.isInteger(p) && p >= 0 && p < s.count)) return null;
			all[p] = made[i] as Article;
		}
		const order = s.order.all.slice(); // the library's order as positions: snapshotOf makes the head's list into articles
		const snapshot = snapshotOf(s, all);
		return {...snapshot, placeSlugs: slugs => placeSlugs(slugs, () => part(s.slugs), all, order)};
	} catch {
		return null;
	}
}

function placeSlugs(slugs: readonly string[], slugList: () => string | null, all: Article[], order: readonly number[]): void {
	if (slugs.length === 0) return;
	try {
		const text = slugList();
		const list = text === null ? [] : JSON.parse(text) as unknown;
		if (!Array.isArray(list) || list.length !== all.length) return;
		const wanted = new Set(slugs);
		const stubs = new Map<number, Article>();
		list.forEach((slug, p) => {
			if (typeof slug === 'string' && wanted.has(slug) && all[p] === PENDING) stubs.set(p, Object.freeze({...PENDING, slug}));
		});
		if (stubs.size === 0) return;
		// The library's list of every article is where the recently read are looked for (groups.ts withRecent).
		const shown = buildIndex(all).all;
		order.forEach((p, k) => {
			const stub = stubs.get(p);
			if (stub) shown[k] = all[p] = stub;
		});
	} catch {
		// No slugs to go by: the count of the recently read is off for one frame.
	}
}
