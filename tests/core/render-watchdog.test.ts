/** The render worker's watchdog (src/core/render/client.ts), through the real worker. */
import {afterEach, describe, expect, it} from 'vitest';
import {RenderService} from '../../src/core/render/client.js';
import {PATHOLOGICAL} from '../helpers/pathological.js';

let service: RenderService | null = null;
afterEach(() => service?.close());

describe('the render watchdog', () => {
	it('ends a render that makes no progress, shows plain text, and renders the next article with a new worker', async () => {
		service = new RenderService({budgetMs: 500});
		const body = (PATHOLOGICAL['nested strong emph'] as () => string)();
		const stuck = service.render({body, width: 60, level: 0}, false);
		const next = service.render({body: '# Fine\n\n```js\nx()\n```\n', width: 60, level: 0}, false);
		const plain = await stuck.finished;
		expect(plain.notice).toBe('too complex to render (no progress in 0.5 s)');
		expect(plain.lines[0]).toContain('*a **a *a');
		const fine = await next.finished;
		expect(fine.notice).toBeNull();
		expect(fine.blocks.map(b => b.source)).toEqual(['x()']);
	});

	it('shows an article that exhausts the worker\'s memory as plain text', async () => {
		service = new RenderService({memoryMb: 8});
		const body = Array.from({length: 20000}, (_, i) => `| a${i} | b | c |\n|---|---|---|\n| ${'x '.repeat(40)} | y | z |\n\n[link ${i}](https://example.com/${i}) **bold** _em_ \`code\``).join('\n\n');
		const view = await service.render({body, width: 80, level: 3}, false).finished;
		expect(view.notice).toBe('too large to render (over the 8 MiB memory limit)');
		expect(view.lines.length).toBeGreaterThan(1000);
	});

	it('a job dropped for a newer one never finishes, and says so', async () => {
		service = new RenderService();
		const first = service.render({body: 'one', width: 40, level: 0});
		const second = service.render({body: 'two', width: 40, level: 0});
		expect((await second.finished).lines).toEqual(['two']);
		expect(first.cancelled || first.snapshot.done).toBe(true);
	});
});
