import {isMap, isScalar, LineCounter, parseDocument} from 'yaml';
import {sanitizeLine} from '../sanitize.js';
import {CHECKS, DEFAULT_SETTINGS, SETTING_NAMES, isSettingName, type SettingName, type Settings} from './settings.js';

/** Something wrong in the config file: an error (the key, or the whole file, falls back to defaults) or a warning. */
export interface ConfigProblem {
	severity: 'error' | 'warning';
	file: string;
	/** 1-based line in the file, when known. */
	line?: number;
	key?: string;
	message: string;
}

export interface ParsedConfig {
	/** Only the keys the file set with a valid value. */
	values: Partial<Settings>;
	/** The line each valid key was set on. */
	lines: Partial<Record<SettingName, number>>;
	problems: ConfigProblem[];
}

/** One line for the terminal: `file:line: key: message`. */
export function formatProblem(p: ConfigProblem): string {
	const where = `${p.file}${p.line ? `:${p.line}` : ''}`;
	return `${p.severity === 'error' ? 'error' : 'warning'} in ${where}: ${p.key ? `"${p.key}": ` : ''}${p.message}`;
}

function show(raw: unknown): string {
	const text = typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw) ?? String(raw);
	return sanitizeLine(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}

function shownDefault(key: SettingName): string {
	const value = DEFAULT_SETTINGS[key];
	return Array.isArray(value) ? (value.length ? value.join(', ') : 'none') : String(value);
}

/**
 * Reads the YAML text of a config file. Never throws: a file that does not
 * parse gives one error (line and the key it is in) and no values, so the
 * caller goes on with defaults; a key of the wrong type gives one error and
 * keeps its default; an unknown key is a warning.
 */
export function parseConfigText(text: string, file: string): ParsedConfig {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, {lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false, logLevel: 'error'});
	const lineAt = (offset: number | undefined): number | undefined => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
	const problems: ConfigProblem[] = [];
	const error = doc.errors[0];
	if (error) {
		// A flow collection left open is reported where YAML gave up (the next key): the culprit is the key whose value it ends.
		const culprit = isMap(doc.contents) ? doc.contents.items.find(p => {
			const range = (p.value as {range?: [number, number, number]} | null)?.range;
			return range !== undefined && range[0] <= error.pos[0] && error.pos[0] <= range[1];
		}) : undefined;
		const culpritKey = culprit && isScalar(culprit.key) ? culprit.key : undefined;
		const line = lineAt(culpritKey?.range?.[0] ?? error.pos[0]);
		const key = culpritKey ? String(culpritKey.value) : line === undefined ? undefined : keyAbove(text, line);
		problems.push({severity: 'error', file, ...(line ? {line} : {}), ...(key ? {key: sanitizeLine(key)} : {}),
			message: `the file is not valid YAML (${sanitizeLine(error.message.split('\n')[0] ?? '')}); using the defaults for every setting`});
		return {values: {}, lines: {}, problems};
	}
	if (doc.contents === null) return {values: {}, lines: {}, problems};
	if (!isMap(doc.contents)) {
		problems.push({severity: 'error', file, line: lineAt(doc.contents.range?.[0]) ?? 1,
			message: `the file should hold "key: value" lines (${SETTING_NAMES.join(', ')}); using the defaults for every setting`});
		return {values: {}, lines: {}, problems};
	}
	let data: Record<string, unknown>;
	try {
		data = doc.toJS({maxAliasCount: 100}) as Record<string, unknown>;
	} catch (err) {
		problems.push({severity: 'error', file, message: `${sanitizeLine(err instanceof Error ? err.message : String(err))}; using the defaults for every setting`});
		return {values: {}, lines: {}, problems};
	}
	const values: Partial<Settings> = {};
	const lines: Partial<Record<SettingName, number>> = {};
	for (const pair of doc.contents.items) {
		const name = isScalar(pair.key) ? String(pair.key.value) : show(pair.key);
		const line = lineAt(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
		const at = line ? {line} : {};
		if (!isSettingName(name)) {
			problems.push({severity: 'warning', file, ...at, key: sanitizeLine(name), message: `unknown setting, ignored (known: ${SETTING_NAMES.join(', ')})`});
			continue;
		}
		const raw: unknown = data[name];
		const checked = CHECKS[name](raw);
		if (!checked.ok) {
			problems.push({severity: 'error', file, ...at, key: name, message: `should be ${checked.wanted}, not ${show(raw)}; using the default (${shownDefault(name)})`});
			continue;
		}
		(values as Record<SettingName, unknown>)[name] = checked.value;
		if (line) lines[name] = line;
	}
	return {values, lines, problems};
}

/** The top-level key a (1-based) line belongs to: the nearest `key:` at the start of a line at or above it. */
function keyAbove(text: string, line: number): string | undefined {
	const all = text.split(/\r?\n/);
	for (let i = Math.min(line, all.length) - 1; i >= 0; i--) {
		const m = /^([A-Za-z_][\w-]*)\s*:/.exec(all[i] ?? '');
		if (m) return m[1];
	}
	return undefined;
}
