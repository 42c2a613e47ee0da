/**
 * `inkshelf completion bash|zsh|fish`: a completion script built from the
 * command line's own tables (commands, options), so it cannot drift from them.
 * Slugs, tags, categories and authors come from the shelf at completion time:
 * the script runs `inkshelf _complete KIND [--dir DIR]`, which prints them one a line.
 */
import {COMMANDS, OPTIONS, type CliArgs} from './cli-args.js';
import {CliError, type Io} from './commands.js';
import {buildIndex} from './core/shelf/index.js';
import type {Shelf} from './core/shelf/index.js';
// eslint-disable-next-line no-restricted-imports -- completion runs on every Tab: config/index.js re-exports the YAML parser; settings.js is plain data
import {THEME_CHOICES} from './core/config/settings.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
const KINDS = ['slugs', 'tags', 'categories', 'authors'] as const;

const optionNames = Object.entries(OPTIONS).flatMap(([long, o]) => [`--${long}`, ...('short' in o ? [`-${o.short}`] : [])]);
/** Options followed by a value, which is not a command or a slug. */
const takesValue = Object.entries(OPTIONS).filter(([, o]) => o.type === 'string').flatMap(([long, o]) => [`--${long}`, ...('short' in o ? [`-${o.short}`] : [])]);
const flagsOf = (long: string): string[] => {
	const o = OPTIONS[long as keyof typeof OPTIONS];
	return [`--${long}`, ...('short' in o ? [`-${o.short}`] : [])];
};

function bash(): string {
	const alt = (long: string): string => flagsOf(long).join('|');
	return `# inkshelf completion for bash. Add to ~/.bashrc:  eval "$(inkshelf completion bash)"
_inkshelf() {
	local IFS=$'\\n' cur prev cmd="" n=0 i w
	local -a dir=()
	cur="\${COMP_WORDS[COMP_CWORD]}"
	prev="\${COMP_WORDS[COMP_CWORD-1]}"
	for ((i = 1; i < COMP_CWORD; i++)); do
		w="\${COMP_WORDS[i]}"
		case "$w" in
			${alt('dir')}) dir=(--dir "\${COMP_WORDS[i+1]}"); ((i++)) ;;
			${takesValue.join('|')}) ((i++)) ;;
			-*) ;;
			*) if [[ -z "$cmd" ]]; then cmd="$w"; else ((n++)); fi ;;
		esac
	done
	case "$prev" in
		${alt('tag')}) COMPREPLY=($(compgen -W "$(inkshelf _complete tags "\${dir[@]}" 2>/dev/null)" -- "$cur")); return ;;
		${alt('category')}) COMPREPLY=($(compgen -W "$(inkshelf _complete categories "\${dir[@]}" 2>/dev/null)" -- "$cur")); return ;;
		${alt('author')}) COMPREPLY=($(compgen -W "$(inkshelf _complete authors "\${dir[@]}" 2>/dev/null)" -- "$cur")); return ;;
		--theme) COMPREPLY=($(compgen -W "${THEME_CHOICES.join('\n')}" -- "$cur")); return ;;
		${alt('dir')}) COMPREPLY=($(compgen -d -- "$cur")); return ;;
		${takesValue.join('|')}) return ;;
	esac
	if [[ "$cur" == -* ]]; then
		COMPREPLY=($(compgen -W "${optionNames.join('\n')}" -- "$cur"))
	elif [[ -z "$cmd" ]]; then
		COMPREPLY=($(compgen -W "${COMMANDS.join('\n')}" -- "$cur") $(compgen -d -- "$cur"))
	elif [[ ( "$cmd" == read || "$cmd" == code ) && $n -eq 0 ]]; then
		COMPREPLY=($(compgen -W "$(inkshelf _complete slugs "\${dir[@]}" 2>/dev/null)" -- "$cur"))
	elif [[ "$cmd" == completion && $n -eq 0 ]]; then
		COMPREPLY=($(compgen -W "${SHELLS.join('\n')}" -- "$cur"))
	else
		COMPREPLY=($(compgen -d -- "$cur"))
	fi
}
complete -F _inkshelf inkshelf
`;
}

function zsh(): string {
	const alt = (long: string): string => flagsOf(long).join('|');
	return `#compdef inkshelf
# inkshelf completion for zsh. Add to ~/.zshrc (after compinit):  source <(inkshelf completion zsh)
_inkshelf() {
	local cmd="" n=0 i w
	local -a dir
	for ((i = 2; i < CURRENT; i++)); do
		w=\${words[i]}
		case $w in
			(${alt('dir')}) dir=(--dir \${words[i+1]}); ((i++)) ;;
			(${takesValue.join('|')}) ((i++)) ;;
			(-*) ;;
			(*) if [[ -z $cmd ]]; then cmd=$w; else ((n++)); fi ;;
		esac
	done
	case \${words[CURRENT-1]} in
		(${alt('tag')}) compadd -- \${(f)"$(inkshelf _complete tags $dir 2>/dev/null)"}; return ;;
		(${alt('category')}) compadd -- \${(f)"$(inkshelf _complete categories $dir 2>/dev/null)"}; return ;;
		(${alt('author')}) compadd -- \${(f)"$(inkshelf _complete authors $dir 2>/dev/null)"}; return ;;
		(--theme) compadd -- ${THEME_CHOICES.join(' ')}; return ;;
		(${alt('dir')}) _files -/; return ;;
		(${takesValue.join('|')}) return ;;
	esac
	if [[ $PREFIX == -* ]]; then
		compadd -- ${optionNames.join(' ')}
	elif [[ -z $cmd ]]; then
		compadd -- ${COMMANDS.join(' ')}; _files -/
	elif [[ ( $cmd == read || $cmd == code ) && $n -eq 0 ]]; then
		compadd -- \${(f)"$(inkshelf _complete slugs $dir 2>/dev/null)"}
	elif [[ $cmd == completion && $n -eq 0 ]]; then
		compadd -- ${SHELLS.join(' ')}
	else
		_files -/
	fi
}
compdef _inkshelf inkshelf
`;
}

function fish(): string {
	const option = (long: string, o: {type: string; short?: string}): string =>
		`complete -c inkshelf -l ${long}${o.short ? ` -s ${o.short}` : ''}${o.type === 'string' ? ' -r' : ''}`;
	const lines = Object.entries(OPTIONS).map(([long, o]) => option(long, o));
	return `# inkshelf completion for fish. Save as ~/.config/fish/completions/inkshelf.fish:  inkshelf completion fish > ~/.config/fish/completions/inkshelf.fish
function __inkshelf_dir
	set -l words (commandline -opc)
	for i in (seq (count $words))
		if contains -- $words[$i] --dir -d; and test $i -lt (count $words)
			echo --dir
			echo $words[(math $i + 1)]
		end
	end
end
complete -c inkshelf -f
complete -c inkshelf -n __fish_use_subcommand -a '${COMMANDS.join(' ')}'
complete -c inkshelf -n '__fish_seen_subcommand_from read code' -a '(inkshelf _complete slugs (__inkshelf_dir) 2>/dev/null)'
complete -c inkshelf -n '__fish_seen_subcommand_from completion' -a '${SHELLS.join(' ')}'
${lines.join('\n')}
complete -c inkshelf -l tag -s t -x -a '(inkshelf _complete tags (__inkshelf_dir) 2>/dev/null)'
complete -c inkshelf -l category -s c -x -a '(inkshelf _complete categories (__inkshelf_dir) 2>/dev/null)'
complete -c inkshelf -l author -s a -x -a '(inkshelf _complete authors (__inkshelf_dir) 2>/dev/null)'
complete -c inkshelf -l theme -x -a '${THEME_CHOICES.join(' ')}'
complete -c inkshelf -l dir -s d -x -a '(__fish_complete_directories)'
`;
}

export function completionCommand(args: CliArgs, io: Io): number {
	const shell = args.args[0];
	if (shell === 'bash') io.out.write(bash());
	else if (shell === 'zsh') io.out.write(zsh());
	else if (shell === 'fish') io.out.write(fish());
	else throw new CliError(`no completion for "${shell ?? ''}": inkshelf completion bash|zsh|fish`, 2);
	return 0;
}

/** `_complete KIND`: the shelf's slugs, tags, categories or authors, one a line, without line breaks inside. */
export function completeNamesCommand(shelf: Shelf, args: CliArgs, io: Io): number {
	const kind = args.args[0] as (typeof KINDS)[number];
	if (!(KINDS as readonly string[]).includes(kind)) throw new CliError(`_complete takes ${KINDS.join(', ')}`, 2);
	const index = buildIndex(shelf.articles);
	const names = kind === 'slugs' ? shelf.articles.map(a => a.slug) : index[kind].map(g => g.name);
	const shown = [...new Set(names.filter(n => n !== '' && !/[\n\r]/.test(n)))];
	if (shown.length) io.out.write(`${shown.join('\n')}\n`);
	return 0;
}
