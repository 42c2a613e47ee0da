/**
 * The real terminal's mouse for the app: stdin filtered of mouse reports, and
 * the sequences that switch reporting on and off. Reporting is always switched
 * off again when inkshelf ends, however it ends (quit, crash, signal), so a
 * shell is never left receiving mouse reports as text.
 */
import {writeSync} from 'node:fs';
import onExit from 'signal-exit';
import {MOUSE_OFF, MOUSE_ON, type MouseEvent} from './core/mouse.js';
import {mouseFilteredStdin} from './core/system/index.js';
import type {MouseInput} from './ui/hooks/use-mouse.js';

export interface TerminalMouse {
	stdin: NodeJS.ReadStream;
	input: MouseInput;
	/** Reporting off, stdin released: call once Ink has let go. */
	close(): void;
}

/** `keys`: where keys come from (the terminal's stdin, or /dev/tty when stdin is the document). */
export function terminalMouse(keys: NodeJS.ReadStream): TerminalMouse {
	const listeners = new Set<(e: MouseEvent) => void>();
	const filtered = mouseFilteredStdin(keys, e => {
		for (const l of listeners) l(e);
	});
	let reporting = false;
	const off = (): void => {
		if (!reporting) return;
		reporting = false;
		// Synchronous: on 'exit' nothing asynchronous runs any more.
		try {
			writeSync(1, MOUSE_OFF);
		} catch {
			// stdout is gone: there is no terminal left to reset.
		}
	};
	// On 'exit' and on SIGTERM, SIGHUP… too (Ink restores the screen the same way).
	const removeExitHook = onExit(off);
	return {
		stdin: filtered.stream,
		input: {
			subscribe(listener) {
				listeners.add(listener);
				return () => listeners.delete(listener);
			},
			setReporting(on) {
				if (on === reporting) return;
				if (!on) return off();
				reporting = true;
				process.stdout.write(MOUSE_ON);
			},
		},
		close() {
			off();
			removeExitHook();
			filtered.close();
		},
	};
}
