// What the shelf reader worker's bundle gets for `yaml` (scripts/build.mjs): the parser is
// loaded the first time a file needs it, from dist/shelf-read-yaml.cjs. Most front matter
// takes the fast path (core/shelf/frontmatter-fast.ts) and never does, so the worker starts
// reading without loading 115 KB of parser first. Only what the worker's code uses is here.
import {createRequire} from 'node:module';

const load = createRequire(import.meta.url);
let yaml = null;
const lib = () => (yaml ??= load('./shelf-read-yaml.cjs'));

export const parseDocument = (...args) => lib().parseDocument(...args);
export const isMap = node => lib().isMap(node);
export const isScalar = node => lib().isScalar(node);
export class LineCounter {
	constructor() {
		return new (lib().LineCounter)();
	}
}
