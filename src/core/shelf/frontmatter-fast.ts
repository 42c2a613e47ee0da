import type {KeyPositions, Position} from './frontmatter.js';

// The value's trailing spaces and tabs are cut after: a lazy `(.*?)[ \t]*$` tried the end at every character.
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*))?$/;
// A plain scalar: no leading indicator, no ": " or " #" inside, no trailing colon.
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#\t]|:(?=\S)|(?<=\S)#)*$/;
const FLOW_ITEM = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#,[\]{}\t]|:(?=[^\s,\]])|(?<=\S)#)*$/;
const QUOTES = new Set([34, 39]);
// What the core schema turns into something other than a string, and the characters it starts with (most text starts otherwise: one test less).
const MAY_NOT_BE_STRING = new Set([...'~nNtTfF0123456789+-.'].map(c => c.charCodeAt(0)));
const NOT_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * Most frontmatter is a few `key: text` lines and one `[a, b]` list. The full
 * YAML parser costs about a millisecond a file before the JIT warms up, which
 * is seconds at start-up on a shelf of thousands; this reads exactly that
 * subset, as strings, and returns null for anything else (quotes with escapes,
 * numbers, booleans, nesting, anchors, tags, comments after values, duplicate
 * keys...), which `yaml` then parses. Either way the value is what `yaml` gives.
 */
export function simpleYaml(source: string): {value: Record<string, unknown>; keyAt: KeyPositions} | null {
	const value: Record<string, unknown> = {};
	// Line by line without splitting, and no positions kept: they are wanted only for a problem (rare).
	for (let start = 0; start <= source.length; ) {
		let end = source.indexOf('\n', start);
		if (end === -1) end = source.length;
		const line = source.slice(start, end);
		start = end + 1;
		if (line.charCodeAt(0) === 35 || line.trim() === '') continue;
		const m = KEY_LINE.exec(line);
		if (!m) return null;
		const key = m[1] as string;
		if (key === '__proto__' || Object.hasOwn(value, key)) return null;
		const raw = trimSpacesEnd(m[2] ?? '');
		let v: unknown;
		if (raw === '') v = null;
		else if (raw.startsWith('[') && raw.endsWith(']')) {
			const inner = raw.slice(1, -1).trim();
			const items = inner === '' ? [] : inner.split(',').map(x => x.trim());
			if (items.some(x => !FLOW_ITEM.test(x) || NOT_STRING.test(x))) return null;
			v = items;
		} else if (QUOTES.has(raw.charCodeAt(0))) {
			if (!/^"[^"\\]*"$/.test(raw) && !/^'[^']*'$/.test(raw)) return null;
			v = raw.slice(1, -1);
		} else if (PLAIN.test(raw) && !(MAY_NOT_BE_STRING.has(raw.charCodeAt(0)) && NOT_STRING.test(raw))) v = raw;
		else return null;
		value[key] = v;
	}
	return {value, keyAt: {get: key => lineOfKey(source, key)}};
}

/** Where `key:` starts a line of `source` (a key read by simpleYaml, so once and unindented); the front matter starts on line 2. */
function lineOfKey(source: string, key: string): Position | undefined {
	let line = 2;
	for (let start = 0; start < source.length; line++) {
		if (source.startsWith(`${key}:`, start)) return {line, column: 1};
		const end = source.indexOf('\n', start);
		if (end === -1) break;
		start = end + 1;
	}
	return undefined;
}

/** `value` without the spaces and tabs it ends with (what YAML drops; other white space is kept). */
function trimSpacesEnd(value: string): string {
	let end = value.length;
	while (end > 0 && (value.charCodeAt(end - 1) === 32 || value.charCodeAt(end - 1) === 9)) end--;
	return end === value.length ? value : value.slice(0, end);
}
