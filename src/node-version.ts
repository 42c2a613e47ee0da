/** The oldest Node inkshelf runs on (package.json `engines` says the same). */
export const MIN_NODE_MAJOR = 22;

/**
 * The one line to print when this Node is too old, or null when it will do.
 * Node 20 reached end of life in April 2026; Ink 8 and node:sqlite need 22.
 */
export function nodeVersionProblem(version: string = process.versions.node): string | null {
	const major = Number(version.replace(/^v/, '').split('.')[0]);
	if (Number.isInteger(major) && major >= MIN_NODE_MAJOR) return null;
	return `inkshelf needs Node ${MIN_NODE_MAJOR} or newer; this is Node ${version.replace(/^v/, '')}. Get it at https://nodejs.org`;
}
