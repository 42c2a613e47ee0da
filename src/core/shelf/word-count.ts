/**
 * Words for the reading time: runs of anything but space, tab, CR and LF.
 * Counted on a file's bytes where the body can be found in them: on a first
 * start that is every file of the shelf (70 MB at 20,000 articles), and a
 * branch-free loop over bytes took a quarter of the time of one over the
 * string's characters. The count is the same either way: UTF-8 writes those
 * four characters as themselves and nothing else with their bytes, and any
 * other character (a replacement character included) is not a space.
 */

const SPACE = new Uint8Array(256);
SPACE[9] = SPACE[10] = SPACE[13] = SPACE[32] = 1;

/** Words in `text`, without building an array of them. */
export function wordsInText(text: string): number {
	let words = 0;
	let inWord = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const space = c === 32 || c === 10 || c === 9 || c === 13;
		if (!space && !inWord) words++;
		inWord = !space;
	}
	return words;
}

/** Words in `bytes` from `start` (a character boundary). */
export function wordsInBytes(bytes: Uint8Array, start: number): number {
	let words = 0;
	let space = 1;
	for (let i = start; i < bytes.length; i++) {
		const next = SPACE[bytes[i] as number] as number;
		words += space & (next ^ 1);
		space = next;
	}
	return words;
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Words of `body`, the end of `text`, which is `bytes` decoded strictly
 * (the decoder drops a leading byte order mark). Counted on the bytes when the
 * body is the text's own end, unchanged: no CR turned into LF, no second mark.
 */
export function bodyWords(bytes: Uint8Array, text: string, body: string): number {
	const start = text.length - body.length;
	// Front matter parsing only cuts the text, unless it had a CR or a second mark to take out.
	if (text.charCodeAt(0) === 0xfeff || text.includes('\r') || !text.startsWith(body.slice(0, 64), start)) return wordsInText(body);
	const mark = BOM.every((b, i) => bytes[i] === b) ? BOM.length : 0;
	return wordsInBytes(bytes, mark + Buffer.byteLength(text.slice(0, start)));
}
