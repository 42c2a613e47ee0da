import React from 'react';
import {Box, Text} from 'ink';
import {WindowedSelect} from '../components/WindowedSelect.js';
import {Preview, type PreviewSource} from '../components/Preview.js';
import {StatusLine} from '../components/StatusLine.js';
import {useTheme} from '../theme.js';
import {articleRowLines, currentArticles, filtered, libraryLayout, type AppState, type Group, type SearchRow} from '../../core/state/index.js';
import {countOf} from '../../core/plural.js';
import type {Article} from '../../core/shelf/index.js';
import {articleMeta, headingText} from '../../core/shelf/index.js';
import {HINTS} from '../../core/state/index.js';

interface Props {
	state: AppState;
	width: number;
	height: number;
	title: string;
	/** Whether an article was ever opened (unread ones are marked); null when nothing is remembered. */
	opened: ((slug: string) => boolean) | null;
	/** A quiet progress mark while the full-text index is still being built ("indexing 12,400/20,000"), else null. */
	indexing: string | null;
	/** What the wide library's preview needs to draw an article (none: no preview). */
	preview?: PreviewSource | null;
}

const SORT_LABEL = {newest: '', oldest: ' · oldest first', title: ' · by title'} as const;

export function Library({state, width, height, title, opened, indexing, preview = null}: Props): React.ReactElement {
	const theme = useTheme();
	const {groupWidth, twoPanes, listRows, rowHeight, articleWidth, previewWidth} = libraryLayout(width, height);
	const group = state.groups[state.groupIndex];
	const search = state.search;
	const articles = currentArticles(state);
	const showGroups = (twoPanes || state.focus === 'groups') && !(search && !twoPanes);
	const showArticles = twoPanes || state.focus === 'articles' || search !== null;
	const broken = brokenCount(state.groups[0]?.articles ?? []);
	const selected = search ? search.selected : state.articleIndex;
	const rowsByIndex = search ? search.results : null;
	const paneTitle = search
		? `${countOf(search.results.length, 'result')}${indexing ? ` (${indexing})` : ''}`
		: group ? `${groupTitle(group, articles.length, state.filters)}${SORT_LABEL[state.sort]}` : '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box width={width}>
				{search
					? <Text wrap="truncate"><Text bold {...theme.accent}>{' / '}</Text>{search.query}{search.editing ? <Text inverse> </Text> : null}<Text {...theme.muted}>{`   ${search.editing ? HINTS.searchTyping : HINTS.searchKept}`}</Text></Text>
					// One text, truncated once to the row: as two texts side by side, a change of the counts alone (the
					// indexing mark) was drawn beside the title as it was laid out before, one column too wide (81 at
					// 80); the row wrapped and every row below was drawn one line off (tmux, on a loaded machine).
					: <Text wrap="truncate"><Text bold {...theme.accent}>{` ${title}`}</Text><Text {...theme.muted}>{` · ${countOf(state.groups[0]?.articles.length ?? 0, 'article')}${broken ? ` (${broken} broken)` : ''}${indexing ? ` · ${indexing}` : ''}`}</Text></Text>}
			</Box>
			<Box height={listRows + 1} overflow="hidden">
				{showGroups && (
					<Box flexDirection="column" width={groupWidth} marginRight={twoPanes ? 1 : 0}>
						<PaneTitle text="Browse" focused={state.focus === 'groups' && !search} width={groupWidth} />
						<WindowedSelect
							count={state.groups.length}
							rowAt={i => ({key: `g${i}`, value: state.groups[i] as Group})}
							selected={state.groupIndex}
							visible={listRows}
							focused={state.focus === 'groups' && !search}
							renderRow={(g, isSelected, focused) => (
								<GroupRow group={g} count={filtered(g.articles, state.filters, state.hideDrafts).length}
									pinned={state.filters.some(f => f.kind === g.kind && f.name === g.name)}
									selected={isSelected} focused={focused} width={groupWidth - 1} />
							)}
						/>
					</Box>
				)}
				{showArticles && (
					<Box flexDirection="column" width={articleWidth}>
						<PaneTitle text={paneTitle} focused={state.focus === 'articles' || search !== null} width={articleWidth} />
						{articles.length === 0
							? <Text {...theme.muted}>{search ? (search.query ? '  Nothing matches.' : '  Type to search titles, tags and the text of every article.') : '  No articles here.'}</Text>
							: <WindowedSelect
								count={articles.length}
								rowAt={i => ({key: `a${i}`, value: {article: articles[i] as Article, row: rowsByIndex?.[i]}})}
								selected={selected}
								visible={listRows}
								heightOf={i => articleRowLines(articles[i] as Article, rowsByIndex?.[i], rowHeight)}
								focused={state.focus === 'articles' || search !== null}
								renderRow={(v, isSelected, focused) => (
									<ArticleRow article={v.article} row={v.row} unread={opened ? !opened(v.article.slug) : false} selected={isSelected} focused={focused} width={articleWidth - 1} height={articleRowLines(v.article, v.row, rowHeight)} />
								)}
							/>}
					</Box>
				)}
				{previewWidth > 0 && preview && (
					<Box marginLeft={1}>
						<Preview article={articles[selected]} width={previewWidth} height={listRows + 1} source={preview} />
					</Box>
				)}
			</Box>
			<StatusLine width={width} status={state.status}
				hints={search ? HINTS.searchResults : state.focus === 'groups' ? HINTS.libraryGroups : HINTS.libraryArticles} />
		</Box>
	);
}

const brokenCounts = new WeakMap<Article[], number>();

/** Counted once per shelf, not on every key. */
function brokenCount(articles: Article[]): number {
	let n = brokenCounts.get(articles);
	if (n === undefined) brokenCounts.set(articles, n = articles.filter(a => a.error).length);
	return n;
}

function groupTitle(g: Group, count: number, filters: AppState['filters']): string {
	const name = g.kind === 'all' ? 'All articles' : g.kind === 'tag' ? `#${g.name}` : g.kind === 'author' ? `by ${g.name}` : g.name;
	const extra = filters.filter(f => !(f.kind === g.kind && f.name === g.name)).map(f => (f.kind === 'tag' ? `#${f.name}` : f.kind === 'author' ? `by ${f.name}` : f.name));
	return `${[name, ...extra].join(' + ')} · ${count}`;
}

// The group pane, the pane titles and the status line stay as they are while a search is typed: memo
// keeps React from drawing them again on every key (each Text drawn again is laid out again by Ink).
const PaneTitle = React.memo(function PaneTitle({text, focused, width}: {text: string; focused: boolean; width: number}): React.ReactElement {
	const theme = useTheme();
	return <Text bold={focused} {...(focused ? theme.accent : theme.muted)} wrap="truncate">{` ${text} `.padEnd(width, '─').slice(0, width)}</Text>;
});

const GROUP_ICON = {all: '≡ ', recent: '↺ ', shelf: '▤ ', category: '▪ ', tag: '# ', author: '@ '} as const;

interface GroupRowProps {
	group: Group;
	/** Articles of the group within the pinned filters. */
	count: number;
	pinned: boolean;
	selected: boolean;
	focused: boolean;
	width: number;
}

const GroupRow = React.memo(function GroupRow({group, count: n, pinned, selected, focused, width}: GroupRowProps): React.ReactElement {
	const theme = useTheme();
	const icon = pinned ? '✓ ' : GROUP_ICON[group.kind];
	const count = String(n);
	const name = group.kind === 'all' ? 'All' : group.name;
	const room = Math.max(1, width - icon.length - count.length - 1);
	const label = name.length > room ? name.slice(0, Math.max(0, room - 1)) + '…' : name.padEnd(room);
	const iconStyle = pinned ? theme.success : group.kind === 'tag' ? theme.tag : group.kind === 'category' ? theme.category : group.kind === 'author' ? theme.accent : theme.title;
	return (
		<Text inverse={selected && focused} bold={selected || pinned} dimColor={n === 0 && !selected} wrap="truncate">
			<Text {...iconStyle}>{icon}</Text>{label} <Text {...theme.muted}>{count}</Text>
		</Text>
	);
});

interface RowProps {
	height: number;
	article: Article;
	row: SearchRow | undefined;
	unread: boolean;
	selected: boolean;
	focused: boolean;
	width: number;
}

function ArticleRow({article, row, unread, selected, focused, width, height}: RowProps): React.ReactElement {
	const theme = useTheme();
	const meta = articleMeta(article, {minutes: 'min'});
	const tags = article.tags.map(t => `#${t}`).join(' ');
	const titleStyle = article.error ? theme.error : selected && focused ? theme.accent : theme.title;
	// A description is often markdown (Hugo renders it): shown as the text it stands for.
	const third = article.error
		? <Text {...theme.error} wrap="truncate">{`cannot open: ${article.error}`}</Text>
		: row?.snippet
			? <Text wrap="truncate"><Text {...theme.muted}>{`L${row.snippet.line}: `}</Text>{row.snippet.text}</Text>
			: <Text dimColor wrap="truncate">{headingText(article.description)}</Text>;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold {...titleStyle} wrap="truncate">
				{article.error ? '⚠ ' : unread ? <Text {...theme.accent}>● </Text> : ''}
				{article.draft ? <Text {...theme.warning}>[draft] </Text> : ''}
				{row && row.positions.length ? <Highlighted text={article.title} positions={row.positions} /> : article.title}
			</Text>
			{height >= 2 && (
				<Text wrap="truncate">
					<Text {...theme.muted}>{meta}</Text>{tags ? <Text {...theme.tag}>{`  ${tags}`}</Text> : null}
				</Text>
			)}
			{height >= 3 && third}
		</Box>
	);
}

/** The characters a fuzzy search matched, underlined in the title. */
function Highlighted({text, positions}: {text: string; positions: number[]}): React.ReactElement {
	const theme = useTheme();
	const marked = new Set(positions);
	const chars = [...text];
	const parts: React.ReactNode[] = [];
	let run = '';
	let runMarked = false;
	const flush = (key: number): void => {
		if (run) parts.push(runMarked ? <Text key={key} underline {...theme.warning}>{run}</Text> : <Text key={key}>{run}</Text>);
		run = '';
	};
	chars.forEach((c, i) => {
		if (marked.has(i) !== runMarked) {
			flush(i);
			runMarked = marked.has(i);
		}
		run += c;
	});
	flush(chars.length);
	return <>{parts}</>;
}
