import type {ReadingLine} from './reading-line.js';
import {memorySource, openShelfSource, type IndexOptions, type ShelfSource} from './core/index/index.js';
import {loadShelf, type LoadOptions} from './core/shelf/index.js';
import {buildIndex, findArticle, suggest} from './core/shelf/index.js';
import {articleMeta, checkShelfFromDisk} from './core/shelf/index.js';
import {sanitize, sanitizeLine} from './core/sanitize.js';
import {countOf, formatCount} from './core/plural.js';
import type {CliArgs} from './cli-args.js';
import type {Article, Shelf} from './core/shelf/index.js';
import {hasFacet, libraryGroups, type Group} from './core/shelf/index.js';
import type {ThemeName} from './core/theme/index.js';
import type {EffectiveConfig} from './core/config/index.js';

export interface Io {
	out: NodeJS.WriteStream | {write(s: string): unknown; isTTY?: boolean; columns?: number};
	err: {write(s: string): unknown; isTTY?: boolean};
	env: NodeJS.ProcessEnv;
	/** Where `inkshelf -` reads its document (process.stdin when left out). */
	stdin?: NodeJS.ReadStream;
}

/** A failure the user can act on: printed as one line, exit status 1 (2 for usage). */
export class CliError extends Error {
	constructor(message: string, readonly exitCode = 1) {
		super(message);
	}
}

/** The library's groups for a shelf (built in core/shelf/groups.ts). */
export function groupsOf(shelf: Shelf): Group[] {
	return libraryGroups(buildIndex(shelf.articles));
}

export interface ListFilter {
	tag?: string | undefined;
	category?: string | undefined;
	author?: string | undefined;
	/** Leave drafts out (`--no-drafts`). */
	noDrafts?: boolean;
}

/** Newest first; each filter matches any of an article's values, ignoring case. */
export function filterArticles(shelf: Shelf, filter: ListFilter): Article[] {
	const {tag, category, author, noDrafts} = filter;
	return buildIndex(shelf.articles).all.filter(a =>
		(tag === undefined || hasFacet(a, 'tag', tag)) &&
		(category === undefined || hasFacet(a, 'category', category)) &&
		(author === undefined || hasFacet(a, 'author', author)) &&
		!(noDrafts && a.draft));
}

/** One `list --json` entry: the fields issue 11 names, plus the reading time and any problems. */
export function listEntry(a: Article): Record<string, unknown> {
	return {
		slug: a.slug, title: a.title, date: a.date, updated: a.updated, categories: a.categories, category: a.category,
		tags: a.tags, authors: a.authors, draft: a.draft, description: a.description, cover: a.cover, path: a.path,
		readingMinutes: a.readingMinutes,
		...(a.aliases.length ? {aliases: a.aliases} : {}),
		...(a.error ? {error: a.error} : {}),
		...(a.problems.length ? {problems: a.problems} : {}),
	};
}

export function listCommand(shelf: Shelf, args: CliArgs, io: Io): number {
	const articles = filterArticles(shelf, args);
	if (args.json) {
		io.out.write(JSON.stringify(articles.map(listEntry), null, 2) + '\n');
		return 0;
	}
	if (articles.length === 0) {
		const filter = [args.tag && `tag "${sanitizeLine(args.tag)}"`, args.category && `category "${sanitizeLine(args.category)}"`, args.author && `author "${sanitizeLine(args.author)}"`].filter(Boolean).join(' and ');
		io.err.write(filter ? `No articles with ${filter}. Try: inkshelf tags, inkshelf categories, inkshelf authors\n` : 'No articles in this folder.\n');
		return 1;
	}
	const slugWidth = Math.min(48, Math.max(...articles.map(a => a.slug.length)));
	for (const a of articles) {
		const by = a.authors.length ? `  by ${a.authors.join(', ')}` : '';
		const tail = a.error ? `BROKEN: ${a.error}` : `${a.draft ? '[draft] ' : ''}${a.title}  [${a.categories.join(', ') || a.category}]${a.tags.length ? ' ' + a.tags.map(t => `#${t}`).join(' ') : ''}${by}`;
		io.out.write(`${(a.date ?? 'undated').padEnd(10)}  ${a.slug.padEnd(slugWidth)}  ${tail}\n`);
	}
	return 0;
}

export function countsCommand(shelf: Shelf, kind: 'tags' | 'categories' | 'authors', io: Io): number {
	const index = buildIndex(shelf.articles);
	for (const g of index[kind]) io.out.write(`${String(g.articles.length).padStart(4)}  ${g.name}\n`);
	return 0;
}

export function articleFor(shelf: Shelf, slug: string): Article {
	const article = findArticle(shelf.articles, slug);
	if (article) return article;
	const near = suggest(shelf.articles.map(a => a.slug), slug);
	const hint = near.length ? ` Did you mean: ${near.join(', ')}?` : '';
	throw new CliError(`No article "${sanitizeLine(slug)}" in ${shelf.root} (${countOf(shelf.articles.length, 'article')}).${hint} See: inkshelf list`);
}

/** The article as its file is now: `read` and `code` never print what an index remembers. */
async function currentArticle(source: ShelfSource, slug: string): Promise<Article> {
	return source.readNow(articleFor(source.shelf, slug));
}

/**
 * The width `read` prints at: `--width`; else the terminal's width, capped by
 * the config's `width`; into a pipe, the config's `width` when the file sets
 * it, else 80.
 */
export function printWidth(config: EffectiveConfig, io: Io): number {
	const {width} = config.settings;
	if (config.origins.width.from === 'flag') return width;
	if (io.out.isTTY && io.out.columns) return Math.min(width, io.out.columns);
	return config.origins.width.from === 'default' ? 80 : width;
}

export async function readCommand(source: ShelfSource, args: CliArgs, io: Io, theme: ThemeName = 'dark'): Promise<number> {
	const {renderService} = await import('./core/render/engine.js');
	const {bodyToRead, colorLevelFor, coverMarkdown, dialectOptionsFor, fitLine, makeStyles} = await import('./core/render/index.js');
	const article = await currentArticle(source, args.args[0] ?? '');
	if (article.error) throw new CliError(`${article.slug} cannot be read: ${article.error}`);
	const width = args.width ?? (io.out.isTTY && io.out.columns ? io.out.columns : 80);
	const styles = makeStyles(colorLevelFor(io.out, io.env), theme);
	const meta = articleMeta(article, {minutes: 'min read', draft: true, tags: true});
	// Rendered in the worker under the same watchdog as the app: a hostile article prints as plain text.
	const service = renderService();
	const {lines, notice} = await service.render({body: coverMarkdown(article.cover) + bodyToRead(article), dialect: dialectOptionsFor(article), width, level: styles.level, theme}).finished;
	service.close();
	if (notice) io.err.write(`inkshelf: ${article.slug}: shown as plain text: ${notice}\n`);
	const header = [...fitLine(styles.h1(article.title), width), ...fitLine(styles.dim(meta), width)];
	io.out.write([...header, '', ...lines].join('\n') + '\n');
	return 0;
}

export async function codeCommand(source: ShelfSource, args: CliArgs, io: Io): Promise<number> {
	// Code blocks are found by the render worker (lexed, nothing drawn) under its watchdog.
	const {renderService} = await import('./core/render/engine.js');
	const article = await currentArticle(source, args.args[0] ?? '');
	if (article.error) throw new CliError(`${article.slug} cannot be read: ${article.error}`);
	const service = renderService();
	const {blocks, notice} = await service.render({body: article.body, width: 80, level: 0, blocksOnly: true}).finished;
	service.close();
	if (notice) io.err.write(`inkshelf: ${article.slug}: code blocks found by a plain scan: ${notice}\n`);
	const n = Number(args.args[1]);
	const block = Number.isInteger(n) ? blocks[n - 1] : undefined;
	if (!block) {
		const what = blocks.length ? `it has ${blocks.length}: ${blocks.map((b, i) => `${i + 1} ${b.lang || 'code'}`).join(', ')}` : 'it has none';
		throw new CliError(`No code block "${sanitizeLine(args.args[1] ?? '')}" in ${article.slug}; ${what}`);
	}
	// Piped, the exact bytes (that is the point of piping code); on a terminal, never raw control characters.
	const text = block.source.endsWith('\n') || block.source === '' ? block.source : block.source + '\n';
	io.out.write(io.out.isTTY ? sanitize(text) : text);
	return 0;
}

export async function searchCommand(source: ShelfSource, args: CliArgs, io: Io, line?: Pick<ReadingLine, 'indexing' | 'clear'> | null): Promise<number> {
	const {ShelfSearch} = await import('./core/search/index.js');
	const query = args.args[0] ?? '';
	// What is not indexed yet (new or changed files) is indexed now, and kept for the next search (100,000 new files: ~12 s, said on the line).
	const pending = source.pending;
	while (!source.indexPending(250)) line?.indexing(pending - source.pending, pending);
	line?.clear();
	const index = new ShelfSearch(source.text ?? undefined, source.meta ?? undefined);
	for (const article of source.shelf.articles) index.add(article);
	const hits = index.search(query, {limit: args.limit ?? 20});
	if (args.json) {
		io.out.write(JSON.stringify(hits.map(h => ({slug: h.slug, title: h.title, score: Number(h.score.toFixed(3)), kind: h.kind, line: h.snippet?.line ?? null, snippet: h.snippet?.text ?? null})), null, 2) + '\n');
	} else {
		for (const h of hits) {
			io.out.write(`${h.score.toFixed(2).padStart(7)}  ${h.slug}  ${h.title}\n`);
			if (h.snippet) io.out.write(`         ${h.slug}.md:${h.snippet.line}: ${h.snippet.text}\n`);
		}
	}
	if (hits.length === 0) io.err.write(`Nothing matches "${sanitizeLine(query)}".\n`);
	return hits.length ? 0 : 1;
}

/**
 * Dialect markup is checked in each article's text as its file is now (the index keeps no bodies),
 * and every article goes through the renderer's budget as the app would render it: one that would
 * be shown as plain text is a warning. One article at a time.
 */
export async function checkCommand(source: ShelfSource, io: Io): Promise<number> {
	const {renderService} = await import('./core/render/engine.js');
	const {dialectOptionsFor} = await import('./core/render/index.js');
	const shelf = source.shelf;
	const service = renderService();
	const renderWarning = async (article: Article): Promise<string | undefined> => {
		const {notice} = await service.render({body: article.body, dialect: dialectOptionsFor(article), width: 80, level: 0}, false).finished;
		return notice ? `renders as plain text: ${notice}` : undefined;
	};
	let result;
	try {
		result = await checkShelfFromDisk(shelf, a => source.readNow(a), renderWarning, checkProgress(io.err));
	} finally {
		service.close();
	}
	const {lines, broken} = result;
	for (const line of lines) io.out.write(`${line}\n`);
	const total = shelf.articles.length;
	io.err.write(broken ? `${broken} of ${countOf(total, 'article')} ${broken === 1 ? 'is' : 'are'} broken.\n` : `${countOf(total, 'article')}, none broken.\n`);
	return broken ? 1 : 0;
}

/**
 * A large shelf takes a while to check (every article is rendered): on a terminal, after a
 * quarter of a second, one line counts the articles, redrawn at most every 100 ms and cleared
 * at the end. Never in a pipe or a log.
 */
export function checkProgress(err: Io['err']): ((done: number, total: number) => void) | undefined {
	if (!err.isTTY) return undefined;
	let last = Date.now() + 150;
	let shown = false;
	return (done, total) => {
		const now = Date.now();
		if (done === total) {
			if (shown) err.write('\r\x1b[K');
		} else if (now - last >= 100) {
			err.write(`\rchecking ${formatCount(done)}/${formatCount(total)}\x1b[K`);
			shown = true;
			last = now;
		}
	};
}

/** One file (or standard input) read whole, with no index: `inkshelf notes/x.md`. */
export async function loadDocumentShelf(path: string): Promise<Shelf> {
	return openShelf(path);
}

export {memorySource};

/** A shelf through its persistent index (see core/index): what the commands and the app read. */
export async function openIndexedShelf(dir: string, options: IndexOptions = {}): Promise<ShelfSource> {
	try {
		return await openShelfSource(dir, options);
	} catch (error) {
		throw new CliError(sanitize(error instanceof Error ? error.message : String(error)));
	}
}

/** A shelf read whole into memory (several shelves merged into one library are). */
export async function openShelf(dir: string, options: LoadOptions = {}): Promise<Shelf> {
	try {
		return await loadShelf(dir, options);
	} catch (error) {
		throw new CliError(sanitize(error instanceof Error ? error.message : String(error)));
	}
}
