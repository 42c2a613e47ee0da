import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {nodeVersionProblem} from '../src/node-version.js';
import {CLI, ensureBuilt} from './helpers/cli.js';

describe('Node version check', () => {
	it('accepts Node 22 and newer', () => {
		expect(nodeVersionProblem('22.0.0')).toBeNull();
		expect(nodeVersionProblem('v24.21.0')).toBeNull();
	});

	it('names the version it needs in one line on an older Node', () => {
		const line = nodeVersionProblem('20.20.0');
		expect(line).toMatch(/^inkshelf needs Node 22 or newer; this is Node 20\.20\.0\./);
		expect(line).not.toContain('\n');
		expect(nodeVersionProblem('v18.19.1')).toContain('Node 18.19.1');
	});

	// The machine's own `node` may be older than 22 (20 here): the built CLI must refuse it in one line.
	const system = spawnSync('node', ['-p', 'process.versions.node'], {encoding: 'utf8', env: {PATH: '/usr/local/bin:/usr/bin:/bin'}});
	const systemVersion = system.stdout?.trim() ?? '';
	it.runIf(system.status === 0 && Number(systemVersion.split('.')[0]) < 22)(`the built CLI exits 1 with one line on the machine's Node ${systemVersion}`, () => {
		ensureBuilt();
		const r = spawnSync('node', [CLI, 'list'], {encoding: 'utf8', env: {PATH: '/usr/local/bin:/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? '/tmp'}});
		expect(r.status).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe(`inkshelf needs Node 22 or newer; this is Node ${systemVersion}. Get it at https://nodejs.org\n`);
	});
});
