import type {Position} from './frontmatter.js';

// The value's trailing spaces and tabs are cut after: a lazy `(.*?)[ \t]*$` tried the end at every character.
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*))?$/;
// A plain scalar: no leading indicator, no ": " or " #" inside, no trailing colon.
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#\t]|:(?=\S)|(?<=\S)#)*$/;
const FLOW_ITEM = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#,[\]{}\t]|:(?=[^\s,\]])|(?<=\S)#)*$/;
// What the core schema turns into something other than a string.
const NOT_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * Most frontmatter is a few `key: text` lines and one `[a, b]` list. The full
 * YAML parser costs about a millisecond a file before the JIT warms up, which
 * is seconds at start-up on a shelf of thousands; this reads exactly that
 * subset, as strings, and returns null for anything else (quotes with escapes,
 * numbers, booleans, nesting, anchors, tags, comments after values, duplicate
 * keys...), which `yaml` then parses. Either way the value is what `yaml` gives.
 */
export function simpleYaml(source: string): {value: Record<string, unknown>; keyAt: Map<string, Position>} | null {
	const value: Record<string, unknown> = {};
	const keyAt = new Map<string, Position>();
	const lines = source.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as string;
		if (line.trim() === '' || /^#/.test(line)) continue;
		const m = KEY_LINE.exec(line);
		if (!m) return null;
		const key = m[1] as string;
		if (keyAt.has(key) || key === '__proto__') return null;
		const raw = trimSpacesEnd(m[2] ?? '');
		let v: unknown;
		if (raw === '') v = null;
		else if (raw.startsWith('[') && raw.endsWith(']')) {
			const inner = raw.slice(1, -1).trim();
			const items = inner === '' ? [] : inner.split(',').map(x => x.trim());
			if (items.some(x => !FLOW_ITEM.test(x) || NOT_STRING.test(x))) return null;
			v = items;
		} else if (/^"[^"\\]*"$/.test(raw) || /^'[^']*'$/.test(raw)) v = raw.slice(1, -1);
		else if (PLAIN.test(raw) && !NOT_STRING.test(raw)) v = raw;
		else return null;
		value[key] = v;
		// Lines in the file: the frontmatter starts after the opening ---.
		keyAt.set(key, {line: i + 2, column: 1});
	}
	return {value, keyAt};
}

/** `value` without the spaces and tabs it ends with (what YAML drops; other white space is kept). */
function trimSpacesEnd(value: string): string {
	let end = value.length;
	while (end > 0 && (value.charCodeAt(end - 1) === 32 || value.charCodeAt(end - 1) === 9)) end--;
	return end === value.length ? value : value.slice(0, end);
}
