/**
 * The HTML character references markdown text carries most (what marked
 * escapes, plus `&apos;` and `&nbsp;`), shared by the renderer, the search
 * index and heading slugs so they read the same text the same way.
 */
export const HTML_ENTITIES: Readonly<Record<string, string>> = {
	amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", nbsp: '\u00a0',
};

const REFERENCE = /&(amp|lt|gt|quot|apos|#39|#x27|nbsp);/g;

/** Replaces the references above; a no-break space becomes `nbsp` (a plain space where text is drawn or searched). */
export function decodeEntities(text: string, nbsp = '\u00a0'): string {
	return text.replace(REFERENCE, (_, e: string) => (e === 'nbsp' ? nbsp : HTML_ENTITIES[e] ?? _));
}
