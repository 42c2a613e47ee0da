/**
 * Words for the reading time: runs of anything but space, tab, CR and LF.
 * Counted on a file's bytes where the body can be found in them (on a first
 * start that is every file of the shelf: 157 MB at 20,000 articles), with
 * WebAssembly's 16-byte steps. The count is the same either way: UTF-8 writes those
 * four characters as themselves and nothing else with their bytes, and any
 * other character (a replacement character included) is not a space.
 */
import {WORD_COUNT_WASM} from './word-count-wasm.js';

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

/** The WebAssembly counter (word-count.wat): its memory, where the bytes are copied a page at a time, and its function. */
interface Counter {
	memory: Uint8Array;
	words: (from: number, end: number, space: number) => number;
}

let counter: Counter | null | undefined;
function wasmCounter(): Counter | null {
	if (counter !== undefined) return counter;
	try {
		const {exports} = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(WORD_COUNT_WASM, 'base64')));
		counter = {memory: new Uint8Array((exports['memory'] as WebAssembly.Memory).buffer), words: exports['words'] as Counter['words']};
	} catch {
		counter = null; // WebAssembly turned off (node --jitless): counted a byte at a time
	}
	return counter;
}

/**
 * Words in `bytes` from `start` (a character boundary). 16 bytes at a step
 * in WebAssembly: 0.85 µs for a 3.5 KiB article (its copy included), against
 * 3 µs two bytes at a time in JavaScript, which was a sixth of reading a file
 * for the index (20,000 files on a first start).
 */
export function wordsInBytes(bytes: Uint8Array, start: number): number {
	const wasm = wasmCounter();
	if (!wasm) return wordsOneByOne(bytes, start);
	const page = wasm.memory.length;
	let words = 0;
	for (let from = start; from < bytes.length; from += page) {
		const part = bytes.subarray(from, Math.min(from + page, bytes.length));
		wasm.memory.set(part);
		words += wasm.words(0, part.length, from === start ? 1 : SPACE[bytes[from - 1] as number] as number);
	}
	return words;
}

/** `wordsInBytes` where WebAssembly is turned off (node --jitless). */
export function wordsOneByOne(bytes: Uint8Array, start: number): number {
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
