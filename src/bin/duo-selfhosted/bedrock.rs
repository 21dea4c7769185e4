//! `duo-selfhosted bedrock --region R --model M [--prefer regional|global]
//! [--profiles FILE] --format text|json`: the `bedrock/…` identifier to
//! paste into GitLab for a model called from an AWS Region.

use crate::args::{print_json, read_input, Args, Format, UsageError};
use duo_selfhosted::bedrock::{bedrock_identifier_with, default_table, Prefer, ProfileTable};
use duo_selfhosted::Diagnostics;
use std::process::ExitCode;

/// Run the command.
pub fn run(argv: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(argv, &["region", "model", "prefer", "profiles"], &[])?;
    let format = args.format(&[Format::Text, Format::Json])?;
    if let Some(extra) = args.positionals().first() {
        return Err(UsageError(format!("unexpected argument {extra:?}")));
    }
    let region = args
        .value("region")
        .ok_or_else(|| UsageError("--region is required".to_owned()))?;
    let model = args
        .value("model")
        .ok_or_else(|| UsageError("--model is required".to_owned()))?;
    let prefer = match args.value("prefer") {
        None | Some("regional") => Prefer::Regional,
        Some("global") => Prefer::Global,
        Some(other) => {
            return Err(UsageError(format!(
                "--prefer: expected regional or global, got {other:?}"
            )))
        }
    };
    let loaded;
    let mut table_diagnostics = Diagnostics::new();
    let table: &ProfileTable = match args.value("profiles") {
        None => default_table(),
        Some(path) => {
            let text = read_input(Some(path))?;
            loaded = ProfileTable::load(&text, &mut table_diagnostics);
            match &loaded {
                Some(table) => table,
                None => {
                    let messages: Vec<String> =
                        table_diagnostics.iter().map(ToString::to_string).collect();
                    return Err(UsageError(format!(
                        "--profiles {path}: {}",
                        messages.join("; ")
                    )));
                }
            }
        }
    };
    let mut report = bedrock_identifier_with(table, region, model, prefer);
    if !table_diagnostics.is_empty() {
        let mut all = table_diagnostics;
        all.extend(report.diagnostics);
        report.diagnostics = all;
    }
    match format {
        Format::Json => print_json(&report),
        _ => {
            outln!(
                "identifier: {}",
                report.identifier.as_deref().unwrap_or("none can work")
            );
            outln!("prefix: {}", report.prefix.as_deref().unwrap_or("none"));
            outln!("profile table dated {}", report.data_date);
            for d in &report.diagnostics {
                outln!("{d}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
