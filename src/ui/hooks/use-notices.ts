import {useEffect} from 'react';
import {sanitizeLine} from '../../core/sanitize.js';
import type {Action} from '../../core/state/index.js';

/** What the app is told about its shelf's source: a message now, and one when background work ends. */
export interface Notices {
	now: string | null;
	later: Promise<string | null> | null;
}

export function useNotices(notices: Notices | null, dispatch: (a: Action) => void): void {
	useEffect(() => {
		if (!notices) return;
		if (notices.now) dispatch({type: 'status', status: {text: sanitizeLine(notices.now), kind: 'warning'}});
		let live = true;
		void notices.later?.then(text => {
			if (live && text) dispatch({type: 'status', status: {text: sanitizeLine(text), kind: /^Offline|^Could not/.test(text) ? 'warning' : 'success'}});
		});
		return () => {
			live = false;
		};
	}, [notices, dispatch]);
}
