/**
 * What the app asks the terminal before its first frame, its background
 * colour (theme `auto`) and whether it draws images, is asked as soon as the
 * config is read, before the app's modules load and the shelf is read: the
 * answers come in meanwhile instead of after, and a terminal that never
 * answers costs its timeout alongside the load rather than on top of it.
 * tui.tsx waits for the answers before its first frame, so the first frame
 * has the right theme. (Asked when the shelf was read, the images question
 * waited out its reply after a first start's 20,000 files: 40 ms more on Node 22.)
 */
import {queryBackground, queryGraphics, type TerminalIo} from './core/system/index.js';
import {colorLevelFor, type Rgb} from './core/theme/index.js';
import type {ThemeChoice} from './core/config/index.js';
import type {GraphicsSupport} from './core/images/index.js';

/** The terminal's answers, on their way. */
export interface EarlyAnswers {
	/** Null when the app does not want it (see wantsBackground). */
	background: Promise<Rgb | null> | null;
	graphics: Promise<GraphicsSupport>;
}

/** Whether the app asks the terminal at all: theme auto, and a colour level to use it with. */
export function wantsBackground(choice: ThemeChoice, stdout: {isTTY?: boolean}, env: NodeJS.ProcessEnv): boolean {
	// NO_COLOR keeps bold and reverse video (the mono palette): the level is decided as if it were unset.
	return choice === 'auto' && !env['NO_COLOR'] && colorLevelFor(stdout, {...env, NO_COLOR: undefined}) > 0;
}

/** Sends the questions now, one after the other (both read the replies from the keyboard's stream). */
export function askEarly(choice: ThemeChoice, keys: NodeJS.ReadStream, stdout: TerminalIo['stdout'], env: NodeJS.ProcessEnv): EarlyAnswers {
	const background = wantsBackground(choice, stdout, env) ? queryBackground({stdin: keys, stdout}) : null;
	const graphics = (background ?? Promise.resolve(null)).then(() => queryGraphics({stdin: keys, stdout}, env));
	return {background, graphics};
}
