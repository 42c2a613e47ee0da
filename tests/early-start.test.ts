/** Which starts have the reading worker walk and read the folder before the app loads (src/early-start.ts). */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {loadReaderEarly, startReadingEarly} from '../src/early-start.js';
import {stopReadHelper, takeEarlyHelper} from '../src/core/read-helper.js';
import {indexFileFor} from '../src/core/cache-location.js';

const folder = (): string => {
	const dir = mkdtempSync(path.join(tmpdir(), 'inkshelf-early-start-'));
	writeFileSync(path.join(dir, 'a.md'), '# A\n');
	return dir;
};
const env = (): NodeJS.ProcessEnv => ({XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'inkshelf-early-cache-'))});
/** What the CLI would have started: the root it was sent to walk, or 'loaded only', or null. */
const started = (): string | null => {
	const helper = takeEarlyHelper();
	stopReadHelper(helper);
	return helper ? (helper.early?.root ?? 'loaded only') : null;
};

afterEach(() => void started());

describe('the early first-start read', () => {
	it('walks a folder given on the command line that has no index yet, the worker loading before the config is read', () => {
		const dir = folder();
		const e = env();
		loadReaderEarly(dir, false, e);
		const loaded = takeEarlyHelper();
		expect(loaded).not.toBeNull();
		expect(loaded?.early).toBeNull(); // loaded, nothing to walk yet
		stopReadHelper(loaded);
		loadReaderEarly(dir, false, e);
		startReadingEarly([dir], ['drafts'], false, e);
		expect(started()).toBe(path.resolve(dir));
	});

	it('starts nothing for a folder already indexed, a document, a missing path or several shelves', () => {
		const dir = folder();
		const e = env();
		const {file} = indexFileFor(path.resolve(dir), e);
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, '');
		startReadingEarly([dir], [], false, e);
		expect(started()).toBeNull();
		startReadingEarly([path.join(folder(), 'a.md')], [], false, env());
		expect(started()).toBeNull();
		startReadingEarly([path.join(dir, 'missing')], [], false, e);
		expect(started()).toBeNull();
		loadReaderEarly(folder(), false, env());
		startReadingEarly([folder(), folder()], [], false, env());
		expect(started()).toBeNull(); // the worker loaded for the folder given is let go
	});

	it('walks an indexed folder too with --no-cache (every start reads it all)', () => {
		const dir = folder();
		const e = env();
		const {file} = indexFileFor(path.resolve(dir), e);
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, '');
		startReadingEarly([dir], [], true, e);
		expect(started()).toBe(path.resolve(dir));
	});
});
