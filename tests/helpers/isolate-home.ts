/**
 * Runs before every test file (vitest `setupFiles`): the cache, config and
 * state folders point at fresh temp dirs, so no test, and no child process a
 * test starts, reads or writes the real ~/.cache, ~/.config or ~/.local/state.
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

for (const [name, tag] of [['XDG_CACHE_HOME', 'cache'], ['XDG_CONFIG_HOME', 'config'], ['XDG_STATE_HOME', 'state']] as const) {
	process.env[name] = mkdtempSync(path.join(tmpdir(), `inkshelf-test-${tag}-`));
}
