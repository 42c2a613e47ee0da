import {useEffect, useMemo} from 'react';
import {resolveShelfLink, shelfNames} from '../../core/shelf/shelf-links.js';
import {openImage} from '../../core/system/image-opener.js';
import type {Action, AppState} from '../../core/state/reducer.js';
import type {Article} from '../../core/shelf/types.js';
import type {AppProps} from '../App.js';

/** Following a link: another article of the shelf opens here; a web link opens in the browser, or is copied. */
export function useFollowLink(state: AppState, dispatch: (a: Action) => void, all: Article[], openUrl: AppProps['openUrl'], copy: AppProps['copy']): void {
	const request = state.linkRequest;
	const names = useMemo(() => shelfNames(all), [all]);
	useEffect(() => {
		const r = state.reader;
		const link = request && r?.layout.links[request.link];
		if (!r || !link) return;
		if (link.image) {
			let live = true;
			void openImage(all.find(a => a.slug === r.slug)?.path ?? '', link.href, openUrl).then(o => live && dispatch({type: 'status', status: {text: o.text, kind: o.ok ? 'success' : 'warning'}}));
			return () => {
				live = false;
			};
		}
		const target = resolveShelfLink(r.slug, link.href, names);
		switch (target.kind) {
			case 'article':
				dispatch({type: 'open', slug: target.slug, anchor: target.anchor, fromLink: true});
				return;
			case 'anchor':
				dispatch({type: 'open', slug: r.slug, anchor: target.anchor, fromLink: true});
				return;
			case 'missing':
				dispatch({type: 'status', status: {text: `Not on this shelf: ${target.target}`, kind: 'warning'}});
				return;
			case 'inert':
				dispatch({type: 'status', status: {text: `Not followed: ${target.href} is not a web or mail link`, kind: 'warning'}});
				return;
			case 'external': {
				let live = true;
				const fallback = (why: string): void => {
					void copy(target.url).then(c => live && dispatch({type: 'status', status: c.ok
						? {text: `${why}; copied the URL instead`, kind: 'info'}
						: {text: `${why}, and could not copy it: ${target.url}`, kind: 'warning'}}));
				};
				if (!openUrl) fallback('No browser to open it');
				else void openUrl(target.url).then(o => (o.ok ? live && dispatch({type: 'status', status: {text: `Opened ${target.url} with ${o.how}`, kind: 'success'}}) : fallback(`Not opened: ${o.how}`)));
				return () => {
					live = false;
				};
			}
		}
	}, [request?.nonce]); // eslint-disable-line react-hooks/exhaustive-deps -- one follow per request
}
