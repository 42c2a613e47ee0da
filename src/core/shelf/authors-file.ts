/**
 * Docusaurus names a post's authors by key (`authors: [huntie]`) and keeps
 * who they are in the blog folder's `authors.yml` (or `authors.json`). The
 * nearest such file above an article, up to the shelf root, resolves its keys.
 */
import {readFileSync, statSync} from 'node:fs';
import {dirname, join, relative, sep} from 'node:path';
import {parseDocument} from 'yaml';
import {isRecord} from './coerce.js';
import {sanitizeLine} from '../sanitize.js';

const NAMES = ['authors.yml', 'authors.yaml', 'authors.json'];
const LIMIT = 1024 * 1024;

export interface AuthorsFile {
	path: string;
	/** File name for messages: `authors.yml`. */
	name: string;
	keys: ReadonlyMap<string, string>;
}

/** Looks up (once per folder) the authors file that applies to an article; `onProblem` hears about an unusable one. */
export function authorsProbe(root: string, onProblem: (path: string, reason: string) => void): (articlePath: string) => AuthorsFile | null {
	const byDir = new Map<string, AuthorsFile | null>();
	const lookup = (dir: string): AuthorsFile | null => {
		const known = byDir.get(dir);
		if (known !== undefined) return known;
		let found: AuthorsFile | null = null;
		for (const name of NAMES) {
			const path = join(dir, name);
			if (!isFile(path)) continue;
			const keys = readAuthors(path, name, reason => onProblem(path, reason));
			if (keys) found = {path, name, keys};
			break;
		}
		const rel = relative(root, dir);
		if (!found && rel !== '' && !rel.startsWith('..') && !rel.split(sep).includes('..')) found = lookup(dirname(dir));
		byDir.set(dir, found);
		return found;
	};
	return articlePath => lookup(dirname(articlePath));
}

function isFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

function readAuthors(path: string, name: string, problem: (reason: string) => void): Map<string, string> | null {
	let data: unknown;
	try {
		if (statSync(path).size > LIMIT) {
			problem(`${name} is over 1 MiB; author keys are shown as written`);
			return null;
		}
		const text = readFileSync(path, 'utf8');
		if (name.endsWith('.json')) data = JSON.parse(text);
		else {
			const doc = parseDocument(text, {schema: 'core', resolveKnownTags: false, logLevel: 'error', prettyErrors: false});
			if (doc.errors[0]) throw new Error(doc.errors[0].message.split('\n')[0]);
			data = doc.toJS({maxAliasCount: 100});
		}
	} catch (err) {
		problem(`${name} cannot be read (${sanitizeLine(err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err))}); author keys are shown as written`);
		return null;
	}
	if (!isRecord(data)) {
		problem(`${name} should map keys to authors; author keys are shown as written`);
		return null;
	}
	const keys = new Map<string, string>();
	for (const [key, value] of Object.entries(data)) {
		const raw = isRecord(value) && typeof value['name'] === 'string' ? value['name'] : typeof value === 'string' ? value : key;
		const display = sanitizeLine(raw).trim();
		keys.set(key, display === '' ? sanitizeLine(key) : Array.from(display).slice(0, 100).join(''));
	}
	return keys;
}
