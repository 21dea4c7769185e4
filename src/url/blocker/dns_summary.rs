//! The summary of the DNS outcomes: blocked or allowed whatever the host
//! resolves to, or "depends on DNS" with the answers that block.

use super::dns::DnsOutcome;
use super::policy::Policy;
use super::steps::{Block, Outcome};
use super::verdict::{lower_first, UrlVerdict};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::url::host::addressable::AddressableUri;
use std::net::IpAddr;

/// The verdict when DNS decides: one `url.dns_outcome` per possible answer,
/// then blocked, allowed or "depends on DNS" over all of them.
pub(super) fn summarise_dns(
    verdict: &mut UrlVerdict,
    diagnostics: &mut Diagnostics,
    policy: &Policy,
    outcomes: &[DnsOutcome],
    uri: Option<&AddressableUri>,
) {
    let host = uri
        .and_then(AddressableUri::hostname)
        .unwrap_or("")
        .to_owned();
    for o in outcomes {
        let (blocked, code, gitlab) = match &o.outcome {
            Outcome::Blocked(b) => (
                true,
                Some(b.code),
                Some(policy.message_format.wrap(&b.gitlab)),
            ),
            Outcome::Allowed(_) => (false, None, None),
        };
        let what = match &gitlab {
            Some(g) => format!("blocked ({g})"),
            None => "allowed".to_owned(),
        };
        diagnostics.push(
            Diagnostic::info(
                "url.dns_outcome",
                Path::root().key("host"),
                format!("if {host} {}: {what}", describe_answer(o.answer, o.example)),
            )
            .with("answer", o.answer)
            .with("example_address", o.example.map(|a| a.to_string()))
            .with("blocked", blocked)
            .with("code", code)
            .with("gitlab_message", gitlab),
        );
    }
    let blocks: Vec<&Block> = outcomes
        .iter()
        .filter_map(|o| o.outcome.blocked())
        .collect();
    if blocks.is_empty() {
        verdict.blocked = Some(false);
        verdict.message = format!("GitLab allows this URL whatever {host} resolves to");
        return;
    }
    if blocks.len() == outcomes.len() {
        verdict.blocked = Some(true);
        let first = blocks[0];
        if blocks.iter().all(|b| b.code == first.code) {
            let shown = policy.message_format.wrap(&first.gitlab);
            verdict.code = Some(first.code);
            verdict.message = format!(
                "GitLab blocks this URL whatever {host} resolves to: {}",
                lower_first(&first.gitlab)
            );
            verdict.gitlab_message = Some(shown.clone());
            diagnostics.push(
                Diagnostic::error(first.code, Path::root(), verdict.message.clone())
                    .with("gitlab_message", shown)
                    .with("blocker_message", first.gitlab.as_str())
                    .with("step", i64::from(first.step)),
            );
        } else {
            verdict.code = Some("url.blocked_whatever_dns");
            verdict.message = format!("GitLab blocks this URL whatever {host} resolves to; its message depends on the answer");
            diagnostics.push(Diagnostic::error(
                "url.blocked_whatever_dns",
                Path::root(),
                verdict.message.clone(),
            ));
        }
        return;
    }
    verdict.blocked = None;
    verdict.code = Some("url.depends_on_dns");
    verdict.message = format!("whether GitLab blocks this URL depends on what {host} resolves to");
    let blocked_answers: Vec<String> = outcomes
        .iter()
        .filter(|o| o.outcome.blocked().is_some())
        .map(|o| o.answer.to_owned())
        .collect();
    diagnostics.push(
        Diagnostic::warning(
            "url.depends_on_dns",
            Path::root().key("host"),
            verdict.message.clone(),
        )
        .with("host", host)
        .with("blocked_answers", blocked_answers),
    );
}

fn describe_answer(answer: &str, example: Option<IpAddr>) -> String {
    match (answer, example) {
        ("does_not_resolve", _) | (_, None) => "does not resolve".to_owned(),
        (a, Some(ip)) => format!("resolves to {ip} ({})", a.replace('_', " ")),
    }
}
