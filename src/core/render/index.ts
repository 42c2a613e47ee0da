/**
 * Markdown to terminal lines: the LIGHT public face. Colours, widths, line
 * fitting and what the reader draws over a visible line load with the app.
 *
 * The renderer itself (marked, marked-terminal, highlight.js: most of the
 * bundle) is the other face, `engine.ts`. It is never re-exported here, so
 * the library's first frame does not load it: it is reached only through a
 * dynamic `import()` or from a module that is itself loaded that way (the
 * reader screen). eslint.config.js enforces both.
 */
export {colorLevelFor, makeStyles, type Styles} from './styles.js';
export {clip, expandTabs, fitLine, sliceAnsi, stringWidth, stripAnsi, wrapStyled} from './fit.js';
export {NARROW, visibleWidth} from './wrap.js';
export {bodyToRead} from './title-heading.js';
export {coverMarkdown} from './images.js';
export {SAFE_TARGET, byLine, highlight, hyperlink, type LineLink, type Mark} from './decorate.js';
export {dialectOptionsFor} from './dialect-options.js';
export {prepareDialects, type DialectOptions, type DialectRef} from './dialects/prepare.js';
export {parseShelfHref} from './dialects/syntax.js';
export {fileLineAt, placeLine, sectionPlace, type SectionPlace} from './place.js';
// Types only (erased from the bundle): the render worker's client itself is in engine.ts.
export type {RenderJob, RenderSnapshot} from './client.js';
export type {RenderedImage} from './types.js';
export type {InlineImageOptions} from './protocol.js';
