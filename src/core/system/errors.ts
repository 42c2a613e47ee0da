/** The `code` of a Node system error (ENOENT, EACCES, EPIPE...), or undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
	return typeof error.code === 'string' || typeof error.code === 'number' ? String(error.code) : undefined;
}
