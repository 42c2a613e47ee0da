import React, {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme.js';
import {readBodyHead} from '../../core/shelf/index.js';
import {sanitizeLine} from '../../core/sanitize.js';
import type {Styles} from '../../core/render/index.js';
import type {Article} from '../../core/shelf/index.js';

/** What the preview needs from the app to draw an article. */
export interface PreviewSource {
	styles: Styles;
}

interface Props {
	article: Article | undefined;
	width: number;
	height: number;
	source: PreviewSource;
}

/** First screens already drawn, by article (the listed entry: a changed file is a new one) and size. */
const drawn = new Map<Article, {key: string; lines: string[]}>();
const KEPT = 200;
/** Moving through the list fast (a held j) draws only where it stops. */
const SETTLE_MS = 60;
/** Characters of text read per line of the preview: enough for a screen, however long the article. */
const CHARS_PER_ROW = 400;

/**
 * The wide library's right pane: the selected article's first screen, as the
 * reader draws it. The beginning of the article is read asynchronously once
 * the selection settles, and rendered by the render worker, which stops when
 * the screen is full: the work is a screen's, never the article's, and never
 * on the thread that reads keys. What was drawn is kept, so going back to an
 * article shows it at once.
 */
export function Preview({article, width, height, source}: Props): React.ReactElement {
	const theme = useTheme();
	const textWidth = Math.max(10, width - 2);
	const rows = Math.max(1, height - 1);
	const key = `${textWidth}x${rows}:${source.styles.theme}:${source.styles.level}`;
	const [failed, setFailed] = useState<{article: Article; reason: string} | null>(null);
	const [, redraw] = useState(0);
	const kept = article ? drawn.get(article) : undefined;
	const lines = kept?.key === key ? kept.lines : undefined;
	useEffect(() => {
		if (!article || article.error || lines) return;
		let live = true;
		let cancel = (): void => {};
		const timer = setTimeout(() => {
			void (async () => {
				const head = await readBodyHead(article, rows * CHARS_PER_ROW);
				const {renderedPreview, renderService} = await import('../../core/render/engine.js');
				if (!live) return;
				const job = renderedPreview(article, head, textWidth, source.styles, rows);
				cancel = () => renderService().cancel(job);
				const snapshot = await job.finished;
				if (!live) return;
				drawn.set(article, {key, lines: snapshot.lines.slice(0, rows)});
				if (drawn.size > KEPT) drawn.delete(drawn.keys().next().value as Article);
				redraw(n => n + 1);
			})().catch((error: unknown) => {
				if (live) setFailed({article, reason: error instanceof Error ? error.message : String(error)});
			});
		}, SETTLE_MS);
		return () => {
			live = false;
			clearTimeout(timer);
			cancel();
		};
	}, [article, key]); // eslint-disable-line react-hooks/exhaustive-deps -- the article and the key name what is drawn
	const problem = article?.error ?? (failed && failed.article === article ? failed.reason : undefined);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text {...theme.muted} wrap="truncate">{' Preview '.padEnd(width, '─').slice(0, width)}</Text>
			{problem !== undefined
				? <Text {...theme.warning} wrap="truncate">{` Cannot show: ${sanitizeLine(problem)}`}</Text>
				: lines
					? lines.map((line, i) => <Text key={i} wrap="truncate">{` ${line}`}</Text>)
					: <Text {...theme.muted}>{article ? ' …' : ' Nothing selected'}</Text>}
		</Box>
	);
}
