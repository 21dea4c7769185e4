//! The summary of the DNS outcomes: blocked or allowed whatever the host
//! resolves to, or "depends on DNS" with the answers that block, in one
//! diagnostic that carries the outcome of every answer in its parameters.

use super::dns::DnsOutcome;
use super::policy::Policy;
use super::steps::Block;
use super::verdict::{lower_first, UrlVerdict};
use crate::diagnostic::{message, Diagnostic, Diagnostics, Path, Piece};
use crate::url::host::{addressable::AddressableUri, canonical};
use std::borrow::Cow;

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
    let mut any_allowed = false;
    // Fixed texts are borrowed: only the example addresses, and a message
    // with a prefix, are written out.
    for o in outcomes {
        let answer = Cow::Borrowed(o.answer);
        answers.push(answer.clone());
        examples.push(
            o.example
                .map_or(Cow::Borrowed(""), |ip| canonical::ip_string(ip).into()),
        );
        match o.outcome.blocked() {
            Some(b) => {
                codes.push(Cow::Borrowed(b.code));
                messages.push(b.shown(policy.message_format));
                blocked.push(answer);
                same_code &= first_block.is_none_or(|f| f.code == b.code);
                first_block.get_or_insert(b);
            }
            None => {
                codes.push(Cow::Borrowed("allowed"));
                messages.push(Cow::Borrowed(""));
                allowed.push(answer);
                any_allowed = true;
            }
        }
    }
    let Some(first) = first_block else {
        verdict.blocked = Some(false);
        verdict.message = message(&[
            Piece::Text("GitLab allows this URL whatever "),
            Piece::Text(&host),
            Piece::Text(" resolves to"),
        ]);
        return;
    };
    let with_outcomes = |d: Diagnostic| {
        d.with("answers", answers)
            .with("example_addresses", examples)
            .with("outcomes", codes)
            .with("gitlab_messages", messages)
    };
    if !any_allowed {
        verdict.blocked = Some(true);
        if same_code {
            let shown = policy.message_format.wrap(&first.gitlab);
            verdict.code = Some(first.code);
            verdict.message = message(&[
                Piece::Text("GitLab blocks this URL whatever "),
                Piece::Text(&host),
                Piece::Text(" resolves to: "),
                Piece::Text(&lower_first(&first.gitlab)),
            ]);
            verdict.gitlab_message = Some(shown.clone());
            diagnostics.push(
                Diagnostic::error(first.code, Path::root(), verdict.message.clone())
                    .with("gitlab_message", shown)
                    .with("blocker_message", &*first.gitlab)
                    .with("step", i64::from(first.step))
                    .with("address", None::<String>),
            );
        } else {
            verdict.code = Some("url.blocked_whatever_dns");
            verdict.message = message(&[
                Piece::Text("GitLab blocks this URL whatever "),
                Piece::Text(&host),
                Piece::Text(" resolves to; its message depends on the answer"),
            ]);
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
    // The verdict's message, then the diagnostic's: the same text and more,
    // each written once without `core::fmt`.
    const HINT: &str =
        "; set resolved_addresses to the addresses it resolves to on the GitLab server to check it";
    let mut text = String::with_capacity(160 + host.len() + HINT.len());
    text.push_str("GitLab blocks this URL unless ");
    text.push_str(&host);
    text.push(' ');
    push_unless(&mut text, outcomes);
    verdict.message = text.clone();
    text.push_str(HINT);
    diagnostics.push(with_outcomes(
        Diagnostic::warning("url.depends_on_dns", Path::root().key("host"), text)
            .with("host", host)
            .with("blocked_answers", blocked)
            .with("allowed_answers", allowed),
    ));
}

/// "does not resolve or resolves to a private or public address": the
/// answers GitLab lets through (those of `outcomes` no block decides), in
/// the order of the answers, appended to `out`.
fn push_unless(out: &mut String, outcomes: &[DnsOutcome]) {
    let allowed = || outcomes.iter().filter(|o| o.outcome.blocked().is_none());
    let unresolvable = allowed().any(|o| kind_of_address(o.answer).is_none());
    let kinds = || allowed().filter_map(|o| kind_of_address(o.answer));
    let count = kinds().count();
    if unresolvable {
        out.push_str("does not resolve");
        if count > 0 {
            out.push_str(" or ");
        }
    }
    for (i, kind) in kinds().enumerate() {
        if i == 0 {
            out.push_str("resolves to ");
            out.push_str(article(kind));
            out.push(' ');
        } else if i + 1 == count {
            out.push_str(" or ");
        } else {
            out.push_str(", ");
        }
        out.push_str(kind);
    }
    if count > 0 {
        out.push_str(" address");
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
