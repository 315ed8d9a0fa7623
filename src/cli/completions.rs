//! `learncity completions SHELL`: a completion script made by clap_complete
//! from the command line as the interface's language describes it
//! (`localize::command`), so subcommands and flags come with their help.
//!
//! After `show`, bash, zsh and fish complete the ids of the corpus in
//! effect when Tab is pressed, not a list frozen into the script: the
//! script runs `learncity [--data FILE] completions __ids` (a hidden value
//! of SHELL), which prints the ids of the corpus the same lookup as every
//! command finds (`which::lookup`), one a line, or nothing at all when
//! there is no corpus to read. clap_complete writes the rest; the pieces
//! added to its output are below, one per shell. Elvish and PowerShell get
//! clap_complete's script as it is: subcommands and flags, no ids.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::Command;
use clap_complete::Shell;

use super::Failure;
use crate::corpus;

/// What `learncity completions` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
    /// The ids the scripts offer after `show`.
    #[value(name = "__ids", hide = true)]
    Ids,
}

pub fn run(target: Target, data: Option<&PathBuf>) -> Result<(), Failure> {
    let shell = match target {
        Target::Bash => Shell::Bash,
        Target::Zsh => Shell::Zsh,
        Target::Fish => Shell::Fish,
        Target::Elvish => Shell::Elvish,
        Target::Powershell => Shell::PowerShell,
        Target::Ids => {
            print_ids(data);
            return Ok(());
        }
    };
    super::out::write_stdout(&script(shell))
}

/// The program's name, as the scripts register it.
const BIN: &str = "learncity";
/// Put in zsh's script where `show`'s id is completed, then replaced by
/// the function that asks for the ids.
const IDS_MARK: &str = "__learncity_ids__";

/// The completion script for `shell`, in the current language.
pub fn script(shell: Shell) -> String {
    let cmd = super::localize::command();
    let valued = value_options(&cmd);
    let show_options = cmd
        .find_subcommand("show")
        .map(fish_optspecs)
        .unwrap_or_default();
    let root_options = fish_optspecs(&cmd);
    // clap_complete's bash script offers even a hidden value of a
    // positional: the scripts are made without `__ids`.
    let cmd = cmd.mut_subcommand("completions", |s| {
        s.mut_arg("shell", |a| {
            let shown: Vec<PossibleValue> = a
                .get_possible_values()
                .into_iter()
                .filter(|v| !v.is_hide_set())
                .collect();
            a.value_parser(shown)
        })
    });
    let mut cmd = if shell == Shell::Zsh {
        cmd.mut_subcommand("show", |s| {
            s.mut_arg("id", |a| a.value_parser([PossibleValue::new(IDS_MARK)]))
        })
    } else {
        cmd
    };
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, BIN, &mut buf);
    let generated = String::from_utf8_lossy(&buf).into_owned();
    match shell {
        Shell::Bash => format!("{generated}{}", bash_ids(&valued)),
        Shell::Zsh => zsh_ids(&generated),
        Shell::Fish => format!("{generated}{}", fish_ids(&root_options, &show_options)),
        _ => generated,
    }
}

/// The options that take a value (`--data`, `--lang`), of the program and
/// of `show`: a word after one of them is its value, not `show`'s id.
fn value_options(cmd: &Command) -> Vec<String> {
    let mut names = Vec::new();
    let show = cmd.find_subcommand("show");
    for arg in cmd
        .get_arguments()
        .chain(show.into_iter().flat_map(Command::get_arguments))
    {
        if arg.is_positional() || !arg.get_action().takes_values() {
            continue;
        }
        let forms = arg
            .get_long()
            .map(|l| format!("--{l}"))
            .into_iter()
            .chain(arg.get_short().map(|s| format!("-{s}")));
        for form in forms {
            if !names.contains(&form) {
                names.push(form);
            }
        }
    }
    names
}

/// A command's options as fish's `argparse` takes them: `h/help`,
/// `data=`.
fn fish_optspecs(cmd: &Command) -> Vec<String> {
    cmd.get_arguments()
        .filter(|a| !a.is_positional())
        .filter_map(|a| {
            let name = match (a.get_short(), a.get_long()) {
                (Some(s), Some(l)) => format!("{s}/{l}"),
                (None, Some(l)) => l.to_owned(),
                (Some(s), None) => s.to_string(),
                (None, None) => return None,
            };
            let value = if a.get_action().takes_values() {
                "="
            } else {
                ""
            };
            Some(format!("{name}{value}"))
        })
        .collect()
}

/// bash: a function around clap_complete's `_learncity` that puts the ids
/// in when the word is `show`'s id, registered in its place.
fn bash_ids(value_options: &[String]) -> String {
    let valued = value_options.join("|");
    let mut s = String::new();
    let _ = write!(
        s,
        r#"
# learncity: after `show`, the ids of the corpus in effect when Tab is
# pressed (--data on the line, else $LEARNCITY_DATA, else
# ~/.local/share/learncity/corpus.json, else /usr/share/learncity/corpus.json,
# else the bundled corpus), asked of learncity itself.
_learncity_ids() {{
    local i w prog data=()
    for (( i = 1; i < COMP_CWORD; i++ )); do
        w=${{COMP_WORDS[i]}}
        if [[ $w == --data ]]; then
            w=${{COMP_WORDS[i+1]}}
            [[ $w == = ]] && w=${{COMP_WORDS[i+2]}}
            data=(--data "${{w/#\~/$HOME}}")
        elif [[ $w == --data=* ]]; then
            w=${{w#--data=}}
            data=(--data "${{w/#\~/$HOME}}")
        fi
    done
    prog=${{COMP_WORDS[0]/#\~/$HOME}}
    command -v -- "$prog" >/dev/null 2>&1 || prog=learncity
    "$prog" "${{data[@]}}" completions __ids 2>/dev/null
}}

_learncity_complete() {{
    _learncity "$@"
    local cur=${{COMP_WORDS[COMP_CWORD]}} i w sub="" given=0 id
    [[ $cur == -* ]] && return 0
    for (( i = 1; i < COMP_CWORD; i++ )); do
        w=${{COMP_WORDS[i]}}
        case $w in
            {valued})
                i=$((i + 1))
                [[ ${{COMP_WORDS[i]}} == = ]] && i=$((i + 1))
                (( i >= COMP_CWORD )) && return 0
                ;;
            -*) ;;
            *)
                if [[ -z $sub ]]; then sub=$w; else given=$((given + 1)); fi
                ;;
        esac
    done
    [[ $sub == show && $given -eq 0 ]] || return 0
    # Matched here rather than by compgen -W, which would expand $(…) in
    # an id.
    COMPREPLY=()
    while IFS= read -r id; do
        [[ $id == "$cur"* ]] && COMPREPLY+=("$id")
    done < <(_learncity_ids)
    return 0
}}

if [[ "${{BASH_VERSINFO[0]}}" -eq 4 && "${{BASH_VERSINFO[1]}}" -ge 4 || "${{BASH_VERSINFO[0]}}" -gt 4 ]]; then
    complete -F _learncity_complete -o nosort -o bashdefault -o default {BIN}
else
    complete -F _learncity_complete -o bashdefault -o default {BIN}
fi
"#
    );
    s
}

/// zsh: `show`'s id (marked with [`IDS_MARK`]) completed by a function
/// that asks for the ids, defined before the script's last lines run.
fn zsh_ids(generated: &str) -> String {
    const FUNCTION: &str = r#"
# learncity: after `show`, the ids of the corpus in effect when Tab is
# pressed (--data on the line, else $LEARNCITY_DATA, else the data files,
# else the bundled corpus), asked of learncity itself.
(( $+functions[_learncity_ids] )) ||
_learncity_ids() {
    local -a line data ids
    local i w prog
    line=("${(@Q)${(z)LBUFFER}}")
    prog=${line[1]/#\~/$HOME}
    (( $+commands[$prog] )) || [[ -x $prog ]] || prog=learncity
    for (( i = 2; i < $#line; i++ )); do
        w=${line[i]}
        if [[ $w == --data ]]; then
            data=(--data "${line[i+1]/#\~/$HOME}")
        elif [[ $w == --data=* ]]; then
            w=${w#--data=}
            data=(--data "${w/#\~/$HOME}")
        fi
    done
    ids=(${(f)"$(command "$prog" "${data[@]}" completions __ids 2>/dev/null)"})
    compadd -- "${ids[@]}"
}

"#;
    let with_function = match generated.find("if [ \"$funcstack[1]\" = \"_learncity\" ]") {
        Some(at) => format!("{}{FUNCTION}{}", &generated[..at], &generated[at..]),
        None => format!("{FUNCTION}{generated}"),
    };
    with_function.replace(&format!("({IDS_MARK})"), "_learncity_ids")
}

/// fish: a completion for `show`'s id, while it is not yet given.
fn fish_ids(root_options: &[String], show_options: &[String]) -> String {
    format!(
        r#"
# learncity: after `show`, the ids of the corpus in effect when Tab is
# pressed (--data on the line, else $LEARNCITY_DATA, else the data files,
# else the bundled corpus), asked of learncity itself.
function __fish_learncity_ids
    set -l words (commandline -opc)
    set -l prog (string replace -r '^~' -- $HOME $words[1])
    set -l data
    for i in (seq 2 (count $words))
        switch $words[$i]
            case --data
                set -l next (math $i + 1)
                if test $next -le (count $words)
                    set data --data (string replace -r '^~' -- $HOME $words[$next])
                end
            case '--data=*'
                set data --data (string replace -r '^~' -- $HOME (string replace -- --data= '' $words[$i]))
        end
    end
    command -q -- $prog; or set prog learncity
    command $prog $data completions __ids 2>/dev/null
end

function __fish_learncity_show_needs_id
    set -l words (commandline -opc)
    set -e words[1]
    argparse -s {root} -- $words 2>/dev/null; or return 1
    test "$argv[1]" = show; or return 1
    set -e argv[1]
    argparse {show} -- $argv 2>/dev/null; or return 1
    test (count $argv) -eq 0
end

complete -c {BIN} -n __fish_learncity_show_needs_id -f -a "(__fish_learncity_ids)"
"#,
        root = root_options.join(" "),
        show = show_options.join(" "),
    )
}

/// `learncity completions __ids`: the ids of the corpus in effect, sorted,
/// one a line. A completion has no place for an error: a lookup that fails
/// or a corpus that does not load prints nothing, and loading shows no
/// progress (stderr is the terminal the user is typing on).
fn print_ids(data: Option<&PathBuf>) {
    let Ok(lookup) = super::which::lookup(data) else {
        return;
    };
    let corpus = match lookup.path() {
        Some(path) => match corpus::load_file(path) {
            Ok(c) => c,
            Err(_) => return,
        },
        None => corpus::bundled(),
    };
    let mut ids: Vec<&str> = corpus
        .cities
        .iter()
        .map(|c| c.id.as_str())
        .chain(corpus.articles.iter().map(|a| a.id.as_str()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut text = String::with_capacity(ids.iter().map(|i| i.len() + 1).sum());
    for id in ids {
        text.push_str(id);
        text.push('\n');
    }
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_options_that_take_a_value_are_known() {
        let cmd = super::super::localize::command();
        let valued = value_options(&cmd);
        assert!(valued.contains(&"--data".to_owned()), "{valued:?}");
        assert!(valued.contains(&"--lang".to_owned()), "{valued:?}");
        assert!(!valued.contains(&"--json".to_owned()), "{valued:?}");
        let show = fish_optspecs(cmd.find_subcommand("show").unwrap());
        assert!(show.contains(&"data=".to_owned()), "{show:?}");
        assert!(show.contains(&"json".to_owned()), "{show:?}");
        assert!(show.contains(&"h/help".to_owned()), "{show:?}");
    }

    #[test]
    fn every_script_has_the_commands_and_the_ids_are_wired_in() {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ] {
            let s = script(shell);
            for sub in ["list", "show", "search", "stats", "validate", "man"] {
                assert!(s.contains(sub), "{shell:?}: no {sub}");
            }
            assert!(!s.contains(IDS_MARK), "{shell:?}: the mark is left");
        }
        assert!(script(Shell::Bash).contains("complete -F _learncity_complete"));
        let zsh = script(Shell::Zsh);
        assert!(
            zsh.contains(":_learncity_ids'"),
            "show's id completed by the function"
        );
        assert!(
            zsh.find("_learncity_ids() {") < zsh.find("compdef _learncity learncity"),
            "defined before the script registers itself"
        );
        assert!(script(Shell::Fish).contains("-a \"(__fish_learncity_ids)\""));
    }
}
