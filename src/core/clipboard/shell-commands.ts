/**
 * `Y`: a shell session as written in an article (`$ npm test` followed by its
 * output) turned into the commands alone, ready to paste and run.
 */

const SHELL_LANGS = new Set(['sh', 'bash', 'zsh', 'shell', 'console', 'shell-session', 'shellsession', 'powershell', 'ps1', 'pwsh', 'ps']);
/** Sessions (as opposed to scripts): there `# ` is a root prompt, not a comment. */
const SESSION_LANGS = new Set(['console', 'shell-session', 'shellsession']);
const POWERSHELL_LANGS = new Set(['powershell', 'ps1', 'pwsh', 'ps']);

/** The first word of a fence's info string, lower-cased (`bash title="x"` → `bash`). */
export function fenceLang(info: string): string {
	return (info.trim().split(/\s+/, 1)[0] ?? '').toLowerCase().replace(/^\{\.?|\}$/g, '');
}

export function isShellLang(info: string): boolean {
	return SHELL_LANGS.has(fenceLang(info));
}

export interface ShellCommands {
	/** The commands, one per line (a command continued over lines keeps its line breaks). */
	text: string;
	commands: number;
	/** Output lines left out (only when the block has prompts). */
	outputLines: number;
	/** Whether any line had a prompt; without prompts the block is copied as written. */
	prompted: boolean;
}

/** The prompt on a line and what follows it, or null when the line has none. */
function promptOf(line: string, lang: string): string | null {
	const powershell = POWERSHELL_LANGS.has(lang);
	// `PS> x`, `PS C:\Users\me> x`
	const ps = /^PS(?: [^>]*)?> ?(.*)$/.exec(line);
	if (ps) return ps[1] ?? '';
	if (powershell) return null;
	// `$ x`, `user@host:~/src$ x`, `(venv) $ x`, `% x` (zsh)
	const dollar = /^(?:\([^)]*\) )?(?:[\w.-]+@[\w.-]+(?::[^$#\s]*)? ?)?[$%] (.*)$/.exec(line) ?? /^[$%]$/.exec(line);
	if (dollar) return dollar[1] ?? '';
	if (SESSION_LANGS.has(lang)) {
		const hash = /^(?:[\w.-]+@[\w.-]+(?::[^$#\s]*)? ?)?# (.*)$/.exec(line);
		if (hash) return hash[1] ?? '';
	}
	return null;
}

/**
 * The commands of a shell block. Prompts are removed; `> ` lines right after a
 * command (a here-document, an open quote) and lines after a trailing `\`
 * belong to it; every other line of a prompted block is output and left out.
 * A block without any prompt is a script: copied whole.
 */
export function shellCommands(source: string, info: string): ShellCommands {
	const lang = fenceLang(info);
	const lines = source.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
	const prompted = lines.some(l => promptOf(l, lang) !== null);
	if (!prompted) {
		const commands = lines.filter((l, i) => l.trim() !== '' && !/^\s*#/.test(l) && !/\\$/.test(lines[i - 1] ?? '')).length;
		return {text: lines.join('\n'), commands, outputLines: 0, prompted: false};
	}
	const out: string[] = [];
	let commands = 0;
	let outputLines = 0;
	let continuing = false;
	for (const line of lines) {
		const command = promptOf(line, lang);
		if (command !== null) {
			if (command.trim() === '') {
				continuing = false;
				continue;
			}
			out.push(command);
			commands++;
			continuing = true;
			continue;
		}
		const previous = out[out.length - 1] ?? '';
		if (continuing && /\\$/.test(previous)) {
			out.push(line);
		} else if (continuing && /^>(?: |$)/.test(line)) {
			out.push(line.replace(/^> ?/, ''));
		} else {
			continuing = false;
			if (line.trim() !== '') outputLines++;
		}
	}
	return {text: out.join('\n'), commands, outputLines, prompted: true};
}

/** The status line's account of a `Y` copy: "3 commands, 5 output lines left out". */
export function commandsSummary(c: ShellCommands): string {
	const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
	if (!c.prompted) return `${plural(c.commands, 'command')} (no prompts: copied as written)`;
	return c.outputLines > 0 ? `${plural(c.commands, 'command')}, ${plural(c.outputLines, 'output line')} left out` : plural(c.commands, 'command');
}
