#!/usr/bin/env node
import {fileURLToPath} from 'node:url';
import {parseCli, USAGE, type CliArgs} from './cli-args.js';
import {sanitize} from './core/sanitize.js';
import {VERSION} from './version.js';
import {enableCompileCache} from './compile-cache.js';
import {nodeVersionProblem} from './node-version.js';
import type {Io} from './commands.js';

// Everything heavy is imported on demand below: `--version` should not pay for a UI toolkit.
enableCompileCache();

/** The articles that ship with inkshelf, used when no folder is given. */
export const BUNDLED_CONTENT = fileURLToPath(new URL('../content', import.meta.url));

export async function main(argv: string[], io: Io): Promise<number> {
	let args: CliArgs;
	try {
		args = parseCli(argv);
	} catch (error) {
		io.err.write(`inkshelf: ${sanitize(error instanceof Error ? error.message : String(error))}\nTry: inkshelf --help\n`);
		return 2;
	}
	if (args.help) {
		io.out.write(USAGE + '\n');
		return 0;
	}
	if (args.version) {
		io.out.write(`${VERSION}\n`);
		return 0;
	}
	if (args.command === 'completion') return await completion(args, io);
	const {loadConfig} = await import('./core/config/load.js');
	const {configCommand, flagSettings, reportConfigProblems} = await import('./config-command.js');
	const config = await loadConfig(flagSettings(args), io.env);
	if (args.command === 'config') return configCommand(config, args, io);
	// Completion runs on every Tab: a broken config is for the other commands to say.
	if (args.command !== '_complete') reportConfigProblems(config, io);
	// The app asks the terminal for its background colour and whether it draws images: asked now, it answers while the rest loads.
	const appMayStart = Boolean(process.stdin.isTTY && io.out.isTTY) && (args.command === 'browse' || args.command === 'read');
	const answers = appMayStart ? (await import('./terminal-answers.js')).askEarly(config.settings.theme, process.stdin, io.out, io.env) : null;
	const {CliError, checkCommand, codeCommand, countsCommand, listCommand, printWidth, readCommand, searchCommand} = await import('./commands.js');
	try {
		const {documentTarget, openDocument} = await import('./document.js');
		const document = documentTarget(args);
		if (document) return await openDocument(document, args, {...io, stdin: io.stdin ?? process.stdin}, config, answers);
		const {openShelves} = await import('./shelves.js');
		const specs = args.dir !== undefined ? [args.dir] : config.settings.shelves.length ? config.settings.shelves : [BUNDLED_CONTENT];
		const interactive = Boolean(process.stdin.isTTY && io.out.isTTY);
		// The library shows the index's last shelf at once and walks the folder after its first frame.
		const deferWalk = interactive && args.command === 'browse';
		// The app's modules load before a large shelf's snapshot is read: loaded after it, their compiling
		// shared the young heap with 20,000 new articles and took twice as long in garbage collection.
		const tui = appMayStart ? await importTui() : null;
		// A first start reads every file before anything shows: a line says how far (the app's screen, or a command's standard error, on a terminal; never for completion).
		const lineOn = deferWalk ? io.out : io.err.isTTY && args.command !== '_complete' ? io.err : null;
		const line = lineOn ? (await import('./reading-line.js')).readingLine(lineOn) : null;
		const {location, shelf, source} = await openShelves(specs, args.update, io, {exclude: config.settings.exclude, noCache: args.noCache, env: io.env, deferWalk, firstScreen: deferWalk, ...(line ? {progress: line.tell} : {})});
		// The app clears it as it takes the screen (after grouping the shelf); search goes on with its text indexing.
		if (!deferWalk && args.command !== 'search') line?.clear();
		const dir = location.dir;
		const title = dir === BUNDLED_CONTENT ? 'bundled articles' : location.title;
		// Config `drafts: false` is `--no-drafts` (the flag, given, already set it to false).
		const withDrafts = {...args, noDrafts: !config.settings.drafts};
		// The app says it on its status line; printed commands say it on stderr.
		const inApp = interactive && (args.command === 'browse' || args.command === 'read');
		if (!inApp && location.notices.now) io.err.write(`inkshelf: ${sanitize(location.notices.now)}\n`);
		if (!inApp && source.status) io.err.write(`inkshelf: ${source.status}\n`);
		try {
			switch (args.command) {
				case 'list': return listCommand(shelf, withDrafts, io);
				case 'tags': case 'categories': case 'authors': return countsCommand(shelf, args.command, io);
				case 'check': return await checkCommand(source, io);
				case 'search': return await searchCommand(source, args, io, line);
				case 'code': return await codeCommand(source, args, io);
				case '_complete': return (await import('./completion.js')).completeNamesCommand(shelf, args, io);
				case 'read':
					if (!interactive) return await readCommand(source, {...args, width: printWidth(config, io)}, io, (await import('./core/theme/detect.js')).decideTheme(config.settings.theme, io.env).theme);
					return await (tui ?? await importTui()).runApp(shelf, title, args.args[0], config, location.notices, {hideDrafts: withDrafts.noDrafts, source, answers});
				case 'browse':
					// Without a terminal there is nothing to browse: print the list instead, like `ls` does.
					if (!interactive) return listCommand(shelf, withDrafts, io);
					return await (tui ?? await importTui()).runApp(shelf, title, undefined, config, location.notices, {hideDrafts: withDrafts.noDrafts, source, answers});
			}
		} finally {
			// The index stays open while the app runs (it reads and fills it).
			source.close();
		}
	} catch (error) {
		// A question to the terminal still out has it in raw mode: the message waits for them (at most 250 ms).
		await answers?.graphics;
		if (error instanceof CliError) {
			io.err.write(`inkshelf: ${error.message}\n`);
			return error.exitCode;
		}
		throw error;
	}
}

async function completion(args: CliArgs, io: Io): Promise<number> {
	const [{completionCommand}, {CliError}] = await Promise.all([import('./completion.js'), import('./commands.js')]);
	try {
		return completionCommand(args, io);
	} catch (error) {
		if (!(error instanceof CliError)) throw error;
		io.err.write(`inkshelf: ${error.message}\n`);
		return error.exitCode;
	}
}

/**
 * Loads the UI. yoga-layout (Ink's layout engine) instantiates its WebAssembly
 * by fetch()ing a data: URL whenever fetch exists, which loads Node's whole
 * HTTP client at start-up (~30 ms); with fetch hidden for the import it decodes
 * the same bytes directly. fetch is put back at once (inkshelf never uses it).
 */
async function importTui(): Promise<typeof import('./tui.js')> {
	const saved = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (saved?.configurable) Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await import('./tui.js');
	} finally {
		if (saved?.configurable) Object.defineProperty(globalThis, 'fetch', saved);
	}
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === (await import('node:fs')).realpathSync(process.argv[1]);
const tooOld = isMain ? nodeVersionProblem() : null;
if (tooOld !== null) {
	// Checked before anything else runs: on an old Node the app would fail later in a less clear way.
	process.stderr.write(`${tooOld}\n`);
	process.exitCode = 1;
} else if (isMain) {
	// `inkshelf list | head` closes the pipe early: that is a normal end, not a crash.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
		throw error;
	});
	try {
		process.exitCode = await main(process.argv.slice(2), {out: process.stdout, err: process.stderr, env: process.env});
	} catch (error) {
		// A bug, not a usage problem: one line here, the stack in a log.
		const {reportCrash} = await import('./core/system/index.js');
		process.stderr.write(`${reportCrash(error)}\n`);
		process.exitCode = 1;
	}
}
