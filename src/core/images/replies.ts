/**
 * What a terminal says back to the graphics query (see system/terminal-graphics.ts):
 * a kitty graphics reply to a query action, an XTVERSION name, the size of a
 * cell in pixels, and the DA1 reply that every terminal sends and that ends
 * the wait. Pure parsing, so tests can feed any terminal's answers.
 */

/** The query, in this order: kitty graphics (a 1x1 RGB probe, never stored), XTVERSION, cell size, DA1. */
export const GRAPHICS_QUERY = '\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\' + '\x1b[>q' + '\x1b[16t' + '\x1b[c';

export const DA1_REPLY = /\x1b\[\?[\d;]*c/;
const KITTY_REPLY = /\x1b_Gi=31;([^\x1b]*)\x1b\\/;
const XTVERSION_REPLY = /\x1bP>\|([^\x1b]*)\x1b\\/;
const CELL_REPLY = /\x1b\[6;(\d{1,4});(\d{1,4})t/;
/** Everything the query can bring back, to take out of what was typed meanwhile. */
export const ANY_REPLY = new RegExp([KITTY_REPLY, XTVERSION_REPLY, CELL_REPLY, DA1_REPLY].map(r => r.source).join('|'), 'g');

export type GraphicsProtocol = 'kitty' | 'iterm';

export interface GraphicsSupport {
	protocol: GraphicsProtocol | null;
	/** Why there is none, for `inkshelf config` and tests ("inside tmux", "no reply"...). */
	reason: string;
	/** A cell's size in pixels, when the terminal said. */
	cell: {width: number; height: number} | null;
	/** The terminal's name and version (XTVERSION), when it said. */
	terminal: string | null;
}

/** Whether the replies so far are complete: the DA1 reply comes last from a terminal that answers in order. */
export function repliesDone(received: string): boolean {
	return DA1_REPLY.test(received);
}

/**
 * The support the replies show. Kitty graphics count only when the kitty reply
 * came before DA1 and said OK; iTerm2 inline images only when XTVERSION names
 * iTerm2 or WezTerm (both draw them). Nothing is guessed from TERM.
 */
export function supportFromReplies(received: string): GraphicsSupport {
	const da1 = received.search(DA1_REPLY);
	const before = da1 < 0 ? received : received.slice(0, da1);
	const kitty = KITTY_REPLY.exec(before);
	const terminal = XTVERSION_REPLY.exec(received)?.[1]?.replace(/[^\x20-\x7e]/g, '').slice(0, 60) ?? null;
	const cellMatch = CELL_REPLY.exec(received);
	const cell = cellMatch ? {height: Number(cellMatch[1]), width: Number(cellMatch[2])} : null;
	const usableCell = cell && cell.width > 0 && cell.height > 0 ? cell : null;
	if (kitty && kitty[1] === 'OK') return {protocol: 'kitty', reason: 'kitty graphics', cell: usableCell, terminal};
	if (terminal && /^(iTerm2|WezTerm)\b/i.test(terminal)) return {protocol: 'iterm', reason: `${terminal.split(' ')[0]}: iTerm2 inline images`, cell: usableCell, terminal};
	if (da1 < 0) return {protocol: null, reason: 'the terminal did not answer', cell: null, terminal};
	return {protocol: null, reason: kitty ? `kitty graphics refused (${kitty[1]?.slice(0, 40)})` : 'no graphics protocol', cell: usableCell, terminal};
}
