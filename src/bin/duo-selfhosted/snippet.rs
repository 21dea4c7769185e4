//! `duo-selfhosted snippet [FILE] [--format text|json]`: the settings lines
//! for the configuration's installation type.

use crate::args::{print_json, Args, Format, UsageError};
use crate::document;
use duo_selfhosted::settings;
use std::process::ExitCode;

/// Run the command.
pub fn run(argv: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(argv, &[], &[])?;
    let format = args.format(&[Format::Text, Format::Json])?;
    let config = document::read(args.optional_one("FILE")?)?.config()?;
    let snippet = settings::snippet(&config);
    match format {
        Format::Json => print_json(&snippet),
        _ => out!("{snippet}"),
    }
    Ok(ExitCode::SUCCESS)
}
