//! `duo-selfhosted model [FILE]`: check one self-hosted model record
//! (JSON; standard input when there is no FILE).

use crate::input;
use crate::out::{print_json, Out};
use crate::render::{self, Source};
use crate::{exit_for, Failure, Format, Outcome};
use duo_selfhosted::config::SourceFormat;
use duo_selfhosted::model::{ModelContext, ModelReport};

/// The arguments of `model`.
#[derive(clap::Args, Debug)]
pub struct ModelArgs {
    /// The record (JSON, a `self_hosted_models` entry); `-` or nothing for
    /// standard input.
    #[arg(value_name = "FILE")]
    file: Option<String>,
    /// The GitLab version whose rules apply (default: the newest covered).
    #[arg(long, value_name = "V", allow_hyphen_values = true)]
    gitlab_version: Option<String>,
    /// "Use beta models and features in GitLab Duo Self-Hosted" is on.
    #[arg(long)]
    beta: bool,
    /// "Block all requests, except those on the allowlist" is on.
    #[arg(long)]
    deny_all: bool,
    /// The outbound allowlist (entries separated by commas, semicolons or
    /// new lines).
    #[arg(long, value_name = "ENTRIES", allow_hyphen_values = true)]
    allowlist: Option<String>,
    /// "Allow requests to the local network from webhooks and
    /// integrations" is on.
    #[arg(long)]
    allow_local: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Run the command; exit 1 when the record has an error.
pub fn run(args: &ModelArgs, color: bool) -> Outcome {
    let mut context = ModelContext::default();
    if let Some(v) = &args.gitlab_version {
        context.gitlab_version = v
            .parse()
            .map_err(|e| Failure::usage(format!("--gitlab-version: {e}")))?;
    }
    context.beta_models_enabled = args.beta;
    context.deny_all_requests_except_allowed = args.deny_all;
    context.allow_local_requests_from_web_hooks_and_services = args.allow_local;
    if let Some(list) = &args.allowlist {
        context.outbound_allowlist = list
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
    }
    let file = args.file.as_deref().filter(|f| *f != "-");
    let record =
        input::read_optional(file)?.filter(|(text, _)| file.is_some() || !text.trim().is_empty());
    let Some((text, path)) = record else {
        return Err(Failure::usage(
            "model needs a record: give a FILE, or pipe the record's JSON to standard input",
        ));
    };
    let report = ModelReport::from_json(&text, &context);
    match args.format {
        Format::Json => print_json(&report),
        Format::Text => {
            let source = Source {
                path: &path,
                text: &text,
                format: SourceFormat::Json,
            };
            render::diagnostics(&mut Out::new(color), Some(&source), &report.diagnostics);
        }
    }
    Ok(exit_for(!report.valid))
}
