/**
 * The render worker (started from worker-entry.ts, dist/render-worker.js): markdown is lexed,
 * rendered and highlighted here, never on the thread that reads keys. One job
 * at a time, in slices, with a chunk posted after the first slice (the first
 * screen) and then every few dozen milliseconds; between slices the port is
 * read, so a cancel or a newer job is seen quickly. The UI's watchdog ends
 * this thread when one slice runs away (see client.ts).
 */
import {parentPort} from 'node:worker_threads';
import {setPriority} from 'node:os';
import {ArticleRenderer} from './article.js';
import {parseArticle} from './parse.js';
import {limitNesting} from './depth.js';
import {makeStyles} from './styles.js';
import type {FromWorker, RenderChunk, RenderSpec, ToWorker} from './protocol.js';
import type {RenderedImage} from './types.js';
import {sleepSync} from '../sleep-sync.js';

const SLICE_MS = 8;
const CHUNK_EVERY_MS = 40;
/**
 * The first chunk waits for a few screens of lines (or this long): a key pressed as soon as the
 * first screen shows (Space, j) then has somewhere to go instead of meeting the end of what arrived.
 */
const FIRST_CHUNK_LINES = 200;
const FIRST_CHUNK_MS = 250;
/** Test hook: each slice is one block and then waits this long, so a test can hold a render in flight. */
const SLOW_MS = Number(process.env['INKSHELF_TEST_SLOW_RENDER_MS'] ?? 0) || 0;

interface Job {
	id: number;
	blocksOnly: boolean;
	maxLines: number;
	renderer: ArticleRenderer;
	flattened: number;
	sent: {blocks: number; links: number; headings: number; images: number; placed: Set<number>};
	lastChunk: number;
	started: number;
}

const port = parentPort;
if (!port) throw new Error('render-worker.js runs as a worker thread');
// On Linux a thread has its own nice value: rendering yields the CPU to the thread that reads keys
// when both want it (a key pressed while a long article renders). Elsewhere this would lower the
// whole process, so it is left alone there.
if (process.platform === 'linux') {
	try {
		setPriority(10);
	} catch {
		// Not allowed (a sandbox): rendering just competes on equal terms.
	}
}
let job: Job | null = null;
let scheduled = false;

const post = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
	if (message.type === 'cancel') {
		if (job?.id === message.id) job = null;
		return;
	}
	try {
		job = start(message.id, message.spec);
	} catch (error) {
		fail(message.id, error);
		return;
	}
	schedule();
});
post({type: 'ready'});

function start(id: number, spec: RenderSpec): Job {
	const {text, deepest} = limitNesting(spec.body);
	const renderer = new ArticleRenderer(parseArticle(text, {...spec.dialect, footer: spec.footer ?? ''}), spec.width, makeStyles(spec.level, spec.theme), spec.images);
	return {id, blocksOnly: spec.blocksOnly === true, maxLines: spec.maxLines ?? Infinity, renderer, flattened: deepest, sent: {blocks: 0, links: 0, headings: 0, images: 0, placed: new Set()}, lastChunk: 0, started: performance.now()};
}

function schedule(): void {
	if (scheduled) return;
	scheduled = true;
	setImmediate(step);
}

function step(): void {
	scheduled = false;
	const current = job;
	if (!current) return;
	try {
		work(current);
		if (SLOW_MS > 0) sleepSync(SLOW_MS);
	} catch (error) {
		job = null;
		fail(current.id, error);
		return;
	}
	const done = current.blocksOnly ? current.renderer.lexed : current.renderer.done || current.renderer.lineCount >= current.maxLines;
	const now = performance.now();
	const due = current.lastChunk === 0
		? current.renderer.lineCount >= FIRST_CHUNK_LINES || now - current.started >= FIRST_CHUNK_MS
		: now - current.lastChunk >= CHUNK_EVERY_MS;
	if (done || due) post(chunk(current, done));
	if (done) job = null;
	else schedule();
}

function work(j: Job): void {
	// A preview (maxLines) renders its screen and no more: a slice could draw hundreds of lines past it.
	if (!j.blocksOnly && Number.isFinite(j.maxLines)) return j.renderer.ensure(j.maxLines);
	if (!j.blocksOnly) return j.renderer.renderFor(SLOW_MS > 0 ? 0 : SLICE_MS);
	const until = performance.now() + SLICE_MS;
	do j.renderer.lexNext(); while (!j.renderer.lexed && performance.now() < until);
}

function chunk(j: Job, done: boolean): RenderChunk {
	const r = j.renderer;
	const s = j.sent;
	const placed: RenderChunk['placed'] = [];
	for (let i = 0; i < s.blocks; i++) {
		const b = r.blocks[i];
		if (b && b.endLine >= 0 && !s.placed.has(i)) {
			s.placed.add(i);
			placed.push({index: i, startLine: b.startLine, endLine: b.endLine});
		}
	}
	const blocks = r.blocks.slice(s.blocks).map(b => ({...b}));
	blocks.forEach((b, k) => b.endLine >= 0 && s.placed.add(s.blocks + k));
	const out: RenderChunk = {
		type: 'chunk', id: j.id, done, flattened: j.flattened,
		// Posted lines are not kept here: the worker's heap holds the renderer, not a second copy of the article.
		lines: r.takeLines(), blocks, placed,
		links: r.links.slice(s.links), headings: r.headings.slice(s.headings),
		// An image is sent once its lines exist (its label's line was taken).
		images: takeImages(r.images, s),
	};
	s.blocks = r.blocks.length;
	s.links = r.links.length;
	s.headings = r.headings.length;
	j.lastChunk = performance.now();
	return out;
}

function takeImages(images: RenderedImage[], s: Job['sent']): RenderedImage[] {
	let end = s.images;
	while (end < images.length && (images[end]?.line ?? -1) >= 0) end++;
	const out = images.slice(s.images, end);
	s.images = end;
	return out;
}

function fail(id: number, error: unknown): void {
	const deep = error instanceof RangeError && /call stack/i.test(error.message);
	post({type: 'failed', id, reason: deep ? 'too complex to render (nested too deep)' : `the renderer failed (${error instanceof Error ? error.message : String(error)})`});
}
