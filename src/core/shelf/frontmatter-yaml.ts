/**
 * YAML front matter (`---`): a schema that builds nothing but plain data,
 * alias bombs capped, and the fast path for the simple `key: text` files that
 * make up most shelves.
 */
import {LineCounter, isMap, isScalar, parseDocument} from 'yaml';
import type {DocumentOptions, ParseOptions, SchemaOptions, YAMLError} from 'yaml';
import {simpleYaml} from './frontmatter-fast.js';
import {sanitize, sanitizeLine} from '../sanitize.js';
import type {Position, RawFrontmatter} from './frontmatter.js';
import type {Problem} from './types.js';

// uniqueKeys is off on purpose: yaml checks it by comparing every key with
// every earlier one, so 64 KiB of keys took ~3 s. Only top-level keys are
// read, and parseYaml finds duplicates among them in linear time.
// maxAliasCount is a toJS option; it is passed there.
const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
	schema: 'core',
	resolveKnownTags: false,
	uniqueKeys: false,
	prettyErrors: true,
	logLevel: 'error',
	strict: true,
};

/** Parses `source`, which starts on line 2 of the file. */
export function parseYaml(source: string): RawFrontmatter {
	const simple = simpleYaml(source);
	if (simple) return {value: simple.value, keyAt: simple.keyAt, problems: []};
	const problems: Problem[] = [];
	const keyAt = new Map<string, Position>();
	const lineCounter = new LineCounter();
	const at = (offset: number): Position => {
		const {line, col} = lineCounter.linePos(offset);
		return {line: line + 1, column: col};
	};
	try {
		const doc = parseDocument(source, {...YAML_OPTIONS, lineCounter});
		const first = doc.errors[0];
		if (first) {
			const more = doc.errors.length > 1 ? ` (and ${doc.errors.length - 1} more YAML errors)` : '';
			return {problems, keyAt, error: `invalid YAML: ${yamlMessage(first)}${more}`, errorAt: yamlPosition(first)};
		}
		for (const warning of doc.warnings) problems.push({...yamlPosition(warning), message: yamlMessage(warning)});
		if (isMap(doc.contents)) {
			for (const pair of doc.contents.items) {
				if (!isScalar(pair.key) || !pair.key.range) continue;
				const key = String(pair.key.value);
				const pos = at(pair.key.range[0]);
				if (keyAt.has(key)) problems.push({...pos, message: `duplicate key "${sanitizeLine(key)}" (the last one wins)`});
				keyAt.set(key, pos);
			}
		}
		return {value: doc.toJS({maxAliasCount: 100}), problems, keyAt};
	} catch (err) {
		// toJS throws for alias bombs ("Excessive alias count") and unknown aliases.
		const message = err instanceof Error ? err.message : String(err);
		return {problems, keyAt, error: `invalid YAML: ${sanitize(message.split('\n')[0] ?? '')}`, errorAt: {line: 2}};
	}
}

/** yaml's messages end in a code frame quoting the raw source; keep the first line only. */
function yamlMessage(e: YAMLError): string {
	const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
	const tag = e.code === 'TAG_RESOLVE_FAILED' ? /^Unresolved tag: (.*)$/.exec(first)?.[1] : undefined;
	// resolveKnownTags:false leaves !!binary, !!set, !!js/function... as plain values; say so in YAML's own spelling.
	if (tag !== undefined) return sanitize(`unsupported tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')} ignored`);
	return sanitize(first);
}

function yamlPosition(e: YAMLError): Position {
	const pos = e.linePos?.[0];
	return pos ? {line: pos.line + 1, column: pos.col} : {line: 2};
}
