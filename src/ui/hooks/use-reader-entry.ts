import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {sectionPlace} from '../../core/render/index.js';
import type {Action, AppState} from '../../core/state/index.js';
import type {Article} from '../../core/shelf/index.js';

/** The open article's list entry; when its file is deleted while it is open, the last one known stays (and `gone` says so). */
export function useReaderEntry(all: Article[], slug: string | undefined): {entry: Article | undefined; gone: boolean} {
	const [last, setLast] = useState<Article | undefined>(undefined);
	const found = useMemo(() => (slug === undefined ? undefined : all.find(a => a.slug === slug)), [all, slug]);
	if (found && found !== last) setLast(found);
	if (found || slug === undefined || last?.slug !== slug) return {entry: found, gone: false};
	return {entry: last, gone: true};
}

/**
 * Called just before a reloaded article shows: the reader returns to the
 * same place by section and fraction (lines move when the text changes) and
 * says "reloaded".
 */
export function useReloadedPlace(state: AppState, dispatch: (a: Action) => void): (article: Article) => void {
	const latest = useRef(state);
	useEffect(() => {
		latest.current = state;
	});
	return useCallback((article: Article) => {
		const r = latest.current.reader;
		if (!r || r.slug !== article.slug) return;
		dispatch({type: 'open', slug: r.slug, place: {section: sectionPlace(r.layout.headings, r.top, r.layout.lineCount)}});
		dispatch({type: 'status', status: {text: 'Reloaded: the file changed', kind: 'info'}});
	}, [dispatch]);
}

