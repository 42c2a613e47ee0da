/** Search: the shelf's full-text index, library search rows, find in an article. */
export {createSearchIndex, findInText, fuzzyFilter, ShelfSearch, type SearchHit, type TextHit, type TextIndex} from './shelf-search.js';
export {META_BOOST, META_FIELDS, metaFieldsOf, searchOptions, type MetaHit, type MetaIndex} from './meta.js';
export {searchRows, warmRowSteps, type SearchRow} from './rows.js';
export {indexTokens, plainLines} from './text.js';
