//! `duo-selfhosted explain CODE` and `explain --list`: the diagnostics
//! catalog (`duo_selfhosted::diagnostic::catalog`).

use crate::out::{print_json, Out, Style};
use crate::{Failure, Format, Outcome};
use duo_selfhosted::diagnostic::catalog::{self, Entry, CATALOG};
use duo_selfhosted::diagnostic::nearest_names;
use std::process::ExitCode;

/// The arguments of `explain`.
#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// The diagnostic code, e.g. url.localhost.
    #[arg(
        value_name = "CODE",
        required_unless_present = "list",
        conflicts_with = "list"
    )]
    code: Option<String>,
    /// List every code with its severities and title (with --format json:
    /// the whole catalog, the contract front ends type against).
    #[arg(long)]
    list: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// `text` folded at 76 columns, each line after `indent`.
fn wrap(out: &mut Out, text: &str, indent: &str) {
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent.len() + line.len() + 1 + word.chars().count() > 78 {
            out.text(indent).line(&line);
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.text(indent).line(&line);
    }
}

fn severities(entry: &Entry) -> String {
    let names: Vec<&str> = entry.severities.iter().map(|s| s.as_str()).collect();
    names.join(" or ")
}

fn explain(out: &mut Out, entry: &Entry) {
    let style = Style::of(entry.severities[0]);
    out.styled(style, entry.code)
        .line(&format!(" ({})", severities(entry)));
    out.styled(Style::Bold, entry.title).text("\n");
    for (heading, text) in [
        ("What it means", entry.meaning),
        ("Why", entry.why),
        ("Source", entry.source),
        ("How to fix it", entry.fix),
        ("Example", entry.example),
    ] {
        out.text("\n").styled(Style::Bold, heading).text("\n");
        wrap(out, text, "  ");
    }
    out.text("\n").styled(Style::Bold, "Parameters").text("\n");
    if entry.params.is_empty() {
        out.line("  none");
    }
    let width = entry.params.iter().map(|p| p.name.len()).max().unwrap_or(0);
    for p in entry.params {
        let mut ty = p.ty.as_str().replace('_', " ");
        if p.nullable {
            ty.push_str(" or null");
        }
        if p.optional {
            ty.push_str(", only in some cases");
        }
        out.line(&format!("  {:width$}  {ty}", p.name));
    }
}

/// Run the command; an unknown code is a usage error (exit 2).
pub fn run(args: &ExplainArgs, color: bool) -> Outcome {
    let mut out = Out::new(color);
    if args.list {
        match args.format {
            Format::Json => print_json(&CATALOG),
            Format::Text => {
                let width = CATALOG.iter().map(|e| e.code.len()).max().unwrap_or(0);
                for entry in CATALOG {
                    out.line(&format!(
                        "{:width$}  {:16}  {}",
                        entry.code,
                        severities(entry),
                        entry.title
                    ));
                }
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let code = args.code.as_deref().unwrap_or_default();
    let Some(entry) = catalog::lookup(code) else {
        let hint = nearest_names(code, CATALOG.iter().map(|e| e.code))
            .first()
            .map(|c| format!("; did you mean {c}?"))
            .unwrap_or_default();
        return Err(Failure::usage(format!(
            "unknown diagnostic code {code:?}{hint} (explain --list lists them)"
        )));
    };
    match args.format {
        Format::Json => print_json(entry),
        Format::Text => explain(&mut out, entry),
    }
    Ok(ExitCode::SUCCESS)
}
