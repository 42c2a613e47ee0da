import {describe, expect, it} from 'vitest';
import {History} from '../../src/core/history.js';

interface Place {
	slug: string;
	top: number;
}

type Step = ['push', string] | ['back'] | ['forward'] | ['replace', number];

function run(steps: Step[]): {history: History<Place>; returned: (string | undefined)[]} {
	const history = new History<Place>();
	const returned: (string | undefined)[] = [];
	for (const step of steps) {
		if (step[0] === 'push') history.push({slug: step[1], top: 0});
		else if (step[0] === 'back') returned.push(history.back()?.slug);
		else if (step[0] === 'forward') returned.push(history.forward()?.slug);
		else if (history.current) history.replaceCurrent({...history.current, top: step[1]});
	}
	return {history, returned};
}

describe('History', () => {
	it.each<[string, Step[], string | undefined, (string | undefined)[], string[]]>([
		['starts empty', [], undefined, [], []],
		['back and forward at the ends do nothing', [['back'], ['forward'], ['push', 'a'], ['back'], ['forward']], 'a', [undefined, undefined, undefined, undefined], ['a']],
		['walks back and forward', [['push', 'a'], ['push', 'b'], ['push', 'c'], ['back'], ['back'], ['forward']], 'b', ['b', 'a', 'b'], ['a', 'b', 'c']],
		['a push after going back drops what was ahead', [['push', 'a'], ['push', 'b'], ['push', 'c'], ['back'], ['back'], ['push', 'd'], ['forward']], 'd', ['b', 'a', undefined], ['a', 'd']],
	])('%s', (_, steps, current, returned, entries) => {
		const r = run(steps);
		expect(r.history.current?.slug).toBe(current);
		expect(r.returned).toEqual(returned);
		expect(r.history.snapshot().entries.map(e => e.slug)).toEqual(entries);
	});

	it('keeps the position set before leaving, for coming back', () => {
		const {history} = run([['push', 'a'], ['replace', 42], ['push', 'b'], ['replace', 7]]);
		expect(history.back()).toEqual({slug: 'a', top: 42});
		expect(history.forward()).toEqual({slug: 'b', top: 7});
	});

	it('replaceCurrent on an empty history does nothing', () => {
		const h = new History<Place>();
		h.replaceCurrent({slug: 'x', top: 1});
		expect(h.current).toBeUndefined();
		expect(h.length).toBe(0);
	});

	it('is unbounded: every step can be walked back', () => {
		const h = new History<number>();
		for (let i = 0; i < 1000; i++) h.push(i);
		let steps = 0;
		while (h.back() !== undefined) steps++;
		expect(steps).toBe(999);
		expect(h.current).toBe(0);
		expect([h.canGoBack, h.canGoForward]).toEqual([false, true]);
	});

	it('clears', () => {
		const {history} = run([['push', 'a'], ['push', 'b']]);
		history.clear();
		expect([history.current, history.length, history.canGoBack]).toEqual([undefined, 0, false]);
	});
});
