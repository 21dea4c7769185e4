//! `duo-selfhosted check [FILE] --format json|text|codequality`: check a
//! whole configuration (the bundled example without FILE).

use crate::args::{print_json, Args, Format, UsageError};
use crate::document;
use std::process::ExitCode;

/// Run the command; exit 1 when there is an error diagnostic.
pub fn run(argv: &[String]) -> Result<ExitCode, UsageError> {
    #[cfg(feature = "gitlab-api")]
    let valued = crate::gitlab::CONNECTION_OPTIONS;
    #[cfg(not(feature = "gitlab-api"))]
    let valued: &[&str] = &[];
    let args = Args::parse(argv, valued, &[])?;
    let format = args.format(&[Format::Text, Format::Json, Format::CodeQuality])?;
    let doc = document::read(args.optional_one("FILE")?)?;
    #[allow(unused_mut)]
    let mut report = doc.check();
    #[cfg(feature = "gitlab-api")]
    if let Some(drift) = crate::gitlab::drift(&args, doc.decode().config.as_ref())? {
        let mut diagnostics = report.diagnostics.clone();
        diagnostics.extend(drift);
        report = duo_selfhosted::config::Report::new(diagnostics);
    }
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
