/**
 * The render worker's entry (dist/render-worker.js): it turns on Node's
 * compile cache before the renderer (marked, highlight.js: a megabyte of
 * JavaScript) is loaded, so a second start of the app does not parse it again.
 */
import {enableCompileCache} from '../../compile-cache.js';

enableCompileCache();
await import('./worker.js');
