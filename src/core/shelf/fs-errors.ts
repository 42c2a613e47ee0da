/** File-system failures in words a reader can act on. */
import type {Stats} from 'node:fs';
import {sanitize} from '../sanitize.js';
import {errorCode} from '../system/index.js';

export {errorCode};

export function reason(err: unknown): string {
	const code = errorCode(err);
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	if (code) return `cannot read (${code})`;
	return sanitize(err instanceof Error ? err.message : String(err));
}

export function fileKind(s: Stats): string {
	if (s.isFIFO()) return 'named pipe (FIFO)';
	return s.isSocket() ? 'socket' : s.isDirectory() ? 'folder' : s.isCharacterDevice() || s.isBlockDevice() ? 'device' : 'special file';
}

export function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	return bytes < 1024 * 1024 ? `${Number((bytes / 1024).toFixed(1))} KiB` : `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
}

/** The value, or the reason the file system gave for not having it. */
export function attempt<T>(read: () => T): T | string {
	try {
		return read();
	} catch (err) {
		return reason(err);
	}
}
