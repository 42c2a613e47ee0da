/**
 * Words for the reading time: runs of anything but space, tab, CR and LF.
 * Counted on a file's bytes where the body can be found in them: on a first
 * start that is every file of the shelf (157 MB at 20,000 articles), and a
 * loop over bytes took a quarter of the time of one over the string's
 * characters. The count is the same either way: UTF-8 writes those
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

/**
 * For each pair of bytes as a Uint16Array reads it: the words the pair starts
 * after a space (bits 0–1) and after a non-space (bit 4), and whether it ends
 * in a space (bit 3). Two bytes a step took 0.4 ns a byte against 1.1 for one.
 */
let pairs: Uint8Array | undefined;
function pairTable(): Uint8Array {
	if (pairs) return pairs;
	pairs = new Uint8Array(65536);
	const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
	for (let v = 0; v < 65536; v++) {
		const first = SPACE[littleEndian ? v & 255 : v >> 8] as number;
		const second = SPACE[littleEndian ? v >> 8 : v & 255] as number;
		const inside = first & (second ^ 1);
		pairs[v] = ((first ^ 1) + inside) | (inside << 4) | (second << 3);
	}
	return pairs;
}

/** Words in `bytes` from `start` (a character boundary). */
export function wordsInBytes(bytes: Uint8Array, start: number): number {
	let words = 0;
	let space = 1;
	let i = start;
	// A Uint16Array view starts on an even address: an odd first byte, and an odd last one, are counted alone.
	if ((bytes.byteOffset + i) & 1 && i < bytes.length) {
		space = SPACE[bytes[i++] as number] as number;
		words = space ^ 1;
	}
	const n = (bytes.length - i) >> 1;
	const table = pairTable();
	const twos = new Uint16Array(bytes.buffer, bytes.byteOffset + i, n);
	for (let j = 0; j < n; j++) {
		const pair = table[twos[j] as number] as number;
		words += (pair >> ((space ^ 1) << 2)) & 3;
		space = (pair >> 3) & 1;
	}
	if (i + n * 2 < bytes.length) words += space & ((SPACE[bytes[i + n * 2] as number] as number) ^ 1);
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
