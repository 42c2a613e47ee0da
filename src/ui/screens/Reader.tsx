import React, {useEffect, useMemo} from 'react';
import {Box, Text} from 'ink';
import {StatusLine} from '../components/StatusLine.js';
import {theme} from '../theme.js';
import {renderedArticle} from '../../core/render/cache.js';
import {prepareForPaste} from '../../core/clipboard.js';
import type {Styles} from '../../core/render/styles.js';
import type {Article} from '../../core/types.js';
import type {Action, AppState, ReaderLayout} from '../../core/state.js';

interface Props {
	state: AppState;
	article: Article;
	width: number;
	height: number;
	styles: Styles;
	dispatch: (action: Action) => void;
}

/** Widest text column: long lines are hard to read, even on a 200-column terminal. */
const MAX_TEXT_WIDTH = 110;

export function readerGeometry(width: number, height: number): {textWidth: number; margin: number; viewHeight: number; headerLines: number} {
	const headerLines = height >= 12 ? 3 : 1;
	const textWidth = Math.max(10, Math.min(MAX_TEXT_WIDTH, width - 3));
	const margin = Math.max(2, Math.floor((width - textWidth) / 2));
	return {textWidth, margin, viewHeight: Math.max(1, height - headerLines - 1), headerLines};
}

export function Reader({state, article, width, height, styles, dispatch}: Props): React.ReactElement {
	const r = state.reader;
	const {textWidth, margin, viewHeight, headerLines} = readerGeometry(width, height);
	const rendered = useMemo(() => {
		const view = renderedArticle(article, textWidth, styles);
		return view.renderAll();
	}, [article, textWidth, styles]);
	const layout: ReaderLayout = useMemo(() => ({
		lineCount: rendered.lines.length,
		viewHeight,
		blocks: rendered.blocks.map(b => ({startLine: b.startLine, endLine: b.endLine, unsafe: prepareForPaste(b.source).warnings})),
	}), [rendered, viewHeight]);
	useEffect(() => dispatch({type: 'layout', layout}), [layout, dispatch]);

	const top = r?.top ?? 0;
	const selected = rendered.blocks[r?.selectedBlock ?? -1];
	const visible = rendered.lines.slice(top, top + viewHeight);
	const percent = rendered.lines.length <= viewHeight ? 100 : Math.round(((top + viewHeight) / rendered.lines.length) * 100);
	const blockInfo = selected ? `block ${selected.index}/${rendered.blocks.length} ${selected.lang || 'code'} · ` : rendered.blocks.length ? `${rendered.blocks.length} blocks · ` : '';
	const right = `${blockInfo}${Math.min(100, percent)}% · ${Math.min(rendered.lines.length, top + 1)}/${rendered.lines.length}`;
	const meta = [article.date ?? 'undated', article.category, `${article.readingMinutes} min read`].join(' · ');
	const tags = article.tags.map(t => `#${t}`).join(' ');
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={theme.accent} wrap="truncate">{` ${article.title}`}</Text>
			{headerLines > 1 && (
				<>
					<Text wrap="truncate"><Text color={theme.muted}>{` ${meta}`}</Text>{tags && <Text color={theme.tag}>{`  ${tags}`}</Text>}</Text>
					<Text color={theme.muted} wrap="truncate">{'─'.repeat(width)}</Text>
				</>
			)}
			<Box flexDirection="column" height={viewHeight}>
				{visible.map((line, i) => {
					const n = top + i;
					const inBlock = selected !== undefined && n >= selected.startLine && n <= selected.endLine;
					return (
						<Text key={i} wrap="truncate">
							<Text color={theme.accent} bold>{(inBlock ? (n === selected.startLine ? '▶' : '┃') : ' ').padEnd(margin - 1)} </Text>
							{line}
						</Text>
					);
				})}
			</Box>
			<StatusLine width={width} status={state.status} right={state.status ? `${Math.min(100, percent)}%` : right}
				hints={rendered.blocks.length ? ']/[ select block · y copy · 1-9 copy N · Esc back · ? help' : 'j/k scroll · Space page · Esc back · ? help'} />
		</Box>
	);
}
