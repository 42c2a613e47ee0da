import React, {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme.js';
import type {Styles} from '../../core/render/styles.js';
import type {Article} from '../../core/shelf/types.js';

interface Props {
	article: Article | undefined;
	width: number;
	height: number;
	styles: Styles;
}

/** First screens already drawn, by article, width and height; a few hundred lines each at most. */
const drawn = new Map<string, string[]>();
const KEPT = 200;
/** Moving through the list fast (a held j) draws only where it stops. */
const SETTLE_MS = 60;

function keyOf(article: Article, width: number, height: number): string {
	return `${article.path}\0${width}\0${height}`;
}

/**
 * The wide library's right pane: the selected article's first screen, as the
 * reader draws it. Drawing waits until the selection settles and happens
 * after the key's frame (never in it); what was drawn is kept, so going back
 * to an article shows it at once.
 */
export function Preview({article, width, height, styles}: Props): React.ReactElement {
	const theme = useTheme();
	const textWidth = Math.max(10, width - 2);
	const rows = Math.max(1, height - 1);
	const key = article ? keyOf(article, textWidth, rows) : '';
	const [, redraw] = useState(0);
	useEffect(() => {
		if (!article || article.error || drawn.has(key)) return;
		let live = true;
		const timer = setTimeout(() => {
			void import('../../core/render/cache.js').then(({renderedArticle}) => {
				if (!live) return;
				const view = renderedArticle(article, textWidth, styles);
				view.ensure(rows);
				drawn.set(key, view.lines.slice(0, rows));
				if (drawn.size > KEPT) drawn.delete(drawn.keys().next().value as string);
				redraw(n => n + 1);
			});
		}, SETTLE_MS);
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- the key names the article and the size
	const lines = drawn.get(key);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text {...theme.muted} wrap="truncate">{' Preview '.padEnd(width, '─').slice(0, width)}</Text>
			{article?.error
				? <Text {...theme.warning} wrap="truncate">{` Cannot show: ${article.error}`}</Text>
				: lines
					? lines.map((line, i) => <Text key={i} wrap="truncate">{` ${line}`}</Text>)
					: <Text {...theme.muted}>{article ? ' …' : ' Nothing selected'}</Text>}
		</Box>
	);
}
