//! `duo-selfhosted model [FILE] [--gitlab-version V] [--beta] [--deny-all]
//! [--allowlist ENTRIES] [--allow-local] --format text|json`: check one
//! self-hosted model record (JSON, standard input by default).

use crate::args::{print_json, read_input, Args, Format, UsageError};
use duo_selfhosted::model::{ModelContext, ModelReport};
use std::process::ExitCode;

/// Run the command.
pub fn run(argv: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(
        argv,
        &["gitlab-version", "allowlist"],
        &["beta", "deny-all", "allow-local"],
    )?;
    let format = args.format(&[Format::Text, Format::Json])?;
    let mut context = ModelContext::default();
    if let Some(v) = args.value("gitlab-version") {
        context.gitlab_version = v
            .parse()
            .map_err(|e| UsageError(format!("--gitlab-version: {e}")))?;
    }
    context.beta_models_enabled = args.flag("beta");
    context.deny_all_requests_except_allowed = args.flag("deny-all");
    context.allow_local_requests_from_web_hooks_and_services = args.flag("allow-local");
    if let Some(list) = args.value("allowlist") {
        context.outbound_allowlist = list
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
    }
    let text = read_input(args.optional_one("FILE")?)?;
    let report = ModelReport::from_json(&text, &context);
    match format {
        Format::Json => print_json(&report),
        _ => {
            for d in &report.diagnostics {
                outln!("{d}");
            }
            outln!("{}", if report.valid { "valid" } else { "invalid" });
        }
    }
    Ok(ExitCode::SUCCESS)
}
