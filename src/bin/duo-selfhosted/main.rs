//! `duo-selfhosted`: GitLab Duo Self-Hosted configuration checks for admins
//! and CI pipelines. A thin front end: it parses arguments (clap), calls
//! the library and prints its results. No rule lives here.
//!
//! Exit codes, for every subcommand: 0 when there is no error-severity
//! finding, 1 when there is one, 2 on a usage error (a mistyped option, a
//! value the command does not take, a file that cannot be read); `plan
//! --detailed-exitcode` adds 3 for a plan that changes something.

mod allowlist;
mod bedrock;
mod check;
mod classify;
mod explain;
#[cfg(feature = "gitlab-api")]
mod gitlab;
mod identifier;
mod init;
mod input;
mod listing;
mod model;
mod out;
mod render;
mod url;

use clap::{Parser, Subcommand, ValueEnum};
use out::ColorWhen;
use std::process::ExitCode;

/// The exit codes, shown under every `--help`.
pub const EXIT_CODES: &str = "\
Exit codes:
  0  no finding is an error (warnings and info may be printed)
  1  at least one finding is an error
  2  usage error: a mistyped command or option, a value the command does
     not take, a file that cannot be read (not found, not UTF-8)";

/// A failure that is not a finding: the command could not run (exit 2).
#[derive(Debug)]
pub struct Failure(pub String);

impl Failure {
    /// A usage error with this message.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure(message.into())
    }
}

/// The result of a command: its exit code, or why it could not run.
pub type Outcome = Result<ExitCode, Failure>;

/// Exit code 1 when `errors`, else 0.
pub fn exit_for(errors: bool) -> ExitCode {
    if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--format` for the commands that print text or JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable text.
    Text,
    /// One line of compact JSON (the npm package's bytes).
    Json,
}

/// GitLab Duo Self-Hosted configuration checks: GitLab's rules for the AI
/// gateway URL, the outbound allowlist, model identifiers, Bedrock
/// inference profiles and feature settings, all at once.
#[derive(Parser, Debug)]
#[command(
    name = "duo-selfhosted",
    version,
    propagate_version = true,
    after_help = EXIT_CODES,
    subcommand_required = true,
    arg_required_else_help = true
)]
struct Cli {
    /// Colour the text output: auto (on a terminal, unless NO_COLOR is
    /// set), always or never.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    color: ColorWhen,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a whole configuration (JSON or TOML) and report every problem.
    #[command(after_help = EXIT_CODES)]
    Check(check::CheckArgs),
    /// Say what each feature will actually use, and why.
    #[command(after_help = EXIT_CODES)]
    Resolve(check::DocumentArgs),
    /// Print the settings lines for the configuration's installation type.
    #[command(after_help = EXIT_CODES)]
    Snippet(check::DocumentArgs),
    /// Write a commented starting configuration that `check` accepts.
    #[command(after_help = EXIT_CODES)]
    Init(init::InitArgs),
    /// Explain a diagnostic code: what it means, why GitLab does it, how
    /// to fix it; --list lists every code.
    #[command(after_help = EXIT_CODES)]
    Explain(explain::ExplainArgs),
    /// List the features of a GitLab release: titles, sections, release
    /// states, compatible model families.
    #[command(after_help = EXIT_CODES)]
    Features(listing::ListingArgs),
    /// List the model families of a GitLab release: release states,
    /// deployment methods, the features each serves.
    #[command(after_help = EXIT_CODES)]
    Families(listing::ListingArgs),
    /// Classify a host, an IP address or a URL (loopback, private, …).
    #[command(after_help = EXIT_CODES)]
    Classify(classify::ClassifyArgs),
    /// What GitLab's URL blocker does with a URL.
    #[command(after_help = EXIT_CODES)]
    Url(url::UrlArgs),
    /// The outbound allowlist as GitLab reads it, and which entry allows a
    /// host.
    #[command(subcommand, after_help = EXIT_CODES)]
    Allowlist(allowlist::AllowlistCommand),
    /// The bedrock/… identifier for a model called from an AWS Region.
    #[command(after_help = EXIT_CODES)]
    Bedrock(bedrock::BedrockArgs),
    /// Parse and check a model identifier.
    #[command(after_help = EXIT_CODES)]
    Identifier(identifier::IdentifierArgs),
    /// Check one self-hosted model record (JSON; a FILE or standard input).
    #[command(after_help = EXIT_CODES)]
    Model(model::ModelArgs),
    /// Configuration as code: the instance's set-up as a document (the
    /// token from --token-env VAR, default GITLAB_TOKEN, or --token-file).
    #[cfg(feature = "gitlab-api")]
    Import(gitlab::ImportArgs),
    /// Configuration as code: what apply would change.
    #[cfg(feature = "gitlab-api")]
    Plan(gitlab::PlanArgs),
    /// Configuration as code: make the instance the document's.
    #[cfg(feature = "gitlab-api")]
    Apply(gitlab::ApplyArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output with exit 0; usage
            // errors to standard error with exit 2 and the short usage.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let color = cli.color.enabled();
    let outcome = match cli.command {
        Command::Check(args) => check::check(&args, color),
        Command::Resolve(args) => check::resolve(&args, color),
        Command::Snippet(args) => check::snippet(&args, color),
        Command::Init(args) => init::run(&args),
        Command::Explain(args) => explain::run(&args, color),
        Command::Features(args) => listing::features(&args),
        Command::Families(args) => listing::families(&args),
        Command::Classify(args) => classify::run(&args, color),
        Command::Url(args) => url::run(&args, color),
        Command::Allowlist(command) => allowlist::run(&command, color),
        Command::Bedrock(args) => bedrock::run(&args, color),
        Command::Identifier(args) => identifier::run(&args, color),
        Command::Model(args) => model::run(&args, color),
        #[cfg(feature = "gitlab-api")]
        Command::Import(args) => gitlab::import(&args),
        #[cfg(feature = "gitlab-api")]
        Command::Plan(args) => gitlab::plan(&args),
        #[cfg(feature = "gitlab-api")]
        Command::Apply(args) => gitlab::apply(&args),
    };
    match outcome {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("error: {}", out::escape(&message));
            ExitCode::from(2)
        }
    }
}

/// Read `--gitlab-version`, or the newest release the rules cover.
pub fn gitlab_version(text: Option<&str>) -> Result<duo_selfhosted::GitLabVersion, Failure> {
    let text = text.map_or_else(
        || duo_selfhosted::timeline::NEWEST.version_text(),
        str::to_owned,
    );
    text.trim().parse().map_err(|e| {
        Failure::usage(format!(
            "--gitlab-version: invalid GitLab version {text:?}: {e}"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
