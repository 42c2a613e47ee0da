/**
 * The settings a user can keep in the config file, their defaults and how each
 * is checked. Pure: no file system, so the CLI, the app and tests share it.
 */
export const THEME_CHOICES = ['auto', 'dark', 'light', 'mono'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export interface Settings {
	/** Folders (absolute, `~` expanded) or git URLs (kept as written); several are merged into one library. Empty: the DIR argument or the bundled articles. */
	shelves: string[];
	theme: ThemeChoice;
	/** Cap of the reader's text column, in columns. */
	width: number;
	/** Capture the mouse (wheel, clicks); off by default because it takes the terminal's own selection away. */
	mouse: boolean;
	/**
	 * Drafts are listed (marked) when true, the default; false leaves them out from
	 * the start, as `--no-drafts` does (`list` leaves them out; the app hides them until `d`).
	 */
	drafts: boolean;
	/** Folder globs (relative to each shelf) that are not read, e.g. `archive/**`. */
	exclude: string[];
}

export type SettingName = keyof Settings;
export const SETTING_NAMES: readonly SettingName[] = ['shelves', 'theme', 'width', 'mouse', 'drafts', 'exclude'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
	shelves: [], theme: 'auto', width: 110, mouse: false, drafts: true, exclude: [],
});

export const WIDTH_RANGE = {min: 20, max: 1000} as const;

/** Checks one raw value (from YAML or a flag); returns the typed value or what was wanted. */
export type Check<T> = (raw: unknown) => {ok: true; value: T} | {ok: false; wanted: string};

const stringList: Check<string[]> = raw => {
	const list = typeof raw === 'string' ? [raw] : raw;
	if (Array.isArray(list) && list.every(s => typeof s === 'string' && s.trim() !== '')) return {ok: true, value: list.map(s => (s as string).trim())};
	return {ok: false, wanted: 'a text or a list of texts'};
};
const boolean: Check<boolean> = raw => (typeof raw === 'boolean' ? {ok: true, value: raw} : {ok: false, wanted: 'true or false'});

export const CHECKS: {[K in SettingName]: Check<Settings[K]>} = {
	shelves: stringList,
	exclude: stringList,
	theme: raw => (typeof raw === 'string' && (THEME_CHOICES as readonly string[]).includes(raw)
		? {ok: true, value: raw as ThemeChoice} : {ok: false, wanted: THEME_CHOICES.join(', ')}),
	width: raw => (typeof raw === 'number' && Number.isInteger(raw) && raw >= WIDTH_RANGE.min && raw <= WIDTH_RANGE.max
		? {ok: true, value: raw} : {ok: false, wanted: `a whole number from ${WIDTH_RANGE.min} to ${WIDTH_RANGE.max}`}),
	mouse: boolean,
	drafts: boolean,
};

export function isSettingName(name: string): name is SettingName {
	return (SETTING_NAMES as readonly string[]).includes(name);
}

/** A shelf entry that names a repository rather than a folder (read by the git-shelf code). */
export function isGitShelf(entry: string): boolean {
	return /^(?:[a-z][a-z0-9+.-]*:\/\/|github:|git@)/i.test(entry);
}
