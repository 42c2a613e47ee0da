import {sanitizeLine} from './core/sanitize.js';
import {describeOrigin, formatProblem, SETTING_NAMES, type EffectiveConfig, type FlagSettings} from './core/config/index.js';
import type {CliArgs} from './cli-args.js';
import type {Io} from './commands.js';
import {resolve} from 'node:path';

/** The settings the command line gives, each with its flag, for loadConfig (flags win over the file). */
export function flagSettings(args: CliArgs): FlagSettings {
	const flags: FlagSettings = {};
	if (args.theme !== undefined) flags.theme = {value: args.theme, flag: '--theme'};
	if (args.width !== undefined) flags.width = {value: args.width, flag: '--width'};
	if (args.noDrafts) flags.drafts = {value: false, flag: '--no-drafts'};
	if (args.dir !== undefined) flags.shelves = {value: [resolve(args.dir)], flag: 'DIR'};
	return flags;
}

/** Each problem of the config file as one line on stderr. */
export function reportConfigProblems(config: EffectiveConfig, io: Io): void {
	for (const p of config.problems) io.err.write(`inkshelf: ${formatProblem(p)}\n`);
}

/** `inkshelf config`: every setting, its value and where it came from; `--path`: the file's path alone. */
export function configCommand(config: EffectiveConfig, args: CliArgs, io: Io): number {
	if (args.path) {
		io.out.write(`${config.file}\n`);
		return 0;
	}
	reportConfigProblems(config, io);
	io.out.write(`config file: ${sanitizeLine(config.file)}${config.exists ? '' : ' (none yet: every setting below is a default or a flag)'}\n\n`);
	const rows = SETTING_NAMES.map(name => {
		const value = config.settings[name];
		const shown = Array.isArray(value) ? (value.length ? value.join(', ') : '(none)') : String(value);
		return [name, sanitizeLine(shown), sanitizeLine(describeOrigin(config.origins[name]))] as const;
	});
	const nameWidth = Math.max(...rows.map(r => r[0].length));
	const valueWidth = Math.min(48, Math.max(...rows.map(r => r[1].length)));
	for (const [name, value, origin] of rows) io.out.write(`${name.padEnd(nameWidth)}  ${value.padEnd(valueWidth)}  ${origin}\n`);
	return config.problems.some(p => p.severity === 'error') ? 1 : 0;
}
