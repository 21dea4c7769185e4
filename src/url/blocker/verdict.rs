//! The verdict on one URL, in the `url` command's JSON shape, and the
//! sentences it is told in.

use super::dns::DnsOutcome;
use super::steps::Allowed;
use crate::diagnostic::{message, Diagnostics, Piece};
use crate::url::address::AddressClass;
use serde::Serialize;

/// The verdict on one URL, in the `url` command's JSON shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UrlVerdict {
    /// `Some(true)` blocked, `Some(false)` allowed, `None` depends on DNS.
    pub blocked: Option<bool>,
    /// The code of the block (`None` when allowed).
    pub code: Option<&'static str>,
    /// An English explanation.
    pub message: String,
    /// GitLab's own message as the caller shows it, when blocked.
    pub gitlab_message: Option<String>,
    /// The WHATWG host (IPv6 in brackets), or `None` when WHATWG refuses
    /// the URL.
    pub canonical_host: Option<String>,
    /// The port GitLab checks: the explicit port or the scheme's default.
    pub port: Option<u64>,
    /// The class of the destination: of the address that decided, else of
    /// the first resolved address, else of the host itself.
    pub class: AddressClass,
    /// The allowlist entry that would let the URL through.
    pub suggested_allowlist_entry: Option<String>,
    /// Every finding, paths relative to the URL.
    pub diagnostics: Diagnostics,
    /// The outcome for each possible DNS answer (when DNS decides).
    #[serde(skip)]
    pub dns_outcomes: Vec<DnsOutcome>,
}

/// GitLab's sentence with a lower-case first letter, unless it starts an
/// acronym (`HTML/CSS/JS …`, `URI …`). GitLab's messages are ASCII.
pub(super) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_ascii_lowercase() || second == ' ' => {
            let mut out = String::with_capacity(text.len());
            out.push(first.to_ascii_lowercase());
            out.push_str(&text[first.len_utf8()..]);
            out
        }
        _ => text.to_owned(),
    }
}

pub(super) fn allowed_message(why: &Allowed) -> String {
    match why {
        Allowed::NoDnsNeeded => "GitLab allows this URL without resolving it (deny-all and DNS-rebind protection are off, local requests allowed)".to_owned(),
        Allowed::UnresolvableAllowlisted(e) => message(&[Piece::Text("GitLab allows this URL: the host does not resolve but is on the allowlist ("), Piece::Text(e), Piece::Text(")")]),
        Allowed::UnresolvableNoRebindProtection => "GitLab allows this URL: the host does not resolve, and DNS-rebind protection is off".to_owned(),
        Allowed::UnresolvableProxy => "GitLab allows this URL: the host does not resolve, but a proxy environment variable is set".to_owned(),
        Allowed::DomainAllowlist(e) => message(&[Piece::Text("GitLab allows this URL: the host is on the allowlist ("), Piece::Text(e), Piece::Text(")")]),
        Allowed::IpAllowlist(e) => message(&[Piece::Text("GitLab allows this URL: the address is on the allowlist ("), Piece::Text(e), Piece::Text(")")]),
        Allowed::AllowedUri => "GitLab allows this URL: it is one of GitLab's own URLs".to_owned(),
        Allowed::Passed => "GitLab allows this URL".to_owned(),
    }
}
