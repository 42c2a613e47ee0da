import {prepareForPaste} from './copy.js';

/**
 * What pasting a code block would do that the reader should know about
 * (escape sequences, control characters), worked out once per block: the
 * reader asks again on every layout change, and a block's source never changes.
 */
const known = new WeakMap<object, string[]>();

export function pasteWarnings(block: {readonly source: string}): string[] {
	let warnings = known.get(block);
	if (!warnings) known.set(block, warnings = prepareForPaste(block.source).warnings);
	return warnings;
}
