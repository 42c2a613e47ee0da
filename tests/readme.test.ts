import {describe, it, expect} from 'vitest';
import {readFileSync} from 'node:fs';
import {keyTableMarkdown, KEYMAP} from '../src/core/state/keymap.js';
import {fieldTableMarkdown} from '../src/core/shelf/field-sources.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
	it('carries the key table generated from the keymap (node scripts/key-table.mjs --write)', () => {
		expect(readme).toContain(`<!-- keys:start -->\n${keyTableMarkdown()}\n<!-- keys:end -->`);
	});

	it('carries the "Your shelf" table generated from the field sources (node scripts/field-table.mjs --write)', () => {
		expect(readme).toContain(`<!-- fields:start -->\n${fieldTableMarkdown()}\n<!-- fields:end -->`);
	});

	it('gives the test command that CI runs', () => {
		expect(readme).toContain('npm test');
		expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toMatch(/^\s*npm test$/m);
	});
});

describe('keymap', () => {
	it('gives every command a key and a description, and no key two meanings on one screen', () => {
		const seen = new Map<string, string>();
		for (const b of KEYMAP) {
			expect(b.keys.length).toBeGreaterThan(0);
			expect(b.description.length).toBeGreaterThan(0);
			for (const k of b.keys) {
				const id = `${b.scope}:${JSON.stringify(k)}`;
				expect(seen.get(id), `${id} is bound twice`).toBeUndefined();
				seen.set(id, b.command);
			}
		}
	});
});
