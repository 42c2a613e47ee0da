import {useEffect, useRef} from 'react';
import {prepareForPaste} from '../../core/clipboard/index.js';
import {resolveShelfLink, shelfNames, type Article} from '../../core/shelf/index.js';
import {openImage} from '../../core/system/index.js';
import type {Action, AppState} from '../../core/state/index.js';
import type {AppProps} from '../App.js';

/** Copying is a side effect the reducer asks for; its outcome comes back as a status. */
export function useCopy(state: AppState, dispatch: (a: Action) => void, article: Article | null | undefined, copy: AppProps['copy']): void {
	const request = state.copyRequest;
	useEffect(() => {
		if (!request || !article) return;
		let text: string;
		let what: string;
		if (request.kind === 'text') {
			({text, what} = request);
		} else {
			const block = state.reader?.layout.blocks[request.block];
			if (!block) return;
			text = prepareForPaste(block.source).text;
			const lines = text === '' ? 0 : text.split('\n').length;
			what = `block ${request.block + 1} (${lines} line${lines === 1 ? '' : 's'})`;
		}
		let live = true;
		copy(text).then(result => {
			if (!live) return;
			dispatch({type: 'status', status: result.ok
				? {text: `✓ Copied ${what} via ${result.routes.join(' + ')}`, kind: 'success'}
				: {text: `Could not copy ${what}: ${result.message}`, kind: 'error'}});
		}, (error: unknown) => {
			if (live) dispatch({type: 'status', status: {text: `Could not copy: ${String(error)}`, kind: 'error'}});
		});
		return () => {
			live = false;
		};
	}, [request?.nonce]); // eslint-disable-line react-hooks/exhaustive-deps -- one copy per request
}

/** Following a link: another article of the shelf opens here; a web link opens in the browser, or is copied; an image opens in the system's viewer. */
export function useFollowLink(state: AppState, dispatch: (a: Action) => void, all: Article[], openUrl: AppProps['openUrl'], copy: AppProps['copy']): void {
	const request = state.linkRequest;
	// Made when a link is first followed, not with the library's first frame (50 ms at 20,000 articles).
	const names = useRef<{all: Article[]; names: ReturnType<typeof shelfNames>} | null>(null);
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
		if (names.current?.all !== all) names.current = {all, names: shelfNames(all)};
		const target = resolveShelfLink(r.slug, link.href, names.current.names);
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
