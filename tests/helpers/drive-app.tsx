import React from 'react';
import {expect} from 'vitest';
import {render} from 'ink-testing-library';
import {App, preloadReader, type AppProps} from '../../src/ui/App.js';
import {makeStyles} from '../../src/core/render/styles.js';
import type {CopyResult} from '../../src/core/clipboard/copy.js';

// The app imports the reader screen 30 ms after its first frame; a test file that ends sooner
// would have that import land after vitest tore the file's environment down (an unhandled
// error under load). Loaded here first, the app finds it already there.
await preloadReader();

export const tick = (ms = 15): Promise<void> => new Promise(r => setTimeout(r, ms));

/**
 * The App in ink-testing-library at a fixed size, with a fake clipboard and
 * browser that record what they were given, keys to press, and `shows`, which
 * waits for a frame (on a busy machine a key's frame can come late).
 */
export function driveApp(props: Partial<AppProps> & Pick<AppProps, 'groups'>, size = {columns: 80, rows: 24}) {
	const copied: string[] = [];
	const opened: string[] = [];
	const copy = async (text: string): Promise<CopyResult> => {
		copied.push(text);
		return {ok: true, routes: ['fake'], tried: [], message: 'sent via fake'};
	};
	const openUrl: AppProps['openUrl'] = async url => {
		opened.push(url);
		return {ok: true, how: 'fake-open'};
	};
	const r = render(<App title="test shelf" styles={makeStyles(0)} copy={copy} openUrl={openUrl} {...props} />);
	Object.defineProperty(r.stdout, 'columns', {value: size.columns, configurable: true});
	Object.defineProperty(r.stdout, 'rows', {value: size.rows, configurable: true});
	r.stdout.emit('resize');
	const press = async (...keys: string[]): Promise<void> => {
		for (const k of keys) {
			r.stdin.write(k);
			// A lone Esc is held ~20 ms by Ink in case a sequence follows.
			await tick(k === '\x1b' ? 50 : 25);
		}
	};
	const frame = (): string => r.lastFrame() ?? '';
	const shows = async (want: string | RegExp, timeout = 5000): Promise<string> => {
		const deadline = Date.now() + timeout;
		for (;;) {
			const f = frame();
			if (typeof want === 'string' ? f.includes(want) : want.test(f)) return f;
			if (Date.now() > deadline) {
				if (typeof want === 'string') expect(f).toContain(want);
				else expect(f).toMatch(want);
				return f;
			}
			await tick(20);
		}
	};
	/** Waits for a frame without `unwanted` (what a key should take off the screen); fails if it stays. */
	const lacks = async (unwanted: string | RegExp, timeout = 5000): Promise<string> => {
		const has = (f: string): boolean => (typeof unwanted === 'string' ? f.includes(unwanted) : unwanted.test(f));
		const deadline = Date.now() + timeout;
		for (;;) {
			const f = frame();
			if (!has(f)) return f;
			if (Date.now() > deadline) {
				if (typeof unwanted === 'string') expect(f).not.toContain(unwanted);
				else expect(f).not.toMatch(unwanted);
				return f;
			}
			await tick(20);
		}
	};
	return {...r, copied, opened, press, frame, shows, lacks};
}
