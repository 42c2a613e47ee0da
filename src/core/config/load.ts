import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, isAbsolute, join, resolve} from 'node:path';
import {sanitizeLine} from '../sanitize.js';
import type {ConfigProblem, ParsedConfig} from './parse.js';
import {DEFAULT_SETTINGS, SETTING_NAMES, isGitShelf, type SettingName, type Settings} from './settings.js';

/** Where a setting's value came from, for `inkshelf config`. */
export type Origin =
	| {from: 'default'}
	| {from: 'file'; file: string; line?: number}
	| {from: 'flag'; flag: string}
	| {from: 'env'; name: string};

export interface EffectiveConfig {
	settings: Settings;
	origins: Record<SettingName, Origin>;
	/** The config file's path, whether or not it exists. */
	file: string;
	exists: boolean;
	problems: ConfigProblem[];
}

/** Values given on the command line, each with the flag that gave it. */
export type FlagSettings = {[K in SettingName]?: {value: Settings[K]; flag: string}};

/** `$XDG_CONFIG_HOME/inkshelf/config.yaml`, or `~/.config/inkshelf/config.yaml` (a relative XDG_CONFIG_HOME is ignored, as the spec says). */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
	const xdg = env['XDG_CONFIG_HOME'];
	const base = xdg && isAbsolute(xdg) ? xdg : join(env['HOME'] || homedir(), '.config');
	return join(base, 'inkshelf', 'config.yaml');
}

/** A folder entry of `shelves`: `~/x` from home, a relative path from the config file's folder; git URLs stay as written. */
export function resolveShelf(entry: string, file: string, env: NodeJS.ProcessEnv = process.env): string {
	if (isGitShelf(entry)) return entry;
	if (entry === '~' || entry.startsWith('~/')) return join(env['HOME'] || homedir(), entry.slice(1));
	return resolve(dirname(file), entry);
}

/**
 * The settings in effect: defaults, then the config file, then NO_COLOR (mono
 * everywhere), then command-line flags. Reading the file never throws: what is
 * wrong with it is in `problems`, and the affected settings keep their defaults.
 */
export async function loadConfig(flags: FlagSettings = {}, env: NodeJS.ProcessEnv = process.env): Promise<EffectiveConfig> {
	const file = configPath(env);
	let text: string | undefined;
	const problems: ConfigProblem[] = [];
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'ENOENT' && code !== 'ENOTDIR') {
			problems.push({severity: 'error', file, message: `cannot read the file (${sanitizeLine(code ?? String(error))}); using the defaults for every setting`});
		}
	}
	// The YAML parser is loaded only when there is a file: most runs have none, and start-up counts.
	const parsed: ParsedConfig = text === undefined ? {values: {}, lines: {}, problems: []} : (await import('./parse.js')).parseConfigText(text, file);
	problems.push(...parsed.problems);

	const settings: Settings = {...DEFAULT_SETTINGS, shelves: [], exclude: []};
	const origins = Object.fromEntries(SETTING_NAMES.map(name => [name, {from: 'default'}])) as Record<SettingName, Origin>;
	const set = <K extends SettingName>(name: K, value: Settings[K], origin: Origin): void => {
		settings[name] = value;
		origins[name] = origin;
	};
	for (const name of SETTING_NAMES) {
		const value = parsed.values[name];
		if (value === undefined) continue;
		const line = parsed.lines[name];
		set(name, name === 'shelves' ? (value as string[]).map(s => resolveShelf(s, file, env)) : value, {from: 'file', file, ...(line ? {line} : {})});
	}
	if (env['NO_COLOR']) set('theme', 'mono', {from: 'env', name: 'NO_COLOR'});
	for (const name of SETTING_NAMES) {
		const flag = flags[name];
		if (flag) set(name, flag.value, {from: 'flag', flag: flag.flag});
	}
	return {settings, origins, file, exists: text !== undefined, problems};
}

export function describeOrigin(origin: Origin): string {
	switch (origin.from) {
		case 'default': return 'default';
		case 'file': return `${origin.file}${origin.line ? `:${origin.line}` : ''}`;
		case 'flag': return `command line (${origin.flag})`;
		case 'env': return `environment (${origin.name})`;
	}
}
