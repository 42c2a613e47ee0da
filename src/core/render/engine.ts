/**
 * The heavy face of render/: the render worker's client. It starts the worker
 * thread (worker-entry.ts) that loads marked, marked-terminal and highlight.js;
 * the UI thread itself never loads them. Import it only with `await import()`
 * or from a module loaded that way (see index.ts): a static import from
 * start-up code puts the client in the first frame.
 */
export {renderedArticle} from './cache.js';
export {renderedPreview} from './preview.js';
export {renderService, type RenderJob, type RenderSnapshot} from './client.js';
export type {CodeBlock, Heading, RenderedLink} from './types.js';
