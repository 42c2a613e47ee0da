/**
 * The one boundary between untrusted text (anything read from a file) and the
 * terminal. Control characters would let an article move the cursor, retitle
 * the window, write the clipboard or hide text (bidi overrides), so each one
 * becomes a visible placeholder instead. Tab and newline are kept: they are
 * layout, and the renderer expands tabs itself.
 */

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function placeholder(ch: string): string {
	const code = ch.codePointAt(0) ?? 0;
	if (code === 0x1b) return '␛';
	if (code === 0x7f) return '␡';
	if (code < 0x20) return String.fromCodePoint(0x2400 + code); // ␀ ␁ … control pictures
	return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

export function sanitize(text: string): string {
	return text.replace(CONTROL, placeholder);
}

/** Like `sanitize`, but newlines and tabs become spaces too: for one-line fields. */
export function sanitizeLine(text: string): string {
	return sanitize(text).replace(/[\t\n]/g, ' ');
}
