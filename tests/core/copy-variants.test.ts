import {describe, expect, it} from 'vitest';
import {commandsSummary, isShellLang, shellCommands} from '../../src/core/clipboard/shell-commands.js';
import {sectionLink} from '../../src/core/clipboard/section-link.js';

const SESSION = ['$ npm install', 'added 12 packages', '', '$ npm test', ' ✓ 40 tests', ' ✓ done', '$ echo "one \\', '  two"', 'one two'].join('\n');

describe('shellCommands (Y)', () => {
	it.each<[string, string, string, string, number, number]>([
		// name, lang, source, expected text, commands, output lines
		['dollar prompts, output left out', 'bash', SESSION, 'npm install\nnpm test\necho "one \\\n  two"', 3, 4],
		['a script without prompts is copied whole', 'sh', 'set -e\n# build it\nmake\nmake install\n', 'set -e\n# build it\nmake\nmake install', 3, 0],
		['# is a root prompt in console blocks', 'console', '# apt-get update\nHit:1 http://deb\n$ ls\nfile', 'apt-get update\nls', 2, 2],
		['# is a comment in bash blocks', 'bash', '$ make\n# all done\nok', 'make', 1, 2],
		['> continuation lines join the command', 'shell-session', '$ cat <<EOF\n> hello\n> EOF\nhello', 'cat <<EOF\nhello\nEOF', 1, 1],
		['PowerShell prompts', 'powershell', 'PS> Get-Item .\n\n    Directory: C:\\\nPS C:\\Users\\me> dir', 'Get-Item .\ndir', 2, 1],
		['ps1 with no prompt is a script', 'ps1', 'Write-Host "$ hi"\n', 'Write-Host "$ hi"', 1, 0],
		['user@host prompts', 'console', 'me@box:~/src$ git status\nOn branch main', 'git status', 1, 1],
		['venv prompt', 'zsh', '(venv) $ pip install x\nCollecting x', 'pip install x', 1, 1],
		['empty prompt lines are skipped', 'bash', '$\n$ ls\nx', 'ls', 1, 1],
		['CRLF source', 'bash', '$ ls\r\nfile\r\n', 'ls', 1, 1],
		['a trailing-backslash command keeps its next line', 'bash', '$ docker run \\\n  --rm img\nHello', 'docker run \\\n  --rm img', 1, 1],
	])('%s', (_name, lang, source, text, commands, outputLines) => {
		const c = shellCommands(source, lang);
		expect(c.text).toBe(text);
		expect(c.commands).toBe(commands);
		expect(c.outputLines).toBe(outputLines);
	});

	it.each([
		['bash', true], ['sh', true], ['zsh', true], ['console', true], ['shell-session', true], ['powershell', true], ['ps1', true],
		['Bash title="x"', true], ['python', false], ['', false], ['js', false],
	] as const)('isShellLang(%j) is %s', (lang, want) => {
		expect(isShellLang(lang)).toBe(want);
	});

	it('says what was left out', () => {
		expect(commandsSummary(shellCommands(SESSION, 'bash'))).toBe('3 commands, 4 output lines left out');
		expect(commandsSummary(shellCommands('$ ls', 'bash'))).toBe('1 command');
		expect(commandsSummary(shellCommands('make\nmake test', 'sh'))).toBe('2 commands (no prompts: copied as written)');
		expect(commandsSummary(shellCommands('$ ls\nfile', 'bash'))).toBe('1 command, 1 output line left out');
	});
});

describe('sectionLink (L)', () => {
	const headings = [{text: 'Set up'}, {text: 'Keys & `ssh-agent`'}, {text: 'Set up'}, {text: '[Docs](x.md) *here*'}];
	it.each<[number, string, string | null]>([
		[-1, 'guides/ssh', null],
		[0, 'guides/ssh#set-up', 'Set up'],
		[1, 'guides/ssh#keys--ssh-agent', 'Keys & ssh-agent'],
		[2, 'guides/ssh#set-up-1', 'Set up'],
		[3, 'guides/ssh#docs-here', 'Docs here'],
		[9, 'guides/ssh', null],
	])('heading %i → %s', (current, text, heading) => {
		expect(sectionLink('guides/ssh', headings, current)).toEqual({text, heading});
	});

	it('never carries control characters into the status line', () => {
		expect(sectionLink('a', [{text: 'Evil \x1b[31m red'}], 0).heading).not.toContain('\x1b');
	});
});
