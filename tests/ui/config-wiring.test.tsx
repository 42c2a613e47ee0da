/** Config keys the app starts with: `mouse` (reporting on from the start, M still toggles) and `drafts` (hidden at start, d shows them). */
import {afterEach, describe, expect, it} from 'vitest';
import {article} from '../helpers/articles.js';
import {driveApp} from '../helpers/drive-app.js';
import type {MouseInput} from '../../src/ui/hooks/use-mouse.js';
import type {Group} from '../../src/core/state/reducer.js';

const groups = (): Group[] => {
	const articles = [article('kept', {title: 'A kept article', date: '2025-02-01'}), article('draft', {title: 'A draft article', date: '2025-03-01', draft: true})];
	return [{kind: 'all', name: 'All', articles}];
};

function fakeMouse(): MouseInput & {calls: boolean[]} {
	const calls: boolean[] = [];
	return {calls, subscribe: () => () => {}, setReporting: on => void calls.push(on)};
}

let current: ReturnType<typeof driveApp> | undefined;
afterEach(() => {
	current?.unmount();
	current = undefined;
});

describe('config keys in the app', () => {
	it('mouse: true asks the terminal for mouse reports from the first frame; M turns them off', async () => {
		const input = fakeMouse();
		current = driveApp({groups: groups(), mouse: true, mouseInput: input});
		await current.shows('A kept article');
		expect(input.calls).toEqual([true]);
		await current.press('M');
		await current.shows('Mouse off');
		expect(input.calls).toEqual([true, false]);
	});

	it('mouse not set: no reports until M', async () => {
		const input = fakeMouse();
		current = driveApp({groups: groups(), mouseInput: input});
		await current.shows('A kept article');
		expect(input.calls).toEqual([false]);
		await current.press('M');
		await current.shows('Mouse on');
		expect(input.calls).toEqual([false, true]);
	});

	it('drafts hidden at start (config drafts: false) show with d', async () => {
		current = driveApp({groups: groups(), hideDrafts: true});
		const f = await current.shows('A kept article');
		expect(f).not.toContain('A draft article');
		await current.press('d');
		await current.shows('A draft article');
	});
});
