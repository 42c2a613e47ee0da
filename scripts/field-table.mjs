// Prints README's "Your shelf" table generated from src/core/shelf/field-sources.ts,
// or with --write replaces the table in README.md between its markers.
import {build} from 'esbuild';
import {readFile, writeFile} from 'node:fs/promises';

const root = new URL('..', import.meta.url);
const out = await build({entryPoints: [new URL('src/core/shelf/field-sources.ts', root).pathname], bundle: true, write: false, format: 'esm', platform: 'node'});
const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
const table = mod.fieldTableMarkdown();
if (!process.argv.includes('--write')) {
	console.log(table);
} else {
	const readmeUrl = new URL('README.md', root);
	const readme = await readFile(readmeUrl, 'utf8');
	const next = readme.replace(/<!-- fields:start -->[\s\S]*?<!-- fields:end -->/, `<!-- fields:start -->\n${table}\n<!-- fields:end -->`);
	await writeFile(readmeUrl, next);
	console.log(next === readme ? 'README.md field table already up to date' : 'README.md field table updated');
}
