import {useEffect} from 'react';
import type {MouseEvent} from '../../core/mouse.js';
import type {Action, MouseScreen} from '../../core/state/index.js';

/** The terminal's side of the mouse: reports arrive here, and reporting is switched on and off here. */
export interface MouseInput {
	/** Calls `listener` with every mouse report; returns the unsubscribe. */
	subscribe(listener: (event: MouseEvent) => void): () => void;
	/** Asks the terminal to report the mouse, or to stop (and give its own selection back). */
	setReporting(on: boolean): void;
}

/** Mouse reports become actions, with the screen they were made on; reporting follows `state.mouse`. */
export function useMouse(input: MouseInput | null, on: boolean, screen: MouseScreen, dispatch: (a: Action) => void): void {
	const {columns, rows, maxTextWidth} = screen;
	useEffect(() => input?.subscribe(event => dispatch({type: 'mouse', event, screen: {columns, rows, ...(maxTextWidth ? {maxTextWidth} : {})}})), [input, dispatch, columns, rows, maxTextWidth]);
	useEffect(() => {
		input?.setReporting(on);
	}, [input, on]);
}
