/**
 * Ink drops mouse reports (complete CSI sequences that are no key), so with
 * the mouse on, the app reads the terminal through this filter: mouse reports
 * go to `onMouse`, everything else to Ink unchanged, but for late answers to
 * the start-up graphics query, which are dropped rather than read as keys.
 */
import {ANY_REPLY} from '../images/index.js';
import {PassThrough} from 'node:stream';
import {StringDecoder} from 'node:string_decoder';
import {parseMouse, type MouseEvent} from '../mouse.js';

const REPORT = /\x1b\[<\d{1,4};\d{1,5};\d{1,5}[Mm]/g;
/** Answers to the start-up graphics query that came after it gave up (a slow terminal): never keys. */
const LATE_REPLY = ANY_REPLY;
/** The start of a report cut off at the end of a read; held back until the rest arrives. */
const PARTIAL = /\x1b\[<[\d;]*$/;
/** How long a partial report waits for its end before it is passed on as typed (a lone Esc). */
const HOLD_MS = 15;

export interface FilteredStdin {
	/** Give this to Ink as its stdin. */
	stream: NodeJS.ReadStream;
	/** Stops reading the terminal (after Ink has let go of it). */
	close(): void;
}

/** Splits one read into mouse events and the text left for the keyboard; `held` is an unfinished report at the end. */
export function separateMouse(text: string): {events: MouseEvent[]; rest: string; held: string} {
	const events: MouseEvent[] = [];
	let rest = text.replace(LATE_REPLY, '').replace(REPORT, match => {
		const e = parseMouse(match);
		if (e) events.push(e);
		return '';
	});
	const partial = PARTIAL.exec(rest);
	const held = partial ? partial[0] : '';
	if (held) rest = rest.slice(0, rest.length - held.length);
	return {events, rest, held};
}

export function mouseFilteredStdin(input: NodeJS.ReadStream, onMouse: (e: MouseEvent) => void): FilteredStdin {
	// Ink calls setRawMode, ref and unref on its stdin and reads isTTY: they go to the real one.
	const out = Object.assign(new PassThrough(), {
		isTTY: input.isTTY,
		setRawMode(mode: boolean) {
			input.setRawMode?.(mode);
			return out;
		},
		ref() {
			input.ref();
			return out;
		},
		unref() {
			input.unref();
			return out;
		},
	});
	const decoder = new StringDecoder('utf8');
	let held = '';
	let timer: NodeJS.Timeout | undefined;
	const onData = (chunk: Buffer | string): void => {
		clearTimeout(timer);
		const split = separateMouse(held + (typeof chunk === 'string' ? chunk : decoder.write(chunk)));
		held = split.held;
		if (split.rest) out.write(split.rest);
		for (const e of split.events) onMouse(e);
		if (held) {
			timer = setTimeout(() => {
				out.write(held);
				held = '';
			}, HOLD_MS);
		}
	};
	input.on('data', onData);
	// A 'data' listener does not restart a stream that was paused on purpose (the theme's OSC 11 query pauses it).
	input.resume();
	return {
		stream: out as unknown as NodeJS.ReadStream, // a PassThrough with the TTY methods Ink uses
		close() {
			clearTimeout(timer);
			input.off('data', onData);
			input.pause();
			input.unref();
		},
	};
}
