import React, {useEffect, useMemo, useReducer, useState} from 'react';
import {Box, Text, useApp, useInput, useWindowSize} from 'ink';
import {Library, libraryLayout, ARTICLE_ROW_HEIGHT} from './screens/Library.js';
import {Help} from './screens/Help.js';
import {theme} from './theme.js';
import {splitKeys} from '../core/keymap.js';
import {initialState, reduce, type Group} from '../core/state.js';
import {prepareForPaste, type CopyResult} from '../core/clipboard.js';
import {codeBlocksOf} from '../core/render/parse.js';
import type {Styles} from '../core/render/styles.js';

export interface AppProps {
	groups: Group[];
	/** Shown in the title bar: where the shelf comes from. */
	title: string;
	styles: Styles;
	copy: (text: string) => Promise<CopyResult>;
	/** Open this article first (`inkshelf read SLUG` on a TTY). */
	initialSlug?: string;
}

type ReaderScreen = (typeof import('./screens/Reader.js'))['Reader'];
let loadedReader: ReaderScreen | undefined;

/**
 * The reader brings marked, marked-terminal and highlight.js (most of the
 * bundle): it loads right after the library's first frame instead of before it.
 */
export async function preloadReader(): Promise<ReaderScreen> {
	loadedReader ??= (await import('./screens/Reader.js')).Reader;
	return loadedReader;
}

function useReaderScreen(neededNow: boolean): ReaderScreen | undefined {
	const [reader, setReader] = useState<ReaderScreen | undefined>(() => loadedReader);
	useEffect(() => {
		if (reader) return;
		let live = true;
		const timer = setTimeout(() => {
			void preloadReader().then(r => live && setReader(() => r));
		}, neededNow ? 0 : 30);
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, [reader, neededNow]);
	return reader;
}

/** Below this the screens cannot show anything useful; a short message is better than garbage. */
export const MIN_COLUMNS = 20;
export const MIN_ROWS = 5;

export function App({groups, title, styles, copy, initialSlug}: AppProps): React.ReactElement {
	const {exit} = useApp();
	const {columns, rows} = useWindowSize();
	const [state, dispatch] = useReducer(reduce, undefined, () => initialState(groups, initialSlug));
	const article = useMemo(() => state.reader && groups[0]?.articles.find(a => a.slug === state.reader?.slug), [groups, state.reader?.slug]);

	const Reader = useReaderScreen(state.screen === 'reader');

	useInput((input, key) => {
		for (const k of splitKeys(input, key)) dispatch({type: 'key', ...k});
	});

	useEffect(() => {
		if (state.quit) exit();
	}, [state.quit, exit]);

	useEffect(() => {
		const listRows = libraryLayout(columns, rows - 1).listRows;
		dispatch({type: 'listPage', size: Math.max(1, Math.floor(listRows / ARTICLE_ROW_HEIGHT) - 1)});
	}, [columns, rows]);

	// Copying is the one side effect the reducer asks for; its outcome comes back as a status.
	const request = state.copyRequest;
	useEffect(() => {
		if (!request || !article) return;
		const block = codeBlocksOf(article)[request.block];
		if (!block) return;
		const index = request.block + 1;
		let live = true;
		const {text} = prepareForPaste(block.source);
		const lines = text === '' ? 0 : text.split('\n').length;
		copy(text).then(result => {
			if (!live) return;
			const what = `block ${index} (${lines} line${lines === 1 ? '' : 's'})`;
			dispatch({type: 'status', status: result.ok
				? {text: `✓ Copied ${what} via ${result.routes.join(' + ')}`, kind: 'success'}
				: {text: `Could not copy ${what}: ${result.message}`, kind: 'error'}});
		}, (error: unknown) => {
			if (live) dispatch({type: 'status', status: {text: `Could not copy: ${String(error)}`, kind: 'error'}});
		});
		return () => {
			live = false;
		};
	}, [request?.nonce]); // eslint-disable-line react-hooks/exhaustive-deps -- one copy per request

	// The status line is a message, not a log: it clears itself after a while.
	useEffect(() => {
		if (!state.status || state.status.kind === 'info') return;
		const timer = setTimeout(() => dispatch({type: 'status', status: null}), 6000);
		return () => clearTimeout(timer);
	}, [state.status]);

	if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
		return <Text color={theme.warning} wrap="truncate">{`enlarge to ${MIN_COLUMNS}×${MIN_ROWS}`}</Text>;
	}
	const height = rows;
	if (state.help) return <Help width={columns} height={height} />;
	if (state.screen === 'reader' && article) {
		if (!Reader) return <Text color={theme.muted}>{` Opening ${article.title}…`}</Text>;
		return <Reader state={state} article={article} width={columns} height={height} styles={styles} dispatch={dispatch} />;
	}
	return (
		<Box>
			<Library state={state} width={columns} height={height} title={title} />
		</Box>
	);
}
