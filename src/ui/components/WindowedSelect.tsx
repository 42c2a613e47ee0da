import React from 'react';
import SelectInput from 'ink-select-input';
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
 * ink-select-input draws the rows; the selection lives in inkshelf's state
 * (one keymap drives every screen), so the list is handed the window around
 * the selection and remounted at the new index when it moves. Windowing here
 * also avoids ink-select-input's rotating `limit`, which wraps the end of a
 * list around to its top.
 */
export function WindowedSelect<T>({count, rowAt, selected, visible, heightOf = oneLine, focused, renderRow}: Props<T>): React.ReactElement {
	const theme = useTheme();
	// When the list overflows, one line goes to the "↑↓ 3/40" position line.
	const {start, end} = listWindow(count, selected, visible, heightOf);
	const window = Array.from({length: end - start}, (_, i) => rowAt(start + i));
	const items = window.map(r => ({key: r.key, label: r.key, value: r.key}));
	const byKey = new Map(window.map(r => [r.key, r.value]));
	const more = {above: start > 0, below: end < count};
	return (
		<Box flexDirection="column">
			<SelectInput
				key={`${start}:${selected}`}
				items={items}
				initialIndex={selected - start}
				isFocused={false}
				indicatorComponent={({isSelected}) => <Text {...theme.accent}>{isSelected ? (focused ? '▌' : '│') : ' '}</Text>}
				itemComponent={({label, isSelected}) => <>{renderRow(byKey.get(label) as T, isSelected ?? false, focused)}</>}
			/>
			{(more.above || more.below) && (
				<Text {...theme.muted}>{` ${more.above ? '↑' : ' '}${more.below ? '↓' : ' '} ${selected + 1}/${count}`}</Text>
			)}
		</Box>
	);
}

function oneLine(): number {
	return 1;
}
