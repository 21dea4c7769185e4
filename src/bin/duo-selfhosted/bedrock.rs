//! `duo-selfhosted bedrock --region R --model M [--prefer regional|global]
//! [--profiles FILE]`: the `bedrock/…` identifier to paste into GitLab for
//! a model called from an AWS Region.

use crate::input::read_text;
use crate::out::{escape_line, print_json, Out};
use crate::render;
use crate::{exit_for, Failure, Format, Outcome};
use duo_selfhosted::bedrock::{bedrock_identifier_with, default_table, Prefer, ProfileTable};
use duo_selfhosted::Diagnostics;

/// The arguments of `bedrock`.
#[derive(clap::Args, Debug)]
pub struct BedrockArgs {
    /// The AWS Region the AI gateway calls Bedrock from (AWS_REGION).
    #[arg(long, value_name = "REGION", allow_hyphen_values = true)]
    region: String,
    /// The base model ID, e.g. anthropic.claude-3-5-sonnet-20241022-v2:0.
    #[arg(long, value_name = "MODEL_ID", allow_hyphen_values = true)]
    model: String,
    /// regional (a geographic profile first) or global (global. first).
    #[arg(long, value_name = "PREFER", allow_hyphen_values = true)]
    prefer: Option<String>,
    /// A newer profile table (JSON, the shape of the embedded one).
    #[arg(long, value_name = "FILE")]
    profiles: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Run the command; exit 1 when no identifier can work.
pub fn run(args: &BedrockArgs, color: bool) -> Outcome {
    let prefer = match args.prefer.as_deref() {
        None | Some("regional") => Prefer::Regional,
        Some("global") => Prefer::Global,
        Some(other) => {
            return Err(Failure::usage(format!(
                "--prefer: expected regional or global, got {other:?}"
            )))
        }
    };
    let loaded;
    let mut table_diagnostics = Diagnostics::new();
    let table: &ProfileTable = match &args.profiles {
        None => default_table(),
        Some(path) => {
            let text = read_text(path)?;
            loaded = ProfileTable::load(&text, &mut table_diagnostics);
            match &loaded {
                Some(table) => table,
                None => {
                    let messages: Vec<String> =
                        table_diagnostics.iter().map(ToString::to_string).collect();
                    return Err(Failure::usage(format!(
                        "--profiles {path}: {}",
                        messages.join("; ")
                    )));
                }
            }
        }
    };
    let mut report = bedrock_identifier_with(table, &args.region, &args.model, prefer);
    if !table_diagnostics.is_empty() {
        let mut all = table_diagnostics;
        all.extend(report.diagnostics);
        report.diagnostics = all;
    }
    match args.format {
        Format::Json => print_json(&report),
        Format::Text => {
            let mut out = Out::new(color);
            out.line(&format!(
                "identifier: {}",
                escape_line(report.identifier.as_deref().unwrap_or("none can work"))
            ));
            out.line(&format!(
                "prefix: {}",
                report.prefix.as_deref().unwrap_or("none")
            ));
            out.line(&format!("profile table dated {}", report.data_date));
            for d in &report.diagnostics {
                render::line(&mut out, d);
            }
        }
    }
    Ok(exit_for(report.diagnostics.has_errors()))
}
