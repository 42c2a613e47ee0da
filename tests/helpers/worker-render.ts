/**
 * Renders through the real render worker (dist/render-worker.js, built by the
 * global setup), as the app and the CLI do: the suites that check every
 * rendered line go through the same path a user's article does.
 */
import {afterAll} from 'vitest';
import {RenderService, type RenderSnapshot} from '../../src/core/render/client.js';
import type {ColorLevel} from '../../src/core/render/protocol.js';
import type {DialectOptions} from '../../src/core/render/dialects/state.js';

let service: RenderService | null = null;

export function workerService(): RenderService {
	if (!service) {
		service = new RenderService();
		afterAll(() => {
			service?.close();
			service = null;
		});
	}
	return service;
}

export function renderInWorker(body: string, width: number, level: ColorLevel = 0, dialect: DialectOptions = {}): Promise<RenderSnapshot> {
	return workerService().render({body, width, level, dialect}, false).finished;
}
