import stringWidth from 'string-width';

/** SGR (colour/style) sequences are the only escapes inkshelf itself writes into article lines. */
const SGR = /\x1b\[[0-9;]*m/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The three invariants every rendered article line must keep: returns what broke, or []. */
export function lineProblems(lines: string[], width: number): string[] {
	const problems: string[] = [];
	lines.forEach((line, i) => {
		const w = stringWidth(line);
		if (w > width) problems.push(`line ${i} is ${w} columns wide (limit ${width}): ${JSON.stringify(line)}`);
		const bare = line.replace(SGR, '');
		const m = CONTROL.exec(bare);
		if (m) problems.push(`line ${i} has raw control U+${(m[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0')}: ${JSON.stringify(line)}`);
	});
	return problems;
}
