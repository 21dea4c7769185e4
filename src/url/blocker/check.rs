//! [`check_url`]: GitLab's steps, then the DNS summary, the warnings where
//! this library is stricter and the advice, assembled into one verdict.

use super::advice::advise;
use super::dns::{evaluate, Evaluation};
use super::dns_summary::summarise_dns;
use super::policy::{Context, Policy};
use super::risks::risks;
use super::steps::{is_localhost_name, known_without_dns, unmap, Allowed, Outcome};
use super::verdict::{allowed_message, lower_first, UrlVerdict};
use crate::diagnostic::{message, Diagnostic, Diagnostics, Path, Piece};
use crate::url::address::{self, AddressClass};
use crate::url::host::{
    self, addressable::AddressableUri, canonical, inet, AddressableHost, Host, WhatwgReading,
};
use std::borrow::Cow;
use std::net::IpAddr;

/// Check `url` as GitLab's URL blocker would, with `policy` and `context`.
pub fn check_url(url: &str, policy: &Policy, context: &Context) -> UrlVerdict {
    let whatwg = WhatwgReading::parse(url);
    let Evaluation {
        result: evaluation,
        uri,
        resolving,
    } = evaluate(url, policy, context);
    let mut diagnostics = host::hazards_of(
        url,
        whatwg.as_ref().map(|w| (w.host.as_ref(), w.special)),
        uri.as_ref().map(AddressableHost::of),
    );
    let host_class = match &whatwg {
        Ok(w) => match &w.host {
            Some(h) if w.special => address::classify_host(h).0,
            Some(h) => Host::parse(&h.canonical_string())
                .map_or(AddressClass::Invalid, |h| address::classify_host(&h).0),
            None => AddressClass::Invalid,
        },
        Err(_) => AddressClass::Invalid,
    };
    let port = uri
        .as_ref()
        .and_then(AddressableUri::effective_port)
        .or_else(|| {
            whatwg
                .as_ref()
                .ok()
                .and_then(WhatwgReading::port_or_default)
                .map(u64::from)
        });
    let mut verdict = UrlVerdict {
        blocked: None,
        code: None,
        message: String::new(),
        gitlab_message: None,
        canonical_host: whatwg
            .as_ref()
            .ok()
            .and_then(|w| w.host.as_ref())
            .map(Host::canonical_string),
        port,
        class: host_class,
        suggested_allowlist_entry: None,
        diagnostics: Diagnostics::new(),
        dns_outcomes: Vec::new(),
    };
    // Borrowed where the addresses are already held.
    let resolved_known: Option<Cow<'_, [IpAddr]>> = match &resolving {
        Some(r) => r.known.as_deref().map(Cow::Borrowed),
        None => uri
            .as_ref()
            .and_then(|u| known_without_dns(u, u.hostname().and_then(inet::numeric_host)))
            .map(Cow::Owned)
            .or_else(|| context.resolved_addresses.as_deref().map(Cow::Borrowed)),
    };
    let localhost_name = uri
        .as_ref()
        .and_then(AddressableUri::hostname)
        .is_some_and(is_localhost_name);
    if let (Some(uri), Some(given)) = (&uri, &context.resolved_addresses) {
        let numeric = uri.hostname().and_then(inet::numeric_host).is_some();
        if (numeric || localhost_name) && !given.is_empty() {
            diagnostics.push(Diagnostic::info(
                "url.resolved_addresses_ignored",
                Path::root().key("host"),
                if numeric {
                    "the host is a numeric address, which the resolver answers without DNS; resolved_addresses is ignored"
                } else {
                    "the host is a localhost name, which always resolves to loopback; resolved_addresses is ignored"
                },
            ));
        }
    }
    let mut decided = None;
    match evaluation {
        Ok(outcome) => {
            let reached_dns = match &outcome {
                Outcome::Blocked(b) => b.step >= 7,
                Outcome::Allowed(a) => *a != Allowed::NoDnsNeeded,
            };
            if let Some(first) = resolved_known
                .as_ref()
                .and_then(|a| a.first())
                .filter(|_| reached_dns)
            {
                verdict.class = address::classify_ip(unmap(*first)).0;
            }
            match &outcome {
                Outcome::Blocked(block) => {
                    if let Some(ip) = block.address {
                        verdict.class = address::classify_ip(ip).0;
                    }
                    let shown = policy.message_format.wrap(&block.gitlab);
                    verdict.blocked = Some(true);
                    verdict.code = Some(block.code);
                    verdict.message = message(&[
                        Piece::Text("GitLab blocks this URL: "),
                        Piece::Text(&lower_first(&block.gitlab)),
                    ]);
                    verdict.gitlab_message = Some(shown.clone());
                    diagnostics.push(
                        Diagnostic::error(block.code, Path::root(), verdict.message.clone())
                            .with("gitlab_message", shown)
                            .with("blocker_message", &*block.gitlab)
                            .with("step", i64::from(block.step))
                            .with("address", block.address.map(canonical::ip_string)),
                    );
                }
                Outcome::Allowed(why) => {
                    verdict.blocked = Some(false);
                    verdict.message = allowed_message(why);
                    if let Allowed::DomainAllowlist(e)
                    | Allowed::IpAllowlist(e)
                    | Allowed::UnresolvableAllowlisted(e) = why
                    {
                        diagnostics.push(
                            Diagnostic::info(
                                "url.allowlisted",
                                Path::root(),
                                message(&[
                                    Piece::Text("allowed by the allowlist entry "),
                                    Piece::Quoted(e),
                                ]),
                            )
                            .with("entry", e.as_str()),
                        );
                    }
                }
            }
            decided = Some(outcome);
            if localhost_name && reached_dns {
                let host = uri
                    .as_ref()
                    .and_then(AddressableUri::hostname)
                    .unwrap_or("");
                diagnostics.push(
                    Diagnostic::info(
                        "url.localhost_name",
                        Path::root().key("host"),
                        "a localhost name always resolves to the loopback addresses 127.0.0.1 and ::1 (RFC 6761, and the hosts file on GitLab's servers), so GitLab's verdict does not depend on DNS",
                    )
                    .with("host", host)
                    .with("addresses", vec![Cow::Borrowed("127.0.0.1"), Cow::Borrowed("::1")]),
                );
            }
        }
        Err(outcomes) => {
            summarise_dns(
                &mut verdict,
                &mut diagnostics,
                policy,
                &outcomes,
                uri.as_ref(),
            );
            verdict.dns_outcomes = outcomes;
        }
    }
    if verdict.blocked != Some(true) {
        let host = whatwg.as_ref().ok().and_then(|w| w.host.as_ref());
        risks(host, resolved_known.as_deref(), &mut diagnostics);
    }
    if verdict.blocked != Some(false) {
        // GitLab's block, or each blocking DNS answer's (no list built:
        // one of the two is empty).
        let blocks = decided.iter().filter_map(Outcome::blocked).chain(
            verdict
                .dns_outcomes
                .iter()
                .filter_map(|o| o.outcome.blocked()),
        );
        let advice = advise(
            policy,
            context,
            blocks,
            verdict.canonical_host.is_some(),
            uri.as_ref(),
            resolving.as_ref(),
            resolved_known.as_deref(),
        );
        if let Some(advice) = advice {
            verdict.suggested_allowlist_entry = advice.entry;
            diagnostics.push(advice.diagnostic);
        }
    }
    verdict.diagnostics = diagnostics;
    verdict
}
