import {highlight as cliHighlight, supportsLanguage, type Theme} from 'cli-highlight';
import type {Styles} from './styles.js';

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

export function highlightTheme(s: Styles): Theme {
	const c = s.chalk;
	const plain = (t: string): string => t;
	return {
		keyword: c.magenta, built_in: c.cyan, type: c.cyan, literal: c.blue, number: c.green,
		regexp: c.red, string: c.green, subst: plain, symbol: c.yellow, class: c.yellow,
		function: c.yellow, title: c.yellowBright, params: plain, comment: c.gray.italic,
		doctag: c.gray, meta: c.gray, 'meta-keyword': c.magenta, 'meta-string': c.green,
		section: c.bold.cyan, tag: c.gray, name: c.blue, 'builtin-name': c.cyan, attr: c.cyan,
		attribute: c.cyan, variable: c.redBright, bullet: c.cyan, code: c.yellow, emphasis: c.italic,
		strong: c.bold, formula: c.cyan, link: c.underline, quote: c.gray, 'selector-tag': c.magenta,
		'selector-id': c.blue, 'selector-class': c.yellow, 'selector-attr': c.cyan,
		'selector-pseudo': c.cyan, 'template-tag': c.magenta, 'template-variable': c.redBright,
		addition: c.green, deletion: c.red, default: plain,
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
