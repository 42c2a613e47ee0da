// `npm run lint` (also run by `npm test`). The rule set is deliberately plain:
// ESLint's and typescript-eslint's recommended rules, the React hooks rules, and
// two house rules: `any` only with a comment saying why (an eslint-disable line
// with a `-- reason`), and no disable comment without such a reason.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import globals from 'globals';

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
);
