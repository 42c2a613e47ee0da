/** Copying: every clipboard route that applies (OSC 52, tmux, the system tool), and what is safe to paste. */
export {copyToClipboard, prepareForPaste, type CopyResult} from './copy.js';
export {OSC52_MAX_BASE64, osc52Sequence, type ClipboardDeps} from './routes.js';
export {pasteWarnings} from './paste-warnings.js';
export {sectionLink, type SectionLink} from './section-link.js';
export {commandsSummary, isShellLang, shellCommands, type ShellCommands} from './shell-commands.js';
