//! `duo-selfhosted classify <HOST|IP|URL>`: the address class of a host.

use crate::args::{print_json, Args, Format, UsageError};
use duo_selfhosted::address::classify;
use std::process::ExitCode;

/// Run the command.
pub fn run(argv: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(argv, &[], &[])?;
    let format = args.format(&[Format::Text, Format::Json])?;
    let [input] = args.exactly(["HOST|IP|URL"])?;
    let result = classify(input);
    match format {
        Format::Json => print_json(&result),
        _ => {
            outln!("input:          {}", result.input);
            outln!(
                "canonical host: {}",
                result.canonical_host.as_deref().unwrap_or("(none)")
            );
            outln!("class:          {}", result.class);
            if let Some(v4) = result.embedded_ipv4 {
                outln!("embedded IPv4:  {v4}");
            }
            outln!(
                "cloud metadata: {}",
                if result.cloud_metadata { "yes" } else { "no" }
            );
            for d in &result.diagnostics {
                outln!("{d}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
