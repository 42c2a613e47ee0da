// Makes src/core/shelf/word-count-wasm.ts from src/core/shelf/word-count.wat (WebAssembly text,
// compiled by wabt). `--check` only says whether the committed bytes are the text's (a test runs it).
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import wabtInit from 'wabt';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const wat = path.join(root, 'src/core/shelf/word-count.wat');
const out = path.join(root, 'src/core/shelf/word-count-wasm.ts');

/** The module's bytes, base64, compiled from the .wat. */
async function compiledWordCount() {
	const wabt = await wabtInit();
	const module = wabt.parseWat('word-count.wat', readFileSync(wat, 'utf8'), {simd: true});
	try {
		return Buffer.from(module.toBinary({}).buffer).toString('base64');
	} finally {
		module.destroy();
	}
}

const tsFor = (base64) => `// Made by \`node scripts/word-count-wasm.mjs\` from word-count.wat: edit that file, not this one.\nexport const WORD_COUNT_WASM = '${base64}';\n`;

if (process.argv[1] === new URL(import.meta.url).pathname) {
	const ts = tsFor(await compiledWordCount());
	if (process.argv.includes('--check')) {
		const same = readFileSync(out, 'utf8') === ts;
		console.log(same ? 'word-count-wasm.ts is word-count.wat compiled' : 'word-count-wasm.ts differs from word-count.wat: run node scripts/word-count-wasm.mjs');
		process.exitCode = same ? 0 : 1;
	} else writeFileSync(out, ts);
}
