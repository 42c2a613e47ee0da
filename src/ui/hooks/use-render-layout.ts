import {useEffect, useMemo, useRef} from 'react';
import {pasteWarnings} from '../../core/clipboard/index.js';
import {visibleWidth, type RenderJob, type RenderSnapshot} from '../../core/render/index.js';
import type {Action, ReaderLayout} from '../../core/state/index.js';

/**
 * While a render is in flight, the reducer hears of new chunks at most this often. Each layout
 * is a frame Ink draws in full, on the thread that reads keys; a key pressed meanwhile still
 * shows every line that has arrived (the screen slices the job's lines as they are).
 */
export const LAYOUT_EVERY_MS = 250;

type Layout = Omit<ReaderLayout, 'signature' | 'viewHeight'>;

/**
 * Tells the reducer what the render worker has sent so far: chunks at once until a screenful
 * has arrived, then at most every LAYOUT_EVERY_MS, and the end at once. The layout's lists are built by appending
 * what is new, so the work per chunk is proportional to the chunk. Returns the snapshot the
 * screen slices.
 */
export function useRenderLayout(job: RenderJob, name: string, viewHeight: number, known: string, dispatch: (a: Action) => void): RenderSnapshot {
	const sent = useRef('');
	// One per job: it keeps what it has built and adds only what each chunk brought.
	const builder = useMemo(() => new LayoutBuilder(job), [job]);
	const signature = `${name}|${job.id}|${viewHeight}`;
	useEffect(() => {
		let last = 0;
		let told = 0;
		let timer: NodeJS.Timeout | null = null;
		const tell = (): void => {
			if (timer) clearTimeout(timer);
			timer = null;
			last = performance.now();
			told = job.snapshot.lines.length;
			const version = `${signature}.${job.snapshot.version}`;
			sent.current = version;
			dispatch({type: 'layout', layout: {...builder.update(), signature: version, viewHeight}});
		};
		const onChunk = (): void => {
			const wait = LAYOUT_EVERY_MS - (performance.now() - last);
			// Until a screenful has been told, each chunk shows at once: it is what the person waits for.
			if (job.snapshot.done || wait <= 0 || told < viewHeight) tell();
			else timer ??= setTimeout(tell, wait);
		};
		tell();
		const unsubscribe = job.subscribe(onChunk);
		return () => {
			unsubscribe();
			if (timer) clearTimeout(timer);
		};
	}, [job, builder, signature, viewHeight, dispatch]);
	// The reducer may have dropped it meanwhile (the article opened again at a remembered place).
	useEffect(() => {
		if (sent.current !== '' && known !== sent.current) {
			sent.current = `${signature}.${job.snapshot.version}`;
			dispatch({type: 'layout', layout: {...builder.update(), signature: sent.current, viewHeight}});
		}
	});
	return job.snapshot;
}

/**
 * The reducer's view of one job, kept up to date by appending: code blocks (with their paste
 * warnings, worked out once each), links and headings only ever grow, and a block is looked at
 * again only until its lines are known.
 */
class LayoutBuilder {
	private readonly blocks: Layout['blocks'] = [];
	private readonly links: Layout['links'] = [];
	private readonly headings: Layout['headings'] = [];
	/** Blocks before this one have their lines. */
	private unplaced = 0;
	/** The snapshot's own list: the plain-text fallback puts a new one in its place. */
	private source: unknown = null;

	constructor(private readonly job: RenderJob) {}

	update(): Layout {
		const v = this.job.snapshot;
		// The plain-text fallback replaces everything: start again.
		if (v.blocks !== this.source) this.reset();
		this.source = v.blocks;
		for (let i = this.unplaced; i < v.blocks.length; i++) {
			const b = v.blocks[i];
			if (!b) continue;
			const had = this.blocks[i];
			if (!had || had.startLine !== b.startLine || had.endLine !== b.endLine) {
				this.blocks[i] = {startLine: b.startLine, endLine: b.endLine, unsafe: pasteWarnings(b), source: b.source, lang: b.lang};
			}
		}
		while (this.unplaced < this.blocks.length && (this.blocks[this.unplaced]?.endLine ?? -1) >= 0) this.unplaced++;
		for (let i = this.links.length; i < v.links.length; i++) {
			const l = v.links[i];
			if (l) this.links.push({line: l.line, column: l.column, href: l.href, width: visibleWidth(l.text), ...(l.kind === 'image' ? {image: true} : {})});
		}
		for (let i = this.headings.length; i < v.headings.length; i++) {
			const h = v.headings[i];
			if (h) this.headings.push({line: h.line, depth: h.depth, text: h.text});
		}
		// Copies of the lists (a few thousand references at most): an older state keeps what it saw.
		return {lineCount: v.lines.length, complete: v.done, blocks: this.blocks.slice(), links: this.links.slice(), headings: this.headings.slice()};
	}

	private reset(): void {
		this.blocks.length = 0;
		this.links.length = 0;
		this.headings.length = 0;
		this.unplaced = 0;
	}
}
