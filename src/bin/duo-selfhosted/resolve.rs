//! `duo-selfhosted resolve [FILE] --format json|text`: what every feature
//! will actually use, and why.

use crate::args::{print_json, Args, Format, UsageError};
use crate::document;
use duo_selfhosted::config;
use std::process::ExitCode;

/// Run the command.
pub fn run(argv: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(argv, &[], &[])?;
    let format = args.format(&[Format::Text, Format::Json])?;
    let config = document::read(args.optional_one("FILE")?)?.config()?;
    let resolution = config::resolve(&config);
    match format {
        Format::Json => print_json(&resolution),
        _ => out!("{resolution}"),
    }
    Ok(ExitCode::SUCCESS)
}
