import React from 'react';
import {Box, Text} from 'ink';
import {bindingsByScope, keysLabel} from '../../core/state/index.js';
import {useTheme} from '../theme.js';
import {HINTS} from '../../core/state/index.js';

interface Line {
	key: string;
	heading?: string;
	keys?: string;
	description?: string;
}

/**
 * The help overlay, generated from the keymap, so it never lists a key that
 * does not work. Lines flow into as many columns as the width allows.
 */
export function Help({width, height, top = 0}: {width: number; height: number; top?: number}): React.ReactElement {
	const theme = useTheme();
	const lines: Line[] = bindingsByScope().flatMap(g => [
		{key: g.scope, heading: g.title},
		...g.bindings.map(b => ({key: `${g.scope}-${b.command}`, keys: keysLabel(b), description: b.description})),
	]);
	const room = Math.max(1, height - 2);
	const columns = Math.max(1, Math.min(Math.ceil(lines.length / room), Math.floor(width / 38)));
	const columnWidth = Math.floor(width / columns);
	const keyWidth = Math.min(18, Math.max(...lines.map(l => l.keys?.length ?? 0)) + 3);
	const first = Math.max(0, Math.min(top, lines.length - room * columns));
	const shown = lines.slice(first, first + room * columns);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold inverse>{' inkshelf keys '.padEnd(width).slice(0, width)}</Text>
			<Box height={room}>
				{Array.from({length: columns}, (_, c) => (
					<Box key={c} flexDirection="column" width={columnWidth}>
						{shown.slice(c * room, (c + 1) * room).map(l => l.heading
							? <Text key={l.key} bold {...theme.accent}>{l.heading}</Text>
							: (
								<Text key={l.key} wrap="truncate">
									<Text {...theme.warning}>{` ${l.keys ?? ''}`.padEnd(keyWidth)}</Text>
									{l.description}
								</Text>
							))}
					</Box>
				))}
			</Box>
			<Text {...theme.muted} wrap="truncate">{shown.length < lines.length ? ` lines ${first + 1}-${first + shown.length} of ${lines.length} · ${HINTS.helpScroll} · ${HINTS.helpClose}` : ` ${HINTS.helpClose}`}</Text>
		</Box>
	);
}
