/** The entry of dist/shelf-read-worker.js: the worker that shares a first start's reading (core/shelf/read-shared.ts). */
import {enableCompileCache} from './compile-cache.js';

enableCompileCache();
await import('./core/shelf/read-worker.js');
