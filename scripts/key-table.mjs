// Prints the key table generated from src/core/state/keymap.ts, or with --write
// replaces the table in README.md between its markers.
import {build} from 'esbuild';
import {readFile, writeFile} from 'node:fs/promises';

const root = new URL('..', import.meta.url);
const out = await build({entryPoints: [new URL('src/core/state/keymap.ts', root).pathname], bundle: true, write: false, format: 'esm', platform: 'node'});
const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
const table = mod.keyTableMarkdown();
if (!process.argv.includes('--write')) {
	console.log(table);
} else {
	const readmeUrl = new URL('README.md', root);
	const readme = await readFile(readmeUrl, 'utf8');
	const next = readme.replace(/<!-- keys:start -->[\s\S]*?<!-- keys:end -->/, `<!-- keys:start -->\n${table}\n<!-- keys:end -->`);
	await writeFile(readmeUrl, next);
	console.log(next === readme ? 'README.md key table already up to date' : 'README.md key table updated');
}
