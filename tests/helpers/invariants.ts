import stringWidth from 'string-width';

/** SGR (colour/style) sequences are the only escapes inkshelf itself writes into article lines. */
const SGR = /\x1b\[[0-9;]*m/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The invariants every rendered article line must keep: returns what broke, or []. */
export function lineProblems(lines: string[], width: number): string[] {
	const problems: string[] = [];
	lines.forEach((line, i) => {
		const w = stringWidth(line);
		if (w > width) problems.push(`line ${i} is ${w} columns wide (limit ${width}): ${JSON.stringify(line)}`);
		const bare = line.replace(SGR, '');
		const m = CONTROL.exec(bare);
		if (m) problems.push(`line ${i} has raw control U+${(m[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')}: ${JSON.stringify(line)}`);
		// The renderer's private markers and dialect directives never reach the screen.
		if (/[\uE000-\uE01F]/.test(bare)) problems.push(`line ${i} has a private marker: ${JSON.stringify(line)}`);
	});
	return problems;
}
