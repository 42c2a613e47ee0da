/**
 * `inkshelf notes/x.md`, `inkshelf read notes/x.md` and `inkshelf -`: one
 * document opens at once, as in glow, mdcat or bat. On a terminal it opens in
 * the reader, with the file's folder loading behind it (Esc goes there, links
 * to siblings work once it is in); piped, it prints as `read` does.
 */
import {openSync, statSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {ReadStream} from 'node:tty';
import {articleFromText} from './core/shelf/index.js';
import {CliError, loadDocumentShelf, memorySource, printWidth, readCommand, type Io} from './commands.js';
import {sanitizeLine} from './core/sanitize.js';
import type {CliArgs} from './cli-args.js';
import type {Shelf} from './core/shelf/index.js';
import type {EffectiveConfig} from './core/config/index.js';
import type {EarlyAnswers} from './terminal-answers.js';

export type DocumentTarget = {kind: 'stdin'} | {kind: 'file'; path: string};

/** The same limit as a file on a shelf: more is not an article. */
const MAX_STDIN_BYTES = 8 * 1024 * 1024;

/** What the arguments ask to open as a single document, or null for a shelf. */
export function documentTarget(args: CliArgs): DocumentTarget | null {
	if (args.command === 'browse' && args.dir === '-') return {kind: 'stdin'};
	if (args.command === 'read' && args.args[0] === '-' && args.dir === undefined) return {kind: 'stdin'};
	if (args.command === 'browse' && args.dir !== undefined && isFile(args.dir)) return {kind: 'file', path: args.dir};
	// `read notes/x.md`: a path that names a file, never a slug of the folder given.
	if (args.command === 'read' && args.dir === undefined && args.args[0] !== undefined && isFile(args.args[0])) return {kind: 'file', path: args.args[0]};
	return null;
}

function isFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

export interface DocumentIo extends Io {
	stdin: NodeJS.ReadStream;
}

export async function openDocument(target: DocumentTarget, args: CliArgs, io: DocumentIo, config?: EffectiveConfig, answers?: EarlyAnswers | null): Promise<number> {
	const shelf = target.kind === 'stdin' ? await stdinShelf(io.stdin) : await loadDocumentShelf(target.path);
	const article = shelf.articles[0];
	if (!article) throw new CliError('nothing to read');
	const name = target.kind === 'stdin' ? 'standard input' : sanitizeLine(target.path);
	if (article.error) throw new CliError(`${name} cannot be read: ${article.error}`);
	// Keys come from the terminal even when the text came down a pipe, as pagers do.
	const keys = io.out.isTTY ? (target.kind === 'stdin' || !io.stdin.isTTY ? openTerminal() : io.stdin) : null;
	if (!keys) return readCommand(memorySource(shelf), {...args, command: 'read', args: [article.slug], ...(config ? {width: printWidth(config, io)} : {})}, io);
	const {runApp} = await import('./tui.js');
	const folder = target.kind === 'file' ? shelf.root : undefined;
	const title = target.kind === 'stdin' ? 'standard input' : displayFolder(shelf.root);
	try {
		return await runApp(shelf, title, article.slug, config, undefined, {keys, hideDrafts: config ? !config.settings.drafts : args.noDrafts, ...(folder ? {folder} : {}), ...(keys === io.stdin && answers ? {answers} : {})});
	} finally {
		if (keys !== io.stdin) keys.destroy();
	}
}

/** The controlling terminal, for keys when standard input is the document; null when there is none. */
function openTerminal(): NodeJS.ReadStream | null {
	try {
		return new ReadStream(openSync('/dev/tty', 'r'));
	} catch {
		return null;
	}
}

async function stdinShelf(stdin: NodeJS.ReadStream): Promise<Shelf> {
	if (stdin.isTTY) throw new CliError('inkshelf - reads markdown from a pipe: cat notes.md | inkshelf -', 2);
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stdin) {
		const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
		size += buffer.length;
		if (size > MAX_STDIN_BYTES) throw new CliError(`standard input is over ${MAX_STDIN_BYTES / 1024 / 1024} MiB; the limit for one article`);
		chunks.push(buffer);
	}
	const bytes = Buffer.concat(chunks);
	if (!/\S/.test(bytes.toString('utf8'))) throw new CliError('standard input is empty: pipe markdown in, e.g. cat notes.md | inkshelf -');
	// Named as a file in the working folder, so relative links resolve from there.
	const root = process.cwd();
	return {root, articles: [articleFromText(root, join(root, 'standard-input.md'), bytes)], skipped: []};
}

/** The folder as the user would type it: relative when under the working folder. */
function displayFolder(dir: string): string {
	const rel = relative(process.cwd(), resolve(dir));
	return sanitizeLine(rel === '' ? '.' : rel.startsWith('..') ? dir : rel);
}
