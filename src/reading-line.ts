/**
 * A first start reads every file of the shelf before the app's first frame:
 * seconds for a large one (100,000 files: ~2.5 s with the files cached, more
 * from disk), with nothing on the terminal meanwhile. This line says what is
 * going on, from 300 ms on (a small shelf never shows it), redrawn at most ten
 * times a second; the app clears it as it takes the screen (runApp).
 */
import {formatCount} from './core/plural.js';

/** Shown once the reading has taken this long. */
const AFTER_MS = 300;
const EVERY_MS = 100;

export function readingLine(out: {write(text: string): unknown; columns?: number}, now: () => number = () => performance.now()): (done: number, total: number) => void {
	const started = now();
	let shown = -Infinity;
	return (done, total) => {
		const at = now();
		if (at - started < AFTER_MS || (at - shown < EVERY_MS && done < total)) return;
		shown = at;
		const text = done < total ? `Reading ${formatCount(done)}/${formatCount(total)} files for the shelf index…` : `Sorting and grouping ${formatCount(total)} articles…`;
		// Cut to the terminal's width: a line that wrapped would leave its first part behind when cleared.
		out.write(`\r\x1b[2K ${text.slice(0, Math.max(0, (out.columns ?? 80) - 2))}`);
	};
}
