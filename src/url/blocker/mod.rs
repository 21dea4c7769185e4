//! GitLab's outbound URL blocker (`Gitlab::HTTP_V2::UrlBlocker`),
//! reproduced step by step: same checks, same order, same outcome, GitLab's
//! own message kept as the parameter `gitlab_message`.
//!
//! Source: `url-blocker.md` §1–§2 (the gem's `url_blocker.rb`, newest
//! version `gitlabhq/gitlabhq @ 1becc04b`, previous @ `0286e4c6`), read
//! against the code @ `0286e4c6`.
//!
//! | step | check |
//! |---|---|
//! | 1 | parse with Addressable; a line break anywhere, or (other than http/https) an encoded one → "URI is invalid" |
//! | 2 | `enforce_sanitization`: the HTML sanitizer would change the URL |
//! | 3a | the URL is one of GitLab's internal URIs: skip 3b–3f |
//! | 3b–3f | scheme, port (> 65535; below 1024 must be listed), user, hostname, ASCII |
//! | 4 | cloud metadata by host |
//! | 5 | no DNS needed: deny-all off, DNS-rebind protection off, both local flags on → allowed |
//! | 6 | resolve (host over 1024 bytes → blocked) |
//! | 7 | unresolvable: domain allowlist, deny-all, rebind protection, proxy |
//! | 8 | cloud metadata by any resolved address |
//! | 9–11 | domain allowlist, IP allowlist (first address), internal/extra URIs |
//! | 12 | deny-all |
//! | 13 | localhost, loopback, local network, link-local, shared, broadcast on every address |
//!
//! The files follow that split: `policy` (the options), [`preset`] (the
//! options GitLab uses per setting and version), `request` (the `url`
//! command's request: a preset and a policy JSON object), `steps`
//! (GitLab's steps 1–14), `dns` (the representative answers when the
//! addresses are unknown), `dns_summary`, `risks` (where this library is
//! stricter), `advice` (the suggested allowlist entry), `verdict` and
//! `check` (which assembles them).
//!
//! The library does no IO. A numeric host is read as the resolver reads it
//! (`host::inet`), so its address is known; for a name the caller passes
//! the resolved addresses in [`Context`]. When they are unknown and the
//! outcome depends on them, the verdict is `blocked: None` ("depends on
//! DNS"), with one `url.depends_on_dns` warning naming the answers GitLab
//! lets through and listing every answer's outcome in its parameters; when
//! every possible answer leads to the same verdict, that verdict is given.
//! A localhost name is answered without DNS (`url.localhost_name`).
//!
//! Codes. Blocks (errors, GitLab's message as `gitlab_message`):
//! `url.invalid`, `url.html_tags`, `url.scheme_not_allowed`,
//! `url.port_invalid`, `url.port_not_allowed`, `url.username_invalid`,
//! `url.hostname_invalid`, `url.not_ascii`, `url.cloud_metadata`,
//! `url.host_too_long`, `url.unresolvable`, `url.not_on_allowlist`,
//! `url.localhost`, `url.loopback`, `url.local_network`, `url.link_local`,
//! `url.shared_address`, `url.limited_broadcast`,
//! `url.blocked_whatever_dns`. DNS: `url.depends_on_dns` (warning),
//! `url.localhost_name`, `url.resolved_addresses_ignored` (info).
//! Advice: `url.allowlisted`, `url.suggested_allowlist_entry`,
//! `url.no_allowlist_entry` (info). Stricter than GitLab (warnings):
//! `url.cloud_metadata_not_blocked`, `url.embedded_ipv4_unchecked`. Parser
//! hazards: see [`crate::host::hazards`].
//!
//! Deliberate choices, each safer than a guess:
//! * Step 4 recognises a metadata address in any numeric spelling the
//!   resolver accepts (`0xA9FEA9FE`), not only in dotted form, so the
//!   verdict is "blocked" even where GitLab would skip DNS (step 5).
//! * A raw line break anywhere refuses the URL (the reference's rule),
//!   even in a fragment that Addressable's line-anchored regex would drop.
//! * The getaddrinfo timeout ("execution expired") cannot be predicted and
//!   is not modelled.

mod advice;
mod check;
mod dns;
mod dns_summary;
mod policy;
pub mod preset;
mod request;
mod risks;
mod ruby;
mod steps;
mod verdict;

pub use check::check_url;
pub use dns::DnsOutcome;
pub use policy::{Context, GemVersion, MessageFormat, Policy};
pub use request::{apply_policy_json, apply_policy_text, check_url_request, UrlRequest};
pub use steps::{Allowed, Block, Outcome};
pub use verdict::UrlVerdict;

/// The HTML-sanitizer test of step 2 (it lives beside the blocker, in
/// `url/sanitize.rs`, because the allowlist's validation uses it too).
pub use crate::url::sanitize;
