//! `duo-selfhosted url <URL> [--preset P] [--policy JSON] [--gitlab-version V]`:
//! what GitLab's URL blocker does with a URL.

use crate::args::{print_json, Args, Format, UsageError};
use duo_selfhosted::blocker::{check_url_request, UrlRequest};
use std::process::ExitCode;

/// Run the command.
pub fn run(argv: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(argv, &["preset", "policy", "gitlab-version"], &[])?;
    let format = args.format(&[Format::Text, Format::Json])?;
    let [url] = args.exactly(["URL"])?;
    let request = UrlRequest {
        url,
        preset: args.value("preset"),
        policy_json: args.value("policy"),
        gitlab_version: args.value("gitlab-version"),
    };
    let verdict = check_url_request(request).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        UsageError(lines.join("\n"))
    })?;
    match format {
        Format::Json => print_json(&verdict),
        _ => {
            let state = match verdict.blocked {
                Some(true) => "BLOCKED",
                Some(false) => "allowed",
                None => "DEPENDS ON DNS",
            };
            outln!("{state}: {}", verdict.message);
            if let Some(m) = &verdict.gitlab_message {
                outln!("GitLab says:    {m}");
            }
            outln!(
                "canonical host: {}",
                verdict.canonical_host.as_deref().unwrap_or("(none)")
            );
            if let Some(port) = verdict.port {
                outln!("port:           {port}");
            }
            outln!("class:          {}", verdict.class);
            if let Some(entry) = &verdict.suggested_allowlist_entry {
                outln!("allowlist fix:  {entry}");
            }
            for d in &verdict.diagnostics {
                outln!("{d}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
