import React from 'react';
import {render} from 'ink';
import {App} from './ui/App.js';
import {groupsOf} from './commands.js';
import {copyToClipboard} from './core/clipboard.js';
import {colorLevelFor, makeStyles} from './core/render/styles.js';
import {articleFor} from './commands.js';
import type {Shelf} from './core/types.js';

/** Starts the full-screen app and resolves with the exit status once the user quits. */
export async function runApp(shelf: Shelf, title: string, slug?: string): Promise<number> {
	const initialSlug = slug === undefined ? undefined : articleFor(shelf, slug).slug;
	const styles = makeStyles(colorLevelFor(process.stdout));
	const app = render(
		<App groups={groupsOf(shelf)} title={`inkshelf · ${title}`} styles={styles} copy={text => copyToClipboard(text)} {...(initialSlug ? {initialSlug} : {})} />,
		{alternateScreen: true, exitOnCtrlC: true},
	);
	await app.waitUntilExit();
	return 0;
}
