import {describe, expect, it} from 'vitest';
import v8 from 'node:v8';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {keepYoungGenerationSmall, startWorker, workerLoaded, youngGenerationFlags, youngGenerationKeptSmall} from '../../src/core/young-generation.js';
import {openShelfSource} from '../../src/core/index/shelf-source.js';

const newSpaceMiB = (): number => (v8.getHeapSpaceStatistics().find(s => s.space_name === 'new_space')?.space_size ?? 0) / 1048576;

describe('keepYoungGenerationSmall', () => {
	it('keeps V8 young generation small while long-lived objects are made, also after a worker started', async () => {
		// The young generation never shrinks: an earlier test file in this process may have grown it already.
		const before = newSpaceMiB();
		keepYoungGenerationSmall();
		// Node 22 puts V8's flags back when a worker starts: startWorker sets it again once the worker is online.
		const worker = startWorker('require("node:worker_threads").parentPort.postMessage("up")', {eval: true});
		await new Promise(resolve => worker.once('message', resolve));
		const kept: unknown[] = [];
		for (let round = 0; round < 40; round++) {
			await new Promise(resolve => setTimeout(resolve, 1));
			for (let i = 0; i < 10_000; i++) kept.push({a: `x${i}`, b: [i, i + 1], c: {d: i}});
		}
		// V8 left to itself grows it to 64+ MiB on Node 24 on this (32 MiB on Node 22); kept, it stayed at 2-24.
		expect(newSpaceMiB()).toBeLessThanOrEqual(Math.max(32, before));
		expect(kept.length).toBe(400_000);
		await worker.terminate();
	});
});

describe('the young generation by shelf size', () => {
	it('is let grow for a shelf searched in memory, and kept small for one searched in the index', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-young-'));
		for (let i = 0; i < 3; i++) writeFileSync(path.join(dir, `a${i}.md`), `---\ntitle: A${i}\n---\n\nWords.\n`);
		const env = {XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'inkshelf-young-cache-'))};
		keepYoungGenerationSmall();
		const small = await openShelfSource(dir, {env});
		expect(youngGenerationKeptSmall()).toBe(false);
		small.close();
		const large = await openShelfSource(dir, {env, metaInIndexFrom: 3});
		expect(youngGenerationKeptSmall()).toBe(true);
		large.close();
	});
});

describe('a worker that loads with V8\'s defaults', () => {
	it('has the defaults set while it loads, and the flags asked for once it has loaded or ended', async () => {
		keepYoungGenerationSmall();
		const small = youngGenerationFlags();
		expect(small).toContain('--semi-space-growth-factor=1');
		const first = startWorker('require("node:worker_threads").parentPort.postMessage("up")', {eval: true, loadsWithDefaults: true});
		const second = startWorker('setTimeout(() => {}, 50)', {eval: true, loadsWithDefaults: true});
		expect(youngGenerationFlags()).toContain('--semi-space-growth-factor=2');
		await new Promise(resolve => first.once('message', resolve));
		workerLoaded(first);
		// The other one still loads: the defaults stay until it has loaded too (here: until it ends).
		expect(youngGenerationFlags()).toContain('--semi-space-growth-factor=2');
		await new Promise(resolve => second.once('exit', resolve));
		expect(youngGenerationFlags()).toEqual(small);
		expect(youngGenerationKeptSmall()).toBe(true);
		await first.terminate();
	});

	it('changes nothing when the young generation is not kept small', async () => {
		keepYoungGenerationSmall(false);
		const worker = startWorker('require("node:worker_threads").parentPort.postMessage("up")', {eval: true, loadsWithDefaults: true});
		expect(youngGenerationFlags()).toContain('--semi-space-growth-factor=2');
		await new Promise(resolve => worker.once('message', resolve));
		await worker.terminate();
		expect(youngGenerationKeptSmall()).toBe(false);
	});
});
