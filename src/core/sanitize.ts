/**
 * The one boundary between untrusted text (anything read from a file) and the
 * terminal. Control characters would let an article move the cursor, retitle
 * the window, write the clipboard or hide text (bidi overrides), so each one
 * becomes a visible placeholder instead. Tab and newline are kept: they are
 * layout, and the renderer expands tabs itself.
 */

/** DEL, C1 controls, bidi embeddings and overrides, bidi isolates: past the C0 range. */
const BEYOND_C0 = '\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
/** C0 controls but tab and newline, and the rest. */
const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${BEYOND_C0}]`, 'g');

function placeholder(ch: string): string {
	const code = ch.codePointAt(0) ?? 0;
	if (code === 0x1b) return '␛';
	if (code === 0x7f) return '␡';
	if (code < 0x20) return String.fromCodePoint(0x2400 + code); // ␀ ␁ … control pictures
	return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

// Tests first: most text has nothing to replace, and a test costs less than a replace that finds nothing.
const HAS_CONTROL = new RegExp(CONTROL.source);
/** The same with tab and newline: one test clears a one-line field (a first start sanitizes ~200,000). */
const HAS_CONTROL_OR_LAYOUT = new RegExp(`[\\u0000-\\u001f${BEYOND_C0}]`);

export function sanitize(text: string): string {
	return HAS_CONTROL.test(text) ? text.replace(CONTROL, placeholder) : text;
}

/** Like `sanitize`, but newlines and tabs become spaces too: for one-line fields. */
export function sanitizeLine(text: string): string {
	return HAS_CONTROL_OR_LAYOUT.test(text) ? sanitize(text).replace(/[\t\n]/g, ' ') : text;
}
