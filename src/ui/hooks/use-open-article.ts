import {useEffect, useState} from 'react';
import type {Article} from '../../core/shelf/types.js';

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
 * `version` changes (the file changed, or `r`). While it is being read the
 * previous text stays on screen, so a reload does not flash. Without `read`
 * (tests) the listed article already carries its body.
 */
export function useOpenArticle(entry: Article | null | undefined, read: ((a: Article) => Promise<Article>) | undefined, version: number): OpenArticle {
	const [state, setState] = useState<{slug: string; article: Article | null; problem: string | null; loads: number} | null>(null);
	const slug = entry?.slug;
	useEffect(() => {
		if (!entry || !read) return;
		let live = true;
		void read(entry).then(article => {
			if (!live) return;
			setState(prev => {
				const same = prev?.slug === entry.slug;
				if (article.error !== undefined && same && prev.article) return {...prev, problem: article.error};
				return {slug: entry.slug, article, problem: article.error ?? null, loads: same ? prev.loads + 1 : 1};
			});
		}, () => {});
		return () => {
			live = false;
		};
	}, [slug, version]); // eslint-disable-line react-hooks/exhaustive-deps -- read again on a new article or a new version only
	if (!entry) return {article: null, problem: null, loads: 0};
	if (!read) return {article: entry, problem: null, loads: 1};
	if (!state || state.slug !== entry.slug) return {article: null, problem: null, loads: 0};
	return {article: state.article, problem: state.problem, loads: state.loads};
}
