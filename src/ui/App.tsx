import React, {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {Box, Text, useApp, useInput, useWindowSize} from 'ink';
import {Library} from './screens/Library.js';
import {Help} from './screens/Help.js';
import {useTheme} from './theme.js';
import {useShelfSearch} from './hooks/use-shelf-search.js';
import {useNotices, type Notices} from './hooks/use-notices.js';
import {initialState, libraryLayout, reduce, splitKeys, type Action, type AppState, type Group} from '../core/state/index.js';
import type {CopyResult} from '../core/clipboard/index.js';
import {backlinkIndex, footerMarkdown, relatedArticles, withRecent, type Article} from '../core/shelf/index.js';
import type {OpenResult, PlaceStore} from '../core/system/index.js';
import type {Styles} from '../core/render/index.js';
import type {ShelfSource} from '../core/index/index.js';
import {useOpenArticle} from './hooks/use-open-article.js';
import {useLiveShelf} from './hooks/use-live-shelf.js';
import {useReaderEntry, useReloadedPlace} from './hooks/use-reader-entry.js';
import {useCopy, useFollowLink} from './hooks/use-requests.js';
import {useMouse, type MouseInput} from './hooks/use-mouse.js';
import type {InlineGraphics} from './hooks/use-inline-images.js';

export interface AppProps {
	/** All, then categories, then tags; a "Recently read" group is added after All when places are kept. */
	groups: Group[];
	/** Shown in the title bar: where the shelf comes from. */
	title: string;
	styles: Styles;
	copy: (text: string) => Promise<CopyResult>;
	/** Opens an external link in the browser. */
	openUrl?: (url: string) => Promise<OpenResult>;
	/** Remembered reading places and recently read articles; null keeps nothing. */
	places?: PlaceStore | null;
	/** Open this article first (`inkshelf read SLUG` on a TTY). */
	initialSlug?: string;
	/** The terminal shows OSC 8 hyperlinks. */
	hyperlinks?: boolean;
	/** Widest text column in the reader (config key `width`). */
	maxTextWidth?: number;
	/** Shown in the status line at start (e.g. a config file that could not be read). */
	notice?: string;
	/** Messages about where the shelf came from (a git shelf offline, or updated). */
	notices?: Notices | null;
	/** Start with drafts hidden (`--no-drafts`); `d` shows them. */
	hideDrafts?: boolean;
	/**
	 * Where bodies, links and the text index come from (the shelf's persistent
	 * index). Without it the listed articles carry their bodies (tests).
	 */
	source?: ShelfSource;
	/** The groups of the shelf as `source` has it now (called after the shelf changed on disk). */
	regroup?: () => Group[];
	/** The mouse: reported from the start (config `mouse: true`), and where its reports come from. */
	mouse?: boolean;
	mouseInput?: MouseInput | null;
	/** The terminal draws images (kitty graphics, detected): the reader shows local images inline. */
	graphics?: InlineGraphics | null;
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

function shownGroups(groups: Group[], places: PlaceStore | null | undefined): Group[] {
	return places ? withRecent(groups, places.recent) : groups;
}

/** Below this the screens cannot show anything useful; a short message is better than garbage. */
export const MIN_COLUMNS = 20;
export const MIN_ROWS = 5;

export function App({groups: initialGroups, title, styles, copy, openUrl, places, initialSlug, hyperlinks = false, maxTextWidth, notice, notices = null, hideDrafts = false, source, regroup, mouse = false, mouseInput = null, graphics = null}: AppProps): React.ReactElement {
	const theme = useTheme();
	const {exit} = useApp();
	const {columns, rows} = useWindowSize();
	const [state, dispatch] = useReducer(reduce, undefined, () => initialState(shownGroups(initialGroups, places), {open: initialSlug, remembered: places ? slug => places.place(slug)?.fraction ?? null : null, hideDrafts, mouse}));
	const openedRef = useRef<Article | null>(null);
	const {groups, version} = useLiveShelf(source, initialGroups, regroup, state, dispatch, openedRef);
	const all = useMemo(() => groups[0]?.articles ?? [], [groups]);
	const slug = state.reader?.slug;
	const {entry, gone} = useReaderEntry(all, slug);
	const reloaded = useReloadedPlace(state, dispatch);
	const {article, problem} = useOpenArticle(entry, source ? a => source.readNow(a) : undefined, version, reloaded);
	useEffect(() => {
		openedRef.current = article;
	}, [article]);
	const Reader = useReaderScreen(state.screen === 'reader');
	// Related articles and the ones linking here, shown after the article; backlinks need
	// one pass over the shelf's links (kept in the index), done when the first article opens.
	const reading = entry !== undefined;
	const backlinks = useMemo(() => (reading ? backlinkIndex(all, source ? a => source.linksOf(a) : undefined) : null), [all, reading, source]);
	const footer = useMemo(() => (article && backlinks ? footerMarkdown(article, relatedArticles(article, all), backlinks.get(article.slug) ?? []) : ''), [article, backlinks, all]);
	const {indexing, search} = useShelfSearch(all, state.screen === 'library', source);

	useInput((input, key) => {
		for (const k of splitKeys(input, key)) dispatch({type: 'key', ...k});
	});

	useEffect(() => {
		if (state.quit) {
			places?.flush();
			exit();
		}
	}, [state.quit, exit, places]);

	useEffect(() => {
		const {listRows, rowHeight} = libraryLayout(columns, rows);
		dispatch({type: 'listPage', size: Math.max(1, Math.floor(listRows / rowHeight) - 1)});
	}, [columns, rows]);

	useEffect(() => {
		if (places?.warning) dispatch({type: 'status', status: {text: places.warning, kind: 'warning'}});
	}, [places]);

	useEffect(() => {
		if (notice) dispatch({type: 'status', status: {text: notice, kind: 'error'}});
	}, [notice]);

	useEffect(() => {
		if (source?.status) dispatch({type: 'status', status: {text: source.status, kind: 'warning'}});
	}, [source]);

	// Library search reads the index through this; it is handed over again as the index grows.
	useEffect(() => {
		dispatch({type: 'searcher', searcher: search});
	}, [search, indexing]);

	useNewGroups(groups, places, dispatch);

	useEffect(() => {
		if (gone) dispatch({type: 'status', status: {text: 'This article\'s file is gone: what is on screen stays until you leave it', kind: 'warning'}});
		else if (problem) dispatch({type: 'status', status: {text: `Not reloaded: ${problem}`, kind: 'warning'}});
	}, [gone, problem]);
	usePlaces(state, dispatch, places, groups);
	useNotices(notices, dispatch);
	useMouse(mouseInput, state.mouse, {columns, rows, ...(maxTextWidth ? {maxTextWidth} : {})}, dispatch);
	useCopy(state, dispatch, article, copy);
	useFollowLink(state, dispatch, all, openUrl, copy);

	// The status line is a message, not a log: it clears itself after a while.
	useEffect(() => {
		if (!state.status || state.status.kind === 'info') return;
		const timer = setTimeout(() => dispatch({type: 'status', status: null}), 6000);
		return () => clearTimeout(timer);
	}, [state.status]);

	if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
		return <Text {...theme.warning} wrap="truncate">{`enlarge to ${MIN_COLUMNS}×${MIN_ROWS}`}</Text>;
	}
	if (state.help) return <Help width={columns} height={rows} top={state.helpTop} />;
	if (state.screen === 'reader' && entry) {
		if (!Reader || !article) return <Text {...theme.muted}>{` Opening ${entry.title}…`}</Text>;
		// The screen is imported once and kept at module level (preloadReader), so it is the same component on every render.
		// eslint-disable-next-line react-hooks/static-components -- see the line above
		return <Reader state={state} article={article} footer={footer} width={columns} height={rows} styles={styles} hyperlinks={hyperlinks} {...(maxTextWidth ? {maxTextWidth} : {})} graphics={graphics} dispatch={dispatch} />;
	}
	return (
		<Box>
			<Library state={state} width={columns} height={rows} title={title} opened={places ? (slug: string) => places.hasOpened(slug) : null} indexing={indexing} preview={{styles}} />
		</Box>
	);
}

/**
 * New groups (the folder behind `inkshelf notes/x.md`, a walk that found changes, a first screen
 * made whole: first-screen.ts) replace the ones in the state in the same render, not in an effect
 * after it: a key read in between would act on the groups before, and a first screen's stand-ins
 * are not articles to open.
 */
function useNewGroups(groups: Group[], places: PlaceStore | null | undefined, dispatch: (a: Action) => void): void {
	const [shown, setShown] = useState(groups);
	if (groups !== shown) {
		setShown(groups);
		dispatch({type: 'groups', groups: shownGroups(groups, places)});
	}
}

/** Remembers where each article was left (the reducer returns there) and keeps "Recently read" current. */
function usePlaces(state: AppState, dispatch: (a: Action) => void, places: PlaceStore | null | undefined, groups: Group[]): void {
	const r = state.reader;
	const slug = r?.slug;
	useEffect(() => {
		if (!places || !slug) return;
		places.markOpened(slug);
		dispatch({type: 'groups', groups: shownGroups(groups, places)});
	}, [slug, places, groups, dispatch]);
	const top = r?.top ?? 0;
	const lines = r?.layout.lineCount ?? 0;
	const complete = r?.layout.complete ?? false;
	const placePending = r?.pending?.kind === 'place';
	useEffect(() => {
		// Only a fully rendered article gives a true fraction; a place still pending must not be overwritten.
		if (!places || !slug || !complete || lines === 0 || placePending) return;
		places.setPlace(slug, top / lines);
	}, [places, slug, top, lines, complete, placePending]);
}
