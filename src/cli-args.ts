import {parseArgs} from 'node:util';
// eslint-disable-next-line no-restricted-imports -- start-up path: config/index.js re-exports the YAML parser; settings.js is plain data
import {THEME_CHOICES, type ThemeChoice} from './core/config/settings.js';

export const COMMANDS = ['list', 'tags', 'categories', 'authors', 'read', 'code', 'check', 'search', 'config', 'completion'] as const;
/** `_complete KIND [DIR]`: names for the shell completion scripts, one a line (not in --help). */
export const HIDDEN_COMMANDS = ['_complete'] as const;
export type CommandName = (typeof COMMANDS)[number] | (typeof HIDDEN_COMMANDS)[number] | 'browse';

/** Every option of the command line (also what the completion scripts offer). */
export const OPTIONS = {
	dir: {type: 'string', short: 'd'},
	tag: {type: 'string', short: 't'},
	category: {type: 'string', short: 'c'},
	author: {type: 'string', short: 'a'},
	'no-drafts': {type: 'boolean'},
	json: {type: 'boolean'},
	width: {type: 'string', short: 'w'},
	limit: {type: 'string', short: 'n'},
	theme: {type: 'string'},
	path: {type: 'boolean'},
	'no-cache': {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
	update: {type: 'boolean'},
} as const;

export interface CliArgs {
	command: CommandName;
	/** Positional arguments after the command (DIR excluded). */
	args: string[];
	dir: string | undefined;
	tag: string | undefined;
	category: string | undefined;
	author: string | undefined;
	/** `--no-drafts`: leave drafts out of the list and the app. */
	noDrafts: boolean;
	json: boolean;
	width: number | undefined;
	limit: number | undefined;
	theme: ThemeChoice | undefined;
	/** `config --path`: print only the config file's path. */
	path: boolean;
	/** `--no-cache`: keep no index on disk (read every file, as if for the first time). */
	noCache: boolean;
	help: boolean;
	version: boolean;
	/** Wait for a git shelf's fetch before reading it. */
	update: boolean;
}

/** How many positionals each command takes before the optional DIR. */
const ARITY: Record<CommandName, number> = {browse: 0, list: 0, tags: 0, categories: 0, authors: 0, check: 0, read: 1, code: 2, search: 1, config: 0, completion: 1, _complete: 1};

export class UsageError extends Error {}

export function parseCli(argv: string[]): CliArgs {
	const {values, positionals} = parseArgs({
		args: argv,
		allowPositionals: true,
		strict: true,
		options: OPTIONS,
	});
	const first = positionals[0];
	const command: CommandName = first !== undefined && ([...COMMANDS, ...HIDDEN_COMMANDS] as readonly string[]).includes(first) ? first as CommandName : 'browse';
	const rest = command === 'browse' ? positionals : positionals.slice(1);
	const arity = ARITY[command];
	const help = values.help ?? false;
	if (!help && rest.length < arity) {
		throw new UsageError(command === 'read' ? 'read needs an article: inkshelf read SLUG [DIR]'
			: command === 'search' ? 'search needs a query: inkshelf search QUERY [DIR]'
			: command === 'completion' ? 'completion needs a shell: inkshelf completion bash|zsh|fish'
			: command === '_complete' ? '_complete needs a kind: slugs, tags, categories or authors'
			: 'code needs an article and a block number: inkshelf code SLUG N [DIR]');
	}
	if (rest.length > arity + 1) throw new UsageError(`too many arguments for ${command === 'browse' ? 'inkshelf' : command}: ${rest.slice(arity + 1).join(' ')}`);
	const positionalDir = rest[arity];
	if (positionalDir !== undefined && values.dir !== undefined) throw new UsageError('give the folder once: as DIR or as --dir');
	let width: number | undefined;
	if (values.width !== undefined) {
		width = Number(values.width);
		if (!Number.isInteger(width) || width < 20 || width > 1000) throw new UsageError(`--width takes a whole number from 20 to 1000, not "${values.width}"`);
	}
	let limit: number | undefined;
	if (values.limit !== undefined) {
		limit = Number(values.limit);
		if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit takes a whole number above 0, not "${values.limit}"`);
	}
	const theme = values.theme;
	if (theme !== undefined && !(THEME_CHOICES as readonly string[]).includes(theme)) throw new UsageError(`--theme takes ${THEME_CHOICES.join(', ')}, not "${theme}"`);
	return {
		command, args: rest.slice(0, arity), dir: values.dir ?? positionalDir,
		tag: values.tag, category: values.category, author: values.author, noDrafts: values['no-drafts'] ?? false, json: values.json ?? false, width, limit, noCache: values['no-cache'] ?? false,
		theme: theme as ThemeChoice | undefined, path: values.path ?? false, help, version: values.version ?? false, update: values.update ?? false,
	};
}

export const USAGE = `inkshelf — read a shelf of markdown articles in the terminal

Usage:
  inkshelf [DIR]                          browse the shelf (the bundled articles when DIR is left out)
  inkshelf github:owner/repo[/folder][@ref]   a shelf from git (also https://, git@host:, file:// URLs)
  inkshelf FILE.md                        read one file at once; Esc shows its folder
  inkshelf -                              read markdown from standard input (curl -s URL | inkshelf -)
  inkshelf list [DIR] [--tag T] [--category C] [--author A] [--no-drafts] [--json]
  inkshelf tags [DIR]                     tags with their article counts
  inkshelf categories [DIR]               categories with their article counts
  inkshelf authors [DIR]                  authors with their article counts
  inkshelf read SLUG|PATH [DIR] [--width N]   open an article (printed when piped)
  inkshelf code SLUG N [DIR]              print code block N of an article, exactly as written
  inkshelf search QUERY [DIR] [--json] [--limit N]   ranked results with the matching line
  inkshelf check [DIR]                    report broken articles; exit 1 if any
  inkshelf config [--path]                the settings in effect and where each came from
  inkshelf completion bash|zsh|fish       print a shell completion script

Options:
  -d, --dir DIR        the shelf folder (same as the DIR argument)
  -t, --tag T          only articles with this tag (case and a leading # ignored)
  -c, --category C     only articles in this category (any of their categories)
  -a, --author A       only articles by this author
      --no-drafts      leave drafts out (config key drafts: false; the app shows them, marked, unless set)
      --json           machine-readable output for list and search
  -n, --limit N        at most N search results (default 20)
  -w, --width N        cap of the text column (config key width, default 110);
                       read when printing: the terminal's width up to it, or into a pipe
                       the config's width if set, else 80
      --theme T        auto, dark, light or mono (config key theme; default auto)
      --path           with config: print only the config file's path
      --update         a git shelf: fetch and show the newest version before opening
      --no-cache       keep no index of the shelf on disk (see README, "The index")
  -h, --help           this help
  -v, --version        the version

A SLUG is the article's path under DIR without .md, e.g. guides/postgres-field-guide;
a PATH names the file itself (notes/x.md). Piped, FILE.md and - print as read does.
Settings are read from $XDG_CONFIG_HOME/inkshelf/config.yaml (~/.config/inkshelf/ by
default); flags win over it. NO_COLOR=1 turns colour off everywhere.
Keys in the app: press ? for help.`;
