/**
 * The one table of keys. Input handling, the help screen and the README's key
 * table are all generated from it, so they cannot drift apart.
 */

/** Where a key is pressed. `search` and `find` are text lines: printable keys there are typed, not commands. */
export type Scope = 'library' | 'search' | 'reader' | 'find' | 'outline' | 'global';

export type Command =
	| 'quit' | 'help' | 'back' | 'close'
	| 'up' | 'down' | 'pageUp' | 'pageDown' | 'halfDown' | 'halfUp' | 'top' | 'bottom'
	| 'open' | 'switchPane' | 'focusGroups' | 'focusArticles' | 'search' | 'sort' | 'pin' | 'toggleDrafts'
	| 'nextBlock' | 'prevBlock' | 'copyBlock' | 'copyNumbered' | 'copyCommands' | 'copyLink'
	| 'find' | 'nextHit' | 'prevHit' | 'outline' | 'nextLink' | 'prevLink' | 'follow' | 'historyBack'
	| 'accept' | 'cancel' | 'deleteChar'
	| 'reload' | 'edit' | 'toggleMouse';

export const TEXT_SCOPES: readonly Scope[] = ['search', 'find'];

/** The parts of Ink's `Key` the table looks at (kept structural so the core needs no Ink). */
export interface KeyEvent {
	upArrow: boolean; downArrow: boolean; leftArrow: boolean; rightArrow: boolean;
	pageUp: boolean; pageDown: boolean; home: boolean; end: boolean;
	return: boolean; escape: boolean; tab: boolean; backspace: boolean; delete: boolean;
	ctrl: boolean; shift: boolean; meta: boolean;
}

type Special = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'shiftTab' | 'backspace';

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
	{command: 'search', scope: 'library', keys: [{input: '/'}], description: 'Search the shelf'},
	{command: 'sort', scope: 'library', keys: [{input: 's'}], description: 'Sort: newest, oldest, title'},
	{command: 'pin', scope: 'library', keys: [{input: ' '}, {input: 'x'}], description: 'Pin group: combine filters'},
	{command: 'toggleDrafts', scope: 'library', keys: [{input: 'd'}], description: 'Hide or show drafts'},
	{command: 'reload', scope: 'library', keys: [{input: 'r'}], description: 'Reload the shelf from disk'},
	{command: 'edit', scope: 'library', keys: [{input: 'e'}], description: 'Edit the article in $VISUAL / $EDITOR'},
	{command: 'quit', scope: 'library', keys: [{input: 'q'}], description: 'Quit'},
	{command: 'back', scope: 'library', keys: [{special: 'escape'}], description: 'Clear search or filters'},

	{command: 'accept', scope: 'search', keys: [{special: 'return'}], description: 'Open the selected result'},
	{command: 'down', scope: 'search', keys: [{special: 'downArrow'}, {ctrl: 'n'}], description: 'Next result'},
	{command: 'up', scope: 'search', keys: [{special: 'upArrow'}, {ctrl: 'p'}], description: 'Previous result'},
	{command: 'deleteChar', scope: 'search', keys: [{special: 'backspace'}], description: 'Delete a character'},
	{command: 'cancel', scope: 'search', keys: [{special: 'escape'}], description: 'Clear the search'},

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
	{command: 'copyCommands', scope: 'reader', keys: [{input: 'Y'}], description: 'Copy commands only (shell)'},
	{command: 'copyLink', scope: 'reader', keys: [{input: 'L'}], description: 'Copy link to section'},
	{command: 'find', scope: 'reader', keys: [{input: '/'}], description: 'Find in the article'},
	{command: 'nextHit', scope: 'reader', keys: [{input: 'n'}], description: 'Next hit'},
	{command: 'prevHit', scope: 'reader', keys: [{input: 'N'}], description: 'Previous hit'},
	{command: 'outline', scope: 'reader', keys: [{input: 't'}], description: 'Outline (headings)'},
	{command: 'nextLink', scope: 'reader', keys: [{special: 'tab'}], description: 'Next link'},
	{command: 'prevLink', scope: 'reader', keys: [{special: 'shiftTab'}], description: 'Previous link'},
	{command: 'follow', scope: 'reader', keys: [{special: 'return'}], description: 'Follow the selected link'},
	{command: 'reload', scope: 'reader', keys: [{input: 'r'}], description: 'Reload the article, keeping the place'},
	{command: 'edit', scope: 'reader', keys: [{input: 'e'}], description: 'Edit at the line on screen in $VISUAL / $EDITOR'},
	{command: 'historyBack', scope: 'reader', keys: [{special: 'backspace'}], description: 'Back to the previous article'},
	{command: 'back', scope: 'reader', keys: [{special: 'escape'}], description: 'Back to the library'},
	{command: 'close', scope: 'reader', keys: [{input: 'q'}], description: 'Back to the library; quit if the app started on this article (inkshelf FILE, inkshelf -)'},

	{command: 'accept', scope: 'find', keys: [{special: 'return'}], description: 'Keep the hits, back to reading'},
	{command: 'deleteChar', scope: 'find', keys: [{special: 'backspace'}], description: 'Delete a character'},
	{command: 'cancel', scope: 'find', keys: [{special: 'escape'}], description: 'Stop finding'},

	{command: 'down', scope: 'outline', keys: [{input: 'j'}, {special: 'downArrow'}], description: 'Next heading'},
	{command: 'up', scope: 'outline', keys: [{input: 'k'}, {special: 'upArrow'}], description: 'Previous heading'},
	{command: 'accept', scope: 'outline', keys: [{special: 'return'}], description: 'Go to the heading'},
	{command: 'cancel', scope: 'outline', keys: [{special: 'escape'}, {input: 't'}, {input: 'q'}], description: 'Close the outline'},

	{command: 'help', scope: 'global', keys: [{input: '?'}], description: 'Show or hide help'},
	{command: 'toggleMouse', scope: 'global', keys: [{input: 'M'}], description: 'Mouse on/off'},
	{command: 'quit', scope: 'global', keys: [{ctrl: 'c'}], description: 'Quit'},
];

function matches(spec: KeySpec, input: string, key: KeyEvent): boolean {
	if ('special' in spec) {
		if (spec.special === 'shiftTab') return key.tab && key.shift;
		if (spec.special === 'tab') return key.tab && !key.shift;
		// Terminals send DEL (0x7f) for the Backspace key; Ink reports that as `delete`.
		if (spec.special === 'backspace') return key.backspace || key.delete;
		return key[spec.special];
	}
	if ('ctrl' in spec) return key.ctrl && input.toLowerCase() === spec.ctrl;
	if ('digit' in spec) return !key.ctrl && !key.meta && /^[1-9]$/.test(input);
	return !key.ctrl && !key.meta && input === spec.input;
}

/**
 * The command a key means in a scope: its bindings first, then the global
 * ones, except that on a text line only Ctrl keys are global (`?` is typed).
 */
export function commandFor(scope: Exclude<Scope, 'global'>, input: string, key: KeyEvent): Command | null {
	for (const b of KEYMAP) {
		if (b.scope === scope && b.keys.some(k => matches(k, input, key))) return b.command;
	}
	const text = TEXT_SCOPES.includes(scope);
	for (const b of KEYMAP) {
		if (b.scope === 'global' && b.keys.some(k => (!text || 'ctrl' in k) && matches(k, input, key))) return b.command;
	}
	return null;
}

/** A key that types a character on a text line (no Ctrl, Meta or special key). */
export function typedCharacter(input: string, key: KeyEvent): string | null {
	if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.backspace || key.delete) return null;
	if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end) return null;
	return input !== '' && !/[\u0000-\u001f\u007f]/.test(input) ? input : null;
}

const SPECIAL_NAMES: Record<Special, string> = {
	upArrow: '↑', downArrow: '↓', leftArrow: '←', rightArrow: '→', pageUp: 'PgUp', pageDown: 'PgDn',
	home: 'Home', end: 'End', return: 'Enter', escape: 'Esc', tab: 'Tab', shiftTab: 'Shift-Tab', backspace: 'Backspace',
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

/**
 * The first key of a command where it is pressed (falling back to the global
 * bindings), as messages and hint lines name it: they never spell a key by hand.
 */
export function keyFor(command: Command, scope: Scope): string {
	const b = KEYMAP.find(k => k.command === command && k.scope === scope) ?? KEYMAP.find(k => k.command === command && k.scope === 'global');
	const first = b?.keys[0];
	if (!first) throw new Error(`no key for ${command} in ${scope}`);
	return keyLabel(first);
}

/** A hint: the command(s), then what they do. Several commands are shown as one ("]/[ block"). */
export type Hint = readonly [Command | readonly Command[], string];

/** A hint line ("Enter read · / search · ? help") generated from the keymap. */
export function hintLine(scope: Scope, hints: readonly Hint[]): string {
	return hints.map(([commands, what]) => `${(typeof commands === 'string' ? [commands] : commands).map(c => keyFor(c, scope)).join('/')} ${what}`).join(' · ');
}

const SCOPE_TITLES: Record<Scope, string> = {
	library: 'Library', search: 'Library search (/)', reader: 'Reader', find: 'Find in article (/)', outline: 'Outline (t)', global: 'Everywhere',
};

export function bindingsByScope(): {scope: Scope; title: string; bindings: Binding[]}[] {
	return (['library', 'search', 'reader', 'find', 'outline', 'global'] as const).map(scope => ({
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
