/** Semantic colours of the UI chrome (article text is styled in core/render/styles.ts). */
export const theme = {
	accent: 'cyanBright',
	selectedBg: 'blue',
	muted: 'gray',
	title: 'whiteBright',
	error: 'redBright',
	warning: 'yellow',
	success: 'greenBright',
	info: 'cyan',
	tag: 'magenta',
	category: 'yellow',
} as const;
