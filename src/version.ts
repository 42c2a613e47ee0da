import {readFileSync} from 'node:fs';

/** Read from package.json, which sits one folder up from both src/ and dist/. */
export const VERSION: string = (() => {
	try {
		const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version?: unknown};
		return typeof pkg.version === 'string' ? pkg.version : 'unknown';
	} catch {
		return 'unknown';
	}
})();
