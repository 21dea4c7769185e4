//! Advice for a blocked URL: the outbound allowlist entry that would let it
//! through (verified by re-running the check with it), or why none can.

use super::dns::evaluate;
use super::policy::{Context, Policy};
use super::steps::{unmap, Block, Outcome};
use super::verdict::UrlVerdict;
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::url::allowlist::Allowlist;
use crate::url::host::{addressable::AddressableUri, inet};
use std::net::IpAddr;

/// Advice: the allowlist entry that would let the URL through (verified by
/// re-running the check with it), or why none can.
pub(super) fn advise(
    url: &str,
    policy: &Policy,
    context: &Context,
    verdict: &mut UrlVerdict,
    diagnostics: &mut Diagnostics,
    uri: Option<&AddressableUri>,
    resolved: Option<&[IpAddr]>,
) {
    let blocks: Vec<Block> = match verdict.dns_outcomes.is_empty() {
        true => match evaluate(url, policy, context).0 {
            Ok(Outcome::Blocked(b)) => vec![b],
            _ => Vec::new(),
        },
        false => verdict
            .dns_outcomes
            .iter()
            .filter_map(|o| o.outcome.blocked().cloned())
            .collect(),
    };
    if blocks.is_empty() {
        return;
    }
    let reason = if verdict.canonical_host.is_none() {
        // An entry for a host browsers refuse (`10.0.0.1%00.evil.com`) would
        // only make GitLab accept a URL that no one should use.
        Some("the host is not valid (browsers refuse this URL)".to_owned())
    } else if blocks.iter().all(|b| !b.allowlistable()) {
        let first = &blocks[0];
        Some(if first.code == "url.cloud_metadata" {
            "cloud metadata endpoints are blocked before GitLab reads the allowlist".to_owned()
        } else {
            format!(
                "GitLab refuses the URL itself (step {}) before it reads the allowlist",
                first.step
            )
        })
    } else {
        None
    };
    let candidates = uri.map(|u| candidates(u, resolved)).unwrap_or_default();
    if reason.is_none() {
        for candidate in candidates {
            let (single, problems) = Allowlist::parse(&candidate);
            if single.len() != 1 || problems.has_errors() || single.entries()[0].raw != candidate {
                continue;
            }
            let mut trial = policy.clone();
            trial.outbound_local_requests_allowlist.add(&candidate);
            let fixed = match evaluate(url, &trial, context).0 {
                Ok(Outcome::Allowed(_)) => true,
                Ok(Outcome::Blocked(_)) => false,
                Err(outcomes) => outcomes
                    .iter()
                    .all(|o| o.outcome.blocked().map_or(true, |b| !b.allowlistable())),
            };
            if fixed {
                diagnostics.push(
                    Diagnostic::info(
                        "url.suggested_allowlist_entry",
                        Path::root(),
                        format!("add {candidate:?} to the outbound allowlist (Admin > Settings > Network > Outbound requests) to let GitLab reach this URL"),
                    )
                    .with("entry", candidate.as_str()),
                );
                verdict.suggested_allowlist_entry = Some(candidate);
                return;
            }
        }
    }
    let reason =
        reason.unwrap_or_else(|| "no single allowlist entry lets GitLab through".to_owned());
    diagnostics.push(
        Diagnostic::info(
            "url.no_allowlist_entry",
            Path::root(),
            format!("no allowlist entry can help: {reason}"),
        )
        .with("reason", reason),
    );
}

fn candidates(uri: &AddressableUri, resolved: Option<&[IpAddr]>) -> Vec<String> {
    let port = uri.effective_port();
    let with_port = |host: String| match port {
        Some(p) if host.contains(':') => format!("[{host}]:{p}"),
        Some(p) => format!("{host}:{p}"),
        None => host,
    };
    let mut out = Vec::new();
    let numeric = uri.hostname().and_then(inet::numeric_host);
    match numeric {
        Some(ip) => out.push(with_port(unmap(ip).to_string())),
        None => {
            if let Some(host) = uri.normalized_host().filter(|h| !h.is_empty()) {
                out.push(with_port(host));
            }
            if let Some(first) = resolved.and_then(|r| r.first()) {
                out.push(with_port(unmap(*first).to_string()));
            }
        }
    }
    out
}
