import type {Article} from '../../src/core/shelf/types.js';
import type {Group} from '../../src/core/state/reducer.js';

/** An in-memory article for screen and reducer tests (the loader has tests of its own). */
export function article(slug: string, fields: Partial<Article> = {}): Article {
	return {
		slug, path: `/shelf/${slug}.md`, title: slug, date: '2025-01-01', tags: [], category: 'Uncategorized',
		description: '', cover: '', readingMinutes: 1, body: '', bodyLine: 1, problems: [],
		updated: null, categories: [], authors: [], draft: false, aliases: [], slugAlias: null, excerptSeparator: null, ...fields,
	};
}

export const PY_BODY = [
	'# Python tips', '', 'Intro paragraph.', '',
	...Array.from({length: 30}, (_, i) => `Line of prose number ${i + 1}.`), '',
	'```python', 'import pandas as pd', 'df = pd.read_csv("events.csv")', '```', '',
	...Array.from({length: 30}, (_, i) => `More prose ${i + 1}.`), '',
	'```bash', 'echo "second block"', 'ls -la', '```', '',
	'End.',
].join('\n');

export function sampleGroups(): Group[] {
	const a = article('python-tips', {title: 'Python tips', date: '2025-03-01', category: 'Programming', tags: ['python', 'tooling'], body: PY_BODY, description: 'Tips for Python'});
	const b = article('sql-basics', {title: 'SQL basics', date: '2025-02-01', category: 'Databases', tags: ['sql'], body: '# SQL\n\n```sql\nSELECT 1;\n```\n', description: 'Start with SQL'});
	const c = article('broken', {title: 'broken', date: null, error: 'frontmatter never closes'});
	const all = [a, b, c];
	return [
		{kind: 'all', name: 'All', articles: all},
		{kind: 'category', name: 'Databases', articles: [b]},
		{kind: 'category', name: 'Programming', articles: [a]},
		{kind: 'category', name: 'Uncategorized', articles: [c]},
		{kind: 'tag', name: 'python', articles: [a]},
		{kind: 'tag', name: 'sql', articles: [b]},
		{kind: 'tag', name: 'tooling', articles: [a]},
	];
}
