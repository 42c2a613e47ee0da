/**
 * A file built into dist/ beside the app's code (a worker's bundle): next to
 * the code that asks once bundled, or in dist/ when tests run the sources
 * (this module is two folders below the repository, as dist/ is one).
 */
export function bundledFile(name: string): URL {
	return import.meta.url.endsWith('.ts') ? new URL(`../../dist/${name}`, import.meta.url) : new URL(`./${name}`, import.meta.url);
}
