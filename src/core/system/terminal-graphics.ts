/**
 * Asks the terminal whether it draws images (kitty graphics, or XTVERSION
 * naming iTerm2/WezTerm) and how big a cell is, before Ink owns stdin. DA1
 * goes last: every terminal answers it, in order, so a DA1 reply with no
 * graphics reply before it means "no" at once; a terminal that answers
 * nothing is given up on after the timeout. Inside tmux or screen nothing is
 * asked (they do not pass images through to the panes' places). Keys typed
 * meanwhile are put back for the app.
 */
import {ANY_REPLY, DA1_REPLY, GRAPHICS_QUERY, repliesDone, supportFromReplies, type GraphicsSupport} from '../images/index.js';
import type {TerminalIo} from './terminal-background.js';

/** DA1 alone (a terminal that answered nothing else): a moment for a reply sent out of order, kept short since start-up waits for it. */
const GRACE_MS = 5;

/** Why images are not even asked about here, or null to ask. */
export function graphicsRefusal(env: NodeJS.ProcessEnv): string | null {
	if (env['INKSHELF_IMAGES'] === '0') return 'turned off (INKSHELF_IMAGES=0)';
	if (env['TMUX'] || /^(screen|tmux)/.test(env['TERM'] ?? '') || env['STY']) return 'inside tmux or screen';
	return null;
}

export async function queryGraphics({stdin, stdout}: TerminalIo, env: NodeJS.ProcessEnv, timeoutMs = 150): Promise<GraphicsSupport> {
	const refused = graphicsRefusal(env);
	const none = (reason: string): GraphicsSupport => ({protocol: null, reason, cell: null, terminal: null});
	if (refused) return none(refused);
	if (!stdin.isTTY || !stdout.isTTY || typeof stdin.setRawMode !== 'function') return none('not a terminal');
	const wasRaw = stdin.isRaw;
	let received = '';
	return await new Promise<GraphicsSupport>(resolve => {
		let grace: NodeJS.Timeout | undefined;
		let done = false;
		const finish = (): void => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			clearTimeout(grace);
			stdin.off('data', onData);
			stdin.pause();
			stdin.setRawMode(wasRaw);
			const rest = received.replace(ANY_REPLY, '');
			if (rest) stdin.unshift(Buffer.from(rest, 'latin1'));
			resolve(supportFromReplies(received));
		};
		const onData = (chunk: Buffer | string): void => {
			received += typeof chunk === 'string' ? chunk : chunk.toString('latin1');
			if (!repliesDone(received)) return;
			// Another reply came before DA1: this terminal answers in order, nothing is still on its way.
			if (received.replace(DA1_REPLY, '').replace(ANY_REPLY, '') !== received.replace(DA1_REPLY, '')) return finish();
			// DA1 alone: a short grace, so a reply that comes out of order is not typed into the app.
			if (!grace) grace = setTimeout(finish, GRACE_MS);
		};
		const timer = setTimeout(finish, timeoutMs);
		stdin.setRawMode(true);
		stdin.on('data', onData);
		stdin.resume();
		stdout.write(GRAPHICS_QUERY);
	});
}
