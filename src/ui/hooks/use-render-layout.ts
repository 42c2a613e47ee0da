import {useCallback, useEffect} from 'react';
import {pasteWarnings} from '../../core/clipboard/index.js';
import {visibleWidth, type RenderJob, type RenderSnapshot} from '../../core/render/index.js';
import type {Action, ReaderLayout} from '../../core/state/index.js';

/**
 * Tells the reducer what the render worker has sent so far, in the same
 * update that draws it: each chunk becomes a 'layout' action as it arrives,
 * so a key pressed right after a frame never meets an older layout than the
 * one on screen. Returns the snapshot the screen slices.
 */
export function useRenderLayout(job: RenderJob, name: string, viewHeight: number, known: string, dispatch: (a: Action) => void): RenderSnapshot {
	const layoutOf = useCallback((): ReaderLayout => {
		const v = job.snapshot;
		return {
			signature: signatureOf(job, name, viewHeight), lineCount: v.lines.length, viewHeight, complete: v.done,
			blocks: v.blocks.map(b => ({startLine: b.startLine, endLine: b.endLine, unsafe: pasteWarnings(b), source: b.source, lang: b.lang})),
			links: v.links.map(l => ({line: l.line, column: l.column, href: l.href, width: visibleWidth(l.text), ...(l.kind === 'image' ? {image: true} : {})})),
			headings: v.headings.map(h => ({line: h.line, depth: h.depth, text: h.text})),
		};
	}, [job, name, viewHeight]);
	useEffect(() => {
		dispatch({type: 'layout', layout: layoutOf()});
		return job.subscribe(() => dispatch({type: 'layout', layout: layoutOf()}));
	}, [job, layoutOf, dispatch]);
	// The reducer may have dropped it meanwhile (the article opened again at a remembered place).
	useEffect(() => {
		if (known !== signatureOf(job, name, viewHeight)) dispatch({type: 'layout', layout: layoutOf()});
	});
	return job.snapshot;
}

/** Names what a layout was measured from, so it is told again only when something changed. */
function signatureOf(job: RenderJob, name: string, viewHeight: number): string {
	return `${name}|${job.id}.${job.snapshot.version}|${viewHeight}`;
}
