// `npm run lint` (also run by `npm test`). The rule set is deliberately plain:
// ESLint's and typescript-eslint's recommended rules, the React hooks rules, and
// two house rules: `any` only with a comment saying why (an eslint-disable line
// with a `-- reason`), and no disable comment without such a reason.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import globals from 'globals';

const INTERNALS_FROM_OUTSIDE = {
	regex: '(^|/)core/(?!render/engine\\.js$)[a-z-]+/(?!index\\.js$)[^/]+$',
	message: 'Import a core folder through its index.js (its public face), not its internals.',
};
const ENGINE_AT_START = {
	regex: '(^|/)core/render/engine\\.js$',
	message: 'render/engine.js loads marked and highlight.js: use await import() (or import it from a module that is itself loaded that way).',
};

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	reactHooks.configs.flat.recommended,
	comments.recommended,
	{
		linterOptions: {reportUnusedDisableDirectives: 'error'},
		languageOptions: {globals: {...globals.node}},
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			// A terminal program matches escape sequences and control characters on purpose
			// (the sanitizer, the clipboard, screen tests): the rule would flag exactly that.
			'no-control-regex': 'off',
			'@eslint-community/eslint-comments/require-description': ['error', {ignore: []}],
			'@eslint-community/eslint-comments/disable-enable-pair': ['error', {allowWholeFile: true}],
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
		},
	},
	// Which folder may import which (ARCHITECTURE.md): each folder of src/core is entered
	// through its index.ts; render/ has a second, heavy face (engine.ts) that start-up code
	// must not import statically. Dynamic import() is not checked: it loads one module on
	// demand, which is the point of it. Tests may reach inside a folder to test its parts.
	{
		files: ['src/**/*.{ts,tsx}'],
		ignores: ['src/core/**'],
		rules: {'no-restricted-imports': ['error', {patterns: [INTERNALS_FROM_OUTSIDE, ENGINE_AT_START]}]},
	},
	{
		// The reader screen is itself loaded with import() (ui/App.tsx), after the library's first frame.
		files: ['src/ui/screens/Reader.tsx'],
		rules: {'no-restricted-imports': ['error', {patterns: [INTERNALS_FROM_OUTSIDE]}]},
	},
	// src/core/<folder>/*.ts and one level deeper (render/dialects/): the other folders of core
	// are one or two `../` away.
	coreRules('src/core/*/*.ts', '\\.\\./'),
	coreRules('src/core/*/*/*.ts', '\\.\\./\\.\\./'),
);

function coreRules(files, up) {
	return {
		files: [files],
		rules: {'no-restricted-imports': ['error', {
			paths: [
				{name: 'react', message: 'src/core is pure: no React (screens live in src/ui).'},
				{name: 'ink', message: 'src/core is pure: no Ink (screens live in src/ui).'},
			],
			patterns: [
				{regex: `^${up}[a-z-]+/(?!index\\.js$)[^/]+$`, message: 'Import another core folder through its index.js (its public face), not its internals.'},
				{regex: `^${up}render/engine\\.js$`, message: 'render/engine.js loads the markdown renderer: only with import(), never statically from core.'},
				{regex: '^(\\.\\./)+(ui/|tui\\.js$|cli\\.js$|cli-args\\.js$|commands\\.js$)', message: 'src/core never imports the UI or the CLI.'},
			],
		}]},
	};
}
