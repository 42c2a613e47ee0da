import React from 'react';
import {render} from 'ink';
import {App} from './ui/App.js';
import {ErrorBoundary} from './ui/ErrorBoundary.js';
import {articleFor, groupsOf} from './commands.js';
import {copyToClipboard} from './core/clipboard/index.js';
import {openExternal} from './core/system/index.js';
import {PlaceStore} from './core/system/index.js';
import {reportCrash} from './core/system/index.js';
import {colorLevelFor, makeStyles} from './core/render/index.js';
import supportsHyperlinks from 'supports-hyperlinks';
import {loadInBackground} from './core/shelf/index.js';
import {sanitizeLine} from './core/sanitize.js';
import type {Shelf} from './core/shelf/index.js';
import type {ShelfSource} from './core/index/index.js';
import type {EffectiveConfig} from './core/config/index.js';
import {formatProblem} from './core/config/index.js';
import type {Notices} from './ui/hooks/use-notices.js';
import {terminalMouse} from './terminal-mouse.js';
import {startGraphics} from './terminal-graphics.js';
import type {Group} from './core/state/index.js';
import type {ThemeChoice} from './core/config/index.js';
import {decideTheme} from './core/theme/index.js';
import type {ThemeName} from './core/theme/index.js';
import type {ColorLevel} from './core/theme/index.js';
import {queryBackground} from './core/system/index.js';
import {wantsBackground, type EarlyAnswers} from './terminal-answers.js';
import type {Rgb} from './core/theme/index.js';
import {ThemeContext, uiTheme} from './ui/theme.js';

export interface RunOptions {
	hideDrafts?: boolean;
	/** Where keys come from (the terminal itself when standard input is the document). */
	keys?: NodeJS.ReadStream;
	/** A folder to load behind the one document shown first (`inkshelf notes/x.md`). */
	folder?: string;
	/** The shelf's persistent index: bodies are read from it when opened, search uses it. */
	source?: ShelfSource;
	/** The terminal's background colour and images, already asked for (see terminal-answers.ts). */
	answers?: EarlyAnswers | null;
}

/**
 * The palette and colour level of the app. NO_COLOR means mono: no colour,
 * but bold, underline and reverse video still show emphasis and selection, so
 * the level is decided as if NO_COLOR were unset. `auto` asks the terminal for
 * its background (before Ink takes the keyboard), then reads COLORFGBG, then says dark.
 */
async function appLook(choice: ThemeChoice, keys: NodeJS.ReadStream, asked?: Promise<Rgb | null> | null): Promise<{theme: ThemeName; level: ColorLevel}> {
	const env = process.env;
	const level = colorLevelFor(process.stdout, {...env, NO_COLOR: undefined});
	// Usually asked by the CLI before this module loaded (terminal-answers.ts); the answer is in by now.
	const background = wantsBackground(choice, process.stdout, env) ? await (asked ?? queryBackground({stdin: keys, stdout: process.stdout})) : null;
	return {theme: decideTheme(choice, env, background).theme, level};
}

/** Starts the full-screen app and resolves with the exit status once the user quits. */
export async function runApp(shelf: Shelf, title: string, slug?: string, config?: EffectiveConfig, notices?: Notices, options: RunOptions = {}): Promise<number> {
	const source = options.source;
	const regroup = source ? (): ReturnType<typeof groupsOf> => groupsOf(source.shelf) : undefined;
	const initialSlug = slug === undefined ? undefined : articleFor(shelf, slug).slug;
	const keys = options.keys ?? process.stdin;
	const {theme, level} = await appLook(config?.settings.theme ?? 'auto', keys, options.answers?.background);
	const styles = makeStyles(level, theme);
	// Kitty graphics, detected (never inside tmux): images drawn inline; otherwise labelled lines.
	const {graphics} = await startGraphics(keys, process.env, options.answers?.graphics);
	// Problems of the config file were printed on stderr too, but the alternate screen hides them.
	const problem = config?.problems.find(p => p.severity === 'error') ?? config?.problems[0];
	const firstProblem = problem ? formatProblem(problem) : undefined;
	// INKSHELF_NO_STATE=1 reads without remembering (benchmarks, shared accounts).
	const places = process.env['INKSHELF_NO_STATE'] === '1' ? null : new PlaceStore().load();
	let fatal: unknown;
	let unmount = (): void => {};
	const fail = (error: unknown): void => {
		if (fatal === undefined) fatal = error ?? new Error('unknown error');
		// Unmounting restores raw mode, the cursor and the main screen before anything is printed.
		unmount();
	};
	process.on('uncaughtException', fail);
	process.on('unhandledRejection', fail);
	const mouse = terminalMouse(keys);
	const tree = (groups: Group[], heading: string): React.ReactElement => (
		<ErrorBoundary onError={fail}>
			<ThemeContext.Provider value={uiTheme(theme, level)}>
			<App groups={groups} {...(source ? {source} : {})} {...(regroup ? {regroup} : {})} title={`inkshelf · ${heading}`} styles={styles} copy={text => copyToClipboard(text)} openUrl={url => openExternal(url)} places={places} notices={notices ?? null} hideDrafts={options.hideDrafts ?? false} hyperlinks={styles.level > 0 && supportsHyperlinks.stdout}
				{...(initialSlug ? {initialSlug} : {})} {...(config ? {maxTextWidth: config.settings.width} : {})} {...(firstProblem ? {notice: firstProblem} : {})}
				mouse={config?.settings.mouse ?? false} mouseInput={mouse.input} graphics={graphics} />
			</ThemeContext.Provider>
		</ErrorBoundary>
	);
	// Raw mode from now on, not from Ink's first effect: a key pressed as the first frame shows would
	// otherwise meet a terminal in line mode, which echoes Enter (scrolling the screen) and turns it into \n.
	// Ink turns it off on the way out (and Node resets the terminal at exit whatever happens).
	if (keys.isTTY) keys.setRawMode(true);
	// Keys typed while the shelf loaded were echoed by the terminal, still in line mode; the alternate
	// screen keeps the cursor where they left it, and Ink draws from there: every line a few columns off.
	// A first start's reading line (reading-line.ts) is cleared too: the main screen is left as it was at exit.
	process.stdout.write('\r\x1b[2K');
	source?.firstScreenWith?.(places?.recent ?? []);
	const firstShelf = source?.shelf;
	const app = render(
		tree(groupsOf(shelf), options.folder ? `${title} (loading the folder…)` : title),
		// Started only with a terminal on both ends: interactive even where a CI variable is set.
		{alternateScreen: true, exitOnCtrlC: true, incrementalRendering: true, interactive: true, stdin: mouse.stdin, onRender: () => graphics?.redraw()},
	);
	unmount = () => app.unmount();
	// A first screen (first-screen.ts) is on the terminal: the whole shelf now, before any key is read (the
	// app's effects may have asked for it already, as they ran after that frame). It draws the same screen.
	source?.completeFirstScreen?.();
	if (source && source.shelf !== firstShelf) app.rerender(tree(groupsOf(source.shelf), title));
	// The document is on screen; its folder fills the library behind it when loaded.
	const background = options.folder ? loadInBackground(options.folder, new URL('./shelf-worker.js', import.meta.url)) : null;
	let closed = false;
	void background?.done.then(result => {
		// After the app has ended a rerender would mount it again, holding the terminal.
		if (closed || fatal !== undefined) return;
		if ('error' in result) app.rerender(tree(groupsOf(shelf), `${title} (folder not loaded: ${sanitizeLine(result.error)})`));
		else app.rerender(tree(groupsOf(withDocument(result.shelf, shelf)), title));
	});
	// The render worker starts as soon as the library's first frame is out: the first article does not wait for it.
	// The client comes by import(): the library's first frame loads nothing of it.
	const engine = new Promise<typeof import('./core/render/engine.js')>(resolve => setImmediate(() => resolve(import('./core/render/engine.js'))));
	void engine.then(e => e.renderService().warmUp(), () => undefined);
	try {
		await app.waitUntilExit();
	} catch (error) {
		fail(error);
	}
	closed = true;
	background?.cancel();
	mouse.close();
	graphics?.close();
	places?.flush();
	// The worker is let go of and ended (close() unrefs it first: one ended while still loading its
	// modules must not hold the process open); nothing else is left to keep the process alive.
	(await engine.catch(() => undefined))?.renderService().close();
	process.off('uncaughtException', fail);
	process.off('unhandledRejection', fail);
	if (fatal === undefined) return 0;
	process.stderr.write(`${reportCrash(fatal)}\n`);
	return 1;
}

/**
 * The folder's shelf with the document already open kept as the same object,
 * so the reader goes on without rendering it again.
 */
function withDocument(folder: Shelf, document: Shelf): Shelf {
	const open = document.articles[0];
	if (!open) return folder;
	const same = folder.articles.find(a => a.path === open.path);
	if (same && same.slug === open.slug) return {...folder, articles: folder.articles.map(a => (a === same ? open : a))};
	// A file the walk passes over (an odd extension, a hidden name) stays on the shelf it was opened from.
	if (!same && !folder.articles.some(a => a.slug === open.slug)) return {...folder, articles: [...folder.articles, open]};
	return folder;
}
