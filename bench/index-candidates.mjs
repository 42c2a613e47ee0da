#!/usr/bin/env node
// Measures the two candidate stores for the persistent full-text index on one
// generated shelf, in one process per candidate (so RSS figures are separate):
//   node bench/index-candidates.mjs [--count=20000] [--candidate=minisearch|sqlite]
// Prints JSON lines. Used to choose the store (see README, "The cache").
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {writeShelf} from './fixtures.mjs';

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const arg = (name, def) => process.argv.find(a => a.startsWith(`--${name}=`))?.split('=')[1] ?? def;
const count = Number(arg('count', '20000'));
const candidate = arg('candidate', '');
const QUERIES = ['python', 'deploy', 'pandas dataframe', 'kubernetes', 'rust async', 'memory'];
const rss = () => Math.round(process.memoryUsage().rss / 1048576);
const ms = t => Math.round(performance.now() - t);

if (!candidate) {
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'inkshelf-candidates-'));
	const shelf = path.join(tmp, 'shelf');
	writeShelf(shelf, count, 20);
	await build({stdin: {contents: "export {plainLines, indexTokens, queryTokens} from './src/core/search/text.ts'; export {default as MiniSearch} from 'minisearch';", resolveDir: repo, loader: 'ts'},
		bundle: true, platform: 'node', format: 'esm', outfile: path.join(tmp, 'text.mjs'), logLevel: 'error'});
	for (const c of ['minisearch', 'sqlite']) {
		const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--candidate=${c}`, `--shelf=${shelf}`, `--lib=${path.join(tmp, 'text.mjs')}`, `--out=${tmp}`], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']});
		process.stdout.write(r.stdout);
	}
	rmSync(tmp, {recursive: true, force: true});
	process.exit(0);
}

const {plainLines, indexTokens, queryTokens, MiniSearch} = await import(arg('lib'));
const shelf = arg('shelf');
const out = arg('out');
const files = [];
for (const dir of readdirSync(shelf)) for (const f of readdirSync(path.join(shelf, dir))) files.push(path.join(shelf, dir, f));
const docs = () => files.map((f, i) => ({id: String(i), body: plainLines(readFileSync(f, 'utf8').replace(/^---[\s\S]*?\n---\n/, '')).join('\n')}));
const report = o => console.log(JSON.stringify({candidate, node: process.version, articles: files.length, ...o}));

if (candidate === 'minisearch') {
	const opts = {fields: ['body'], tokenize: indexTokens, processTerm: t => t, searchOptions: {tokenize: queryTokens, processTerm: t => t}};
	let t = performance.now();
	const ms1 = new MiniSearch(opts);
	for (const d of docs()) ms1.add(d);
	const buildMs = ms(t);
	const rssBuilt = rss();
	t = performance.now();
	const json = JSON.stringify(ms1);
	writeFileSync(path.join(out, 'ms.json'), json);
	const saveMs = ms(t);
	const bytes = statSync(path.join(out, 'ms.json')).size;
	const child = spawnSync(process.execPath, ['--input-type=module', '-e', `
		const {MiniSearch, indexTokens, queryTokens} = await import(${JSON.stringify(arg('lib'))});
		const {readFileSync} = await import('node:fs');
		const rss0 = process.memoryUsage().rss;
		let t = performance.now();
		const idx = MiniSearch.loadJSON(readFileSync(${JSON.stringify(path.join(out, 'ms.json'))}, 'utf8'), {fields: ['body'], tokenize: indexTokens, processTerm: t => t, searchOptions: {tokenize: queryTokens, processTerm: t => t}});
		const loadMs = Math.round(performance.now() - t);
		const times = [];
		for (const q of ${JSON.stringify(QUERIES)}) { t = performance.now(); idx.search(q, {prefix: true}); times.push(Math.round(performance.now() - t)); }
		console.log(JSON.stringify({loadMs, rssAfterLoadMiB: Math.round(process.memoryUsage().rss / 1048576), queryMs: times}));
	`], {encoding: 'utf8'});
	report({buildMs, rssBuiltMiB: rssBuilt, saveMs, bytes, reopened: JSON.parse(child.stdout || '{}'), err: child.stderr.slice(0, 300) || undefined});
} else {
	process.removeAllListeners('warning');
	const {DatabaseSync} = await import('node:sqlite');
	const file = path.join(out, 'fts.db');
	let t = performance.now();
	const db = new DatabaseSync(file);
	db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE VIRTUAL TABLE text USING fts5(body, tokenize='unicode61');");
	const ins = db.prepare('INSERT INTO text(rowid, body) VALUES (?, ?)');
	db.exec('BEGIN');
	for (const d of docs()) ins.run(Number(d.id), d.body);
	db.exec('COMMIT');
	const buildMs = ms(t);
	const rssBuilt = rss();
	db.close();
	const bytes = statSync(file).size;
	t = performance.now();
	const db2 = new DatabaseSync(file, {readOnly: true});
	const q = db2.prepare("SELECT rowid, bm25(text) AS score, snippet(text, 0, '', '', '…', 12) AS snip FROM text WHERE text MATCH ? ORDER BY score LIMIT 60");
	const loadMs = ms(t);
	const times = [];
	for (const query of QUERIES) {
		t = performance.now();
		q.all(query.split(' ').map(w => `"${w}"*`).join(' '));
		times.push(ms(t));
	}
	report({buildMs, rssBuiltMiB: rssBuilt, bytes, reopened: {loadMs, rssAfterLoadMiB: rss(), queryMs: times}});
}
