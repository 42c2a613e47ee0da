// Bundles the CLI into one file so `npx inkshelf` installs a single package
// with no dependencies, and writes the licences of everything bundled beside it.
import {build} from 'esbuild';
import {mkdir, readFile, writeFile, rm} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const dist = path.join(root, 'dist');
await rm(dist, {recursive: true, force: true});
await mkdir(dist, {recursive: true});

const common = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	// Kept as literals (Node 20 and later have them): for these esbuild otherwise writes `new RegExp("…")`,
	// which builds the expression again on every call, once per character in Ink's own text functions.
	supported: {'regexp-unicode-property-escapes': true, 'regexp-set-notation': true},
	minify: true,
	keepNames: false,
	legalComments: 'none',
	metafile: true,
	logLevel: 'warning',
	alias: {
		'react-devtools-core': path.join(root, 'src/devtools-stub.ts'),
		// marked-terminal imports node-emoji (and 200 KB of emoji names) for an option inkshelf turns off.
		'node-emoji': path.join(root, 'src/node-emoji-stub.ts'),
	},
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {js: "import {createRequire as __inkshelfRequire} from 'node:module'; const require = __inkshelfRequire(import.meta.url);"},
};

// Ink and the packages it draws with get faster versions of two packages that answer the same:
// src/ink-string-width.ts for string-width (v8, the top-level copy), for lines of one-column characters,
// and src/ink-ansi-tokenize.ts, which keeps the last frames' tokens. Our own code, and packages holding
// an older copy of their own, keep theirs.
const INK_SHIMS = {'string-width': 'src/ink-string-width.ts', '@alcalzone/ansi-tokenize': 'src/ink-ansi-tokenize.ts'};
const inkShims = {
	name: 'ink-shims',
	setup(b) {
		b.onResolve({filter: /^(?:string-width|@alcalzone\/ansi-tokenize)$/}, async args => {
			if (!args.importer.includes(`${path.sep}node_modules${path.sep}`) || args.pluginData === 'real') return undefined;
			const found = await b.resolve(args.path, {resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'real'});
			const top = path.join(root, 'node_modules', args.path);
			return found.path.startsWith(`${top}${path.sep}`) ? {path: path.join(root, INK_SHIMS[args.path])} : undefined;
		});
	},
};

const app = await build({
	...common,
	plugins: [inkShims],
	// Each worker is an entry of its own: `new Worker(new URL('./render-worker.js', import.meta.url))`.
	entryPoints: {cli: path.join(root, 'src/cli.ts'), 'shelf-worker': path.join(root, 'src/shelf-worker.ts'), 'render-worker': path.join(root, 'src/core/render/worker-entry.ts'), 'image-worker': path.join(root, 'src/core/images/worker.ts')},
	outdir: dist,
	// Chunks sit beside cli.js, so `new URL('../…', import.meta.url)` means the same in all of them.
	splitting: true,
	chunkNames: '[name]-[hash]',
});

// A core folder's index.ts only re-exports (ESLint makes other folders import through it), so
// it can be marked free of side effects: a bundle then holds only the parts of a folder it uses.
const pureFaces = {
	name: 'pure-core-faces',
	setup(b) {
		b.onResolve({filter: /^\.\.?\/(?:.*\/)?index\.js$/}, args => {
			const file = path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
			return /\/src\/core\/[a-z-]+\/index\.ts$/.test(file) && existsSync(file) ? {path: file, sideEffects: false} : undefined;
		});
	},
};

// The worker that shares a first start's reading is one file of its own, not an entry of the
// app's split build: there it loaded 14 chunks (280 KB: the image, terminal, theme and render
// code that share chunks with what it uses) and its first files came 60-80 ms after it was
// online; alone it loads what it uses (~50 KB: its YAML parser only when a file needs it).
const readWorker = await build({
	...common,
	entryPoints: {'shelf-read-worker': path.join(root, 'src/shelf-read-worker.ts')},
	outdir: dist,
	plugins: [pureFaces],
	alias: {...common.alias, yaml: path.join(root, 'scripts/yaml-on-demand.mjs')},
});
// The YAML parser the worker loads when a file first needs it (scripts/yaml-on-demand.mjs).
const readWorkerYaml = await build({
	...common,
	stdin: {contents: "module.exports = require('yaml');", resolveDir: root, loader: 'js'},
	outfile: path.join(dist, 'shelf-read-yaml.cjs'),
	format: 'cjs',
	banner: {},
});
const builds = [app, readWorker, readWorkerYaml];
const result = {metafile: {inputs: Object.assign({}, ...builds.map(b => b.metafile.inputs)), outputs: Object.assign({}, ...builds.map(b => b.metafile.outputs))}};

// One licence file for every package inside the bundle.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
	const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
	if (!m) continue;
	const dir = path.join(root, input.slice(0, m.index + m[0].length));
	if (packages.has(m[1])) continue;
	const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
	const licenceFile = ['LICENSE', 'LICENSE.md', 'license', 'license.md', 'LICENSE.txt', 'LICENCE'].map(f => path.join(dir, f)).find(f => existsSync(f));
	packages.set(m[1], {version: pkg.version, license: pkg.license, text: licenceFile ? await readFile(licenceFile, 'utf8') : `License: ${pkg.license}`});
}
const sections = [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([name, p]) => `## ${name}@${p.version} (${p.license})\n\n${p.text.trim()}\n`);
await writeFile(path.join(dist, 'THIRD_PARTY_LICENSES.md'), `# Licences of the packages bundled in dist/\n\n${sections.join('\n')}`);
const sizes = Object.entries(result.metafile.outputs).map(([file, o]) => `${path.basename(file)} ${(o.bytes / 1024).toFixed(0)} KiB`);
console.log(`built dist/: ${sizes.join(', ')} (${packages.size} bundled packages)`);
