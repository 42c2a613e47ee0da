import {createContext, useContext} from 'react';
import {PALETTES, type ThemeName, type TokenStyle} from '../core/theme/index.js';
import {inkColor, type ColorLevel} from '../core/theme/index.js';

/** Tokens of the UI chrome (article text is styled in core/render/styles.ts from the same palette). */
export const UI_TOKENS = ['accent', 'muted', 'title', 'error', 'warning', 'success', 'info', 'tag', 'category', 'rule'] as const;
export type UiToken = (typeof UI_TOKENS)[number];

/** What a token adds to Ink's <Text>: spread it, `<Text {...theme.accent}>`. Keys are present only when set. */
export interface TextStyle {
	color?: string;
	bold?: boolean;
	italic?: boolean;
	underline?: boolean;
}
export type UiTheme = Record<UiToken, TextStyle>;

function textStyle(style: TokenStyle, level: ColorLevel): TextStyle {
	const out: TextStyle = {};
	const color = inkColor(style, level);
	if (color) out.color = color;
	if (style.bold) out.bold = true;
	if (style.italic) out.italic = true;
	if (style.underline) out.underline = true;
	return out;
}

/** The chrome's styles for a palette at a colour level; article titles keep the terminal's own foreground. */
export function uiTheme(name: ThemeName, level: ColorLevel): UiTheme {
	const t = PALETTES[name].tokens;
	const of = (token: Exclude<UiToken, 'title'>): TextStyle => textStyle(t[token], level);
	return {
		accent: of('accent'), muted: of('muted'), title: {}, error: of('error'), warning: of('warning'),
		success: of('success'), info: of('info'), tag: of('tag'), category: of('category'), rule: of('rule'),
	};
}

export const ThemeContext = createContext<UiTheme>(uiTheme('dark', 1));

export function useTheme(): UiTheme {
	return useContext(ThemeContext);
}
