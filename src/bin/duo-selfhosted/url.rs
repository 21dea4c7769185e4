//! `duo-selfhosted url <URL> [--preset P] [--policy JSON] [--gitlab-version V]`:
//! what GitLab's URL blocker does with a URL.

use crate::args::{print_json, Args, Format, UsageError};
use duo_selfhosted::blocker::{apply_policy_text, check_url, Context, Policy};
use duo_selfhosted::preset::DEFAULT_VERSION;
use duo_selfhosted::{GitLabVersion, Preset};
use std::process::ExitCode;

/// Run the command.
pub fn run(argv: &[String]) -> Result<ExitCode, UsageError> {
    let args = Args::parse(argv, &["preset", "policy", "gitlab-version"], &[])?;
    let format = args.format(&[Format::Text, Format::Json])?;
    let [url] = args.exactly(["URL"])?;
    let version = match args.value("gitlab-version") {
        Some(text) => text
            .parse::<GitLabVersion>()
            .map_err(|e| UsageError(format!("--gitlab-version: {e}")))?,
        None => DEFAULT_VERSION,
    };
    let mut policy = match args.value("preset") {
        Some(name) => Preset::from_name(name)
            .ok_or_else(|| {
                let names: Vec<&str> = Preset::ALL.iter().map(|p| p.name()).collect();
                UsageError(format!(
                    "unknown --preset {name:?}, expected one of: {}",
                    names.join(", ")
                ))
            })?
            .policy(&version),
        None => Policy::default(),
    };
    let mut context = Context::default();
    let mut extra = Vec::new();
    if let Some(text) = args.value("policy") {
        let found = apply_policy_text(text, &mut policy, &mut context);
        let mut problems = Vec::new();
        for d in found {
            if d.is_error()
                && (d.code().starts_with("document.") || d.code().starts_with("policy."))
            {
                problems.push(format!("--policy {}", d));
            } else {
                extra.push(d);
            }
        }
        if !problems.is_empty() {
            return Err(UsageError(problems.join("\n")));
        }
    }
    let mut verdict = check_url(url, &policy, &context);
    verdict.diagnostics.extend(extra);
    match format {
        Format::Json => print_json(&verdict),
        _ => {
            let state = match verdict.blocked {
                Some(true) => "BLOCKED",
                Some(false) => "allowed",
                None => "DEPENDS ON DNS",
            };
            println!("{state}: {}", verdict.message);
            if let Some(m) = &verdict.gitlab_message {
                println!("GitLab says:    {m}");
            }
            println!(
                "canonical host: {}",
                verdict.canonical_host.as_deref().unwrap_or("(none)")
            );
            if let Some(port) = verdict.port {
                println!("port:           {port}");
            }
            println!("class:          {}", verdict.class);
            if let Some(entry) = &verdict.suggested_allowlist_entry {
                println!("allowlist fix:  {entry}");
            }
            for d in &verdict.diagnostics {
                println!("{d}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
