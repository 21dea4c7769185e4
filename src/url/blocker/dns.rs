//! When the host's addresses are unknown: one representative address per
//! kind of answer GitLab treats differently, and GitLab's outcome for each.

use super::policy::{Context, Policy};
use super::steps::{
    after_dns, before_dns, decide, gitlab_metadata_ip, unmap, BeforeDns, ListView, Outcome,
    Resolving,
};
use crate::url::allowlist::Entry;
use crate::url::host::addressable::AddressableUri;
use std::net::{IpAddr, Ipv6Addr};

/// One possible DNS answer and what GitLab would do with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DnsOutcome {
    /// The answer, e.g. `does_not_resolve`, `loopback`, `public`.
    pub answer: &'static str,
    /// An example address for the answer (none for `does_not_resolve`).
    pub example: Option<IpAddr>,
    /// GitLab's verdict for that answer.
    pub outcome: Outcome,
}

impl DnsOutcome {
    /// The block code for this answer, `None` when GitLab allows it.
    pub fn outcome_code(&self) -> Option<&'static str> {
        self.outcome.blocked().map(|b| b.code)
    }
}

/// Where a representative DNS answer comes from.
enum Source {
    /// No address: the name does not resolve.
    Nothing,
    /// The first of these addresses the IP allowlist does not cover.
    Fixed(&'static [[u8; 4]]),
    /// The same, only when the gem blocks cloud metadata.
    Metadata(&'static [[u8; 4]]),
    /// The server's first own address, if any is given.
    Server,
    /// An address an IP allowlist entry covers, if any.
    Allowlisted,
}

/// One kind of answer GitLab treats differently, in the order reported
/// (`url-blocker.md` §2.1 steps 7–13 and §2.3).
const ANSWERS: &[(&str, Source)] = &[
    ("does_not_resolve", Source::Nothing),
    (
        "loopback",
        Source::Fixed(&[[127, 0, 0, 1], [127, 0, 0, 2], [127, 255, 255, 254]]),
    ),
    ("unspecified", Source::Fixed(&[[0, 0, 0, 0]])),
    ("server_address", Source::Server),
    (
        "local_network",
        Source::Fixed(&[
            [10, 0, 0, 1],
            [172, 16, 0, 1],
            [192, 168, 0, 1],
            [10, 255, 255, 254],
        ]),
    ),
    (
        "link_local",
        Source::Fixed(&[[169, 254, 0, 1], [169, 254, 255, 254]]),
    ),
    (
        "shared_address",
        Source::Fixed(&[[100, 64, 0, 1], [100, 127, 255, 254]]),
    ),
    ("limited_broadcast", Source::Fixed(&[[255, 255, 255, 255]])),
    ("cloud_metadata", Source::Metadata(&[[169, 254, 169, 254]])),
    (
        "public",
        Source::Fixed(&[[1, 1, 1, 1], [8, 8, 8, 8], [9, 9, 9, 9], [151, 101, 1, 1]]),
    ),
    ("allowlisted_address", Source::Allowlisted),
];

/// Representative answers for "depends on DNS": one address per kind of
/// answer GitLab treats differently, avoiding addresses the IP allowlist
/// already covers. Worked out as they are asked for (no list is built).
pub(super) fn representative_answers<'a>(
    policy: &'a Policy,
    context: &'a Context,
    list: ListView<'a>,
    port: Option<u64>,
) -> impl Iterator<Item = (&'static str, Option<IpAddr>)> + 'a {
    let pick = move |candidates: &[[u8; 4]]| -> Option<IpAddr> {
        let all = candidates.iter().map(|c| IpAddr::from(*c));
        all.clone()
            .find(|ip| list.match_ip(*ip, port).is_none())
            .or_else(|| all.clone().next())
    };
    let metadata = policy.deny_cloud_metadata_requests && policy.gem.blocks_metadata();
    ANSWERS.iter().filter_map(move |(name, source)| {
        let example = match source {
            Source::Nothing => return Some((*name, None)),
            Source::Fixed(candidates) => pick(candidates),
            Source::Metadata(candidates) => pick(candidates).filter(|_| metadata),
            Source::Server => context.server_addresses.first().map(|s| unmap(*s)),
            Source::Allowlisted => list.entries().find_map(|e| allowlisted_example(e, port)),
        };
        example.map(|ip| (*name, Some(ip)))
    })
}

fn allowlisted_example(entry: &Entry, port: Option<u64>) -> Option<IpAddr> {
    if entry.port.is_some() && entry.port != port {
        return None;
    }
    let (base, _) = entry.mapped_range()?;
    let ip = unmap(IpAddr::V6(Ipv6Addr::from(base)));
    (!gitlab_metadata_ip(ip)).then_some(ip)
}

/// Every step for one URL: GitLab's outcome, or the outcome of each
/// possible DNS answer.
pub(super) struct Evaluation {
    /// The outcome, or one per representative answer ("depends on DNS").
    pub(super) result: Result<Outcome, Vec<DnsOutcome>>,
    /// The URL as Addressable reads it (`None`: GitLab refuses to parse it).
    pub(super) uri: Option<AddressableUri>,
    /// What the steps after resolution share, when the URL got that far.
    pub(super) resolving: Option<Resolving>,
}

/// Evaluate every step for `url`; the possible DNS answers when needed.
pub(super) fn evaluate(url: &str, policy: &Policy, context: &Context) -> Evaluation {
    match before_dns(url, policy, context) {
        BeforeDns::Blocked(block, uri) => Evaluation {
            result: Ok(Outcome::Blocked(block)),
            uri,
            resolving: None,
        },
        BeforeDns::Allowed(allowed, uri) => Evaluation {
            result: Ok(Outcome::Allowed(allowed)),
            uri: Some(uri),
            resolving: None,
        },
        BeforeDns::Resolve(uri, numeric) => {
            let resolving = Resolving::new(&uri, numeric, policy, context);
            let result = after_resolution(&resolving, policy, context, ListView::of(policy));
            Evaluation {
                result,
                uri: Some(uri),
                resolving: Some(resolving),
            }
        }
    }
}

/// Steps 7–14 for a URL that got past steps 1–6, with the allowlist `list`:
/// for the known addresses, else for each representative answer. Steps
/// 1–6 do not read the allowlist, so the advice re-runs only this part for
/// a candidate entry.
pub(super) fn after_resolution(
    resolving: &Resolving,
    policy: &Policy,
    context: &Context,
    list: ListView<'_>,
) -> Result<Outcome, Vec<DnsOutcome>> {
    if let Some(addresses) = &resolving.known {
        return Ok(after_dns(resolving, policy, context, list, addresses));
    }
    let mut outcomes = Vec::with_capacity(ANSWERS.len());
    outcomes.extend(
        representative_answers(policy, context, list, resolving.port()).map(|(answer, example)| {
            DnsOutcome {
                answer,
                example,
                outcome: after_dns(resolving, policy, context, list, example.as_slice()),
            }
        }),
    );
    Err(outcomes)
}

/// Whether GitLab lets the URL through with the allowlist `list` (or blocks
/// it only where no allowlist entry could help): [`after_resolution`] without
/// building any outcome's text (the advice's trials).
pub(super) fn allowed_with(
    resolving: &Resolving,
    policy: &Policy,
    context: &Context,
    list: ListView<'_>,
) -> bool {
    if let Some(addresses) = &resolving.known {
        return matches!(
            decide(resolving, policy, context, list, addresses),
            super::steps::Decision::Allowed(..)
        );
    }
    representative_answers(policy, context, list, resolving.port()).all(|(_, example)| {
        decide(resolving, policy, context, list, example.as_slice()).allowed_or_final()
    })
}
