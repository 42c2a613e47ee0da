import {highlight as cliHighlight, supportsLanguage, type Theme} from 'cli-highlight';
import type {Styles} from './styles.js';
import {PALETTES, type TokenStyle} from '../theme/index.js';
import {paint} from '../theme/index.js';

export {fenceLanguage} from './parse.js';

/** Common names people write after a fence that highlight.js knows under another name. */
const ALIASES: Record<string, string> = {
	'js': 'javascript', 'jsx': 'javascript', 'mjs': 'javascript', 'cjs': 'javascript', 'node': 'javascript',
	'ts': 'typescript', 'tsx': 'typescript', 'mts': 'typescript', 'cts': 'typescript',
	'sh': 'bash', 'zsh': 'bash', 'shell': 'bash', 'console': 'bash', 'shell-session': 'bash',
	'py': 'python', 'python3': 'python', 'py3': 'python',
	'rs': 'rust', 'golang': 'go', 'yml': 'yaml', 'jsonc': 'json', 'json5': 'json',
	'dockerfile': 'dockerfile', 'docker': 'dockerfile', 'ps1': 'powershell', 'pwsh': 'powershell',
	'psql': 'sql', 'postgresql': 'pgsql', 'postgres': 'pgsql', 'hcl': 'ini', 'terraform': 'ini', 'tf': 'ini',
	'conf': 'ini', 'cfg': 'ini', 'toml': 'ini', 'c++': 'cpp', 'h': 'c', 'hpp': 'cpp', 'kt': 'kotlin',
	'md': 'markdown', 'html': 'xml', 'svg': 'xml', 'vue': 'xml', 'svelte': 'xml', 'http': 'http',
};

/** Fence names that mean "no highlighting": the author said so. */
const PLAIN = new Set(['text', 'txt', 'plain', 'plaintext', 'output', 'log', 'none', 'nohighlight', 'ascii', 'mermaid']);

/** What auto-detection considers when a fence names no language: small, so it is fast. */
const AUTO_SUBSET = ['python', 'javascript', 'typescript', 'bash', 'json', 'yaml', 'sql', 'go', 'rust', 'java', 'cpp', 'xml', 'css', 'ini', 'dockerfile'];

/**
 * The highlight.js language for a fence: `null` means plain text, `'auto'`
 * means detect. Never an unsupported name: highlight.js would print "Could not
 * find the language" to stderr, which lands on the screen inside Ink.
 */
export function highlightLanguage(lang: string): string | null | 'auto' {
	if (lang === '') return 'auto';
	if (PLAIN.has(lang)) return null;
	const name = ALIASES[lang] ?? lang;
	return supportsLanguage(name) ? name : null;
}

const themes = new WeakMap<Styles, Theme>();

/** highlight.js scopes drawn with the theme's syntax tokens (cli-highlight's `theme` option); built once per Styles. */
export function highlightTheme(s: Styles): Theme {
	const known = themes.get(s);
	if (known) return known;
	const theme = buildHighlightTheme(s);
	themes.set(s, theme);
	return theme;
}

function buildHighlightTheme(s: Styles): Theme {
	const c = s.chalk;
	const t = PALETTES[s.theme].tokens;
	const p = (style: TokenStyle): ((text: string) => string) => paint(c, style);
	const plain = (text: string): string => text;
	const keyword = p(t.keyword), builtIn = p(t.builtIn), literal = p(t.literal), string = p(t.string);
	const fn = p(t.function), comment = p(t.comment), meta = p(t.meta), symbol = p(t.symbol);
	const variable = p(t.variable), attr = p(t.attr), markup = p(t.markup);
	return {
		keyword, built_in: builtIn, type: builtIn, literal, number: p(t.number),
		regexp: p(t.regexp), string, subst: plain, symbol, class: fn,
		function: fn, title: fn, params: plain, comment,
		doctag: comment, meta, 'meta-keyword': keyword, 'meta-string': string,
		section: p(t.h2), tag: meta, name: markup, 'builtin-name': builtIn, attr,
		attribute: attr, variable, bullet: symbol, code: p(t.codespan), emphasis: c.italic,
		strong: c.bold, formula: builtIn, link: c.underline, quote: comment, 'selector-tag': keyword,
		'selector-id': markup, 'selector-class': fn, 'selector-attr': attr,
		'selector-pseudo': attr, 'template-tag': keyword, 'template-variable': variable,
		addition: p(t.addition), deletion: p(t.deletion), default: plain,
	};
}

/** Highlights already-sanitized code. Returns the code unchanged when colour is off or highlighting fails. */
export function highlightCode(code: string, lang: string, styles: Styles): string {
	if (styles.level === 0) return code;
	const language = highlightLanguage(lang);
	if (language === null) return code;
	try {
		return cliHighlight(code, {
			...(language === 'auto' ? {languageSubset: AUTO_SUBSET} : {language}),
			ignoreIllegals: true,
			theme: highlightTheme(styles),
		});
	} catch {
		return code;
	}
}
