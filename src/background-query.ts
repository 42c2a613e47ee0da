/**
 * The terminal's background colour (theme `auto`) is asked for as soon as the
 * config is read, before the app's modules load: the answer comes in while
 * they load instead of after them, and a terminal that never answers costs
 * its timeout alongside the load rather than on top of it. tui.tsx waits for
 * the answer before its first frame, so the first frame has the right theme.
 */
import {queryBackground} from './core/system/index.js';
import {colorLevelFor, type Rgb} from './core/theme/index.js';
import type {ThemeChoice} from './core/config/index.js';

/** Whether the app asks the terminal at all: theme auto, and a colour level to use it with. */
export function wantsBackground(choice: ThemeChoice, stdout: {isTTY?: boolean}, env: NodeJS.ProcessEnv): boolean {
	// NO_COLOR keeps bold and reverse video (the mono palette): the level is decided as if it were unset.
	return choice === 'auto' && !env['NO_COLOR'] && colorLevelFor(stdout, {...env, NO_COLOR: undefined}) > 0;
}

/** Sends the query now when the app will want it; null when it will not. */
export function askBackground(choice: ThemeChoice, keys: NodeJS.ReadStream, stdout: {write(s: string): unknown; isTTY?: boolean}, env: NodeJS.ProcessEnv): Promise<Rgb | null> | null {
	return wantsBackground(choice, stdout, env) ? queryBackground({stdin: keys, stdout}) : null;
}
