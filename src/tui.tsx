import React from 'react';
import {render} from 'ink';
import {App} from './ui/App.js';
import {ErrorBoundary} from './ui/ErrorBoundary.js';
import {articleFor, groupsOf} from './commands.js';
import {copyToClipboard} from './core/clipboard/copy.js';
import {openExternal} from './core/system/opener.js';
import {PlaceStore} from './core/system/place-store.js';
import {reportCrash} from './core/system/crash-log.js';
import {colorLevelFor, makeStyles} from './core/render/styles.js';
import supportsHyperlinks from 'supports-hyperlinks';
import type {Shelf} from './core/shelf/types.js';
import type {EffectiveConfig} from './core/config/index.js';
import {formatProblem} from './core/config/parse.js';
import type {Notices} from './ui/hooks/use-notices.js';

/** Starts the full-screen app and resolves with the exit status once the user quits. */
export async function runApp(shelf: Shelf, title: string, slug?: string, config?: EffectiveConfig, notices?: Notices, options: {hideDrafts?: boolean} = {}): Promise<number> {
	const initialSlug = slug === undefined ? undefined : articleFor(shelf, slug).slug;
	const styles = makeStyles(colorLevelFor(process.stdout));
	// INKSHELF_NO_STATE=1 reads without remembering (benchmarks, shared accounts).
	// Problems of the config file were printed on stderr too, but the alternate screen hides them.
	const problem = config?.problems.find(p => p.severity === 'error') ?? config?.problems[0];
	const firstProblem = problem ? formatProblem(problem) : undefined;
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
	const app = render(
		<ErrorBoundary onError={fail}>
			<App groups={groupsOf(shelf)} title={`inkshelf · ${title}`} styles={styles} copy={text => copyToClipboard(text)} openUrl={url => openExternal(url)} places={places} notices={notices ?? null} hideDrafts={options.hideDrafts ?? false} hyperlinks={styles.level > 0 && supportsHyperlinks.stdout}
				{...(initialSlug ? {initialSlug} : {})} {...(config ? {maxTextWidth: config.settings.width} : {})} {...(firstProblem ? {notice: firstProblem} : {})} />
		</ErrorBoundary>,
		// Started only with a terminal on both ends: interactive even where a CI variable is set.
		{alternateScreen: true, exitOnCtrlC: true, incrementalRendering: true, interactive: true},
	);
	unmount = () => app.unmount();
	try {
		await app.waitUntilExit();
	} catch (error) {
		fail(error);
	}
	places?.flush();
	process.off('uncaughtException', fail);
	process.off('unhandledRejection', fail);
	if (fatal === undefined) return 0;
	process.stderr.write(`${reportCrash(fatal)}\n`);
	return 1;
}
