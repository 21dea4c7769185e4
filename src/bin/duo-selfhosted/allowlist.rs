//! `duo-selfhosted allowlist parse <TEXT>` and
//! `duo-selfhosted allowlist match <TEXT> <HOST_OR_IP> [--port N]`.

use crate::args::{print_json, Args, Format, UsageError};
use duo_selfhosted::allowlist::{parse_report, Allowlist};
use std::process::ExitCode;

/// Run the command.
pub fn run(argv: &[String]) -> Result<ExitCode, UsageError> {
    let Some((sub, rest)) = argv.split_first() else {
        return Err(UsageError(
            "allowlist needs a subcommand: parse or match".to_owned(),
        ));
    };
    match sub.as_str() {
        "parse" => parse(rest),
        "match" => matches(rest),
        other => Err(UsageError(format!(
            "unknown allowlist subcommand {other:?}, expected parse or match"
        ))),
    }
}

fn parse(argv: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(argv, &[], &[])?;
    let format = args.format(&[Format::Text, Format::Json])?;
    let [text] = args.exactly(["TEXT"])?;
    let report = parse_report(text);
    match format {
        Format::Json => print_json(&report),
        _ => {
            for (i, e) in report.entries.iter().enumerate() {
                let port = e.port.map(|p| format!(" port {p}")).unwrap_or_default();
                outln!("[{i}] {:?}: {} {}{port}", e.raw, e.kind.as_str(), e.value);
            }
            for d in &report.diagnostics {
                outln!("{d}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn matches(argv: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(argv, &["port"], &[])?;
    let format = args.format(&[Format::Text, Format::Json])?;
    let [text, host] = args.exactly(["TEXT", "HOST_OR_IP"])?;
    let port = match args.value("port") {
        Some(p) => Some(
            p.parse::<u16>()
                .map_err(|_| UsageError(format!("--port {p:?} is not a port number (0-65535)")))?,
        ),
        None => None,
    };
    let (list, _) = Allowlist::parse(text);
    let result = list.match_host_text(host, port);
    match format {
        Format::Json => print_json(&result),
        _ => match &result.entry {
            Some(entry) => outln!("matched by {entry:?}"),
            None => outln!("no entry matches"),
        },
    }
    Ok(ExitCode::SUCCESS)
}
