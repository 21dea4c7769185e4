//! `duo-selfhosted identifier <IDENTIFIER> [--method M] [--region R]`:
//! parse a model identifier the way the AI gateway does and check it for
//! the deployment method; with `--region`, also check a Bedrock
//! identifier's cross-region prefix against that AWS Region.

use crate::out::{escape_line, print_json, Out};
use crate::render;
use crate::{exit_for, Failure, Format, Outcome};
use duo_selfhosted::bedrock::default_table;
use duo_selfhosted::family::DeploymentMethod;
use duo_selfhosted::identifier::{identifier_report, identifier_report_for_region};

/// The arguments of `identifier`.
#[derive(clap::Args, Debug)]
pub struct IdentifierArgs {
    /// The model identifier, e.g. custom_openai/mistralai/Mixtral-8x7B.
    #[arg(value_name = "IDENTIFIER")]
    identifier: String,
    /// The deployment method: vllm, bedrock, azure_openai or vertex_ai.
    #[arg(long, value_name = "METHOD", allow_hyphen_values = true)]
    method: Option<String>,
    /// The AWS Region the AI gateway calls Bedrock from.
    #[arg(long, value_name = "REGION", allow_hyphen_values = true)]
    region: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Run the command; exit 1 when the identifier has an error.
pub fn run(args: &IdentifierArgs, color: bool) -> Outcome {
    let method = match &args.method {
        None => None,
        Some(key) => Some(DeploymentMethod::from_key(key).ok_or_else(|| {
            let keys: Vec<&str> = DeploymentMethod::keys().collect();
            Failure::usage(format!(
                "--method: unknown deployment method {key:?}, expected one of: {}",
                keys.join(", ")
            ))
        })?),
    };
    let report = match &args.region {
        Some(region) => {
            identifier_report_for_region(&args.identifier, method, region, default_table())
        }
        None => identifier_report(&args.identifier, method),
    };
    match args.format {
        Format::Json => print_json(&report),
        Format::Text => {
            let mut out = Out::new(color);
            out.line(&format!("provider: {}", escape_line(&report.provider)));
            out.line(&format!("model: {}", escape_line(&report.model)));
            out.line(&format!(
                "cross-region prefix: {}",
                report.cross_region_prefix.as_deref().unwrap_or("none")
            ));
            for d in &report.diagnostics {
                render::line(&mut out, d);
            }
        }
    }
    Ok(exit_for(report.diagnostics.has_errors()))
}
