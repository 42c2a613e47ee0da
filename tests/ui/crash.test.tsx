import React from 'react';
import {describe, it, expect} from 'vitest';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {render} from 'ink-testing-library';
import {Text} from 'ink';
import {ErrorBoundary} from '../../src/ui/ErrorBoundary.js';
import {reportCrash} from '../../src/core/system/crash-log.js';

function Broken(): React.ReactElement {
	throw new Error('boom \x1b]0;pwned\x07 in render');
}

describe('a crash', () => {
	it('is caught before Ink can print a stack over the screen, and handed on', async () => {
		const caught: unknown[] = [];
		const r = render(<ErrorBoundary onError={e => caught.push(e)}><Text>before</Text><Broken /></ErrorBoundary>);
		// Waits for the crash to be handed on (not a fixed pause), then checks the frame it left.
		for (const start = Date.now(); caught.length === 0 && Date.now() - start < 5_000; ) await new Promise(res => setTimeout(res, 10));
		expect(caught).toHaveLength(1);
		expect(r.lastFrame() ?? '').not.toMatch(/ at |boom/);
		r.unmount();
	});

	it('is reported in one sanitized line naming a log that holds the stack', () => {
		const state = mkdtempSync(path.join(tmpdir(), 'inkshelf-crash-'));
		const message = reportCrash(new Error('boom \x1b]0;pwned\x07 here'), {XDG_STATE_HOME: state});
		const [first, second] = message.split('\n');
		expect(first).toBe('inkshelf: something went wrong: boom ␛]0;pwned␇ here');
		const log = second?.replace('Details: ', '') ?? '';
		expect(log.startsWith(path.join(state, 'inkshelf'))).toBe(true);
		expect(readFileSync(log, 'utf8')).toMatch(/Error: boom[\s\S]* at /);
	});
});
