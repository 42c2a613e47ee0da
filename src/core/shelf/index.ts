/** The shelf: loading a folder of markdown, front matter, grouping, links between articles, checks. */
export {NONE, type Article, type Problem, type Shelf, type Skipped} from './types.js';
export {articleFromText, articleReader, finishShelf, loadShelf, loadArticleFile, scanShelf, shelfRoot, type LoadOptions, type ScanOptions, type ShelfFile, type ShelfScan} from './loader.js';
export {loadInBackground, tooLargeBehindAFile, type BackgroundLoad} from './load-in-background.js';
export {inSlices, scanInBackground} from './scan-in-background.js';
export {readForIndex, readShared, startReadHelper, type ReadForIndex, type ReadHelper} from './read-shared.js';
export {fileOf, statLater, UNSTATTED} from './walk.js';
export {UNCATEGORIZED} from './frontmatter.js';
export {buildIndex, compareArticles, rememberIndex, findArticle, suggest, type Group, type ShelfIndex} from './catalog.js';
export {libraryGroups, withRecent} from './groups.js';
export {anchorLine, githubSlug, headingText, resolveLink, slugger, type LinkTarget, type Slugger} from './links.js';
export {backlinkIndex, footerMarkdown, linkTargets, relatedArticles} from './related.js';
export {checkShelf, checkShelfFromDisk, type CheckResult} from './check.js';
export {categoriesOf, facetKey, facets, hasFacet, isUncategorized, valuesOf, type Facet, type FacetKind} from './facets.js';
export {GitSourceError, isGitSpec, parseGitSpec, type GitSource} from './git-source.js';
export {resolveShelfLink, shelfNames, type ShelfNames} from './shelf-links.js';
export {mergeShelves, shelfNames as shelfFolderNames} from './merge.js';
export {readBodyHead} from './body-head.js';
export {articleMeta, authorsLabel, type MetaOptions} from './meta-line.js';
