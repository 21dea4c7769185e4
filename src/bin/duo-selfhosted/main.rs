//! `duo-selfhosted`: GitLab Duo Self-Hosted configuration checks for admins
//! and CI pipelines. A thin front end: it parses arguments, calls the
//! library and prints its results. No rule lives here.
//!
//! Exit codes: 0 when the command ran, 1 when `check` found an error, 2 on a
//! usage error.

#[allow(dead_code)] // shared helpers; not every command uses every one
mod args;
mod check;
mod document;
mod resolve;
mod snippet;

use args::UsageError;
use std::process::ExitCode;

const USAGE: &str = "\
usage: duo-selfhosted <COMMAND> [ARGS] [--format text|json]

commands:
  help                                   this text
  check [FILE] [--format text|json|codequality]
                                         check a configuration (JSON or TOML;
                                         the bundled example without FILE);
                                         exit 1 on errors
  resolve [FILE] [--format text|json]    what each feature will actually use
  snippet [FILE] [--format text|json]    settings lines for the installation
";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = argv.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let outcome: Result<ExitCode, UsageError> = match command.as_str() {
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "check" => check::run(rest),
        "resolve" => resolve::run(rest),
        "snippet" => snippet::run(rest),
        other => Err(UsageError(format!("unknown command {other:?}"))),
    };
    match outcome {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
