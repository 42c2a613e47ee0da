// Fixtures for the bench: every shelf is generated (deterministically, from a
// fixed seed) into a temporary folder, so each run measures the same bytes.
import {copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync} from 'node:fs';
import path from 'node:path';

export const SEED_SLUG = 'why-python-dominates-ai';
/** Text on the first line of the reader (the article title) — for the seed. */
export const SEED_TITLE = 'Why Python Dominates';
export const BIG_SLUG = 'megabyte-compendium';
/** A title that cannot be confused with the seed's: the reader shows it on its first line. */
export const BIG_TITLE = 'Megabyte Compendium of Python in AI';
/** The first body words of the seed, also the first body words of the big article. */
export const FIRST_BODY_TEXT = 'just popular in AI';

/** mulberry32: a tiny seeded PRNG so every run writes the same shelf. */
function rng(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	next.int = (n) => Math.floor(next() * n);
	next.pick = (list) => list[next.int(list.length)];
	next.some = (list, k) => {
		const copy = [...list];
		const out = [];
		while (out.length < k && copy.length) out.push(copy.splice(next.int(copy.length), 1)[0]);
		return out;
	};
	return next;
}

function splitFrontmatter(text) {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
	if (!m) throw new Error('seed article has no frontmatter');
	return {frontmatter: m[1], body: text.slice(m[0].length)};
}

// ---------------------------------------------------------------- 1 MiB article

const TABLE_HEADER = '| Library | Area | First release | Language core | Typical use | Notes |\n| --- | --- | ---: | --- | --- | --- |\n';
const TABLE_ROWS = [
	['NumPy', 'Arrays', 2006, 'C', 'Vectorised maths on n-dimensional arrays', 'The base of nearly everything else'],
	['pandas', 'Dataframes', 2008, 'C / Cython', 'Tabular data cleaning and joins', 'Index alignment surprises newcomers'],
	['scikit-learn', 'Classical ML', 2007, 'Cython', 'Baselines, pipelines, model selection', 'Consistent fit/predict interface'],
	['PyTorch', 'Deep learning', 2016, 'C++ / CUDA', 'Research and production training', 'Eager by default, compiled when asked'],
	['TensorFlow', 'Deep learning', 2015, 'C++ / CUDA', 'Serving at scale, mobile', 'Keras is the friendly front door'],
	['XGBoost', 'Boosting', 2014, 'C++', 'Tabular competitions and ranking', 'Strong default for structured data'],
	['Hugging Face transformers', 'NLP', 2018, 'Python', 'Pretrained models for text, vision, audio', 'Model hub with thousands of checkpoints'],
	['FastAPI', 'Serving', 2018, 'Python', 'Low-latency inference endpoints', 'Type hints become the schema'],
	['Airflow', 'Orchestration', 2015, 'Python', 'Scheduled data and training pipelines', 'DAGs as code'],
	['MLflow', 'Tracking', 2018, 'Python', 'Experiments, models, registry', 'Runs anywhere, stores anywhere'],
];

function bigRepetition(body, n) {
	const part = String(n).padStart(3, '0');
	// Unique headings: every `## X` of the seed becomes `## X — part N`.
	const unique = body.replace(/^(#{1,6} .*)$/gm, (h) => `${h} — part ${part}`);
	const rows = [...TABLE_ROWS, ...TABLE_ROWS].map((r, i) => `| ${r[0]}${i >= TABLE_ROWS.length ? ' (next major)' : ''} | ${r[1]} | ${r[2] + ((n + i) % 3)} | ${r[3]} | ${r[4]} (run ${part}.${i}) | ${r[5]} |`).join('\n');
	return [
		`# Part ${part}: Python and the AI stack, revisited`,
		'',
		unique.trim(),
		'',
		`## Ecosystem at a glance — part ${part}`,
		'',
		TABLE_HEADER + rows,
		'',
		`### Shell set-up — part ${part}`,
		'',
		'```bash',
		`python3 -m venv .venv-${part} && . .venv-${part}/bin/activate`,
		'pip install --upgrade pip wheel',
		'pip install numpy pandas scikit-learn torch fastapi uvicorn mlflow',
		`python -c 'import torch; print(torch.__version__, torch.cuda.is_available())'`,
		'```',
		'',
		`### Serving the model — part ${part}`,
		'',
		'```python',
		'from fastapi import FastAPI',
		'from pydantic import BaseModel',
		'import torch',
		'',
		`app = FastAPI(title="scorer-${part}")`,
		'model = torch.jit.load("model.pt").eval()',
		'',
		'class Features(BaseModel):',
		'    values: list[float]',
		'',
		'@app.post("/score")',
		'def score(features: Features) -> dict[str, float]:',
		'    with torch.no_grad():',
		'        x = torch.tensor([features.values])',
		'        return {"score": float(torch.sigmoid(model(x))[0, 0])}',
		'```',
		'',
		`### Calling it from TypeScript — part ${part}`,
		'',
		'```typescript',
		'interface Score { score: number }',
		'',
		`export async function score(values: number[]): Promise<number> {`,
		`  const res = await fetch("http://localhost:8000/score", {`,
		'    method: "POST",',
		'    headers: {"content-type": "application/json"},',
		'    body: JSON.stringify({values}),',
		'  });',
		'  if (!res.ok) throw new Error(`scorer answered ${res.status}`);',
		'  return ((await res.json()) as Score).score;',
		'}',
		'```',
		'',
		`### Pipeline configuration — part ${part}`,
		'',
		'```yaml',
		`name: train-${part}`,
		'schedule: "0 3 * * *"',
		'steps:',
		'  - run: python -m pipeline.extract --since 7d',
		'  - run: python -m pipeline.features --out features.parquet',
		'  - run: python -m pipeline.train --config configs/xgb.yaml',
		'  - run: python -m pipeline.evaluate --min-auc 0.81',
		'  - run: mlflow models serve -m runs:/latest/model --port 8000',
		'```',
		'',
		`> Note ${part}: every number in this part is illustrative. The point is the shape of the work — data in, features out, a baseline first, a deep model when the baseline is understood, then serving, tracking and scheduling — and how each step has a mature, well-documented Python library behind it, so a small team can run the whole loop without writing infrastructure of its own.`,
		'',
		`Part ${part} closes the loop the way real teams do: by writing down what was learned. Which features carried the model, which ones leaked the label, how long a training run took on one GPU and on eight, what the serving latency was at the ninety-ninth percentile, and which library upgrade broke the build. Those notes are the reason the next iteration is faster than this one, and the reason Python's habit of small, composable tools keeps paying off: each step can be swapped without rewriting its neighbours.`,
		'',
	].join('\n');
}

/** The seed's body ×`reps` with a table and three more code blocks per repetition; frontmatter once. */
export function bigArticle(seedText, reps = 100) {
	const {frontmatter, body} = splitFrontmatter(seedText);
	const fm = frontmatter
		.replace(/^title:.*$/m, `title: ${BIG_TITLE}`)
		.replace(/^description:.*$/m, 'description: The seed article repeated a hundred times, with tables and code, to weigh about one mebibyte.');
	const parts = [];
	for (let n = 1; n <= reps; n++) parts.push(bigRepetition(body, n));
	return `---\n${fm}\n---\n\n${parts.join('\n')}`;
}

// ---------------------------------------------------------------- generated shelf

const CATEGORIES = ['AI & ML', 'Databases', 'DevOps', 'Programming Languages', 'Tools', 'Web & APIs', 'Security', 'Cloud', 'Data Engineering', 'Frontend', 'Testing', 'Career'];
const TAGS = [
	'python', 'rust', 'go', 'typescript', 'javascript', 'sql', 'postgresql', 'sqlite', 'redis', 'kafka',
	'kubernetes', 'docker', 'terraform', 'aws', 'gcp', 'linux', 'bash', 'git', 'ci', 'testing',
	'performance', 'reliability', 'security', 'observability', 'tooling', 'api-design', 'graphql', 'react', 'css', 'accessibility',
	'machine-learning', 'llm', 'data-pipelines', 'analytics', 'concurrency', 'error-handling', 'type-safety', 'caching', 'networking', 'career',
];
const FOLDERS = Array.from({length: 20}, (_, i) => `topic-${String(i + 1).padStart(2, '0')}`);
const WORDS = ('system request latency budget cache queue worker schema index query table column migration deploy rollout canary ' +
	'container image cluster node pod service ingress secret token session cookie header payload response error retry backoff ' +
	'timeout deadline context channel goroutine thread lock mutex atomic future promise stream buffer parser lexer compiler ' +
	'module package version release changelog review branch commit merge rebase pipeline artifact metric trace log alert dashboard ' +
	'incident postmortem runbook owner team contract interface type generic trait closure iterator allocation memory heap stack ' +
	'profile benchmark baseline regression fixture snapshot mock integration unit property fuzz coverage').split(' ');
const VERBS = ['reduces', 'hides', 'exposes', 'doubles', 'simplifies', 'breaks', 'protects', 'measures', 'replaces', 'explains', 'bounds', 'shapes'];
const LANGS = [
	['python', (r) => `def handle(${r.pick(WORDS)}, ${r.pick(WORDS)}):\n    result = []\n    for item in ${r.pick(WORDS)}s:\n        if item.${r.pick(WORDS)} > ${r.int(100)}:\n            result.append(item)\n    return result\n`],
	['go', (r) => `func ${r.pick(WORDS)}Handler(ctx context.Context, in <-chan ${r.pick(['int', 'string', 'Event'])}) error {\n\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\treturn ctx.Err()\n\t\tcase v := <-in:\n\t\t\tprocess(v)\n\t\t}\n\t}\n}\n`],
	['typescript', (r) => `export function ${r.pick(WORDS)}Of(items: ReadonlyArray<{id: string; ${r.pick(WORDS)}: number}>): Map<string, number> {\n  const out = new Map<string, number>();\n  for (const item of items) out.set(item.id, (out.get(item.id) ?? 0) + ${r.int(10) + 1});\n  return out;\n}\n`],
	['sql', (r) => `SELECT ${r.pick(WORDS)}_id, count(*) AS n, avg(${r.pick(WORDS)}) AS mean\nFROM ${r.pick(WORDS)}s\nWHERE created_at > now() - interval '${r.int(30) + 1} days'\nGROUP BY 1\nORDER BY n DESC\nLIMIT ${r.int(90) + 10};\n`],
	['bash', (r) => `set -euo pipefail\nfor f in ./${r.pick(WORDS)}/*.log; do\n  grep -c '${r.pick(WORDS)}' "$f" || true\ndone | sort -n | tail -${r.int(9) + 1}\n`],
	['rust', (r) => `fn ${r.pick(WORDS)}(input: &str) -> Result<u32, ParseIntError> {\n    let n: u32 = input.trim().parse()?;\n    Ok(n.saturating_mul(${r.int(9) + 2}))\n}\n`],
];

function sentence(r) {
	const n = 8 + r.int(12);
	const w = Array.from({length: n}, () => r.pick(WORDS));
	w.splice(2 + r.int(n - 3), 0, r.pick(VERBS));
	if (r() < 0.3) w[r.int(n)] = '`' + r.pick(WORDS) + '`';
	if (r() < 0.2) w[r.int(n)] = '**' + r.pick(WORDS) + '**';
	const s = w.join(' ');
	return s[0].toUpperCase() + s.slice(1) + '.';
}
const paragraph = (r) => Array.from({length: 3 + r.int(4)}, () => sentence(r)).join(' ');
const title = (r) => {
	const w = Array.from({length: 3 + r.int(4)}, () => r.pick(WORDS));
	return w.map((x) => x[0].toUpperCase() + x.slice(1)).join(' ');
};

/** One realistic article of about 2–5 KiB: frontmatter, intro, sections with lists, code and sometimes a table. */
export function generatedArticle(index, r = rng(1000 + index)) {
	const target = 1500 + r.int(2500);
	const t = `${title(r)} (${index + 1})`;
	const date = new Date(Date.UTC(2019, 0, 1) + r.int(6 * 365) * 86400000).toISOString().slice(0, 10);
	const tags = r.some(TAGS, 2 + r.int(4));
	const fm = `---\ntitle: ${t}\ndate: ${date}\ntags: [${tags.join(', ')}]\ncategory: ${CATEGORIES[(index * 7 + r.int(3)) % CATEGORIES.length]}\ndescription: ${sentence(r).replace(/[`*:]/g, '')}\n---\n\n`;
	let body = paragraph(r) + '\n\n';
	while (body.length < target) {
		body += `## ${title(r)}\n\n${paragraph(r)}\n\n`;
		const kind = r.int(4);
		if (kind === 0 || kind === 3) body += Array.from({length: 3 + r.int(3)}, () => `- ${sentence(r)}`).join('\n') + '\n\n';
		if (kind === 1 || kind === 3) {
			const [lang, code] = r.pick(LANGS);
			body += '```' + lang + '\n' + code(r) + '```\n\n';
		}
		if (kind === 2) {
			body += Array.from({length: 3 + r.int(2)}, (_, i) => `${i + 1}. ${sentence(r)}`).join('\n') + '\n\n';
			if (r() < 0.5) body += `| ${r.pick(WORDS)} | ${r.pick(WORDS)} | count |\n| --- | --- | ---: |\n` + Array.from({length: 3}, () => `| ${r.pick(WORDS)} | ${r.pick(WORDS)} | ${r.int(1000)} |`).join('\n') + '\n\n';
		}
	}
	return fm + body;
}

/** `count` generated articles spread over `folders` folders (the 2,000 shelf uses 20). */
export function writeShelf(dir, count, folders = FOLDERS.length) {
	let bytes = 0;
	for (let i = 0; i < count; i++) {
		const folder = path.join(dir, FOLDERS[i % folders]);
		mkdirSync(folder, {recursive: true});
		const text = generatedArticle(i);
		bytes += Buffer.byteLength(text);
		writeFileSync(path.join(folder, `article-${String(i + 1).padStart(4, '0')}.md`), text);
	}
	return bytes;
}

/** `count` small articles (about 1 KiB each: front matter and a few generated sentences), for `--scale`. */
export function writeSmallShelf(dir, count, folders = 100) {
	let bytes = 0;
	for (let i = 0; i < count; i++) {
		const r = rng(500000 + i);
		const folder = path.join(dir, `part-${String(i % folders).padStart(3, '0')}`);
		if (i < folders) mkdirSync(folder, {recursive: true});
		const words = Array.from({length: 150}, () => r.pick(WORDS)).join(' ');
		const text = `---\ntitle: "Note ${i + 1} ${r.pick(WORDS)} ${r.pick(WORDS)}"\ndate: 2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}\ntags: [${r.pick(TAGS)}, ${r.pick(TAGS)}]\ncategory: ${r.pick(CATEGORIES)}\n---\n${words.slice(0, 880)}.\n`;
		bytes += Buffer.byteLength(text);
		writeFileSync(path.join(folder, `note-${String(i + 1).padStart(6, '0')}.md`), text);
	}
	return bytes;
}

function countFiles(dir) {
	let n = 0;
	for (const e of readdirSync(dir, {withFileTypes: true})) {
		if (e.isDirectory()) n += countFiles(path.join(dir, e.name));
		else if (e.name.endsWith('.md')) n++;
	}
	return n;
}

/**
 * Writes every fixture under `root` and says what was written.
 * `repo` is the inkshelf checkout (for the seed article).
 */
export function makeFixtures(root, repo, options = {}) {
	const seedPath = path.join(repo, 'content', `${SEED_SLUG}.md`);
	const seedText = readFileSync(seedPath, 'utf8');
	const out = {root};

	out.seedDir = path.join(root, 'seed');
	mkdirSync(out.seedDir, {recursive: true});
	copyFileSync(seedPath, path.join(out.seedDir, `${SEED_SLUG}.md`));
	out.seedBytes = statSync(seedPath).size;

	out.bigDir = path.join(root, 'big');
	mkdirSync(out.bigDir, {recursive: true});
	const big = bigArticle(seedText, 100);
	writeFileSync(path.join(out.bigDir, `${BIG_SLUG}.md`), big);
	out.bigBytes = Buffer.byteLength(big);
	out.bigCodeBlocks = (big.match(/^```\w/gm) ?? []).length;
	out.bigTables = (big.match(/^\| --- /gm) ?? []).length;

	out.shelf2Dir = path.join(root, 'shelf-2');
	out.shelf2Bytes = writeShelf(out.shelf2Dir, 2, 2);
	out.shelf2000Dir = path.join(root, 'shelf-2000');
	out.shelf2000Bytes = writeShelf(out.shelf2000Dir, 2000, FOLDERS.length);
	out.shelf2000Count = countFiles(out.shelf2000Dir);
	// The large shelf (issue 12): 20,000 generated articles in the same 20 folders.
	out.shelf20kDir = path.join(root, 'shelf-20000');
	out.shelf20kBytes = writeShelf(out.shelf20kDir, options.large ?? 20000, FOLDERS.length);
	out.shelf20kCount = countFiles(out.shelf20kDir);
	if (options.scale) {
		out.scaleDir = path.join(root, 'shelf-scale');
		out.scaleBytes = writeSmallShelf(out.scaleDir, options.scale);
		out.scaleCount = countFiles(out.scaleDir);
	}
	out.shelf2000Folders = FOLDERS.length;
	out.categories = CATEGORIES.length;
	out.tags = TAGS.length;

	// A minimal package, packed, to measure what `npm exec` costs for a package of nothing.
	out.tinyDir = path.join(root, 'tiny-pkg');
	mkdirSync(path.join(out.tinyDir, 'bin'), {recursive: true});
	writeFileSync(path.join(out.tinyDir, 'package.json'), JSON.stringify({name: 'inkshelf-bench-tiny', version: '1.0.0', type: 'module', bin: {'inkshelf-bench-tiny': 'bin/tiny.js'}, files: ['bin']}, null, 2));
	writeFileSync(path.join(out.tinyDir, 'bin', 'tiny.js'), "#!/usr/bin/env node\nconsole.log('tiny-ok 1.0.0');\n", {mode: 0o755});
	return out;
}
