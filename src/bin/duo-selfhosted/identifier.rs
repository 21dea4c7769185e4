//! `duo-selfhosted identifier <IDENTIFIER> [--method M] --format text|json`:
//! parse a model identifier the way the AI gateway does and check it for
//! the deployment method; with `--region`, also check a Bedrock
//! identifier's cross-region prefix against that AWS Region.

use crate::args::{print_json, Args, Format, UsageError};
use duo_selfhosted::bedrock::default_table;
use duo_selfhosted::family::DeploymentMethod;
use duo_selfhosted::identifier::{identifier_report, identifier_report_for_region};
use std::process::ExitCode;

/// Run the command.
pub fn run(argv: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(argv, &["method", "region"], &[])?;
    let format = args.format(&[Format::Text, Format::Json])?;
    let [text] = args.exactly(["IDENTIFIER"])?;
    let method = match args.value("method") {
        None => None,
        Some(key) => Some(DeploymentMethod::from_key(key).ok_or_else(|| {
            let keys: Vec<&str> = DeploymentMethod::keys().collect();
            UsageError(format!(
                "--method: unknown deployment method {key:?}, expected one of: {}",
                keys.join(", ")
            ))
        })?),
    };
    let report = match args.value("region") {
        Some(region) => identifier_report_for_region(text, method, region, default_table()),
        None => identifier_report(text, method),
    };
    match format {
        Format::Json => print_json(&report),
        _ => {
            outln!("provider: {}", report.provider);
            outln!("model: {}", report.model);
            outln!(
                "cross-region prefix: {}",
                report.cross_region_prefix.as_deref().unwrap_or("none")
            );
            for d in &report.diagnostics {
                outln!("{d}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
