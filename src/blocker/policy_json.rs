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

use super::{Context, Policy};
use crate::allowlist::Allowlist;
use crate::decode::{parse_json, wrong_type, Fields};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
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
