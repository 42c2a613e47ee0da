/** The persistent shelf index: a cache per shelf (SQLite FTS5), validated by one stat walk, and the folder watcher. */
export {memorySource, openShelfSource, type ShelfSource} from './shelf-source.js';
export type {IndexOptions} from './indexed-shelf.js';
export {cacheFolder, indexFileFor} from './cache-location.js';
export {watchShelf, type Watcher} from './shelf-watcher.js';
