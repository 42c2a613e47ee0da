/** Themes: the dark, light and mono palettes, colours at each terminal colour level, and which theme a terminal wants. */
export * from './colors.js';
export * from './detect.js';
export * from './level.js';
export * from './paint.js';
export * from './palettes.js';
