/**
 * Copy a code block to whatever clipboard the user can actually paste from.
 * No single route works everywhere (OSC 52 depends on the terminal, tools
 * need a display, tmux keeps its own buffers), so every route that applies is
 * used and the result says which ones worked.
 */
import {
	OSC52_MAX_BASE64,
	TOOL_TIMEOUT_MS,
	osc52Base64Length,
	osc52Sequence,
	platformSteps,
	resolveDeps,
	tmuxSupportsW,
	type ClipboardDeps,
	type RunResult,
} from './routes.js';

export {OSC52_MAX_BASE64, osc52Sequence, type ClipboardDeps, type Env, type RunResult} from './routes.js';

export interface CopyResult {
	/** At least one route worked. */
	ok: boolean;
	/** Routes that worked, in order: 'OSC 52', 'tmux buffer', then the tool ('xclip', 'pbcopy'...). */
	routes: string[];
	/** Routes that failed or were skipped, with why. */
	tried: {route: string; error: string}[];
	/** One status line, under ~100 characters. */
	message: string;
}

interface Failure {
	route: string;
	error: string;
	/** A few words for the status line. */
	short: string;
}

interface Outcome {
	worked: string[];
	failed: Failure[];
}

const MESSAGE_MAX = 100;

const worked = (route: string): Outcome => ({worked: [route], failed: []});
const failed = (route: string, error: string, short: string): Outcome => ({worked: [], failed: [{route, error, short}]});

function runFailure(route: string, r: RunResult): Failure {
	if (r.code === null) {
		const error = r.stderr || 'failed to start';
		const short = /not installed/.test(error) ? 'not installed' : /timed out/.test(error) ? 'timed out' : 'failed';
		return {route, error, short: `${route} ${short}`};
	}
	const firstLine = r.stderr.split('\n', 1)[0]?.trim() ?? '';
	return {route, error: `exit ${r.code}${firstLine ? `: ${firstLine.slice(0, 200)}` : ''}`, short: `${route} exit ${r.code}`};
}

function osc52Route(text: string, d: ClipboardDeps): Outcome {
	const route = 'OSC 52';
	const flag = d.env.INKSHELF_OSC52?.trim().toLowerCase();
	if (flag === '0' || flag === 'false' || flag === 'off') return failed(route, 'disabled by INKSHELF_OSC52=0', 'OSC 52 disabled');
	const forced = flag === '1' || flag === 'true' || flag === 'on';
	if (!d.isTTY && !forced) {
		return failed(route, 'output is not a terminal (INKSHELF_OSC52=1 forces it)', 'no terminal for OSC 52');
	}
	const size = osc52Base64Length(text);
	if (size > OSC52_MAX_BASE64) {
		return failed(
			route,
			`too large: ${size} bytes of base64, over the ${OSC52_MAX_BASE64} that terminals reliably accept`,
			'too large for OSC 52',
		);
	}
	d.writeTerminal(osc52Sequence(text, d.env));
	return worked(route);
}

async function tmuxRoute(text: string, d: ClipboardDeps): Promise<Outcome> {
	const route = 'tmux buffer';
	if (!d.env.TMUX) return failed(route, '$TMUX is not set', 'not in tmux');
	const tmux = d.which('tmux');
	if (!tmux) return failed(route, '$TMUX is set but tmux is not on PATH', 'tmux not installed');
	const withW = tmuxSupportsW(await d.tmuxVersion(tmux));
	// -w also hands the text to the outer terminal's clipboard, the way tmux's own copy mode does.
	let r = await d.run(tmux, withW ? ['load-buffer', '-w', '-'] : ['load-buffer', '-'], text, TOOL_TIMEOUT_MS);
	if (withW && r.code !== 0 && /unknown flag|usage/i.test(r.stderr)) {
		r = await d.run(tmux, ['load-buffer', '-'], text, TOOL_TIMEOUT_MS);
	}
	return r.code === 0 ? worked(route) : {worked: [], failed: [runFailure(route, r)]};
}

async function toolRoute(text: string, d: ClipboardDeps): Promise<Outcome> {
	const failures: Failure[] = [];
	for (const step of platformSteps(d.platform, d.env, d.isWSL, text)) {
		if (step.kind === 'skip') {
			failures.push(step);
			continue;
		}
		const file = d.which(step.cmd);
		if (!file) {
			failures.push({route: step.route, error: `${step.cmd} not found on PATH`, short: `${step.route} not installed`});
			continue;
		}
		const r = await d.run(file, step.args, text, step.timeoutMs, step.extraEnv);
		if (r.code === 0) return {worked: [step.route], failed: failures};
		failures.push(runFailure(step.route, r));
	}
	return {worked: [], failed: failures};
}

/** A route that throws (a broken stdout, a misbehaving injected dep) is a failed route, not a crash. */
async function guarded(route: string, attempt: () => Outcome | Promise<Outcome>): Promise<Outcome> {
	try {
		return await attempt();
	} catch (err) {
		return failed(route, err instanceof Error ? err.message : String(err), `${route} failed`);
	}
}

function statusLine(routes: string[], failures: Failure[]): string {
	// OSC 52 is never acknowledged by the terminal, so only claim "sent".
	if (routes.length > 0) return `${routes.includes('OSC 52') ? 'sent' : 'copied'} via ${routes.join(' + ')}`;
	let line = 'nothing copied:';
	const reasons = [...new Set(failures.map(f => f.short))];
	for (const [i, reason] of reasons.entries()) {
		const last = i === reasons.length - 1;
		// Cut between reasons, never inside one; `tried` has the rest.
		if (i > 0 && line.length + 2 + reason.length + (last ? 0 : 3) > MESSAGE_MAX) return `${line}, …`;
		line += `${i > 0 ? ',' : ''} ${reason}`;
	}
	return line;
}

/**
 * Puts `text` on every clipboard route that applies: OSC 52 to the terminal,
 * the tmux paste buffer, and the first working system tool. Never throws.
 * `text` is copied as given; pass it through `prepareForPaste` first.
 */
export async function copyToClipboard(text: string, deps: Partial<ClipboardDeps> = {}): Promise<CopyResult> {
	const d = resolveDeps(deps);
	const osc = await guarded('OSC 52', () => osc52Route(text, d));
	const [tmux, tool] = await Promise.all([
		guarded('tmux buffer', () => tmuxRoute(text, d)),
		guarded('clipboard tool', () => toolRoute(text, d)),
	]);
	const routes = [...osc.worked, ...tmux.worked, ...tool.worked];
	// The status line leads with the system tool: its reason ("no display") is usually the one to act on.
	const message = statusLine(routes, [...tool.failed, ...tmux.failed, ...osc.failed]);
	const tried = [...osc.failed, ...tmux.failed, ...tool.failed].map(({route, error}) => ({route, error}));
	return {ok: routes.length > 0, routes, tried, message};
}

// ---------------------------------------------------------------- paste safety

const C0_NAMES = [
	'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
	'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];
/** U+200D (ZWJ) is left out: emoji sequences need it. */
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x2060, 0xfeff]);

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

function warningFor(text: string, i: number): string | null {
	const code = text.charCodeAt(i);
	if (code === 0x1b) return 'contains ESC (escape sequences)';
	if (code === 0x09 || code === 0x0a) return null;
	if (code === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? null : 'contains CR without LF (acts as Enter)';
	if (code < 0x20) return `contains control character ${hex(code)} (${C0_NAMES[code] ?? '?'})`;
	if (code === 0x7f) return 'contains DEL (U+007F)';
	if (code >= 0x80 && code <= 0x9f) return `contains C1 control ${hex(code)}`;
	if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return `contains bidi control ${hex(code)}`;
	if (ZERO_WIDTH.has(code)) return `contains zero-width character ${hex(code)}`;
	return null;
}

/**
 * The text to put on the clipboard for a code block: the exact source minus
 * one trailing newline (a pasted command must wait for the user's Enter), and
 * warnings for anything that makes a paste do something other than it shows.
 */
export function prepareForPaste(source: string): {text: string; warnings: string[]} {
	const text = source.endsWith('\r\n') ? source.slice(0, -2) : source.endsWith('\n') ? source.slice(0, -1) : source;
	const warnings = new Set<string>();
	// A pasted ESC[201~ closes bracketed paste early and the rest is typed as keystrokes.
	if (text.includes('\x1b[201~')) warnings.add('contains ESC[201~ (ends bracketed paste)');
	for (let i = 0; i < text.length; i++) {
		const warning = warningFor(text, i);
		if (warning) warnings.add(warning);
	}
	return {text, warnings: [...warnings]};
}
