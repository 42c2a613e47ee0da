import React, {useEffect, useMemo, useReducer} from 'react';
import {Box, Text} from 'ink';
import {StatusLine} from '../components/StatusLine.js';
import {theme} from '../theme.js';
import {renderedArticle} from '../../core/render/cache.js';
import {codeBlocksOf} from '../../core/render/parse.js';
import {prepareForPaste} from '../../core/clipboard.js';
import type {Styles} from '../../core/render/styles.js';
import type {Article} from '../../core/types.js';
import type {Action, AppState} from '../../core/state.js';

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
	const view = useMemo(() => renderedArticle(article, textWidth, styles), [article, textWidth, styles]);
	const [, finished] = useReducer((n: number) => n + 1, 0);
	// Only what the screen needs is rendered before the frame (a few pages ahead,
	// so paging never waits); the rest follows in the background, a slice at a time.
	const top = r?.top ?? 0;
	view.ensure(top + 3 * viewHeight);
	if (r?.atEnd) view.renderAll();
	if (r?.pendingBlock != null) view.ensureBlock(r.pendingBlock);
	useEffect(() => {
		if (view.done) return;
		let timer: NodeJS.Timeout;
		const step = (): void => {
			view.renderFor(10);
			if (view.done) finished();
			else timer = setTimeout(step, 0);
		};
		timer = setTimeout(step, 0);
		return () => clearTimeout(timer);
	}, [view]);
	const unsafe = useMemo(() => codeBlocksOf(article).map(b => prepareForPaste(b.source).warnings), [article]);
	const lineCount = view.lines.length;
	const blockKey = view.blocks.map(b => b.startLine).join(',');
	useEffect(() => {
		dispatch({type: 'layout', layout: {
			lineCount, viewHeight, complete: view.done,
			blocks: view.blocks.map((b, i) => ({startLine: b.startLine, endLine: b.endLine, unsafe: unsafe[i] ?? []})),
		}});
	}, [lineCount, viewHeight, view, view.done, blockKey, unsafe, dispatch]);
	const rendered = {lines: view.lines, blocks: view.blocks};

	const selected = rendered.blocks[r?.selectedBlock ?? -1];
	const visible = rendered.lines.slice(top, top + viewHeight);
	const percent = rendered.lines.length <= viewHeight ? 100 : Math.round(((top + viewHeight) / rendered.lines.length) * 100);
	const blockInfo = selected ? `block ${selected.index}/${rendered.blocks.length} ${selected.lang || 'code'} · ` : rendered.blocks.length ? `${rendered.blocks.length} blocks · ` : '';
	const total = `${rendered.lines.length}${view.done ? '' : '+'}`;
	const right = `${blockInfo}${view.done ? `${Math.min(100, percent)}%` : '…'} · ${Math.min(rendered.lines.length, top + 1)}/${total}`;
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
