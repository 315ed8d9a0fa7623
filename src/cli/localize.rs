//! The command line's help and usage errors in the interface's language.
//!
//! The arguments are declared once, with clap's derive (`Cli`); their
//! descriptions come from the message files by a key made of the command
//! and the argument (`cli-list-arg-has-reports`), so a new flag without
//! its text in both languages fails the tests. clap's own words (headings,
//! `--help`, the `help` command, usage errors) are replaced here too.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgMatches, Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::i18n;
use crate::t;

/// The command line of `learncity`, described in the current language.
pub fn command() -> Command {
    let mut cmd = describe(Cli::command(), "cli");
    // Building adds clap's `--help` flags and `help` command (and copies
    // the global flags into each command): their words are ours too.
    cmd.build();
    words_of_clap(cmd)
}

/// Parses `args` (the program's name first) into the typed arguments.
pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let mut cmd = command();
    let matches: ArgMatches = cmd.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// The message key of a command's text: `cli` for the program, `cli-list`
/// for `learncity list`.
fn describe(cmd: Command, key: &str) -> Command {
    let text = |suffix: &str| i18n::text(&format!("{key}-{suffix}"), &[]);
    let optional = |suffix: &str| i18n::try_text(&format!("{key}-{suffix}"));
    let mut cmd = cmd.about(text("about"));
    if let Some(long) = optional("long-about") {
        cmd = cmd.long_about(long);
    }
    if let Some(after) = optional("after") {
        cmd = cmd.after_help(after);
    }
    let mut cmd = cmd
        .help_template(template())
        .subcommand_help_heading(t!("cli-heading-commands"))
        .subcommand_value_name(t!("cli-value-command"));
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let arg_key = format!("{key}-arg-{}", id.replace('_', "-"));
        cmd = cmd.mut_arg(id, |arg: Arg| {
            let heading = if arg.is_positional() {
                t!("cli-heading-arguments")
            } else {
                t!("cli-heading-options")
            };
            // Defaults and choices are written in the text itself, in its
            // language, not as clap's "[default: …]".
            let arg = match i18n::try_text(&format!("{arg_key}-long")) {
                Some(long) => arg.long_help(long),
                None => arg,
            };
            let arg = arg.help(i18n::text(&arg_key, &[])).help_heading(heading);
            if arg.get_action().takes_values() {
                arg.hide_default_value(true).hide_possible_values(true)
            } else {
                arg
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_key = format!("{key}-{name}");
        cmd = cmd.mut_subcommand(name, |sub| describe(sub, &sub_key));
    }
    cmd
}

/// clap's default layout, with the usage heading in our words.
fn template() -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t!("cli-heading-usage")
    )
}

/// The `--help` flag and the `help` command that clap added while building.
fn words_of_clap(cmd: Command) -> Command {
    let mut cmd = cmd;
    if cmd.get_arguments().any(|a| a.get_id() == "help") {
        let long = cmd.get_long_about().is_some()
            || cmd.get_arguments().any(|a| a.get_long_help().is_some());
        cmd = cmd.mut_arg("help", |a| {
            let a = a.help_heading(t!("cli-heading-options"));
            if long {
                a.help(t!("cli-help-flag-short"))
                    .long_help(t!("cli-help-flag-long"))
            } else {
                a.help(t!("cli-help-flag"))
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| {
            let sub = if name == "help" {
                // Built with a copy of each command beneath it, whose
                // words were put in before the build.
                sub.about(t!("cli-help-command")).help_template(template())
            } else {
                sub
            };
            words_of_clap(sub)
        });
    }
    cmd
}

/// clap's help or version text, with the words clap writes itself
/// (`[OPTIONS]` in the usage line) in the current language.
/// On a terminal that takes them, with clap's bold and underline.
pub fn render_help(e: &clap::Error) -> String {
    use std::io::IsTerminal;
    let styled = e.render();
    let text = if std::io::stdout().is_terminal()
        && !super::out::no_color()
        && !super::out::dumb_terminal()
    {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    };
    clap_words(&text)
}

fn clap_words(text: &str) -> String {
    text.replace("[OPTIONS]", &format!("[{}]", t!("cli-value-options")))
}

/// A usage error in the current language. English keeps clap's own
/// message; Turkish writes the common kinds itself, from the error's
/// context, and falls back to clap's words for the rare others.
pub fn render_error(e: &clap::Error) -> String {
    let english = e.render().to_string();
    if i18n::current() == i18n::Lang::En {
        return english;
    }
    let string = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join("', '")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let arg = string(ContextKind::InvalidArg).unwrap_or_default();
    let value = string(ContextKind::InvalidValue).unwrap_or_default();
    let first = match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut line = t!(
                "cli-error-invalid-value",
                value = value.as_str(),
                arg = arg.as_str()
            );
            if let Some(valid) = string(ContextKind::ValidValue).map(|v| format!("'{v}'")) {
                line.push_str(&format!(
                    "\n  {}",
                    t!("cli-error-valid-values", values = valid)
                ));
            }
            line
        }
        ErrorKind::UnknownArgument => t!("cli-error-unknown-argument", arg = arg.as_str()),
        ErrorKind::InvalidSubcommand => t!(
            "cli-error-unknown-command",
            command = string(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => {
            t!("cli-error-missing", args = arg.as_str())
        }
        ErrorKind::ArgumentConflict => t!(
            "cli-error-conflict",
            arg = arg.as_str(),
            other = string(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => t!("cli-error-values", arg = arg.as_str()),
        _ => return english,
    };
    let mut out = format!("{} {first}\n", t!("cli-error"));
    if let Some(suggested) =
        string(ContextKind::SuggestedArg).or_else(|| string(ContextKind::SuggestedSubcommand))
    {
        out.push_str(&format!(
            "\n  {}\n",
            t!("cli-error-suggestion", suggestion = suggested)
        ));
    }
    if let Some(usage) = string(ContextKind::Usage) {
        let usage = usage.trim_start();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        out.push_str(&format!(
            "\n{} {}\n",
            t!("cli-heading-usage"),
            clap_words(usage)
        ));
    }
    out.push_str(&format!("\n{}\n", t!("cli-error-more")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every command and argument has its words in both languages (the
    /// message files' own test checks that Turkish has what English has).
    #[test]
    fn every_command_and_argument_is_described() {
        fn walk(cmd: &Command, key: &str, missing: &mut Vec<String>) {
            let need = |k: String, missing: &mut Vec<String>| {
                if i18n::text_in(Lang::En, &k, &[]) == k {
                    missing.push(k);
                }
            };
            need(format!("{key}-about"), missing);
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if id != "help" {
                    need(format!("{key}-arg-{}", id.replace('_', "-")), missing);
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{key}-{}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "cli", &mut missing);
        assert!(missing.is_empty(), "no message for: {missing:?}");
    }

    #[test]
    fn the_help_is_in_the_language_of_the_interface() {
        let help = |lang| i18n::with(lang, || command().render_long_help().to_string());
        let en = help(Lang::En);
        let tr = help(Lang::Tr);
        assert!(en.contains("Usage: learncity"), "{en}");
        assert!(en.contains("Options:"), "{en}");
        assert!(tr.contains("Kullanım: learncity"), "{tr}");
        assert!(tr.contains("Seçenekler:"), "{tr}");
        assert!(tr.contains("Komutlar:"), "{tr}");
        for clap_word in ["Usage:", "Options:", "Commands:", "Print help", "[default:"] {
            assert!(!tr.contains(clap_word), "{clap_word} in:\n{tr}");
        }
        let list = i18n::with(Lang::Tr, || {
            let mut cmd = command();
            cmd.find_subcommand_mut("list")
                .expect("list")
                .render_help()
                .to_string()
        });
        assert!(!list.contains("[default:"), "{list}");
    }

    #[test]
    fn usage_errors_are_in_the_language_of_the_interface() {
        let err = |lang, args: &[&str]| {
            i18n::with(lang, || {
                let e = parse_from(args.iter().copied()).expect_err("bad usage");
                render_error(&e)
            })
        };
        let tr = err(Lang::Tr, &["learncity", "--nope"]);
        assert!(tr.starts_with("hata: "), "{tr}");
        assert!(tr.contains("--nope"), "{tr}");
        assert!(tr.contains("Kullanım:"), "{tr}");
        let tr = err(Lang::Tr, &["learncity", "lsit"]);
        assert!(tr.contains("lsit") && tr.contains("list"), "{tr}");
        let tr = err(Lang::Tr, &["learncity", "list", "--sort", "size"]);
        assert!(tr.contains("size") && tr.contains("name"), "{tr}");
        let tr = err(Lang::Tr, &["learncity", "search"]);
        assert!(tr.contains("verilmedi: '<QUERY>...'"), "{tr}");
        let en = err(Lang::En, &["learncity", "--nope"]);
        assert!(en.starts_with("error: unexpected argument"), "{en}");
    }
}
