import {useEffect, useEffectEvent, useState} from 'react';
import type {Article} from '../../core/shelf/index.js';

export interface OpenArticle {
	/** The article with its body, or null while it is first being read. */
	article: Article | null;
	/** Why the file could not be read again (deleted, broken): what is on screen stays. */
	problem: string | null;
	/** Which read this is: it goes up by one for each reload that succeeds. */
	loads: number;
}

/**
 * The open article with its body. The library lists articles without their
 * text; the text is read from disk when an article opens, and again whenever
 * the listed entry changes (its file changed) or `version` does (`r`, after
 * the editor): `onReload` is told before the new text shows. While it is being read the
 * previous text stays on screen, so a reload does not flash. Without `read`
 * (tests) the listed article already carries its body.
 */
export function useOpenArticle(entry: Article | null | undefined, read: ((a: Article) => Promise<Article>) | undefined, version: number, onReload?: (article: Article) => void): OpenArticle {
	const [state, setState] = useState<{slug: string; article: Article | null; problem: string | null; loads: number} | null>(null);
	const arrived = useEffectEvent((article: Article) => {
		const same = state?.slug === article.slug && state.article !== null;
		if (article.error !== undefined && same) {
			setState({...state, problem: article.error});
			return;
		}
		if (same) onReload?.(article);
		setState({slug: article.slug, article, problem: article.error ?? null, loads: same ? state.loads + 1 : 1});
	});
	useEffect(() => {
		if (!entry || !read) return;
		let live = true;
		void read(entry).then(article => {
			if (live) arrived(article);
		}, () => {});
		return () => {
			live = false;
		};
	}, [entry, version]); // eslint-disable-line react-hooks/exhaustive-deps -- read again when the listed article changed (its file did) or on a new version
	if (!entry) return {article: null, problem: null, loads: 0};
	if (!read) return {article: entry, problem: null, loads: 1};
	if (!state || state.slug !== entry.slug) return {article: null, problem: null, loads: 0};
	return {article: state.article, problem: state.problem, loads: state.loads};
}
