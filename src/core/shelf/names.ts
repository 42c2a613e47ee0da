/**
 * One string per distinct name (date, category, tag, author) instead of one
 * per article that names it. A first start keeps every article it reads (20,000
 * before its first frame) and each scavenge copies what is kept: a shelf names
 * the same few dozen tags and few thousand dates thousands of times, and the
 * copies were a fifth of what each article kept.
 */
const seen = new Map<string, string>();
/** Past this many names the table starts again (a shelf of unique values gains nothing from it). */
const MOST = 50_000;

export function oneOf(name: string): string {
	const known = seen.get(name);
	if (known !== undefined) return known;
	if (seen.size >= MOST) seen.clear();
	seen.set(name, name);
	return name;
}

export function oneOfOrNull(name: string | null): string | null {
	return name === null ? null : oneOf(name);
}

/** The list with each name made one, in place (a frozen list, such as the shared empty one, is left as it is). */
export function namesOf(list: string[]): string[] {
	if (Object.isFrozen(list)) return list;
	for (let i = 0; i < list.length; i++) list[i] = oneOf(list[i] as string);
	return list;
}
