//! `duo-selfhosted url <URL> [--preset P] [--policy JSON] [--gitlab-version V]`:
//! what GitLab's URL blocker does with a URL.

use crate::out::{escape_line, print_json, Out, Style};
use crate::render;
use crate::{exit_for, Failure, Format, Outcome};
use duo_selfhosted::blocker::{check_url_request, UrlRequest};

/// The arguments of `url`.
#[derive(clap::Args, Debug)]
pub struct UrlArgs {
    /// The URL.
    #[arg(value_name = "URL")]
    url: String,
    /// GitLab's options for a setting: ai-gateway (the Local AI Gateway URL
    /// when saved), ai-gateway-request (calls to the AI gateway) or
    /// model-endpoint (a self-hosted model's endpoint when saved).
    #[arg(long, value_name = "PRESET", allow_hyphen_values = true)]
    preset: Option<String>,
    /// A JSON object of GitLab's option names and the context the library
    /// cannot look up (resolved_addresses, server_addresses,
    /// http_proxy_env, internal_uris).
    #[arg(long, value_name = "JSON", allow_hyphen_values = true)]
    policy: Option<String>,
    /// The GitLab version whose option set applies.
    #[arg(long, value_name = "V", allow_hyphen_values = true)]
    gitlab_version: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

/// Run the command; exit 1 when GitLab blocks the URL (or another finding
/// is an error).
pub fn run(args: &UrlArgs, color: bool) -> Outcome {
    let request = UrlRequest {
        url: &args.url,
        preset: args.preset.as_deref(),
        policy_json: args.policy.as_deref(),
        gitlab_version: args.gitlab_version.as_deref(),
    };
    let verdict = check_url_request(request).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        Failure::usage(lines.join("\n"))
    })?;
    match args.format {
        Format::Json => print_json(&verdict),
        Format::Text => {
            let mut out = Out::new(color);
            let (state, style) = match verdict.blocked {
                Some(true) => ("BLOCKED", Style::Error),
                Some(false) => ("allowed", Style::Help),
                None => ("DEPENDS ON DNS", Style::Warning),
            };
            out.styled(style, state)
                .line(&format!(": {}", escape_line(&verdict.message)));
            if let Some(m) = &verdict.gitlab_message {
                out.line(&format!("GitLab says:    {}", escape_line(m)));
            }
            out.line(&format!(
                "canonical host: {}",
                escape_line(verdict.canonical_host.as_deref().unwrap_or("(none)"))
            ));
            if let Some(port) = verdict.port {
                out.line(&format!("port:           {port}"));
            }
            out.line(&format!("class:          {}", verdict.class));
            if let Some(entry) = &verdict.suggested_allowlist_entry {
                out.line(&format!("allowlist fix:  {}", escape_line(entry)));
            }
            for d in &verdict.diagnostics {
                render::line(&mut out, d);
            }
        }
    }
    Ok(exit_for(verdict.diagnostics.has_errors()))
}
