//! The summary of the DNS outcomes: blocked or allowed whatever the host
//! resolves to, or "depends on DNS" with the answers that block, in one
//! diagnostic that carries the outcome of every answer in its parameters.

use super::dns::DnsOutcome;
use super::policy::Policy;
use super::steps::Block;
use super::verdict::{lower_first, UrlVerdict};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::url::host::{addressable::AddressableUri, canonical};

/// The verdict when DNS decides: blocked, allowed or "depends on DNS" over
/// every possible answer. One diagnostic says so (none when every answer
/// is allowed); when the answers disagree, its parameters list each
/// answer, its example address and its outcome (`answers`,
/// `example_addresses` with `""` for "does not resolve", `outcomes` with
/// the block code or `allowed`, `gitlab_messages` with `""` when allowed).
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
    // One pass over the answers for every list the summary carries.
    let n = outcomes.len();
    let (mut answers, mut examples, mut codes) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut messages, mut blocked, mut allowed) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let mut first_block: Option<&Block> = None;
    let mut same_code = true;
    let mut allowed_outcomes: Vec<&DnsOutcome> = Vec::new();
    for o in outcomes {
        answers.push(o.answer.to_owned());
        examples.push(o.example.map(canonical::ip_string).unwrap_or_default());
        match o.outcome.blocked() {
            Some(b) => {
                codes.push(b.code.to_owned());
                messages.push(policy.message_format.wrap(&b.gitlab));
                blocked.push(o.answer.to_owned());
                same_code &= first_block.is_none_or(|f| f.code == b.code);
                first_block.get_or_insert(b);
            }
            None => {
                codes.push("allowed".to_owned());
                messages.push(String::new());
                allowed.push(o.answer.to_owned());
                allowed_outcomes.push(o);
            }
        }
    }
    let Some(first) = first_block else {
        verdict.blocked = Some(false);
        verdict.message = format!("GitLab allows this URL whatever {host} resolves to");
        return;
    };
    let with_outcomes = |d: Diagnostic| {
        d.with("answers", answers)
            .with("example_addresses", examples)
            .with("outcomes", codes)
            .with("gitlab_messages", messages)
    };
    if allowed_outcomes.is_empty() {
        verdict.blocked = Some(true);
        if same_code {
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
                    .with("step", i64::from(first.step))
                    .with("address", None::<String>),
            );
        } else {
            verdict.code = Some("url.blocked_whatever_dns");
            verdict.message = format!(
                "GitLab blocks this URL whatever {host} resolves to; its message depends on the answer"
            );
            diagnostics.push(with_outcomes(Diagnostic::error(
                "url.blocked_whatever_dns",
                Path::root(),
                verdict.message.clone(),
            )));
        }
        return;
    }
    verdict.blocked = None;
    verdict.code = Some("url.depends_on_dns");
    verdict.message = format!(
        "GitLab blocks this URL unless {host} {}",
        unless(&allowed_outcomes)
    );
    let message = format!(
        "{}; set resolved_addresses to the addresses it resolves to on the GitLab server to check it",
        verdict.message
    );
    diagnostics.push(with_outcomes(
        Diagnostic::warning("url.depends_on_dns", Path::root().key("host"), message)
            .with("host", host)
            .with("blocked_answers", blocked)
            .with("allowed_answers", allowed),
    ));
}

/// "does not resolve or resolves to a private or public address": the
/// answers GitLab lets through, in the order of the answers.
fn unless(allowed: &[&DnsOutcome]) -> String {
    let mut kinds: Vec<&str> = Vec::new();
    let mut unresolvable = false;
    for o in allowed {
        match kind_of_address(o.answer) {
            None => unresolvable = true,
            Some(kind) => kinds.push(kind),
        }
    }
    let addresses = match kinds.as_slice() {
        [] => None,
        [one] => Some(format!("resolves to {} {one} address", article(one))),
        [first, .., last] => Some(format!(
            "resolves to {} {} or {last} address",
            article(first),
            kinds[..kinds.len() - 1].join(", ")
        )),
    };
    match (unresolvable, addresses) {
        (true, Some(a)) => format!("does not resolve or {a}"),
        (true, None) => "does not resolve".to_owned(),
        (false, Some(a)) => a,
        (false, None) => String::new(),
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The kind of address an answer is, as an adjective (`None`: the name
/// does not resolve).
fn kind_of_address(answer: &str) -> Option<&'static str> {
    Some(match answer {
        "does_not_resolve" => return None,
        "loopback" => "loopback",
        "unspecified" => "unspecified (0.0.0.0)",
        "server_address" => "GitLab server's own",
        "local_network" => "private",
        "link_local" => "link-local",
        "shared_address" => "shared (100.64.0.0/10)",
        "limited_broadcast" => "broadcast (255.255.255.255)",
        "cloud_metadata" => "cloud metadata",
        "public" => "public",
        _ => "allowlisted",
    })
}
