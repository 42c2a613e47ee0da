/**
 * One question to the terminal, asked before Ink owns stdin. The query ends
 * with a DA1 request: every terminal answers DA1, and answers in order, so a
 * DA1 reply means nothing else is on its way (a terminal or a test harness
 * that answers out of order gets a short grace). A terminal that answers
 * nothing is given up on after the timeout. Raw mode is restored, and
 * whatever else was read meanwhile (keys typed) is put back for the app.
 */
export interface TerminalIo {
	stdin: NodeJS.ReadStream;
	stdout: {write(s: string): unknown; isTTY?: boolean};
}

export interface Question {
	/** The escape sequences sent, DA1 (`ESC [ c`) last. */
	query: string;
	/** Every reply the question can bring (global): taken out of what is put back. */
	replies: RegExp;
	/** Whether all that was asked for is in: no grace is waited for then. */
	answered: (received: string) => boolean;
	timeoutMs: number;
	graceMs: number;
}

const DA1_REPLY = /\x1b\[\?[\d;]*c/;

/** Whether the question can be asked at all: a terminal on both ends. */
export function canAsk({stdin, stdout}: TerminalIo): boolean {
	return Boolean(stdin.isTTY && stdout.isTTY && typeof stdin.setRawMode === 'function');
}

/** Everything the terminal sent back (replies and any keys among them); the keys are also put back on stdin. */
export async function askTerminal({stdin, stdout}: TerminalIo, question: Question): Promise<string> {
	const wasRaw = stdin.isRaw;
	let received = '';
	return await new Promise<string>(resolve => {
		let done = false;
		let grace: NodeJS.Timeout | undefined;
		const finish = (): void => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			clearTimeout(grace);
			stdin.off('data', onData);
			stdin.pause();
			stdin.setRawMode(wasRaw);
			const rest = received.replace(question.replies, '');
			if (rest) stdin.unshift(Buffer.from(rest, 'latin1'));
			resolve(received);
		};
		// A timer may fire late, after the thread was busy (the app's modules load meanwhile), with the
		// answer already waiting in the terminal: one more turn of the event loop reads what is there
		// before giving up on it, or it would be typed into the app as keys.
		const giveUp = (): void => void setImmediate(finish);
		const onData = (chunk: Buffer | string): void => {
			received += typeof chunk === 'string' ? chunk : chunk.toString('latin1');
			if (question.answered(received)) finish();
			else if (DA1_REPLY.test(received) && !grace) grace = setTimeout(giveUp, question.graceMs);
		};
		const timer = setTimeout(giveUp, question.timeoutMs);
		stdin.setRawMode(true);
		stdin.on('data', onData);
		stdin.resume();
		stdout.write(question.query);
	});
}
