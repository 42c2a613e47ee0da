/**
 * One article's render as the UI thread sees it: a snapshot that grows as
 * the worker's chunks arrive, or is replaced by the plain-text fallback.
 */
import {plainRender} from './plain.js';
import {makeStyles} from './styles.js';
import type {CodeBlock, Heading, RenderedImage, RenderedLink} from './types.js';
import type {RenderChunk, RenderSpec} from './protocol.js';

/** Everything a screen needs of a rendered article; arrays grow while `done` is false. */
export interface RenderSnapshot {
	lines: string[];
	blocks: CodeBlock[];
	links: RenderedLink[];
	headings: Heading[];
	/** Images drawn in the terminal (only when the spec asked for them). */
	images: RenderedImage[];
	done: boolean;
	/** Set when the article is shown as plain text: why, in a few words ("too complex to render (…)"). */
	notice: string | null;
	/** Bumped on every change, for screens that redraw on it. */
	version: number;
}

export interface RenderJob {
	readonly id: number;
	readonly spec: RenderSpec;
	/** Dropped before it was done (another article was wanted first): it never finishes; render again. */
	readonly cancelled: boolean;
	readonly snapshot: RenderSnapshot;
	/** Called after each change; returns the unsubscriber. */
	subscribe(listener: () => void): () => void;
	/** Resolves once the job is done (rendered or shown as plain text). */
	readonly finished: Promise<RenderSnapshot>;
}

export class Job implements RenderJob {
	readonly snapshot: RenderSnapshot = {lines: [], blocks: [], links: [], headings: [], images: [], done: false, notice: null, version: 0};
	private listeners = new Set<() => void>();
	private resolve!: (s: RenderSnapshot) => void;
	readonly finished = new Promise<RenderSnapshot>(r => (this.resolve = r));
	/** Deepest nesting flattened, reported by the worker (for the notice). */
	flattened = 0;
	/** Dropped before it was done: it will never finish, ask again. */
	cancelled = false;

	constructor(readonly id: number, readonly spec: RenderSpec) {}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	add(c: RenderChunk): void {
		const s = this.snapshot;
		for (const line of c.lines) s.lines.push(line);
		for (const b of c.blocks) s.blocks.push(b);
		for (const p of c.placed) {
			const b = s.blocks[p.index];
			if (b) Object.assign(b, {startLine: p.startLine, endLine: p.endLine});
		}
		for (const l of c.links) s.links.push(l);
		for (const h of c.headings) s.headings.push(h);
		for (const i of c.images) s.images.push(i);
		this.flattened = c.flattened;
		if (c.done) this.finish();
		else this.changed();
	}

	/** The article as plain text: the rendered part so far is replaced. */
	fallBack(reason: string): void {
		if (this.snapshot.done) return;
		const r = plainRender(this.spec.body + (this.spec.footer ?? ''), this.spec.width, makeStyles(this.spec.level, this.spec.theme));
		Object.assign(this.snapshot, {lines: r.lines, blocks: r.blocks, links: r.links, headings: r.headings, images: [], notice: reason});
		this.finish();
	}

	private finish(): void {
		this.snapshot.done = true;
		this.changed();
		this.resolve(this.snapshot);
	}

	private changed(): void {
		this.snapshot.version++;
		for (const l of [...this.listeners]) l();
	}
}
