import {describe, expect, it} from 'vitest';
import v8 from 'node:v8';
import vm from 'node:vm';
import {collectWhenGrown} from '../../src/core/heap-trim.js';

const used = (): number => v8.getHeapStatistics().used_heap_size;

describe('collectWhenGrown', () => {
	it('collects what a burst of work left in the old generation, a little after the last call', async () => {
		// Objects that live through several scavenges (so V8 moves them to the old generation), then are let go.
		let held: unknown[] | null = [];
		for (let round = 0; round < 60; round++) {
			for (let i = 0; i < 10_000; i++) held.push({n: i, text: `item ${round} ${i}`, list: [round, i]});
			await new Promise(resolve => setImmediate(resolve));
		}
		held = null;
		const before = used();
		for (let i = 0; i < 5; i++) collectWhenGrown();
		await new Promise(resolve => setTimeout(resolve, 300));
		expect(before - used()).toBeGreaterThan(30 * 1024 * 1024);
	});

	it('leaves V8\'s --expose-gc as it found it (off), and still collects the next time', async () => {
		let held: unknown[] | null = Array.from({length: 400_000}, (_, i) => ({i, text: `again ${i}`}));
		await new Promise(resolve => setTimeout(resolve, 50));
		held = null;
		collectWhenGrown({settled: true});
		await new Promise(resolve => setTimeout(resolve, 300));
		// A new context gets a `gc` only while the flag is on.
		expect(vm.runInNewContext('typeof gc')).toBe('undefined');
		expect(held).toBeNull();
	});
});
