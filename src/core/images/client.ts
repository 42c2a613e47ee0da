/**
 * The UI thread's side of preparing images: one worker thread
 * (image-worker.js), started on the first image, one job at a time, each
 * with a time limit (a file too slow to decode is reported, the worker
 * replaced). The UI never waits: it gets a promise.
 */
import type {Worker} from 'node:worker_threads';
import {bundledFile} from '../bundled-file.js';
import {startWorker} from '../young-generation.js';
import type {ImageFormat} from './header.js';
import type {Prepared} from './prepare.js';

export interface ImageJob {
	id: number;
	path: string;
	format: ImageFormat;
	/** The image's size in pixels (from its header). */
	size: {width: number; height: number};
	/** The most pixels its box of cells can show (a JPEG is shrunk to it). */
	most: {width: number; height: number};
}

export type ImageResult = ({id: number; ok: true} & Prepared) | {id: number; ok: false; reason: string};

const LIMIT_MS = 10_000;

export class ImagePreparer {
	private worker: Worker | null = null;
	private queue: {job: ImageJob; resolve: (r: ImageResult) => void}[] = [];
	private active: {job: ImageJob; resolve: (r: ImageResult) => void; timer: NodeJS.Timeout} | null = null;

	constructor(private readonly limitMs = LIMIT_MS) {}

	prepare(job: ImageJob): Promise<ImageResult> {
		return new Promise(resolve => {
			this.queue.push({job, resolve});
			this.pump();
		});
	}

	close(): void {
		void this.worker?.terminate();
		this.worker = null;
		if (this.active) clearTimeout(this.active.timer);
	}

	private ensureWorker(): Worker {
		if (this.worker) return this.worker;
		const worker = startWorker(bundledFile('image-worker.js'), {resourceLimits: {maxOldGenerationSizeMb: 512}});
		worker.unref();
		worker.on('message', (r: ImageResult) => this.settle(worker, r));
		worker.on('error', (e: Error) => this.fail(worker, `cannot be decoded (${e.message.split('\n')[0]?.slice(0, 80)})`));
		worker.on('exit', () => this.fail(worker, 'the image worker stopped'));
		this.worker = worker;
		return worker;
	}

	private pump(): void {
		if (this.active) return;
		const next = this.queue.shift();
		if (!next) return;
		const worker = this.ensureWorker();
		const timer = setTimeout(() => {
			this.worker = null;
			void worker.terminate();
			this.finish({id: next.job.id, ok: false, reason: `took longer than ${this.limitMs / 1000} s to prepare`});
		}, this.limitMs);
		this.active = {...next, timer};
		worker.ref();
		worker.postMessage(next.job);
	}

	private settle(worker: Worker, r: ImageResult): void {
		if (worker !== this.worker || !this.active || this.active.job.id !== r.id) return;
		this.finish(r);
	}

	private fail(worker: Worker, reason: string): void {
		if (worker !== this.worker) return;
		this.worker = null;
		if (this.active) this.finish({id: this.active.job.id, ok: false, reason});
	}

	private finish(r: ImageResult): void {
		const active = this.active;
		if (!active) return;
		clearTimeout(active.timer);
		this.active = null;
		this.worker?.unref();
		active.resolve(r);
		this.pump();
	}
}
