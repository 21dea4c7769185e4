//! `duo-selfhosted classify <HOST|IP|URL>`: the address class of a host.

use crate::out::{escape_line, print_json, Out};
use crate::render;
use crate::{exit_for, Format, Outcome};
use duo_selfhosted::address::classify;

/// The arguments of `classify`.
#[derive(clap::Args, Debug)]
pub struct ClassifyArgs {
    /// A host, an IP address or a URL (a URL's password is masked in the
    /// output).
    #[arg(value_name = "HOST|IP|URL")]
    input: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Run the command; exit 1 when the input is invalid.
pub fn run(args: &ClassifyArgs, color: bool) -> Outcome {
    let result = classify(&args.input);
    match args.format {
        Format::Json => print_json(&result),
        Format::Text => {
            let mut out = Out::new(color);
            out.line(&format!("input:          {}", escape_line(&result.input)));
            out.line(&format!(
                "canonical host: {}",
                escape_line(result.canonical_host.as_deref().unwrap_or("(none)"))
            ));
            out.line(&format!("class:          {}", result.class));
            if let Some(v4) = result.embedded_ipv4 {
                out.line(&format!("embedded IPv4:  {v4}"));
            }
            out.line(&format!(
                "cloud metadata: {}",
                if result.cloud_metadata { "yes" } else { "no" }
            ));
            for d in &result.diagnostics {
                render::line(&mut out, d);
            }
        }
    }
    Ok(exit_for(result.diagnostics.has_errors()))
}
