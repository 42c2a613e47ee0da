/**
 * The info string's first word, lowercased, with anything but name characters
 * dropped. `js title="x.js"` becomes `js`. Only this word is ever shown or
 * handed to highlight.js: the rest of an info string is untrusted free text.
 */
export function fenceLanguage(info: string | undefined): string {
	const first = (info ?? '').trim().split(/\s+/, 1)[0] ?? '';
	return first.toLowerCase().replace(/^\{?\.?/, '').replace(/[^a-z0-9+#._-]/g, '').slice(0, 24);
}
