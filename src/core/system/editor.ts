/**
 * Opening an article in the user's editor: which program ($VISUAL, then
 * $EDITOR, then vi, or notepad on Windows), how to ask it for a line, and
 * running it with the terminal handed over. The UI suspends itself around
 * `runEditor`.
 */
import {spawn} from 'node:child_process';
import path from 'node:path';

export interface EditorInvocation {
	command: string;
	args: string[];
	/** The program's name as the user knows it, for messages. */
	name: string;
}

/** Editors that take `+LINE FILE`. */
const PLUS_LINE = new Set(['vi', 'vim', 'nvim', 'gvim', 'mvim', 'view', 'nano', 'emacs', 'emacsclient', 'kak', 'micro', 'helix', 'hx', 'joe', 'mg', 'ne']);
/** Editors that take `-g FILE:LINE` (VS Code and its builds). */
const GOTO_LINE = new Set(['code', 'code-insiders', 'codium', 'vscodium', 'cursor']);

/** "code --wait" or "'/opt/My Editor/bin/ed' -x": a program and its own arguments, split like a shell would for simple quoting. */
export function splitCommand(line: string): string[] {
	const words: string[] = [];
	for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) words.push(m[1]?.replace(/\\(.)/g, '$1') ?? m[2] ?? m[3] ?? '');
	return words;
}

export function editorInvocation(file: string, line: number, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): EditorInvocation {
	const configured = [env['VISUAL'], env['EDITOR']].find(v => v !== undefined && v.trim() !== '');
	const words = configured ? splitCommand(configured) : [platform === 'win32' ? 'notepad' : 'vi'];
	const [command = 'vi', ...own] = words;
	const name = path.basename(command).replace(/\.(exe|cmd|bat)$/i, '').toLowerCase();
	const at = Math.max(1, Math.floor(line));
	if (PLUS_LINE.has(name)) return {command, args: [...own, `+${at}`, file], name};
	if (GOTO_LINE.has(name)) return {command, args: [...own, '-g', `${file}:${at}`], name};
	return {command, args: [...own, file], name};
}

export type EditorResult = {ok: true} | {ok: false; message: string};

/** Runs the editor on this terminal and waits for it to end. Never throws. */
export function runEditor(invocation: EditorInvocation): Promise<EditorResult> {
	return new Promise(resolve => {
		let child;
		try {
			child = spawn(invocation.command, invocation.args, {stdio: 'inherit'});
		} catch (error) {
			resolve({ok: false, message: `could not start ${invocation.name}: ${String(error)}`});
			return;
		}
		child.on('error', (error: NodeJS.ErrnoException) => {
			resolve({ok: false, message: error.code === 'ENOENT' ? `editor "${invocation.command}" not found (set $VISUAL or $EDITOR)` : `could not start ${invocation.name}: ${error.code ?? error.message}`});
		});
		child.on('exit', (code, signal) => {
			if (code === 0) resolve({ok: true});
			else resolve({ok: false, message: `${invocation.name} ended with ${signal ?? `status ${code}`}`});
		});
	});
}
