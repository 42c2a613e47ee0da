/** The config file and the settings in effect: what the CLI, the app and the git-shelf code read. */
export {loadConfig, configPath, resolveShelf, describeOrigin, type EffectiveConfig, type FlagSettings, type Origin} from './load.js';
export {parseConfigText, formatProblem, type ConfigProblem, type ParsedConfig} from './parse.js';
export {DEFAULT_SETTINGS, SETTING_NAMES, THEME_CHOICES, WIDTH_RANGE, CHECKS, isGitShelf, isSettingName, type Settings, type SettingName, type ThemeChoice} from './settings.js';
