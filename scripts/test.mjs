// `npm test`: build, type-check, lint and run every test on a supported Node.
// inkshelf needs Node >= 22; where the machine's Node is older (Node 20 reached
// end of life in April 2026), this fetches Node 22 from the npm registry and
// runs the whole suite on it, so tests never run on a Node users cannot use.
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import os from 'node:os';

const MIN_MAJOR = 22;
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const major = Number(process.versions.node.split('.')[0]);

function run(cmd, args, env = process.env) {
	const r = spawnSync(cmd, args, {cwd: root, stdio: 'inherit', env});
	if (r.status !== 0) process.exit(r.status ?? 1);
}

if (major < MIN_MAJOR) {
	console.log(`--- Node ${process.version} is older than ${MIN_MAJOR}: running the tests on Node ${MIN_MAJOR} from the npm registry`);
	const r = spawnSync('npm', ['exec', '--yes', `--package=node@${MIN_MAJOR}`, '--', 'node', '-p', 'process.execPath'], {cwd: os.tmpdir(), encoding: 'utf8'});
	const bin = r.stdout?.trim().split('\n').pop();
	if (r.status !== 0 || !bin) {
		console.error(`inkshelf tests: could not get Node ${MIN_MAJOR} from the npm registry:\n${r.stderr}`);
		process.exit(1);
	}
	const env = {...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH}`};
	run(bin, [new URL(import.meta.url).pathname, ...process.argv.slice(2)], env);
	process.exit(0);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
run(process.execPath, [path.join(root, 'scripts/build.mjs')]);
run(bin('tsc'), ['--noEmit']);
run(bin('eslint'), ['--max-warnings', '0', '.']);
run(bin('vitest'), ['run', ...process.argv.slice(2)]);
