import {describe, expect, it} from 'vitest';
import {editorInvocation, runEditor, splitCommand} from '../../src/core/system/editor.js';
import {fileLineAt, placeLine, sectionPlace} from '../../src/core/render/place.js';

describe('editor invocation', () => {
	it.each([
		['vim', ['+12', '/s/a.md']],
		['/usr/bin/nvim', ['+12', '/s/a.md']],
		['nano', ['+12', '/s/a.md']],
		['emacs -nw', ['-nw', '+12', '/s/a.md']],
		['kak', ['+12', '/s/a.md']],
		['micro', ['+12', '/s/a.md']],
		['hx', ['+12', '/s/a.md']],
		['helix', ['+12', '/s/a.md']],
		['code --wait', ['--wait', '-g', '/s/a.md:12']],
		['gedit', ['/s/a.md']],
	])('%s', (editor, args) => {
		expect(editorInvocation('/s/a.md', 12, {EDITOR: editor}, 'linux').args).toEqual(args);
	});

	it('prefers $VISUAL, then $EDITOR, then vi (notepad on Windows)', () => {
		expect(editorInvocation('/a.md', 3, {VISUAL: 'nvim', EDITOR: 'nano'}, 'linux').command).toBe('nvim');
		expect(editorInvocation('/a.md', 3, {VISUAL: ' ', EDITOR: 'nano'}, 'linux').command).toBe('nano');
		expect(editorInvocation('/a.md', 3, {}, 'linux')).toMatchObject({command: 'vi', args: ['+3', '/a.md']});
		expect(editorInvocation('C:\\a.md', 3, {}, 'win32')).toMatchObject({command: 'notepad', args: ['C:\\a.md']});
	});

	it('splits a configured command like a shell for simple quoting', () => {
		expect(splitCommand(`'/opt/My Editor/ed' -x "a b"`)).toEqual(['/opt/My Editor/ed', '-x', 'a b']);
	});

	it('an editor that cannot start is one message, not a crash', async () => {
		const r = await runEditor({command: '/nonexistent/editor', args: ['x'], name: 'editor'});
		expect(r).toEqual({ok: false, message: 'editor "/nonexistent/editor" not found (set $VISUAL or $EDITOR)'});
	});
});

describe('reading place by section', () => {
	const headings = [{line: 0, text: 'Start'}, {line: 30, text: 'Middle'}, {line: 60, text: 'End'}];

	it('is the section above the top line and how far into it', () => {
		expect(sectionPlace(headings, 45, 90)).toEqual({heading: 'Middle', fraction: 0.5});
		expect(sectionPlace([{line: 10, text: 'A'}], 5, 20)).toEqual({heading: null, fraction: 0.5});
	});

	it('lands in the same section after lines were added above it', () => {
		const moved = [{line: 0, text: 'Start'}, {line: 70, text: 'Middle'}, {line: 100, text: 'End'}];
		expect(placeLine(moved, {heading: 'Middle', fraction: 0.5}, 130, 0)).toBe(85);
		expect(placeLine(moved, {heading: 'Gone', fraction: 0.5}, 130, 17)).toBe(17);
	});

	it('maps the line on screen to the file line of the same section', () => {
		const body = '# Start\n\none\n\n## Middle\n\na\nb\nc\nd\n\n## End\n\nz\n';
		// Front matter of 4 lines: the body starts on line 5 of the file.
		const line = fileLineAt(body, 5, [{line: 0, text: 'Start'}, {line: 10, text: 'Middle'}, {line: 30, text: 'End'}], 10, 40);
		expect(line).toBe(5 + 4);
		expect(fileLineAt(body, 5, [{line: 0, text: 'Start'}, {line: 10, text: 'Middle'}, {line: 30, text: 'End'}], 30, 40)).toBe(5 + 11);
	});
});
