/**
 * A reading place that survives the article changing under it: the heading
 * above the top line and how far into that section, rather than a line
 * number (an edit above the place moves every line). Also the file line for
 * what is on screen, for opening an editor there.
 */
export interface Heading {
	line: number;
	text: string;
}

export interface SectionPlace {
	/** The heading's text, or null before the first heading. */
	heading: string | null;
	/** How far into the section (or the part before the first heading), 0 to 1. */
	fraction: number;
}

/** The section holding `top` and the fraction of it above `top`. */
export function sectionPlace(headings: readonly Heading[], top: number, lineCount: number): SectionPlace {
	const i = lastAtOrBefore(headings, top);
	const start = i < 0 ? 0 : (headings[i] as Heading).line;
	const end = headings[i + 1]?.line ?? lineCount;
	return {heading: i < 0 ? null : (headings[i] as Heading).text, fraction: end > start ? Math.min(1, (top - start) / (end - start)) : 0};
}

/** The line a place stands for in a (new) layout; a heading that is gone leaves the place at the same fraction of the article. */
export function placeLine(headings: readonly Heading[], place: SectionPlace, lineCount: number, fallback: number): number {
	if (place.heading === null) {
		const end = headings[0]?.line ?? lineCount;
		return Math.round(place.fraction * end);
	}
	const i = headings.findIndex(h => h.text === place.heading);
	if (i < 0) return fallback;
	const start = (headings[i] as Heading).line;
	const end = headings[i + 1]?.line ?? lineCount;
	return start + Math.round(place.fraction * (end - start));
}

const norm = (s: string): string => s.replace(/[*_`~[\]()#]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The 1-based line of the FILE for the rendered line `top`: the source line
 * of the heading above it (matched by text), plus the same share of that
 * section's source lines as of its rendered lines. `bodyLine` is the file
 * line where the body starts (after front matter).
 */
export function fileLineAt(body: string, bodyLine: number, headings: readonly Heading[], top: number, lineCount: number): number {
	const lines = body.split('\n');
	const sources: {line: number; text: string}[] = [];
	let fence: string | null = null;
	lines.forEach((line, i) => {
		const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
			fence = fence === null ? marker : null;
			return;
		}
		const heading = fence === null ? /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line)?.[1] : undefined;
		if (heading !== undefined) sources.push({line: i, text: norm(heading)});
	});
	const place = sectionPlace(headings, top, lineCount);
	let from = 0;
	let to = lines.length;
	if (place.heading !== null) {
		const k = sources.findIndex(s => s.text === norm(place.heading as string));
		if (k >= 0) [from, to] = [(sources[k] as {line: number}).line, sources[k + 1]?.line ?? lines.length];
		else [from, to] = [0, lines.length];
	} else if (sources[0]) to = sources[0].line;
	const within = place.heading !== null && from === 0 && to === lines.length ? top / Math.max(1, lineCount) : place.fraction;
	return bodyLine + from + Math.floor(within * Math.max(0, to - from - 1));
}

function lastAtOrBefore(headings: readonly Heading[], top: number): number {
	let found = -1;
	headings.forEach((h, i) => {
		if (h.line <= top) found = i;
	});
	return found;
}
