import React from 'react';
import {Box, Text} from 'ink';
import {useTheme} from '../theme.js';
import {listWindow} from '../../core/state/index.js';

export interface Row<T> {
	key: string;
	value: T;
}

interface Props<T> {
	/** How many rows there are; only the visible ones are ever asked for, so a long list costs nothing per key. */
	count: number;
	rowAt: (index: number) => Row<T>;
	selected: number;
	/** How many lines the list may use. */
	visible: number;
	/** Lines row `index` takes (1 when left out); rows take what their content needs. */
	heightOf?: (index: number) => number;
	focused: boolean;
	renderRow: (value: T, selected: boolean, focused: boolean) => React.ReactNode;
}

/**
 * The window of rows around the selection, each behind a one-column mark
 * (▌ on the selected row). The selection lives in inkshelf's state (one
 * keymap drives every screen), so the list only draws. Drawn here rather
 * than by ink-select-input, whose row and mark components are new functions
 * on every render when they close over the row's value: React then made
 * every row of the window anew on each key (its Ink nodes and their layout),
 * where now a row keeps its nodes and only its text changes.
 */
export function WindowedSelect<T>({count, rowAt, selected, visible, heightOf = oneLine, focused, renderRow}: Props<T>): React.ReactElement {
	const theme = useTheme();
	// When the list overflows, one line goes to the "↑↓ 3/40" position line.
	const {start, end} = listWindow(count, selected, visible, heightOf);
	const more = {above: start > 0, below: end < count};
	const rows: React.ReactElement[] = [];
	for (let i = start; i < end; i++) {
		const row = rowAt(i);
		const isSelected = i === selected;
		rows.push(
			<Box key={row.key}>
				<Mark selected={isSelected} focused={focused} />
				{renderRow(row.value, isSelected, focused)}
			</Box>,
		);
	}
	return (
		<Box flexDirection="column">
			<Box flexDirection="column">{rows}</Box>
			{(more.above || more.below) && (
				<Text {...theme.muted}>{` ${more.above ? '↑' : ' '}${more.below ? '↓' : ' '} ${selected + 1}/${count}`}</Text>
			)}
		</Box>
	);
}

/** The column left of a row: ▌ on the selected row (│ when the list is not focused). */
const Mark = React.memo(function Mark({selected, focused}: {selected: boolean; focused: boolean}): React.ReactElement {
	const theme = useTheme();
	return <Text {...theme.accent}>{selected ? (focused ? '▌' : '│') : ' '}</Text>;
});

function oneLine(): number {
	return 1;
}
