//! `duo-selfhosted check [FILE] --format json|text|codequality`: check a
//! whole configuration (the bundled example without FILE).

use crate::args::{print_json, Args, Format, UsageError};
use crate::document;
use std::process::ExitCode;

/// Run the command; exit 1 when there is an error diagnostic.
pub fn run(argv: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(argv, &[], &[])?;
    let format = args.format(&[Format::Text, Format::Json, Format::CodeQuality])?;
    let doc = document::read(args.optional_one("FILE")?)?;
    let report = doc.check();
    match format {
        Format::Json => print_json(&report),
        Format::CodeQuality => print_json(&report.code_quality_in(&doc.path, &doc.text)),
        Format::Text => out!("{report}"),
    }
    Ok(if report.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
