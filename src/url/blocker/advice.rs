//! Advice for a blocked URL: the outbound allowlist entry that would let it
//! through (verified by re-running the steps after resolution with it), or
//! why none can.

use super::dns::allowed_with;
use super::policy::{Context, Policy};
use super::steps::{unmap, Block, ListView, Resolving};
use crate::diagnostic::{message, push_int, Diagnostic, Path, Piece};
use crate::url::allowlist::lone_entry;
use crate::url::host::addressable::{normalized_host_of, AddressableUri};
use crate::url::host::{canonical, inet};
use std::net::IpAddr;

/// The advice for a URL GitLab blocks (or may block): the entry to add, if
/// one lets it through, and the diagnostic that says so or why none can.
pub(super) struct Advice {
    pub(super) entry: Option<String>,
    pub(super) diagnostic: Diagnostic,
}

/// Advice: the allowlist entry that would let the URL through, or why none
/// can. `blocks` are GitLab's blocks for the URL (one, or one per DNS answer
/// that blocks); `resolving` is what steps 7–14 share, when the URL got
/// that far. A candidate entry is tried by re-running steps 7–14 only (1–6
/// do not read the allowlist) with the list seen as if the entry were added
/// at its end: nothing is copied, however long the list.
pub(super) fn advise<'a>(
    policy: &Policy,
    context: &Context,
    blocks: impl Iterator<Item = &'a Block> + Clone,
    host_valid: bool,
    uri: Option<&AddressableUri>,
    resolving: Option<&Resolving>,
    resolved: Option<&[IpAddr]>,
) -> Option<Advice> {
    let first = blocks.clone().next()?;
    let reason = if !host_valid {
        // An entry for a host browsers refuse (`10.0.0.1%00.evil.com`) would
        // only make GitLab accept a URL that no one should use.
        Some("the host is not valid (browsers refuse this URL)".to_owned())
    } else if blocks.clone().all(|b| !b.allowlistable()) {
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
    if let (None, Some(uri), Some(resolving)) = (&reason, uri, resolving) {
        for candidate in candidates(uri, resolved) {
            let Some(entry) = lone_entry(&candidate) else {
                continue;
            };
            let list = ListView::with(policy, &entry);
            if allowed_with(resolving, policy, context, list) {
                let diagnostic = Diagnostic::info(
                    "url.suggested_allowlist_entry",
                    Path::root(),
                    message(&[
                        Piece::Text("add "),
                        Piece::Quoted(&candidate),
                        Piece::Text(" to the outbound allowlist (Admin > Settings > Network > Outbound requests) to let GitLab reach this URL"),
                    ]),
                )
                .with("entry", candidate.as_str());
                return Some(Advice {
                    entry: Some(candidate),
                    diagnostic,
                });
            }
        }
    }
    let reason =
        reason.unwrap_or_else(|| "no single allowlist entry lets GitLab through".to_owned());
    Some(Advice {
        entry: None,
        diagnostic: Diagnostic::info(
            "url.no_allowlist_entry",
            Path::root(),
            message(&[
                Piece::Text("no allowlist entry can help: "),
                Piece::Text(&reason),
            ]),
        )
        .with("reason", reason),
    })
}

/// The entries to try, in order, each worked out only when the one before
/// it did not help: the host (its address when numeric) with the URL's
/// port, then the first resolved address with it. Each is written once
/// into its own string.
fn candidates<'u>(
    uri: &'u AddressableUri,
    resolved: Option<&'u [IpAddr]>,
) -> impl Iterator<Item = String> + 'u {
    let port = uri.effective_port();
    let entry = move |host: &str| {
        let mut entry = String::with_capacity(host.len() + 8);
        match port {
            Some(p) => {
                let bracket = host.contains(':');
                entry.push_str(if bracket { "[" } else { "" });
                entry.push_str(host);
                entry.push_str(if bracket { "]:" } else { ":" });
                push_int(&mut entry, p);
            }
            None => entry.push_str(host),
        }
        entry
    };
    let address = move |ip: IpAddr| entry(canonical::ip_text(unmap(ip)).as_str());
    let numeric = uri.hostname().and_then(inet::numeric_host);
    [false, true]
        .into_iter()
        .filter_map(move |second| match (numeric, second) {
            (Some(ip), false) => Some(address(ip)),
            (Some(_), true) => None,
            (None, false) => uri
                .host
                .as_deref()
                .map(normalized_host_of)
                .filter(|h| !h.is_empty())
                .map(|h| entry(&h)),
            (None, true) => resolved.and_then(|r| r.first()).map(|ip| address(*ip)),
        })
}
