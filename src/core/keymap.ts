/**
 * The one table of keys. Input handling, the help screen and the README's key
 * table are all generated from it, so they cannot drift apart.
 */

export type Scope = 'library' | 'reader' | 'global';

export type Command =
	| 'quit' | 'help' | 'back'
	| 'up' | 'down' | 'pageUp' | 'pageDown' | 'halfDown' | 'halfUp' | 'top' | 'bottom'
	| 'open' | 'switchPane' | 'focusGroups' | 'focusArticles'
	| 'nextBlock' | 'prevBlock' | 'copyBlock' | 'copyNumbered';

/** The parts of Ink's `Key` the table looks at (kept structural so the core needs no Ink). */
export interface KeyEvent {
	upArrow: boolean; downArrow: boolean; leftArrow: boolean; rightArrow: boolean;
	pageUp: boolean; pageDown: boolean; home: boolean; end: boolean;
	return: boolean; escape: boolean; tab: boolean; backspace: boolean; delete: boolean;
	ctrl: boolean; shift: boolean; meta: boolean;
}

type Special = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab';

export type KeySpec =
	| {input: string}               // a printable key, case-sensitive: 'G' is shift+g
	| {ctrl: string}                // ctrl + letter
	| {special: Special}
	| {digit: true};                // 1-9

export interface Binding {
	command: Command;
	scope: Scope;
	keys: KeySpec[];
	description: string;
}

export const KEYMAP: readonly Binding[] = [
	{command: 'down', scope: 'library', keys: [{input: 'j'}, {special: 'downArrow'}], description: 'Next item'},
	{command: 'up', scope: 'library', keys: [{input: 'k'}, {special: 'upArrow'}], description: 'Previous item'},
	{command: 'pageDown', scope: 'library', keys: [{special: 'pageDown'}, {ctrl: 'd'}], description: 'Page down'},
	{command: 'pageUp', scope: 'library', keys: [{special: 'pageUp'}, {ctrl: 'u'}], description: 'Page up'},
	{command: 'top', scope: 'library', keys: [{input: 'g'}, {special: 'home'}], description: 'First item'},
	{command: 'bottom', scope: 'library', keys: [{input: 'G'}, {special: 'end'}], description: 'Last item'},
	{command: 'switchPane', scope: 'library', keys: [{special: 'tab'}], description: 'Switch pane'},
	{command: 'focusGroups', scope: 'library', keys: [{input: 'h'}, {special: 'leftArrow'}], description: 'Groups pane (left)'},
	{command: 'focusArticles', scope: 'library', keys: [{input: 'l'}, {special: 'rightArrow'}], description: 'Articles pane (right)'},
	{command: 'open', scope: 'library', keys: [{special: 'return'}], description: 'Open article or group'},
	{command: 'quit', scope: 'library', keys: [{input: 'q'}], description: 'Quit'},
	{command: 'back', scope: 'library', keys: [{special: 'escape'}], description: 'Close help'},

	{command: 'down', scope: 'reader', keys: [{input: 'j'}, {special: 'downArrow'}], description: 'Line down'},
	{command: 'up', scope: 'reader', keys: [{input: 'k'}, {special: 'upArrow'}], description: 'Line up'},
	{command: 'pageDown', scope: 'reader', keys: [{input: ' '}, {special: 'pageDown'}, {input: 'f'}], description: 'Page down'},
	{command: 'pageUp', scope: 'reader', keys: [{input: 'b'}, {special: 'pageUp'}], description: 'Page up'},
	{command: 'halfDown', scope: 'reader', keys: [{input: 'd'}, {ctrl: 'd'}], description: 'Half page down'},
	{command: 'halfUp', scope: 'reader', keys: [{input: 'u'}, {ctrl: 'u'}], description: 'Half page up'},
	{command: 'top', scope: 'reader', keys: [{input: 'g'}, {special: 'home'}], description: 'Top'},
	{command: 'bottom', scope: 'reader', keys: [{input: 'G'}, {special: 'end'}], description: 'End'},
	{command: 'nextBlock', scope: 'reader', keys: [{input: ']'}], description: 'Next code block'},
	{command: 'prevBlock', scope: 'reader', keys: [{input: '['}], description: 'Previous code block'},
	{command: 'copyBlock', scope: 'reader', keys: [{input: 'y'}, {input: 'c'}], description: 'Copy selected block'},
	{command: 'copyNumbered', scope: 'reader', keys: [{digit: true}], description: 'Copy block N'},
	{command: 'back', scope: 'reader', keys: [{special: 'escape'}, {input: 'q'}], description: 'Back to the library'},

	{command: 'help', scope: 'global', keys: [{input: '?'}], description: 'Show or hide help'},
	{command: 'quit', scope: 'global', keys: [{ctrl: 'c'}], description: 'Quit'},
];

function matches(spec: KeySpec, input: string, key: KeyEvent): boolean {
	if ('special' in spec) return key[spec.special] && !(spec.special === 'tab' && key.shift);
	if ('ctrl' in spec) return key.ctrl && input.toLowerCase() === spec.ctrl;
	if ('digit' in spec) return !key.ctrl && !key.meta && /^[1-9]$/.test(input);
	return !key.ctrl && !key.meta && input === spec.input;
}

/** The command a key means on a screen: that screen's bindings first, then the global ones. */
export function commandFor(scope: Exclude<Scope, 'global'>, input: string, key: KeyEvent): Command | null {
	for (const s of [scope, 'global'] as const) {
		for (const b of KEYMAP) {
			if (b.scope === s && b.keys.some(k => matches(k, input, key))) return b.command;
		}
	}
	return null;
}

const SPECIAL_NAMES: Record<Special, string> = {
	upArrow: '↑', downArrow: '↓', leftArrow: '←', rightArrow: '→', pageUp: 'PgUp', pageDown: 'PgDn',
	home: 'Home', end: 'End', return: 'Enter', escape: 'Esc', tab: 'Tab',
};

export function keyLabel(spec: KeySpec): string {
	if ('special' in spec) return SPECIAL_NAMES[spec.special];
	if ('ctrl' in spec) return `Ctrl-${spec.ctrl}`;
	if ('digit' in spec) return '1-9';
	return spec.input === ' ' ? 'Space' : spec.input;
}

export function keysLabel(b: Binding): string {
	return b.keys.map(keyLabel).join(' / ');
}

const SCOPE_TITLES: Record<Scope, string> = {library: 'Library', reader: 'Reader', global: 'Everywhere'};

export function bindingsByScope(): {scope: Scope; title: string; bindings: Binding[]}[] {
	return (['library', 'reader', 'global'] as const).map(scope => ({
		scope, title: SCOPE_TITLES[scope], bindings: KEYMAP.filter(b => b.scope === scope),
	}));
}

/** The README's key table, generated (a test keeps README.md equal to it). */
export function keyTableMarkdown(): string {
	const rows = bindingsByScope().flatMap(g => g.bindings.map(b =>
		`| ${g.title} | ${keysLabel(b).replace(/\|/g, '\\|').split(' / ').map(k => `\`${k}\``).join(' ')} | ${b.description} |`));
	return ['| Where | Keys | What it does |', '| --- | --- | --- |', ...rows].join('\n');
}

const NO_KEY: KeyEvent = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false,
	home: false, end: false, return: false, escape: false, tab: false, backspace: false, delete: false,
	ctrl: false, shift: false, meta: false,
};

/**
 * Splits what the terminal sent in one read into single keys. Keys typed fast,
 * auto-repeated or sent over SSH arrive together ("jj\r"), and Ink hands such a
 * run of plain characters over as one input.
 */
export function splitKeys(input: string, key: KeyEvent): {input: string; key: KeyEvent}[] {
	const chars = [...input];
	if (chars.length <= 1 || key.ctrl || key.meta || input.includes('\x1b')) return [{input, key}];
	return chars.map(ch => ({
		input: ch,
		key: {
			...NO_KEY,
			return: ch === '\r' || ch === '\n',
			tab: ch === '\t',
			backspace: ch === '\x7f' || ch === '\b',
			shift: ch !== ch.toLowerCase(),
		},
	}));
}
