// marked-terminal calls node-emoji only when its `emoji` option is on; inkshelf keeps it off
// (":smile:" in an article stays text), so the bundle carries this instead of 200 KB of emoji data.
export function emojify(text: string): string {
	return text;
}
