/**
 * A child process for the two-processes tests (tests/core/index-race.test.ts):
 * opens a shelf's index with the real ShelfStore at an agreed moment (so
 * several start together), writes rows of its own in separate transactions,
 * and prints what happened as one JSON line.
 *
 *   node index-opener.mjs FILE ROOT GO_AT_MS
 */
import {ShelfStore} from '../../src/core/index/store.js';
import {loadSqlite} from '../../src/core/index/sqlite.js';

const [file = '', root = '', goAt = '0'] = process.argv.slice(2);
const sqlite = await loadSqlite();
if (!sqlite) throw new Error('no node:sqlite');
// Spinning, not a timer: the processes leave this loop within a millisecond of each other.
while (Date.now() < Number(goAt));
const report: {outcome?: string; error?: string; mine?: number} = {};
try {
	const {store, outcome} = ShelfStore.open(sqlite, file, root);
	report.outcome = outcome;
	for (let i = 0; i < 30; i++) store.transaction(() => void store.put({path: `${root}/${process.pid}-${i}.md`, size: 1, mtimeMs: 1, ino: i, article: '{}', links: '[]'}));
	store.close();
	// What a later open finds of this process's rows: none lost with a file another process deleted.
	const again = ShelfStore.open(sqlite, file, root);
	report.mine = again.store.files().filter(f => f.path.startsWith(`${root}/${process.pid}-`)).length;
	again.store.close();
} catch (error) {
	report.error = String(error);
}
process.stdout.write(`${JSON.stringify(report)}\n`);
