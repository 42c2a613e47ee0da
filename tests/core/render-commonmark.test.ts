import {describe, it, expect} from 'vitest';
import {createRequire} from 'node:module';
import {renderInWorker} from '../helpers/worker-render.js';
import {lineProblems} from '../helpers/invariants.js';

const require = createRequire(import.meta.url);
const spec = require('commonmark-spec') as {tests: {markdown: string; number: number; section: string}[]};

// The spec writes tabs as "→" so they are visible; the renderer must see real tabs.
const examples = spec.tests.map(t => ({...t, markdown: t.markdown.replace(/→/g, '\t')}));

describe('every CommonMark spec example', () => {
	for (const width of [20, 80, 200]) {
		it(`renders all ${examples.length} examples at width ${width} in the render worker: no fallback, no overflow, no raw control`, async () => {
			const failures: string[] = [];
			for (const level of [0, 3] as const) {
				const done = await Promise.all(examples.map(ex => renderInWorker(ex.markdown, width, level)));
				done.forEach((view, i) => {
					const ex = examples[i] as (typeof examples)[number];
					const problems = lineProblems(view.lines, width);
					if (view.notice) failures.push(`example ${ex.number} (${ex.section}) fell back: ${view.notice}`);
					else if (problems.length) failures.push(`example ${ex.number} (${ex.section}): ${problems[0]}`);
				});
			}
			expect(failures).toEqual([]);
		});
	}
});
