import React, {useEffect, useMemo} from 'react';
import {Box, Text} from 'ink';
import {StatusLine} from '../components/StatusLine.js';
import {Outline} from '../components/Outline.js';
import {useTheme} from '../theme.js';
import {renderedArticle} from '../../core/render/engine.js';
import {useRenderLayout} from '../hooks/use-render-layout.js';
import {useInlineImages, type InlineGraphics} from '../hooks/use-inline-images.js';
import {dirname} from 'node:path';
import {byLine, highlight, hyperlink} from '../../core/render/index.js';
import {findInText} from '../../core/search/index.js';
import {MAX_TEXT_WIDTH, currentSection, readerGeometry} from '../../core/state/index.js';
import {articleMeta, headingText} from '../../core/shelf/index.js';
import {sanitizeLine} from '../../core/sanitize.js';
import type {Styles} from '../../core/render/index.js';
import type {Article} from '../../core/shelf/index.js';
import type {Action, AppState, ReaderState} from '../../core/state/index.js';
import {HINTS, linkTarget} from '../../core/state/index.js';

/** One empty list, so that "no hits" keeps its identity between frames. */
const NO_HITS: NonNullable<ReaderState['find']>['hits'] = [];

interface Props {
	state: AppState;
	article: Article;
	/** Markdown shown after the article: related articles, links here. */
	footer?: string;
	width: number;
	height: number;
	styles: Styles;
	/** The terminal shows OSC 8 hyperlinks: web links become clickable. */
	hyperlinks?: boolean;
	/** Widest text column (config key `width`). */
	maxTextWidth?: number;
	/** The terminal draws images (kitty graphics): local PNG and JPEG images are shown inline. */
	graphics?: InlineGraphics | null;
	dispatch: (action: Action) => void;
}

export function Reader({state, article, footer = '', width, height, styles, hyperlinks = false, maxTextWidth = MAX_TEXT_WIDTH, graphics = null, dispatch}: Props): React.ReactElement {
	const theme = useTheme();
	const r = state.reader as ReaderState;
	const {textWidth, margin, viewHeight, headerLines} = readerGeometry(width, height, maxTextWidth);
	// Rendering runs in the render worker: this screen only slices the lines that have arrived.
	// With a terminal that draws images, room is left for them: scaled to the column, at most half the screen high.
	const maxRows = Math.max(1, Math.floor(height / 2));
	const cell = graphics?.cell;
	const images = useMemo(() => (cell ? {dir: dirname(article.path), cellWidth: cell.width, cellHeight: cell.height, maxRows} : undefined), [cell, article.path, maxRows]);
	const job = useMemo(() => renderedArticle(article, textWidth, styles, footer, images), [article, textWidth, styles, footer, images]);
	const view = useRenderLayout(job, `${article.slug}|${textWidth}`, viewHeight, r.layout.signature, dispatch);
	const top = r.top;
	const lineCount = view.lines.length;
	const imageProblems = useInlineImages(graphics, r.outline === null ? view.images : [], top, viewHeight, headerLines, margin);

	// Find runs over the rendered lines the reducer knows of (it scrolls to a hit within them), again
	// as more of them are told; lines that arrived since are a quarter of a second from being told.
	const query = r.find?.query ?? '';
	const known = Math.min(lineCount, r.layout.lineCount);
	useEffect(() => {
		if (query === '') return;
		dispatch({type: 'findHits', query, hits: findInText(known < view.lines.length ? view.lines.slice(0, known) : view.lines, query)});
	}, [query, known, view, dispatch]);

	const hits = r.find?.hits ?? NO_HITS;
	// Hits and links by line, gathered when they change (a find, a render chunk), not on every key.
	const hitsOn = useMemo(() => byLine(hits.map((hit, index) => ({hit, index, line: hit.line}))), [hits]);
	// The job appends to its links in place: their count says when to gather again.
	const linkCount = view.links.length;
	const linksOn = useMemo(() => (hyperlinks ? byLine(view.links.slice(0, linkCount)) : new Map<number, never[]>()), [hyperlinks, view.links, linkCount]);

	if (r.outline !== null) {
		return <Outline headings={r.layout.headings} selected={r.outline} current={currentSection(r)} width={width} height={height} complete={r.layout.complete} />;
	}

	const selectedBlock = view.blocks[r.selectedBlock];
	const selectedLink = view.links[r.selectedLink];
	const visible = view.lines.slice(top, top + viewHeight);
	const percent = lineCount <= viewHeight ? 100 : Math.round(((top + viewHeight) / lineCount) * 100);
	const heading = r.layout.headings[currentSection(r)]?.text;
	const section = heading === undefined ? undefined : sanitizeLine(headingText(heading));
	const blockInfo = selectedBlock ? `block ${selectedBlock.index}/${view.blocks.length} ${selectedBlock.lang || 'code'} · ` : '';
	const position = `${view.done ? `${Math.min(100, percent)}%` : '…'} · ${Math.min(lineCount, top + 1)}/${lineCount}${view.done ? '' : '+'}`;
	// A message or a selected link's target needs the room more than the section name does.
	const right = state.status || selectedLink ? position : `${section ? `§ ${section} · ` : ''}${blockInfo}${position}`;
	const meta = articleMeta(article, {minutes: 'min read', draft: true});
	const tags = article.tags.map(t => `#${t}`).join(' ');
	const findStatus = r.find && r.find.hits.length > 0 && r.find.current >= 0 ? {text: `hit ${r.find.current + 1}/${r.find.hits.length} for "${r.find.query}" · ${HINTS.findHits}`, kind: 'info' as const} : null;
	// Without the header's room, the plain-text notice takes the status line while nothing else needs it.
	const notice = view.notice && headerLines === 1 ? {text: `shown as plain text: ${view.notice}`, kind: 'warning' as const} : null;
	const linkStatus = state.status ?? (selectedLink ? {text: `→ ${linkTarget(selectedLink.href)}  (${selectedLink.kind === 'image' ? HINTS.openImage : HINTS.followLink})`, kind: 'info' as const} : findStatus ?? notice);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold {...theme.accent} wrap="truncate">{` ${article.title}`}</Text>
			{headerLines > 1 && (
				<>
					<Text wrap="truncate"><Text {...theme.muted}>{` ${meta}`}</Text>{tags && <Text {...theme.tag}>{`  ${tags}`}</Text>}</Text>
					{view.notice
						? <Text {...theme.warning} wrap="truncate">{` ⚠ shown as plain text: ${view.notice}`}</Text>
						: <Text {...theme.muted} wrap="truncate">{'─'.repeat(width)}</Text>}
				</>
			)}
			<Box flexDirection="column" height={viewHeight} overflow="hidden">
				{visible.map((text, i) => {
					let line = text;
					const n = top + i;
					const inBlock = selectedBlock !== undefined && n >= selectedBlock.startLine && n <= selectedBlock.endLine;
					const onLink = selectedLink !== undefined && selectedLink.line === n;
					const gutter = onLink ? '→' : inBlock ? (n === selectedBlock.startLine ? '▶' : '┃') : ' ';
					const marks = (hitsOn.get(n) ?? []).map(({hit, index}) => ({start: hit.start, end: hit.end, current: index === r.find?.current}));
					if (onLink) marks.push({start: selectedLink.column, end: selectedLink.column + selectedLink.text.length, current: true});
					if (hyperlinks) line = hyperlink(line, linksOn.get(n) ?? []);
					const problem = imageProblems.get(n);
					if (problem) line = styles.dim(problem);
					// Keyed by the article's line, not the screen row: scrolling by one line then keeps the other
					// rows' nodes, so Ink measures and lays out only the row that came in (work per key ∝ what changed).
					return (
						<Text key={n} wrap="truncate">
							<Text {...theme.accent} bold>{gutter.padEnd(margin - 1)} </Text>
							{marks.length ? highlight(line, marks) : line}
						</Text>
					);
				})}
			</Box>
			{r.find?.editing
				? <Text wrap="truncate"><Text {...theme.accent} bold>{' /'}</Text>{r.find.query}<Text inverse> </Text><Text {...theme.muted}>{`  ${hits.length} hit${hits.length === 1 ? '' : 's'} · ${HINTS.findTyping}`}</Text></Text>
				: <StatusLine width={width} status={linkStatus} right={right}
					hints={view.blocks.length ? HINTS.readerWithBlocks : HINTS.reader} />}
		</Box>
	);
}
