/**
 * The UI thread's side of rendering: one worker thread (render-worker.js)
 * started with the app, a queue of jobs, and a watchdog. A job whose worker
 * goes quiet for longer than the budget (one block costing seconds), runs
 * out of memory or crashes ends as plain text (plain.ts) with a one-line
 * notice; the worker is replaced and the next job goes on. The UI never
 * waits on a render: it reads a job's snapshot, which grows as chunks arrive.
 */
import type {Worker} from 'node:worker_threads';
import {bundledFile} from '../bundled-file.js';
import {startWorker} from '../young-generation.js';
import {Job, type RenderJob} from './render-job.js';
import type {FromWorker, RenderSpec} from './protocol.js';

export type {RenderJob, RenderSnapshot} from './render-job.js';

export interface RenderServiceOptions {
	/** Milliseconds a worker may spend without progress before the job is shown as plain text. */
	budgetMs?: number;
	/** The worker's heap limit (MiB): an article needing more is shown as plain text. */
	memoryMb?: number;
}

export const DEFAULT_BUDGET_MS = 2000;
const DEFAULT_MEMORY_MB = 768;
const YOUNG_GENERATION_MB = 8;
/** A worker that has not loaded the renderer after this long is not coming. */
const STARTUP_LIMIT_MS = 20_000;
/** Each this many characters of an article add one budget to its total time. */
const TOTAL_BUDGET_BYTES = 64 * 1024;

/** INKSHELF_RENDER_BUDGET_MS sets the budget (tests, slow machines). */
export function budgetFromEnv(env: NodeJS.ProcessEnv = process.env): number {
	const ms = Number(env['INKSHELF_RENDER_BUDGET_MS']);
	return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_BUDGET_MS;
}


export class RenderService {
	private worker: Worker | null = null;
	private queue: Job[] = [];
	private active: Job | null = null;
	private heard = 0;
	/** The worker said it has loaded the renderer: its start-up is not counted against a job. */
	private ready = false;
	/** When the active job started (after the worker's start-up). */
	private started = 0;
	private watchdog: NodeJS.Timeout | null = null;
	private nextId = 1;
	private readonly budgetMs: number;
	private readonly memoryMb: number;

	constructor(options: RenderServiceOptions = {}) {
		this.budgetMs = options.budgetMs ?? budgetFromEnv();
		this.memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB;
	}

	/** Starts the worker ahead of the first job (the app does this at start-up). */
	warmUp(): void {
		this.ensureWorker();
	}

	/** Queues a render; `urgent` puts it first and cancels a job in flight that is not wanted any more. */
	render(spec: RenderSpec, urgent = true): RenderJob {
		const job = new Job(this.nextId++, spec);
		if (urgent) {
			// What the screen wants now goes first; an unfinished job in flight is not wanted any more.
			this.queue.unshift(job);
			if (this.active) this.cancel(this.active);
		} else {
			this.queue.push(job);
		}
		this.pump();
		return job;
	}

	/** Drops a job nobody waits for any more; a job the worker is stuck in ends the worker at once. */
	cancel(job: RenderJob): void {
		const j = job as Job;
		if (j.snapshot.done) return;
		j.cancelled = true;
		this.queue = this.queue.filter(q => q !== j);
		if (this.active !== j) return;
		this.active = null;
		if (performance.now() - this.heard > 250) this.replaceWorker();
		else this.worker?.postMessage({type: 'cancel', id: j.id});
		this.pump();
	}

	/**
	 * Ends the worker: the app is quitting, or the CLI has printed what it needed. Jobs not done
	 * are dropped (nobody waits for them). The worker is let go of before it is ended: a worker
	 * ended while it still loads its modules may take its time to go, and a busy worker is ref'd,
	 * which would hold the process open until it had gone. A later render starts a new worker.
	 */
	close(): void {
		this.stopWatchdog();
		for (const job of [this.active, ...this.queue]) if (job) job.cancelled = true;
		this.active = null;
		this.queue = [];
		this.replaceWorker();
	}

	private ensureWorker(): Worker {
		if (this.worker) return this.worker;
		const worker = startWorker(bundledFile('render-worker.js'), {
			// A small young generation: the worker makes short-lived garbage by the megabyte while it renders,
			// and V8's default nursery for it grew the process's peak memory by about 40 MiB (bench row 5).
			resourceLimits: {maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, stackSizeMb: 4},
			stdout: true, stderr: true,
			// Not with V8's defaults while it loads (young-generation.ts): it starts as the library's first frame is out,
			// when a large shelf's ids are made, and the young generation let grow meanwhile added 10-20 MiB to the peak
			// memory after a search (20,000 articles, Node 22 and 24). A small shelf's flags are the defaults anyway.
		});
		// An idle worker must not keep `inkshelf read` from exiting.
		worker.unref();
		this.ready = false;
		worker.on('message', (m: FromWorker) => this.onMessage(worker, m));
		worker.on('error', (error: Error & {code?: string}) => this.onDeath(worker, error.code === 'ERR_WORKER_OUT_OF_MEMORY'
			? `too large to render (over the ${this.memoryMb} MiB memory limit)` : `the renderer crashed (${error.message.split('\n')[0]})`));
		worker.on('exit', () => this.onDeath(worker, 'the renderer stopped'));
		this.worker = worker;
		return worker;
	}

	private pump(): void {
		if (this.active) return;
		const job = this.queue.shift();
		if (!job) return;
		this.active = job;
		this.heard = this.started = performance.now();
		const worker = this.ensureWorker();
		// Busy, the worker keeps the process alive (`inkshelf read` waits for it); idle, it does not.
		worker.ref();
		worker.postMessage({type: 'render', id: job.id, spec: job.spec});
		this.startWatchdog();
	}

	private onMessage(worker: Worker, m: FromWorker): void {
		if (worker !== this.worker) return;
		// The budget counts the worker's work, not its start-up (loading highlight.js and marked).
		if (m.type === 'ready') {
			this.ready = true;
			this.heard = this.started = performance.now();
			return;
		}
		const job = this.active;
		if (!job || job.id !== m.id) return;
		this.heard = performance.now();
		if (m.type === 'failed') {
			this.settle(job, m.reason);
			return;
		}
		job.add(m);
		if (m.done) this.settle(job, null);
	}

	private onDeath(worker: Worker, reason: string): void {
		if (worker !== this.worker) return;
		this.worker = null;
		const job = this.active;
		if (job) this.settle(job, reason);
	}

	/** A job ended: rendered (reason null) or shown as plain text. The next one starts. */
	private settle(job: Job, reason: string | null): void {
		if (this.active === job) this.active = null;
		this.stopWatchdog();
		if (reason !== null) job.fallBack(job.flattened > 0 && /too complex/.test(reason) ? `${reason.replace(/ \(.*\)$/, '')} (nested ${job.flattened.toLocaleString('en-US')} deep)` : reason);
		this.pump();
		if (!this.active) this.worker?.unref();
	}

	private replaceWorker(): void {
		const old = this.worker;
		this.worker = null;
		// Ended, it must not keep the process alive while it goes (it may still be loading its modules).
		old?.unref();
		void old?.terminate();
	}

	private startWatchdog(): void {
		this.stopWatchdog();
		const tick = Math.min(250, this.budgetMs / 4);
		this.watchdog = setInterval(() => {
			const job = this.active;
			if (!job) return this.stopWatchdog();
			const now = performance.now();
			if (!this.ready) {
				// Loading the renderer is not the article's fault, unless it never ends.
				if (now - this.heard < STARTUP_LIMIT_MS) return;
				this.replaceWorker();
				return this.settle(job, 'the renderer did not start');
			}
			const stuck = now - this.heard >= this.budgetMs;
			// Progress alone is not enough: a long article gets more time, in proportion, but not forever.
			const total = this.budgetMs * Math.max(1, job.spec.body.length / TOTAL_BUDGET_BYTES);
			if (!stuck && now - this.started < total) return;
			this.replaceWorker();
			const seconds = ((stuck ? this.budgetMs : total) / 1000).toLocaleString('en-US', {maximumFractionDigits: 1});
			this.settle(job, `too complex to render (${stuck ? `no progress in ${seconds} s` : `not done in ${seconds} s`})`);
		}, tick);
	}

	private stopWatchdog(): void {
		if (this.watchdog) clearInterval(this.watchdog);
		this.watchdog = null;
	}
}

let shared: RenderService | null = null;

/** The process's one render service (the app's and the CLI's). */
export function renderService(): RenderService {
	shared ??= new RenderService();
	return shared;
}
