/**
 * The image worker (dist/image-worker.js): reads an image file and makes the
 * escapes that send it to the terminal (a JPEG is decoded here), so neither
 * a large file nor a slow decode ever holds up a key. One job at a time; the
 * client ends this thread when a job takes too long.
 */
import {readFileSync} from 'node:fs';
import {parentPort} from 'node:worker_threads';
import {prepareKitty} from './prepare.js';
import {MAX_IMAGE_BYTES, formatSize} from './header.js';
import type {ImageJob, ImageResult} from './client.js';

const port = parentPort;
if (!port) throw new Error('image-worker.js runs as a worker thread');

port.on('message', (job: ImageJob) => {
	let result: ImageResult;
	try {
		const bytes = readFileSync(job.path);
		if (bytes.length > MAX_IMAGE_BYTES) throw new Error(`${formatSize(bytes.length)}, over the ${formatSize(MAX_IMAGE_BYTES)} limit`);
		result = {id: job.id, ok: true, ...prepareKitty(job.id, bytes, job.format, job.size, job.most)};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		result = {id: job.id, ok: false, reason: code ? `cannot be read (${code})` : `cannot be decoded (${error instanceof Error ? error.message.slice(0, 80) : 'unknown error'})`};
	}
	port.postMessage(result);
});
