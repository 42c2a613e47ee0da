import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// e2e tests drive tmux; running them beside unit tests on 2 cores is fine,
		// but they must not share a tmux server, which each test's socket name prevents.
		pool: 'forks',
		// dist/ is rebuilt first when src/ is newer: CLI and tmux tests run the built app.
		globalSetup: ['tests/helpers/build-once.ts'],
		// No test touches the real ~/.cache, ~/.config or ~/.local/state.
		setupFiles: ['tests/helpers/isolate-home.ts'],
	},
});
