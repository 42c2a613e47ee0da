/**
 * Tells when something in the shelf may have changed. It only says "look
 * again"; what changed is found by the index's stat walk (`sync`), so a
 * missed or doubled event costs nothing but a walk.
 *
 * On Linux every folder of the shelf gets its own (non-recursive) watch: a
 * folder's watch reports files created, changed, renamed and deleted in it.
 * Node's own recursive watch there puts a watch on every FILE, walking the
 * whole tree synchronously first (20,000 stat calls on the thread that reads
 * keys). macOS and Windows have a native recursive watch. Where watching
 * fails (no watches left), the folder is polled instead.
 *
 * Watches are not always told (network and container file systems, a
 * watch limit reached elsewhere), so once a second the folders' times and
 * the open article's file are looked at too: a few stat calls, enough to
 * notice files added, deleted or renamed, and the one being read changing.
 */
import {statSync, watch, type FSWatcher} from 'node:fs';

/** Events come in bursts (an editor writes a temp file, renames it, touches the folder): one walk after the burst. */
const SETTLE_MS = 150;
/** Where no watch works: a walk this often, so a change shows within a second or so. */
const POLL_MS = 1000;

export interface Watcher {
	/** The shelf's folders after a walk: new ones are watched, gone ones let go. */
	update(folders: readonly string[]): void;
	close(): void;
	/** 'watch' or 'poll': how changes are noticed. */
	readonly mode: 'watch' | 'poll';
}

export interface WatchOptions {
	/** Walk the whole folder every second instead of watching. */
	poll?: boolean;
	platform?: NodeJS.Platform;
	/** The file on screen, looked at every second. */
	current?: () => string | null;
}

export function watchShelf(root: string, folders: readonly string[], onChange: () => void, options: WatchOptions = {}): Watcher {
	let timer: NodeJS.Timeout | undefined;
	let poll: NodeJS.Timeout | undefined;
	let closed = false;
	let looked = folders;
	const stamps = new Map<string, string>();
	const stamp = (path: string): string => {
		try {
			const s = statSync(path);
			return `${s.mtimeMs}:${s.size}:${s.ino}`;
		} catch {
			return 'gone';
		}
	};
	const look = (): void => {
		let changed = false;
		const current = options.current?.() ?? null;
		for (const path of current === null ? looked : [...looked, current]) {
			const now = stamp(path);
			const before = stamps.get(path);
			stamps.set(path, now);
			if (before !== undefined && before !== now) changed = true;
		}
		if (changed) later();
	};
	const glance = setInterval(look, POLL_MS);
	glance.unref();
	look();
	const later = (): void => {
		clearTimeout(timer);
		timer = setTimeout(onChange, SETTLE_MS);
	};
	const startPolling = (): void => {
		if (closed || poll) return;
		for (const w of watchers.values()) w.close();
		watchers.clear();
		poll = setInterval(onChange, POLL_MS);
	};
	const listener = (_event: string, name: string | Buffer | null): void => {
		// Hidden entries (.git, editor swap files) are not on the shelf.
		const file = typeof name === 'string' ? name : '';
		if (file.split(/[\\/]/).some(part => part.startsWith('.') || part === 'node_modules')) return;
		later();
	};
	const watchers = new Map<string, FSWatcher>();
	const add = (folder: string, recursive: boolean): void => {
		if (watchers.has(folder) || poll) return;
		try {
			const w = watch(folder, {recursive, persistent: false}, listener);
			// A folder removed is seen by its parent's watch; other errors (no watches left) mean polling.
			w.on('error', (error: NodeJS.ErrnoException) => {
				w.close();
				watchers.delete(folder);
				if (error.code !== 'ENOENT' && error.code !== 'EPERM') startPolling();
			});
			watchers.set(folder, w);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') startPolling();
		}
	};
	const platform = options.platform ?? process.platform;
	const native = platform === 'darwin' || platform === 'win32';
	const update = (now: readonly string[]): void => {
		looked = now;
		if (closed || poll) return;
		if (native) return add(root, true);
		const wanted = new Set(now);
		for (const [folder, w] of watchers) {
			if (!wanted.has(folder)) {
				w.close();
				watchers.delete(folder);
			}
		}
		for (const folder of wanted) add(folder, false);
	};
	if (options.poll) startPolling();
	else update(folders);
	return {
		update,
		get mode() {
			return poll ? 'poll' as const : 'watch' as const;
		},
		close() {
			closed = true;
			clearTimeout(timer);
			clearInterval(glance);
			clearInterval(poll);
			for (const w of watchers.values()) w.close();
			watchers.clear();
		},
	};
}
