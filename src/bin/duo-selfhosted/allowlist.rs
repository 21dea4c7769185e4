//! `duo-selfhosted allowlist parse <TEXT>` and
//! `duo-selfhosted allowlist match <TEXT> <HOST_OR_IP> [--port N]`.

use crate::out::{escape_line, print_json, Out};
use crate::render;
use crate::{exit_for, Failure, Format, Outcome, EXIT_CODES};
use duo_selfhosted::allowlist::{parse_report, Allowlist};
use std::process::ExitCode;

/// The `allowlist` subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum AllowlistCommand {
    /// Read the allowlist as GitLab does, with lints for entries that never
    /// match and the entry that would work.
    #[command(after_help = EXIT_CODES)]
    Parse {
        /// The allowlist's text (entries separated by commas, semicolons or
        /// whitespace).
        #[arg(value_name = "TEXT")]
        text: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// The entry that lets GitLab reach a host or IP address.
    #[command(after_help = EXIT_CODES)]
    Match {
        /// The allowlist's text.
        #[arg(value_name = "TEXT")]
        text: String,
        /// The host or IP address.
        #[arg(value_name = "HOST_OR_IP")]
        host: String,
        /// The port of the request.
        #[arg(long, value_name = "N")]
        port: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

/// Run the command: `parse` exits 1 when GitLab would refuse the list;
/// `match` reports no findings and exits 0.
pub fn run(command: &AllowlistCommand, color: bool) -> Outcome {
    match command {
        AllowlistCommand::Parse { text, format } => {
            let report = parse_report(text);
            match format {
                Format::Json => print_json(&report),
                Format::Text => {
                    let mut out = Out::new(color);
                    for (i, e) in report.entries.iter().enumerate() {
                        let port = e.port.map(|p| format!(" port {p}")).unwrap_or_default();
                        out.line(&format!(
                            "[{i}] {:?}: {} {}{port}",
                            e.raw(),
                            e.kind.as_str(),
                            escape_line(e.value())
                        ));
                    }
                    for d in &report.diagnostics {
                        render::line(&mut out, d);
                    }
                }
            }
            Ok(exit_for(report.diagnostics.has_errors()))
        }
        AllowlistCommand::Match {
            text,
            host,
            port,
            format,
        } => {
            let port = match port {
                Some(p) => Some(p.parse::<u16>().map_err(|_| {
                    Failure::usage(format!("--port {p:?} is not a port number (0-65535)"))
                })?),
                None => None,
            };
            let (list, _) = Allowlist::parse(text);
            let result = list.match_host_text(host, port);
            match format {
                Format::Json => print_json(&result),
                Format::Text => {
                    let mut out = Out::new(color);
                    match &result.entry {
                        Some(entry) => out.line(&format!("matched by {entry:?}")),
                        None => out.line("no entry matches"),
                    };
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
