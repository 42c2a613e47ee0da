import {spawn} from 'node:child_process';
import {detectWSL, makeWhich} from './processes.js';

export interface OpenResult {
	ok: boolean;
	/** The program that opened it, or why nothing could. */
	how: string;
}

/** The platform's "open this URL" command, or null where there is none to use (no desktop, over SSH). */
export function openerFor(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, isWSL: boolean, has: (cmd: string) => boolean): {cmd: string; args: string[]} | null {
	if (platform === 'darwin') return {cmd: 'open', args: []};
	if (platform === 'win32') return {cmd: 'cmd', args: ['/c', 'start', '""']};
	if (isWSL) return has('wslview') ? {cmd: 'wslview', args: []} : {cmd: 'cmd.exe', args: ['/c', 'start', '""']};
	// Over SSH a browser would open on the remote machine, where nobody sees it.
	if (env['SSH_CONNECTION'] || env['SSH_TTY']) return null;
	if (!env['DISPLAY'] && !env['WAYLAND_DISPLAY']) return null;
	return has('xdg-open') ? {cmd: 'xdg-open', args: []} : null;
}

/** Opens an http(s) or mailto URL in the person's browser or mail program, without waiting for it. */
export function openExternal(url: string, env: NodeJS.ProcessEnv = process.env): Promise<OpenResult> {
	const which = makeWhich(env, process.platform);
	const opener = openerFor(process.platform, env, detectWSL(process.platform), cmd => which(cmd) !== null);
	if (!opener) return Promise.resolve({ok: false, how: 'no browser here (no desktop session, or over SSH)'});
	return new Promise<OpenResult>(resolve => {
		const child = spawn(opener.cmd, [...opener.args, url], {stdio: 'ignore', detached: true});
		child.on('error', error => resolve({ok: false, how: `${opener.cmd} failed: ${error.message}`}));
		child.on('spawn', () => {
			child.unref();
			resolve({ok: true, how: opener.cmd});
		});
	});
}
