/**
 * useRenderLayout: what the reducer hears of a render in flight. A fake job
 * (the real one needs the worker) grows chunk by chunk; the hook tells the
 * first chunk at once, then at most every LAYOUT_EVERY_MS while chunks pour
 * in, and the end at once, with every block, link and heading that arrived.
 */
import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import {Text} from 'ink';
import {LAYOUT_EVERY_MS, useRenderLayout} from '../../src/ui/hooks/use-render-layout.js';
import type {RenderJob, RenderSnapshot} from '../../src/core/render/index.js';
import type {Action, ReaderLayout} from '../../src/core/state/index.js';

class FakeJob implements RenderJob {
	readonly id = 1;
	readonly spec = {body: '', width: 80, level: 0 as const};
	readonly cancelled = false;
	readonly snapshot: RenderSnapshot = {lines: [], blocks: [], links: [], headings: [], images: [], done: false, notice: null, version: 0};
	readonly finished = new Promise<RenderSnapshot>(() => undefined);
	private listeners = new Set<() => void>();
	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
	/** One chunk: ten lines, a code block placed on them, a link and a heading. */
	chunk(done = false): void {
		const s = this.snapshot;
		const at = s.lines.length;
		for (let i = 0; i < 10; i++) s.lines.push(`line ${at + i}`);
		s.blocks.push({index: s.blocks.length + 1, lang: 'sh', source: 'echo hi', startLine: at + 2, endLine: at + 4});
		s.links.push({index: s.links.length, href: 'https://example.com', kind: 'web', text: 'x', line: at + 5, column: 0});
		s.headings.push({depth: 2, text: `Part ${at}`, line: at});
		s.done = done;
		s.version++;
		for (const l of [...this.listeners]) l();
	}
}

function Probe({job, dispatch}: {job: RenderJob; dispatch: (a: Action) => void}): React.ReactElement {
	useRenderLayout(job, 'probe', 20, '', dispatch);
	return <Text>probe</Text>;
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

describe('useRenderLayout', () => {
	it('tells chunks at once until a screenful, then at most every LAYOUT_EVERY_MS, and the end at once', async () => {
		const job = new FakeJob();
		const layouts: ReaderLayout[] = [];
		const r = render(<Probe job={job} dispatch={a => a.type === 'layout' && layouts.push(a.layout)} />);
		await sleep(20);
		const before = layouts.length;
		job.chunk();
		expect(layouts.length).toBe(before + 1);
		expect(layouts.at(-1)?.lineCount).toBe(10);
		// Ten lines do not fill the 20-line screen: the next chunk shows at once too.
		job.chunk();
		expect(layouts.length).toBe(before + 2);
		expect(layouts.at(-1)?.lineCount).toBe(20);
		// Fifty chunks in quick succession: none is told at once…
		for (let i = 0; i < 50; i++) job.chunk();
		expect(layouts.length).toBe(before + 2);
		// …one layout a little later carries all of them.
		await sleep(LAYOUT_EVERY_MS + 50);
		expect(layouts.length).toBe(before + 3);
		expect(layouts.at(-1)?.lineCount).toBe(520);
		// The last chunk is told at once, complete, with every block, link and heading in order.
		job.chunk(true);
		const last = layouts.at(-1) as ReaderLayout;
		expect(layouts.length).toBe(before + 4);
		expect(last.complete).toBe(true);
		expect(last.lineCount).toBe(530);
		expect(last.blocks).toHaveLength(53);
		expect(last.blocks[52]).toMatchObject({startLine: 522, endLine: 524, source: 'echo hi', unsafe: []});
		expect(last.links.map(l => l.line)).toEqual(Array.from({length: 53}, (_, i) => i * 10 + 5));
		expect(last.headings.map(h => h.line)).toEqual(Array.from({length: 53}, (_, i) => i * 10));
		// An older layout keeps what it saw.
		expect(layouts[before]?.blocks).toHaveLength(1);
		r.unmount();
	});
});
