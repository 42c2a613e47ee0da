/** "1 article", "2 articles", "0 articles": a count with its noun in the right number. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
	return `${n} ${n === 1 ? singular : plural}`;
}
