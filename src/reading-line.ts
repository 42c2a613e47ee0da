/**
 * A first start reads every file of the shelf before the app's first frame:
 * seconds for a large one (100,000 files: ~2.5 s with the files cached, more
 * from disk), with nothing on the terminal meanwhile. This line says what is
 * going on, from 300 ms on (a small shelf never shows it), redrawn at most ten
 * times a second, and `clear` takes it away (the app's runApp clears the line
 * it starts on too). The commands (`search`, `list`...) show it on standard
 * error when that is a terminal.
 */
import {formatCount} from './core/plural.js';

/** Shown once the reading has taken this long. */
const AFTER_MS = 300;
const EVERY_MS = 100;

export interface ReadingLine {
	/** Files read of all to read (a first start's reading). */
	tell(done: number, total: number): void;
	/** Articles whose text is indexed of all to index (`inkshelf search` indexes what is new before it answers). */
	indexing(done: number, total: number): void;
	/** Takes the line away, if it was shown. */
	clear(): void;
}

export function readingLine(out: {write(text: string): unknown; columns?: number}, now: () => number = () => performance.now()): ReadingLine {
	const started = now();
	let shown = -Infinity;
	const show = (final: boolean, text: () => string): void => {
		const at = now();
		if (at - started < AFTER_MS || (at - shown < EVERY_MS && !final)) return;
		shown = at;
		// Cut to the terminal's width: a line that wrapped would leave its first part behind when cleared.
		out.write(`\r\x1b[2K ${text().slice(0, Math.max(0, (out.columns ?? 80) - 2))}`);
	};
	return {
		tell: (done, total) => show(done >= total, () => (done < total ? `Reading ${formatCount(done)}/${formatCount(total)} files for the shelf index…` : `${formatCount(total)} files read for the shelf index…`)),
		indexing: (done, total) => show(false, () => `Indexing the text of ${formatCount(done)}/${formatCount(total)} articles…`),
		clear: () => {
			if (shown > -Infinity) out.write('\r\x1b[2K');
			shown = -Infinity;
		},
	};
}
