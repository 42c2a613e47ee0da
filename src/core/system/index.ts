/** Side effects on the machine: running programs, opening links, the state file, crash logs, paths. */
export {detectWSL, makeRun, makeWhich, type Env, type RunResult, type RunTool} from './processes.js';
export {errorCode} from './errors.js';
export {stateDir} from './paths.js';
export {openExternal, openerFor, type OpenResult} from './opener.js';
export {PlaceStore, type Place, type PlaceStoreOptions} from './place-store.js';
export {reportCrash} from './crash-log.js';
export {GitShelfError, gitCacheRoot, openGitShelf, type GitShelf, type GitShelfOptions} from './git-shelf.js';
export {queryBackground} from './terminal-background.js';
export {type TerminalIo} from './terminal-query.js';
export {editorInvocation, runEditor, type EditorInvocation, type EditorResult} from './editor.js';
export {imageTarget, openImage, type ImageTarget} from './image-opener.js';
export {mouseFilteredStdin, separateMouse, type FilteredStdin} from './mouse-stdin.js';
export {graphicsRefusal, queryGraphics} from './terminal-graphics.js';
