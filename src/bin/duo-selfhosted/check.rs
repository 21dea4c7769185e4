//! `check`, `resolve` and `snippet`: the commands that read a whole
//! configuration document.

use crate::input::{self, Document, InputFormat};
use crate::out::{self, print_json, Out};
use crate::render::{self, Source};
use crate::{exit_for, Format, Outcome};
use duo_selfhosted::config::{self, SourceFormat};
use duo_selfhosted::{settings, Diagnostics, Severity};
use serde::Serialize;
use std::process::ExitCode;

/// `--format` of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Human-readable text: each finding at its line, with a caret.
    Text,
    /// One line of compact JSON: {"valid", "diagnostics"}.
    Json,
    /// GitLab CI's Code Quality report (artifacts:reports:codequality).
    Codequality,
}

/// `--min-severity`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MinSeverity {
    /// Errors only.
    Error,
    /// Errors and warnings.
    Warning,
    /// Everything (the default).
    Info,
}

impl MinSeverity {
    fn admits(self, severity: Severity) -> bool {
        let floor = match self {
            MinSeverity::Error => Severity::Error,
            MinSeverity::Warning => Severity::Warning,
            MinSeverity::Info => Severity::Info,
        };
        severity <= floor
    }
}

/// The arguments of `check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The configuration (JSON or TOML); `-` for standard input. Without
    /// it: standard input when it is not a terminal, else the bundled
    /// example.
    #[arg(value_name = "FILE")]
    file: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: CheckFormat,
    /// The document's syntax: json or toml (default: the file's extension,
    /// else its first character, `{` for JSON).
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormat>,
    /// Leave out findings below this severity (the exit code still counts
    /// every error).
    #[arg(long, value_enum, default_value = "info", value_name = "SEVERITY")]
    min_severity: MinSeverity,
    /// Also report drift from a GitLab instance (--gitlab URL, with its
    /// token options).
    #[cfg(feature = "gitlab-api")]
    #[command(flatten)]
    connection: crate::gitlab::Connection,
}

/// The arguments of `resolve` and `snippet`.
#[derive(clap::Args, Debug)]
pub struct DocumentArgs {
    /// The configuration (JSON or TOML); `-` for standard input. Without
    /// it: standard input when it is not a terminal, else the bundled
    /// example.
    #[arg(value_name = "FILE")]
    file: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// The document's syntax: json or toml (default: the file's extension,
    /// else its first character, `{` for JSON).
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormat>,
}

fn source(doc: &Document) -> Source<'_> {
    Source {
        path: &doc.path,
        text: &doc.text,
        format: doc.format,
    }
}

/// A note when a JSON document that does not parse is TOML.
fn toml_hint(doc: &Document, diagnostics: &Diagnostics) {
    if doc.format == SourceFormat::Json
        && diagnostics.contains_code("document.invalid_json")
        && doc.text.parse::<toml::Table>().is_ok()
    {
        out::note(&format!(
            "{} reads as TOML: name it .toml or pass --input-format toml",
            doc.path
        ));
    }
}

/// `check [FILE]`: every finding; exit 1 when one is an error.
pub fn check(args: &CheckArgs, color: bool) -> Outcome {
    let doc = input::read_document(args.file.as_deref(), args.input_format)?;
    let mut report = doc.check();
    #[cfg(feature = "gitlab-api")]
    if let Some(drift) = crate::gitlab::drift(&args.connection, doc.decode().config.as_ref())? {
        let mut diagnostics = report.diagnostics.clone();
        diagnostics.extend(drift);
        report = config::Report::new(diagnostics);
    }
    let errors = !report.valid;
    toml_hint(&doc, &report.diagnostics);
    report.diagnostics = report
        .diagnostics
        .into_iter()
        .filter(|d| args.min_severity.admits(d.severity()))
        .collect();
    match args.format {
        CheckFormat::Json => print_json(&report),
        CheckFormat::Codequality => print_json(&report.code_quality_located(
            &input::relative_to_cwd(&doc.path),
            &doc.text,
            doc.format,
        )),
        CheckFormat::Text => {
            render::diagnostics(
                &mut Out::new(color),
                Some(&source(&doc)),
                &report.diagnostics,
            );
        }
    }
    Ok(exit_for(errors))
}

/// What `resolve --format json` prints for a document that cannot be read
/// (the npm package's `resolveFeatures` answers the same): no features, and
/// why.
#[derive(Serialize)]
struct Unreadable<'a> {
    features: [(); 0],
    diagnostics: &'a Diagnostics,
}

/// Run a command on a readable configuration: `answer` is what it prints
/// (as text or JSON). A document that cannot be read prints why instead
/// (as JSON with `unreadable`) and exits 1.
fn with_config<T: Serialize + std::fmt::Display>(
    args: &DocumentArgs,
    color: bool,
    unreadable: impl Fn(&Diagnostics),
    answer: impl Fn(&config::Config) -> T,
) -> Outcome {
    let doc = input::read_document(args.file.as_deref(), args.input_format)?;
    let decoded = doc.decode();
    let Some(config) = decoded.config else {
        toml_hint(&doc, &decoded.diagnostics);
        match args.format {
            Format::Json => unreadable(&decoded.diagnostics),
            Format::Text => {
                render::diagnostics(
                    &mut Out::new(color),
                    Some(&source(&doc)),
                    &decoded.diagnostics,
                );
            }
        }
        return Ok(ExitCode::from(1));
    };
    let answer = answer(&config);
    match args.format {
        Format::Json => print_json(&answer),
        Format::Text => {
            Out::new(color).text(&answer.to_string());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `resolve [FILE]`: what every feature will use (exit 1 when the document
/// cannot be read, with why).
pub fn resolve(args: &DocumentArgs, color: bool) -> Outcome {
    let unreadable = |diagnostics: &Diagnostics| {
        print_json(&Unreadable {
            features: [],
            diagnostics,
        });
    };
    with_config(args, color, unreadable, config::resolve)
}

/// `snippet [FILE]`: the settings lines (exit 1 when the document cannot
/// be read, with why; as JSON the `check` report's shape).
pub fn snippet(args: &DocumentArgs, color: bool) -> Outcome {
    let unreadable = |diagnostics: &Diagnostics| {
        print_json(&config::Report::new(diagnostics.clone()));
    };
    with_config(args, color, unreadable, settings::snippet)
}
