/**
 * Asks the terminal for its background colour (OSC 11) before Ink owns stdin,
 * with DA1 after it (terminal-query.ts): a DA1 reply with no colour before it
 * means "not supported" at once instead of after the timeout. tmux answers
 * both itself.
 */
import {OSC11_REPLY, parseOsc11Reply} from '../theme/index.js';
import type {Rgb} from '../theme/index.js';
import {askTerminal, canAsk, type TerminalIo} from './terminal-query.js';

const DA1_REPLY = /\x1b\[\?[\d;]*c/;
const REPLIES = new RegExp(`${OSC11_REPLY.source}|${DA1_REPLY.source}`, 'gi');

export async function queryBackground(io: TerminalIo, timeoutMs = 100): Promise<Rgb | null> {
	if (!canAsk(io)) return null;
	const received = await askTerminal(io, {
		query: '\x1b]11;?\x07\x1b[c', replies: REPLIES, timeoutMs, graceMs: 20,
		answered: r => OSC11_REPLY.test(r) && DA1_REPLY.test(r),
	});
	return parseOsc11Reply(received);
}
