/** The reader's copy commands: `y` and digits (a block), `Y` (a shell block's commands), `L` (a link here). */
import {prepareForPaste} from '../clipboard/index.js';
import {sectionLink} from '../clipboard/index.js';
import {commandsSummary, isShellLang, shellCommands} from '../clipboard/index.js';
import {keyFor} from './keymap.js';
import type {AppState, ReaderState} from './types.js';

export function copySelected(state: AppState, r: ReaderState, commandsOnly: boolean): AppState {
	if (r.selectedBlock >= 0) return requestCopy(state, r.selectedBlock, commandsOnly);
	// Nothing selected yet: the first block on screen is the obvious one.
	const h = r.layout.viewHeight;
	const onScreen = r.layout.blocks.findIndex(b => b.startLine >= 0 && b.endLine >= r.top && b.startLine < r.top + h);
	if (onScreen < 0) return {...state, status: {text: r.layout.blocks.length ? `No code block on screen: ${keyFor('nextBlock', 'reader')} selects the next one` : 'This article has no code blocks', kind: 'warning'}};
	return requestCopy({...state, reader: {...r, selectedBlock: onScreen}}, onScreen, commandsOnly);
}

export function requestCopy(state: AppState, block: number, commandsOnly = false): AppState {
	const r = state.reader;
	const b = r?.layout.blocks[block];
	if (!r || !b) return state;
	if (b.unsafe.length > 0 && r.confirmCopy !== block) {
		return {...state, reader: {...r, confirmCopy: block}, status: {text: `Block ${block + 1} ${b.unsafe.join(', ')}: press ${keyFor(commandsOnly ? 'copyCommands' : 'copyBlock', 'reader')} again to copy anyway`, kind: 'warning'}};
	}
	const nonce = (state.copyRequest?.nonce ?? 0) + 1;
	const copying = {...state, reader: {...r, confirmCopy: null}, status: {text: `Copying block ${block + 1}…`, kind: 'info' as const}};
	if (!commandsOnly) return {...copying, copyRequest: {kind: 'block', block, nonce}};
	if (!isShellLang(b.lang ?? '')) {
		return {...copying, copyRequest: {kind: 'text', text: prepareForPaste(b.source).text, what: `block ${block + 1} as written (${keyFor('copyCommands', 'reader')} takes commands from shell blocks only)`, nonce}};
	}
	const commands = shellCommands(b.source, b.lang ?? '');
	if (commands.commands === 0) return {...state, status: {text: `Block ${block + 1} has no commands to copy`, kind: 'warning'}};
	return {...copying, copyRequest: {kind: 'text', text: commands.text, what: `block ${block + 1}: ${commandsSummary(commands)}`, nonce}};
}

/** `current`: the heading the top line is under (-1 above the first). */
export function copySectionLink(state: AppState, r: ReaderState, current: number): AppState {
	const link = sectionLink(r.slug, r.layout.headings, current);
	const what = link.heading === null ? `link to ${link.text}` : `link to "${link.heading}" (${link.text})`;
	return {...state, copyRequest: {kind: 'text', text: link.text, what, nonce: (state.copyRequest?.nonce ?? 0) + 1}, status: {text: `Copying ${what}…`, kind: 'info'}};
}
