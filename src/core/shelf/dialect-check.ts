/**
 * What `inkshelf check` says about an article's dialect markup: tags,
 * shortcodes and admonitions left open (the article still renders, the text
 * stays), and wikilinks, Liquid links and shortcode refs to nothing on the
 * shelf. Warnings only: none makes an article broken.
 */
import {dialectOptionsFor, parseShelfHref, prepareDialects, type DialectRef} from '../render/index.js';
import {resolveShelfLink, type ShelfNames} from './shelf-links.js';
import type {Article, Problem} from './types.js';

type Found = Omit<ReturnType<typeof prepareDialects>, 'text'>;
// Only what was found is kept, never the rewritten text: bodies are large.
const found = new WeakMap<Article, Found>();

function prepared(article: Article): Found {
	let p = found.get(article);
	if (!p) {
		const {problems, refs} = prepareDialects(article.body, dialectOptionsFor(article));
		found.set(article, p = {problems, refs});
	}
	return p;
}

/** Only a body with one of these can link through its dialect: the rest are not read twice. */
const MAY_LINK = /(?<!\\)\[\[|\{%-?\s*(?:post_url|link)\b|\{\{[<%]\s*(?:rel)?ref\b/;

/** The shelf links an article's dialect markup makes, with their body lines. */
export function dialectRefs(article: Article): DialectRef[] {
	const b = article.body;
	const may = (b.includes('[[') || b.includes('{%') || b.includes('{{')) && MAY_LINK.test(b);
	return article.error || !may ? [] : prepared(article).refs;
}

/** Problems with file lines (`bodyLine` added), for `check`. */
export function dialectProblems(article: Article, names: ShelfNames): Problem[] {
	if (article.error) return [];
	const p = prepared(article);
	const at = (line: number): number => article.bodyLine + line - 1;
	const problems: Problem[] = p.problems.map(x => ({line: at(x.line), message: x.message}));
	for (const ref of p.refs) {
		const link = parseShelfHref(ref.href);
		if (!link || link.kind === 'note' || link.kind === 'noteback') continue;
		const target = resolveShelfLink(article.slug, ref.href, names);
		if (target.kind === 'missing') {
			const what = link.kind === 'site' ? 'link' : link.kind === 'embed' ? 'embed' : 'wikilink';
			problems.push({line: at(ref.line), message: `${what} to "${target.target}": no such article on the shelf`});
		}
	}
	return problems;
}
