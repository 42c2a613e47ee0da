import {describe, it, expect} from 'vitest';
import {withoutRepeatedTitle} from '../../src/core/render/title-heading.js';

describe('a leading level-1 heading that repeats the title', () => {
	it('goes when it equals the title, ignoring case, punctuation and spacing', () => {
		const body = '# Node.js Interactive 2026: A Recap\n\nFirst paragraph.\n';
		expect(withoutRepeatedTitle(body, 'Node.js Interactive 2026: A Recap')).toBe('\nFirst paragraph.\n');
		expect(withoutRepeatedTitle(body, 'node js interactive 2026 — a recap')).toBe('\nFirst paragraph.\n');
		expect(withoutRepeatedTitle('\n\n#   Hello, *World*!  ##\r\nText', 'hello world')).toBe('Text');
		expect(withoutRepeatedTitle('# [Release notes](https://x.example)\n\nText', 'Release Notes')).toBe('\nText');
	});

	it('goes in its setext form too', () => {
		expect(withoutRepeatedTitle('My Title\n========\n\nText', 'My title')).toBe('\nText');
	});

	it('stays when it differs, is not first, is not level 1, or the title has no letters', () => {
		const cases: [string, string][] = [
			['# Another heading\n\nText', 'The title'],
			['Intro.\n\n# The title\n\nText', 'The title'],
			['## The title\n\nText', 'The title'],
			['The title\n---------\n\nText', 'The title'],
			['```\n# The title\n```\n', 'The title'],
			['    # The title\n', 'The title'],
			['# ???\n\nText', '???'],
			['#\n\nText', 'x'],
			['', 'The title'],
		];
		for (const [body, title] of cases) expect(withoutRepeatedTitle(body, title), body).toBe(body);
	});
});
