import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme.js';
import type {Status} from '../../core/state/index.js';

interface Props {
	width: number;
	status: Status | null;
	hints: string;
	/** Right-hand side: position in the article, counts. */
	right?: string;
}

/** Drawn again only when its text changes (not on every key of a search: see Library's PaneTitle). */
export const StatusLine = React.memo(function StatusLine({width, status, hints, right = ''}: Props): React.ReactElement {
	const theme = useTheme();
	const style = status ? theme[status.kind] : theme.muted;
	const leftWidth = Math.max(0, width - right.length - 1);
	return (
		<Box width={width} height={1}>
			<Box width={leftWidth}>
				<Text {...style} bold={status !== null && status.kind !== 'info'} wrap="truncate">{` ${status?.text ?? hints}`}</Text>
			</Box>
			{right && <Text {...theme.muted} wrap="truncate">{` ${right}`}</Text>}
		</Box>
	);
});
