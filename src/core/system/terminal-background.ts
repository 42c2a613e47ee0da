/**
 * Asks the terminal for its background colour (OSC 11) before Ink owns stdin.
 * A DA1 request goes right after it: every terminal answers DA1, and answers
 * in order, so a DA1 reply with no OSC 11 reply before it means "not
 * supported" at once instead of after the timeout. tmux answers both itself.
 * Raw mode is restored, and any key typed meanwhile is put back for the app.
 */
import {OSC11_REPLY, parseOsc11Reply} from '../theme/index.js';
import type {Rgb} from '../theme/index.js';

const DA1_REPLY = /\x1b\[\?[\d;]*c/;
const GRACE_MS = 20;

export interface TerminalIo {
	stdin: NodeJS.ReadStream;
	stdout: {write(s: string): unknown; isTTY?: boolean};
}

export async function queryBackground({stdin, stdout}: TerminalIo, timeoutMs = 100): Promise<Rgb | null> {
	if (!stdin.isTTY || !stdout.isTTY || typeof stdin.setRawMode !== 'function') return null;
	const wasRaw = stdin.isRaw;
	let received = '';
	return await new Promise<Rgb | null>(resolve => {
		let done = false;
		const finish = (): void => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			clearTimeout(grace);
			stdin.off('data', onData);
			stdin.pause();
			stdin.setRawMode(wasRaw);
			const rgb = parseOsc11Reply(received);
			const rest = received.replace(OSC11_REPLY, '').replace(DA1_REPLY, '');
			if (rest) stdin.unshift(Buffer.from(rest, 'latin1'));
			resolve(rgb);
		};
		// A timer may fire late, after the thread was busy (the app's modules load meanwhile), with the
		// answer already waiting in the terminal: one more turn of the event loop reads what is there
		// before giving up on it, or it would be typed into the app as keys.
		const giveUp = (): void => void setImmediate(finish);
		let grace: NodeJS.Timeout | undefined;
		const onData = (chunk: Buffer | string): void => {
			received += typeof chunk === 'string' ? chunk : chunk.toString('latin1');
			if (OSC11_REPLY.test(received) && DA1_REPLY.test(received)) finish();
			// DA1 with no colour before it: a terminal without OSC 11, or one (or a test harness) that
			// answers out of order. A short grace keeps a late colour reply from being typed into the app.
			else if (DA1_REPLY.test(received) && !grace) grace = setTimeout(giveUp, GRACE_MS);
		};
		const timer = setTimeout(giveUp, timeoutMs);
		stdin.setRawMode(true);
		stdin.on('data', onData);
		stdin.resume();
		stdout.write('\x1b]11;?\x07\x1b[c');
	});
}
