import type {ColorLevel} from './paint.js';

/** The colour level for output on `stream`, honouring NO_COLOR (which wins) and FORCE_COLOR. */
export function colorLevelFor(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv = process.env): ColorLevel {
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
	const force = env['FORCE_COLOR'];
	if (force !== undefined) {
		if (force === '0' || force === 'false') return 0;
		if (force === '1' || force === '' || force === 'true') return 1;
		if (force === '2') return 2;
		if (force === '3') return 3;
	}
	if (!stream.isTTY) return 0;
	if (env['TERM'] === 'dumb') return 0;
	if (env['COLORTERM'] === 'truecolor' || env['COLORTERM'] === '24bit') return 3;
	if (/-256(color)?$/i.test(env['TERM'] ?? '')) return 2;
	return 1;
}
