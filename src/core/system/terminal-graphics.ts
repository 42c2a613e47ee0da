/**
 * Asks the terminal whether it draws images (kitty graphics, or XTVERSION
 * naming iTerm2/WezTerm) and how big a cell is, before Ink owns stdin. DA1
 * goes last: every terminal answers it, in order, so a DA1 reply with no
 * graphics reply before it means "no" at once; a terminal that answers
 * nothing is given up on after the timeout. Inside tmux or screen nothing is
 * asked (they do not pass images through to the panes' places). How the
 * question is asked: terminal-query.ts.
 */
import {ANY_REPLY, DA1_REPLY, GRAPHICS_QUERY, repliesDone, supportFromReplies, type GraphicsSupport} from '../images/index.js';
import {askTerminal, canAsk, type TerminalIo} from './terminal-query.js';

/** DA1 alone (a terminal that answered nothing else): a moment for a reply sent out of order, kept short since start-up waits for it. */
const GRACE_MS = 5;

/** Why images are not even asked about here, or null to ask. */
export function graphicsRefusal(env: NodeJS.ProcessEnv): string | null {
	if (env['INKSHELF_IMAGES'] === '0') return 'turned off (INKSHELF_IMAGES=0)';
	if (env['TMUX'] || /^(screen|tmux)/.test(env['TERM'] ?? '') || env['STY']) return 'inside tmux or screen';
	return null;
}

export async function queryGraphics(io: TerminalIo, env: NodeJS.ProcessEnv, timeoutMs = 150): Promise<GraphicsSupport> {
	const refused = graphicsRefusal(env);
	const none = (reason: string): GraphicsSupport => ({protocol: null, reason, cell: null, terminal: null});
	if (refused) return none(refused);
	if (!canAsk(io)) return none('not a terminal');
	const received = await askTerminal(io, {
		query: GRAPHICS_QUERY, replies: ANY_REPLY, timeoutMs, graceMs: GRACE_MS,
		// Another reply came before DA1: this terminal answers in order, nothing is still on its way.
		answered: r => repliesDone(r) && r.replace(DA1_REPLY, '').replace(ANY_REPLY, '') !== r.replace(DA1_REPLY, ''),
	});
	return supportFromReplies(received);
}
