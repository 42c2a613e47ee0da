/** The app as data: one reducer (keys in, state out), the keymap, and the hint lines made from it. */
export {initialState, reduce, currentArticles, filtered, scopeOf, selectedArticle} from './reducer.js';
export type * from './types.js';
export {currentSection} from './reader.js';
export {KEYMAP, bindingsByScope, commandFor, hintLine, keyFor, keyLabel, keysLabel, keyTableMarkdown, splitKeys, typedCharacter, type Binding, type Command, type KeyEvent, type KeySpec, type Scope} from './keymap.js';
export {HINTS, linkTarget} from './hints.js';
export {listWindow} from './list-window.js';
export {LIBRARY_LIST_TOP, MAX_TEXT_WIDTH, PREVIEW_MIN_COLUMNS, articleRowHeight, articleRowLines, libraryLayout, readerGeometry, type LibraryLayout} from './geometry.js';
export type {MouseScreen} from './mouse-action.js';
