//! Reading a policy JSON object (the `url --policy` argument, and the npm
//! package's policy parameter) over a base policy and context.
//!
//! Keys are GitLab's option names (`schemes`, `ports`, `allow_localhost`,
//! `allow_local_network`, `deny_all_requests_except_allowed`,
//! `dns_rebind_protection`, `deny_cloud_metadata_requests`, `enforce_user`,
//! `ascii_only`, `enforce_sanitization`, `extra_allowed_uris`,
//! `outbound_local_requests_allowlist`) and the context keys
//! (`resolved_addresses`, `server_addresses`, `http_proxy_env`,
//! `internal_uris`). Keys given override the base; unknown keys are
//! `document.unknown_field` errors with the nearest known name.

use super::check::check_url;
use super::policy::{Context, Policy};
use super::preset::{Preset, DEFAULT_VERSION};
use super::verdict::UrlVerdict;
use crate::decode::{parse_json, wrong_type, Fields};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::url::allowlist::Allowlist;
use crate::version::GitLabVersion;
use serde_json::Value;
use std::net::IpAddr;

/// Parse `text` as JSON and apply it with [`apply_policy_json`].
pub fn apply_policy_text(text: &str, policy: &mut Policy, context: &mut Context) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    if let Some(value) = parse_json(text, &mut diagnostics) {
        diagnostics.extend(apply_policy_json(&value, policy, context));
    }
    diagnostics
}

fn ip_list(
    fields: &mut Fields<'_>,
    name: &'static str,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<IpAddr>> {
    let path = fields.path_of(name);
    let items = fields.take_str_list(name, diagnostics)?;
    let mut out = Vec::with_capacity(items.len());
    for (index, text) in items {
        match text.parse::<IpAddr>() {
            Ok(ip) => out.push(ip),
            Err(_) => diagnostics.push(
                Diagnostic::error(
                    "policy.invalid_ip",
                    path.index(index),
                    format!("{text:?} is not an IP address"),
                )
                .with("value", text),
            ),
        }
    }
    Some(out)
}

/// Apply a policy JSON object to `policy` and `context`; every problem is
/// a diagnostic (the CLI turns errors into a usage error).
pub fn apply_policy_json(value: &Value, policy: &mut Policy, context: &mut Context) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    let Some(mut fields) = Fields::new(value, &Path::root(), &mut diagnostics) else {
        return diagnostics;
    };
    if let Some(schemes) = fields.take_str_list("schemes", &mut diagnostics) {
        if schemes.is_empty() {
            diagnostics.push(
                Diagnostic::error(
                    "policy.schemes_required",
                    fields.path_of("schemes"),
                    "schemes must not be empty (GitLab raises \"The schemes is a required argument\")",
                )
                .with("gitlab_message", "The schemes is a required argument"),
            );
        } else {
            policy.schemes = schemes.into_iter().map(|(_, s)| s.to_owned()).collect();
        }
    }
    let ports_path = fields.path_of("ports");
    match fields.take("ports") {
        None => {}
        Some(Value::Array(items)) => {
            let mut ports = Vec::new();
            for (index, item) in items.iter().enumerate() {
                match item.as_u64() {
                    Some(p) => ports.push(p),
                    None => diagnostics.push(wrong_type(
                        &ports_path.index(index),
                        "non-negative integer",
                        item,
                    )),
                }
            }
            policy.ports = ports;
        }
        Some(other) => diagnostics.push(wrong_type(&ports_path, "array", other)),
    }
    let flags: [(&'static str, &mut bool); 8] = [
        ("allow_localhost", &mut policy.allow_localhost),
        ("allow_local_network", &mut policy.allow_local_network),
        (
            "deny_all_requests_except_allowed",
            &mut policy.deny_all_requests_except_allowed,
        ),
        ("dns_rebind_protection", &mut policy.dns_rebind_protection),
        (
            "deny_cloud_metadata_requests",
            &mut policy.deny_cloud_metadata_requests,
        ),
        ("enforce_user", &mut policy.enforce_user),
        ("ascii_only", &mut policy.ascii_only),
        ("enforce_sanitization", &mut policy.enforce_sanitization),
    ];
    for (name, slot) in flags {
        if let Some(value) = fields.take_bool(name, &mut diagnostics) {
            *slot = value;
        }
    }
    if let Some(uris) = fields.take_str_list("extra_allowed_uris", &mut diagnostics) {
        policy.extra_allowed_uris = uris.into_iter().map(|(_, s)| s.to_owned()).collect();
    }
    let allowlist_path = fields.path_of("outbound_local_requests_allowlist");
    if let Some(entries) =
        fields.take_str_list("outbound_local_requests_allowlist", &mut diagnostics)
    {
        let (list, found) = Allowlist::from_entries(entries.iter().map(|(_, s)| *s));
        diagnostics.extend_under(&allowlist_path, found);
        policy.outbound_local_requests_allowlist = list;
    }
    if let Some(addresses) = ip_list(&mut fields, "resolved_addresses", &mut diagnostics) {
        context.resolved_addresses = Some(addresses);
    }
    if let Some(addresses) = ip_list(&mut fields, "server_addresses", &mut diagnostics) {
        context.server_addresses = addresses;
    }
    if let Some(value) = fields.take_bool("http_proxy_env", &mut diagnostics) {
        context.http_proxy_env = value;
    }
    if let Some(uris) = fields.take_str_list("internal_uris", &mut diagnostics) {
        context.internal_uris = uris.into_iter().map(|(_, s)| s.to_owned()).collect();
    }
    fields.finish(&mut diagnostics);
    diagnostics
}

/// A `url` check as the front ends receive it: the URL, an optional preset
/// name, an optional policy JSON object and an optional GitLab version.
/// The CLI's `url` command and the npm package's URL check both call
/// [`check_url_request`], so they agree on every rule, default and error.
#[derive(Clone, Copy, Debug, Default)]
pub struct UrlRequest<'a> {
    /// The URL to check.
    pub url: &'a str,
    /// `ai-gateway`, `ai-gateway-request` or `model-endpoint`; gem defaults
    /// when absent.
    pub preset: Option<&'a str>,
    /// A policy JSON object (see [`apply_policy_json`]).
    pub policy_json: Option<&'a str>,
    /// The GitLab version the preset follows; [`DEFAULT_VERSION`] when absent.
    pub gitlab_version: Option<&'a str>,
}

/// Run a [`UrlRequest`]: the verdict (with the policy's allowlist findings
/// added to its diagnostics), or the caller's mistakes as error
/// diagnostics (`policy.unknown_preset`, `policy.invalid_version`, and the
/// `document.*` / `policy.*` errors of the policy JSON), which front ends
/// report as usage errors.
pub fn check_url_request(request: UrlRequest<'_>) -> Result<UrlVerdict, Diagnostics> {
    let mut usage = Diagnostics::new();
    let version = match request.gitlab_version {
        None => Some(DEFAULT_VERSION),
        Some(text) => match text.parse::<GitLabVersion>() {
            Ok(v) => Some(v),
            Err(e) => {
                usage.push(
                    Diagnostic::error(
                        "policy.invalid_version",
                        Path::root().key("gitlab_version"),
                        format!("invalid GitLab version {text:?}: {e}"),
                    )
                    .with("value", text),
                );
                None
            }
        },
    };
    // Built once: the preset's policy, or the default (not the default
    // first and then the preset's, which allocated twice).
    let preset = request.preset.map(|name| (name, Preset::from_name(name)));
    let mut policy = match preset {
        Some((_, Some(preset))) => preset.policy(version.as_ref().unwrap_or(&DEFAULT_VERSION)),
        _ => Policy::default(),
    };
    if let Some((name, found)) = preset {
        match found {
            Some(_) => {}
            None => {
                let names: Vec<String> = Preset::ALL.iter().map(|p| p.name().to_owned()).collect();
                usage.push(
                    Diagnostic::error(
                        "policy.unknown_preset",
                        Path::root().key("preset"),
                        format!(
                            "unknown preset {name:?}, expected one of: {}",
                            names.join(", ")
                        ),
                    )
                    .with("value", name)
                    .with("allowed", names),
                );
            }
        }
    }
    let mut context = Context::default();
    let mut findings = Diagnostics::new();
    if let Some(text) = request.policy_json {
        for d in apply_policy_text(text, &mut policy, &mut context) {
            let caller_mistake = d.is_error()
                && (d.code().starts_with("document.") || d.code().starts_with("policy."));
            if caller_mistake {
                usage.push(d.under(&Path::root().key("policy")));
            } else {
                findings.push(d);
            }
        }
    }
    if usage.has_errors() {
        return Err(usage);
    }
    let mut verdict = check_url(request.url, &policy, &context);
    verdict.diagnostics.extend(findings);
    Ok(verdict)
}
