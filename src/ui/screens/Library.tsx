import React from 'react';
import {Box, Text} from 'ink';
import {WindowedSelect} from '../components/WindowedSelect.js';
import {StatusLine} from '../components/StatusLine.js';
import {theme} from '../theme.js';
import {currentArticles, type AppState, type Group} from '../../core/state.js';
import type {Article} from '../../core/types.js';

interface Props {
	state: AppState;
	width: number;
	height: number;
	title: string;
}

/** Lines one article takes in the list: title, meta, description, gap. */
export const ARTICLE_ROW_HEIGHT = 4;

export function libraryLayout(width: number, height: number): {groupWidth: number; twoPanes: boolean; listRows: number} {
	const twoPanes = width >= 60;
	const groupWidth = twoPanes ? Math.min(32, Math.max(20, Math.floor(width * 0.28))) : width;
	return {groupWidth, twoPanes, listRows: Math.max(1, height - 3)};
}

export function Library({state, width, height, title}: Props): React.ReactElement {
	const {groupWidth, twoPanes, listRows} = libraryLayout(width, height);
	const group = state.groups[state.groupIndex];
	const articles = currentArticles(state);
	const articleWidth = twoPanes ? width - groupWidth - 1 : width;
	const showGroups = twoPanes || state.focus === 'groups';
	const showArticles = twoPanes || state.focus === 'articles';
	const broken = state.groups[0]?.articles.filter(a => a.error).length ?? 0;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box width={width}>
				<Text bold color={theme.accent} wrap="truncate">{` ${title}`}</Text>
				<Text color={theme.muted} wrap="truncate">{` · ${state.groups[0]?.articles.length ?? 0} articles${broken ? ` (${broken} broken)` : ''}`}</Text>
			</Box>
			<Box height={listRows + 1}>
				{showGroups && (
					<Box flexDirection="column" width={groupWidth} marginRight={twoPanes ? 1 : 0}>
						<PaneTitle text="Browse" focused={state.focus === 'groups'} width={groupWidth} />
						<WindowedSelect
							rows={state.groups.map((g, i) => ({key: `g${i}`, value: g}))}
							selected={state.groupIndex}
							visible={listRows}
							focused={state.focus === 'groups'}
							renderRow={(g, selected, focused) => <GroupRow group={g} selected={selected} focused={focused} width={groupWidth - 1} />}
						/>
					</Box>
				)}
				{showArticles && (
					<Box flexDirection="column" width={articleWidth}>
						<PaneTitle text={group ? groupTitle(group) : ''} focused={state.focus === 'articles'} width={articleWidth} />
						{articles.length === 0
							? <Text color={theme.muted}>  No articles here.</Text>
							: <WindowedSelect
								rows={articles.map((a, i) => ({key: `a${i}`, value: a}))}
								selected={state.articleIndex}
								visible={Math.max(1, Math.floor(listRows / ARTICLE_ROW_HEIGHT))}
								focused={state.focus === 'articles'}
								renderRow={(a, selected, focused) => <ArticleRow article={a} selected={selected} focused={focused} width={articleWidth - 1} />}
							/>}
					</Box>
				)}
			</Box>
			<StatusLine width={width} status={state.status} hints={state.focus === 'groups' ? 'Enter show · Tab articles · ? help · q quit' : 'Enter read · Tab groups · ? help · q quit'} />
		</Box>
	);
}

function groupTitle(g: Group): string {
	if (g.kind === 'all') return `All articles · ${g.articles.length}`;
	return `${g.kind === 'tag' ? `#${g.name}` : g.name} · ${g.articles.length}`;
}

function PaneTitle({text, focused, width}: {text: string; focused: boolean; width: number}): React.ReactElement {
	return <Text bold={focused} color={focused ? theme.accent : theme.muted} wrap="truncate">{` ${text} `.padEnd(width, '─').slice(0, width)}</Text>;
}

function GroupRow({group, selected, focused, width}: {group: Group; selected: boolean; focused: boolean; width: number}): React.ReactElement {
	const icon = group.kind === 'all' ? '≡ ' : group.kind === 'category' ? '▪ ' : '# ';
	const count = String(group.articles.length);
	const name = group.kind === 'all' ? 'All' : group.name;
	const room = Math.max(1, width - icon.length - count.length - 1);
	const label = name.length > room ? name.slice(0, Math.max(0, room - 1)) + '…' : name.padEnd(room);
	const color = group.kind === 'tag' ? theme.tag : group.kind === 'category' ? theme.category : theme.title;
	return (
		<Text inverse={selected && focused} bold={selected} wrap="truncate">
			<Text color={color}>{icon}</Text>{label} <Text color={theme.muted}>{count}</Text>
		</Text>
	);
}

function ArticleRow({article, selected, focused, width}: {article: Article; selected: boolean; focused: boolean; width: number}): React.ReactElement {
	const meta = [article.date ?? 'undated', article.category, `${article.readingMinutes} min`].join(' · ');
	const tags = article.tags.map(t => `#${t}`).join(' ');
	return (
		<Box flexDirection="column" width={width} height={ARTICLE_ROW_HEIGHT}>
			<Text bold color={article.error ? theme.error : selected && focused ? theme.accent : theme.title} wrap="truncate">
				{article.error ? `⚠ ${article.title}` : article.title}
			</Text>
			<Text wrap="truncate">
				<Text color={theme.muted}>{meta}</Text>{tags ? <Text color={theme.tag}>{`  ${tags}`}</Text> : null}
			</Text>
			<Text color={article.error ? theme.error : undefined} dimColor={!article.error} wrap="truncate">
				{article.error ? `cannot open: ${article.error}` : article.description || ' '}
			</Text>
		</Box>
	);
}
