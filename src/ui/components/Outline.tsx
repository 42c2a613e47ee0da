import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme.js';
import {headingText} from '../../core/shelf/index.js';
import {sanitizeLine} from '../../core/sanitize.js';
import {countOf} from '../../core/plural.js';
import {HINTS} from '../../core/state/index.js';

interface Props {
	headings: {line: number; depth: number; text: string}[];
	selected: number;
	/** The heading the reader is under now. */
	current: number;
	width: number;
	height: number;
	complete: boolean;
}

/** Every heading, indented by level; Enter jumps to the selected one. */
export function Outline({headings, selected, current, width, height, complete}: Props): React.ReactElement {
	const theme = useTheme();
	const room = Math.max(1, height - 2);
	const start = Math.max(0, Math.min(selected - Math.floor(room / 2), headings.length - room));
	const minDepth = Math.min(...headings.map(h => h.depth), 6);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold inverse wrap="truncate">{` Outline · ${countOf(headings.length, 'heading')}${complete ? '' : ' so far'} · ${HINTS.outline} `.padEnd(width)}</Text>
			{headings.length === 0 && <Text {...theme.muted}>  {complete ? 'No headings.' : 'Reading the article…'}</Text>}
			{headings.slice(start, start + room).map((h, i) => {
				const index = start + i;
				const isSelected = index === selected;
				return (
					<Text key={index} wrap="truncate" inverse={isSelected} {...(index === current ? theme.accent : {})}>
						{`${index === current ? "▶" : " "} ${"  ".repeat(Math.max(0, h.depth - minDepth))}${sanitizeLine(headingText(h.text))}`}
					</Text>
				);
			})}
		</Box>
	);
}
