/**
 * The heavy face of render/: marked, marked-terminal and highlight.js. Import
 * it only with `await import()` or from a module loaded that way (see
 * index.ts): a static import from start-up code puts it in the first frame.
 */
export {renderedArticle} from './cache.js';
export {ArticleRenderer, renderArticle, type CodeBlock, type Heading, type RenderedLink, type RenderResult} from './article.js';
export {codeBlocksOf, dialectOptionsFor, parseArticle, type ParseOptions, type ParsedArticle} from './parse.js';
