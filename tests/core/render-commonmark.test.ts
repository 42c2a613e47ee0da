import {describe, it, expect} from 'vitest';
import {createRequire} from 'node:module';
import {renderArticle} from '../../src/core/render/article.js';
import {makeStyles} from '../../src/core/render/styles.js';
import {lineProblems} from '../helpers/invariants.js';

const require = createRequire(import.meta.url);
const spec = require('commonmark-spec') as {tests: {markdown: string; number: number; section: string}[]};

// The spec writes tabs as "→" so they are visible; the renderer must see real tabs.
const examples = spec.tests.map(t => ({...t, markdown: t.markdown.replace(/→/g, '\t')}));

describe('every CommonMark spec example', () => {
	for (const width of [20, 80, 200]) {
		it(`renders all ${examples.length} examples at width ${width}: no throw, no overflow, no raw control`, () => {
			const failures: string[] = [];
			for (const styles of [makeStyles(0), makeStyles(3)]) {
				for (const ex of examples) {
					try {
						const problems = lineProblems(renderArticle(ex.markdown, width, styles).lines, width);
						if (problems.length) failures.push(`example ${ex.number} (${ex.section}): ${problems[0]}`);
					} catch (error) {
						failures.push(`example ${ex.number} (${ex.section}) threw: ${String(error)}`);
					}
				}
			}
			expect(failures).toEqual([]);
		});
	}
});
