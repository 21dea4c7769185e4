//! GitLab's steps (`url-blocker.md` §2.1), in GitLab's order: before DNS
//! (steps 1–6), and for one resolver answer (steps 7–14, with the local
//! checks of §2.3).

use super::policy::{Context, GemVersion, MessageFormat, Policy};
use super::ruby::{ruby_alnum, ruby_dump};
use crate::url::address;
use crate::url::allowlist::{Allowlist, Entry};
use crate::url::host::{self, addressable::AddressableUri, inet};
use crate::url::sanitize;
use std::borrow::Cow;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Why the blocker refused a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Stable code, e.g. `url.localhost`.
    pub code: &'static str,
    /// GitLab's bare message (borrowed where it is fixed text, as all but
    /// the scheme, port and ASCII messages are).
    pub gitlab: Cow<'static, str>,
    /// The step of §2.1 that refused it.
    pub step: u8,
    /// The address that triggered an address check, if any.
    pub address: Option<IpAddr>,
}

impl Block {
    pub(super) fn new(code: &'static str, gitlab: impl Into<Cow<'static, str>>, step: u8) -> Self {
        Self::from_parts(code, gitlab.into(), step)
    }

    /// GitLab's message as `format` shows it, borrowed when shown bare.
    pub(super) fn shown(&self, format: MessageFormat) -> Cow<'static, str> {
        match (format, &self.gitlab) {
            (MessageFormat::Bare, Cow::Borrowed(text)) => Cow::Borrowed(text),
            _ => Cow::Owned(format.wrap(&self.gitlab)),
        }
    }

    // One body for every caller (the wasm build is measured in bytes).
    #[inline(never)]
    fn from_parts(code: &'static str, gitlab: Cow<'static, str>, step: u8) -> Self {
        Block {
            code,
            gitlab,
            step,
            address: None,
        }
    }

    /// Whether an allowlist entry can lift this block (steps 7, 12, 13).
    pub fn allowlistable(&self) -> bool {
        matches!(self.step, 7 | 12 | 13)
    }
}

/// Why the blocker let a URL through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Allowed {
    /// Step 5: no DNS needed.
    NoDnsNeeded,
    /// Step 7: unresolvable but on the domain allowlist.
    UnresolvableAllowlisted(String),
    /// Step 7: unresolvable, allowed because DNS-rebind protection is off.
    UnresolvableNoRebindProtection,
    /// Step 7: unresolvable, allowed because a proxy variable is set.
    UnresolvableProxy,
    /// Step 9: the domain allowlist.
    DomainAllowlist(String),
    /// Step 10: the IP allowlist.
    IpAllowlist(String),
    /// Step 11: an internal or extra allowed URI.
    AllowedUri,
    /// Step 14: every check passed.
    Passed,
}

/// A step's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Refused.
    Blocked(Block),
    /// Let through.
    Allowed(Allowed),
}

impl Outcome {
    pub(super) fn blocked(&self) -> Option<&Block> {
        match self {
            Outcome::Blocked(b) => Some(b),
            Outcome::Allowed(_) => None,
        }
    }
}

/// `check_uri`: same scheme, host name and port as one of `uris`.
fn same_uri(uri: &AddressableUri, uris: &[String]) -> bool {
    uris.iter().any(|text| {
        AddressableUri::parse(text).is_ok_and(|other| {
            other.scheme == uri.scheme
                && other.hostname() == uri.hostname()
                && other.effective_port() == uri.effective_port()
        })
    })
}

/// GitLab converts IPv4-mapped results to IPv4 (not IPv4-compatible ones).
pub(super) fn unmap(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(a) => a.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// GitLab's metadata test: the native form (mapped and compatible IPv6
/// turned into IPv4) is one of the addresses the gem lists.
pub(super) fn gitlab_metadata_ip(ip: IpAddr) -> bool {
    let native = match ip {
        IpAddr::V6(a) => {
            let bits = u128::from(a);
            if bits >> 32 == 0xffff || (bits >> 32 == 0 && bits > 1) {
                IpAddr::V4(Ipv4Addr::from(bits as u32))
            } else {
                ip
            }
        }
        v4 => v4,
    };
    address::METADATA_ENDPOINTS
        .iter()
        .any(|e| e.gitlab_blocks && matches!(e.host, address::MetadataHost::Ip(m) if m == native))
}

const METADATA_MESSAGE: &str = "Requests to cloud metadata endpoints are not allowed";

/// What steps 1–6 decide, with the URL as Addressable reads it.
pub(super) enum BeforeDns {
    /// Refused before resolution (`None`: Addressable cannot read the URL).
    Blocked(Block, Option<AddressableUri>),
    /// Let through without resolving (step 5).
    Allowed(Allowed, AddressableUri),
    /// The host must be resolved: steps 7–14 decide (with the host's
    /// numeric address, if it is one).
    Resolve(AddressableUri, Option<IpAddr>),
}

/// Steps 1–6 up to resolution.
pub(super) fn before_dns(url: &str, policy: &Policy, context: &Context) -> BeforeDns {
    match AddressableUri::parse(url) {
        Err(_) => BeforeDns::Blocked(Block::new("url.invalid", "URI is invalid", 1), None),
        Ok(uri) => {
            // Read once: step 4 and the resolver both need it.
            let numeric = uri.hostname().and_then(inet::numeric_host);
            match steps_before_dns(url, &uri, numeric, policy, context) {
                Err(block) => BeforeDns::Blocked(block, Some(uri)),
                Ok(Some(allowed)) => BeforeDns::Allowed(allowed, uri),
                Ok(None) => BeforeDns::Resolve(uri, numeric),
            }
        }
    }
}

fn steps_before_dns(
    url: &str,
    uri: &AddressableUri,
    numeric: Option<IpAddr>,
    policy: &Policy,
    context: &Context,
) -> Result<Option<Allowed>, Block> {
    let invalid = || Block::new("url.invalid", "URI is invalid", 1);
    let text = uri.to_uri_string();
    let line_break = |s: &str| s.bytes().any(|b| b == b'\n' || b == b'\r');
    if line_break(url) || line_break(&text) {
        return Err(invalid());
    }
    let web = uri
        .scheme
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"));
    if !web {
        let lower = text.to_ascii_lowercase();
        if lower.contains("%0a") || lower.contains("%0d") {
            return Err(invalid());
        }
    }
    if policy.enforce_sanitization && sanitize::changes(&text) {
        return Err(Block::new(
            "url.html_tags",
            "HTML/CSS/JS tags are not allowed",
            2,
        ));
    }
    let internal = same_uri(uri, &context.internal_uris);
    if !internal {
        let scheme_ok = uri.scheme.as_deref().is_some_and(|s| {
            !host::addressable::is_blank(Some(s))
                && (policy.schemes.is_empty() || policy.schemes.iter().any(|a| a == s))
        });
        if !scheme_ok {
            return Err(Block::new(
                "url.scheme_not_allowed",
                format!("Only allowed schemes are {}", policy.schemes.join(", ")),
                3,
            ));
        }
        if let Some(port) = uri.effective_port() {
            if policy.gem == GemVersion::Newest && port > 65_535 {
                return Err(Block::new("url.port_invalid", "Port is invalid", 3));
            }
            if !policy.ports.is_empty() && port < 1024 && !policy.ports.contains(&port) {
                let list: Vec<String> = policy.ports.iter().map(u64::to_string).collect();
                return Err(Block::new(
                    "url.port_not_allowed",
                    format!(
                        "Only allowed ports are {}, and any over 1024",
                        list.join(", ")
                    ),
                    3,
                ));
            }
        }
        if policy.enforce_user
            && !host::addressable::is_blank(uri.user.as_deref())
            && !uri
                .user
                .as_deref()
                .and_then(|u| u.chars().next())
                .is_some_and(ruby_alnum)
        {
            return Err(Block::new(
                "url.username_invalid",
                "Username needs to start with an alphanumeric character",
                3,
            ));
        }
        let hostname = uri.hostname();
        let blank = host::addressable::is_blank(hostname);
        let hostname_ok = match hostname {
            _ if blank => policy.gem == GemVersion::BeforeCloudMetadata,
            // The cheap test first (both are pure, so the order is free).
            Some(h) => h.chars().next().is_some_and(ruby_alnum) || h.parse::<IpAddr>().is_ok(),
            None => false,
        };
        if !hostname_ok {
            return Err(Block::new(
                "url.hostname_invalid",
                "Hostname or IP address invalid",
                3,
            ));
        }
        if policy.ascii_only && !text.is_ascii() {
            return Err(Block::new(
                "url.not_ascii",
                format!("URI must be ascii only {}", ruby_dump(&text)),
                3,
            ));
        }
    }
    if policy.deny_cloud_metadata_requests && policy.gem.blocks_metadata() {
        if let Some(hostname) = uri.hostname() {
            // Ruby's downcase is Unicode, but the only non-ASCII character
            // that lowercases to ASCII is U+212A KELVIN SIGN (to `k`), and
            // this name has no `k`: comparing ASCII case-insensitively
            // gives the same answer without the Unicode case tables.
            let by_name = hostname.eq_ignore_ascii_case("metadata.google.internal");
            let by_ip = numeric.is_some_and(gitlab_metadata_ip);
            if by_name || by_ip {
                return Err(Block::new("url.cloud_metadata", METADATA_MESSAGE, 4));
            }
        }
    }
    if !policy.deny_all_requests_except_allowed
        && !policy.dns_rebind_protection
        && policy.allow_local_network
        && policy.allow_localhost
    {
        return Ok(Some(Allowed::NoDnsNeeded));
    }
    if uri.hostname().is_some_and(|h| h.len() > 1024) {
        return Err(Block::new(
            "url.host_too_long",
            "Host is too long (maximum is 1024 characters)",
            6,
        ));
    }
    Ok(None)
}

/// What the resolver answers without DNS: a numeric host; a localhost
/// name ([`is_localhost_name`]), which resolves to `127.0.0.1` and `::1`;
/// and (older gem, which lets blank hosts through) an empty host, which
/// Ruby's socket layer turns into `0.0.0.0`, or a missing one, for which
/// `getaddrinfo(NULL, …)` answers with the loopback addresses
/// **(inferred)** from Ruby's `host_str` and POSIX `getaddrinfo`; no GitLab
/// test covers it. `numeric` is the host read as a number
/// (`inet::numeric_host`), which the caller already has.
pub(super) fn known_without_dns(
    uri: &AddressableUri,
    numeric: Option<IpAddr>,
) -> Option<Vec<IpAddr>> {
    match uri.hostname() {
        Some("") => Some(vec![IpAddr::V4(Ipv4Addr::UNSPECIFIED)]),
        None => Some(vec![
            IpAddr::V6(Ipv6Addr::LOCALHOST),
            IpAddr::V4(Ipv4Addr::LOCALHOST),
        ]),
        Some(h) if is_localhost_name(h) => Some(LOCALHOST_ANSWER.to_vec()),
        Some(_) => numeric.map(|ip| vec![ip]),
    }
}

/// What a localhost name resolves to on GitLab's servers, in the order
/// GitLab's own test runs get it from the hosts file (`url-blocker.md` §9).
pub(super) const LOCALHOST_ANSWER: [IpAddr; 2] = [
    IpAddr::V4(Ipv4Addr::LOCALHOST),
    IpAddr::V6(Ipv6Addr::LOCALHOST),
];

/// Whether the resolver answers `hostname` with the loopback addresses
/// whatever DNS says: `localhost` and every name under it, in any case,
/// with or without one trailing dot. RFC 6761 §6.3 reserves them for
/// loopback, the hosts file of every Linux server (glibc's `files`
/// source, asked before DNS) maps `localhost` to `127.0.0.1` and `::1`, and
/// GitLab's own test runs resolve it so (`url-blocker.md` §7.3, §9). The
/// name is the one GitLab hands to `getaddrinfo` (Addressable's raw
/// hostname): a percent-encoded `localhost%2e` is not one.
pub(super) fn is_localhost_name(hostname: &str) -> bool {
    let name = hostname.strip_suffix('.').unwrap_or(hostname);
    let Some(split) = name.len().checked_sub("localhost".len()) else {
        return false;
    };
    name.is_char_boundary(split)
        && name[split..].eq_ignore_ascii_case("localhost")
        && (split == 0 || name[..split].ends_with('.') && split > 1)
}

/// What the steps after resolution (7–14) need from the URL, the same for
/// every resolver answer: worked out once per URL, not once per answer.
pub(super) struct Resolving {
    /// GitLab's `get_port`.
    port: Option<u64>,
    /// Addressable's normalised host, which domain entries are compared with.
    normalized: String,
    /// Step 11: the URL is one of GitLab's internal URIs or an extra allowed one.
    allowed_uri: bool,
    /// The addresses the resolver answers without DNS, or the caller's.
    pub(super) known: Option<Vec<IpAddr>>,
}

impl Resolving {
    /// What the steps after resolution need from `uri`, whose host reads
    /// as the address `numeric`, if any.
    pub(super) fn new(
        uri: &AddressableUri,
        numeric: Option<IpAddr>,
        policy: &Policy,
        context: &Context,
    ) -> Resolving {
        Resolving {
            port: uri.effective_port(),
            normalized: uri.normalized_host().unwrap_or_default(),
            allowed_uri: same_uri(uri, &context.internal_uris)
                || same_uri(uri, &policy.extra_allowed_uris),
            known: known_without_dns(uri, numeric).or_else(|| context.resolved_addresses.clone()),
        }
    }

    /// GitLab's port for the URL.
    pub(super) fn port(&self) -> Option<u64> {
        self.port
    }
}

/// The outbound allowlist as steps 7–10 read it, with at most one more
/// entry matched as if it came after the list's own: the advice tries a
/// candidate entry this way, without copying the list.
#[derive(Clone, Copy)]
pub(super) struct ListView<'a> {
    list: &'a Allowlist,
    extra: Option<&'a Entry>,
}

impl<'a> ListView<'a> {
    /// The policy's list as it is.
    pub(super) fn of(policy: &'a Policy) -> Self {
        ListView {
            list: &policy.outbound_local_requests_allowlist,
            extra: None,
        }
    }

    /// The policy's list with `entry` added at its end.
    pub(super) fn with(policy: &'a Policy, entry: &'a Entry) -> Self {
        ListView {
            list: &policy.outbound_local_requests_allowlist,
            extra: Some(entry),
        }
    }

    /// `Allowlist::match_domain` on the list with the extra entry.
    pub(super) fn match_domain(&self, host: &str, port: Option<u64>) -> Option<&'a Entry> {
        self.list
            .match_domain(host, port)
            .or_else(|| self.extra.filter(|e| e.matches_domain(host, port)))
    }

    /// `Allowlist::match_ip` on the list with the extra entry.
    pub(super) fn match_ip(&self, ip: IpAddr, port: Option<u64>) -> Option<&'a Entry> {
        self.list
            .match_ip(ip, port)
            .or_else(|| self.extra.filter(|e| e.matches_ip(ip, port)))
    }

    /// The entries, in order, the extra one last.
    pub(super) fn entries(&self) -> impl Iterator<Item = &'a Entry> {
        self.list.entries().iter().chain(self.extra)
    }
}

/// Steps 7–14's answer for one resolver answer, before any text is built:
/// the advice's trials need only whether it is allowed, and a verdict only
/// the answers it shows.
pub(super) enum Decision<'a> {
    /// Let through, and why (the entry that matched, if any).
    Allowed(Allowed, Option<&'a Entry>),
    /// Refused: code, GitLab's message, step, the address that decided.
    Blocked(&'static str, &'static str, u8, Option<IpAddr>),
}

impl Decision<'_> {
    /// Whether the answer is let through, or refused for good (a block no
    /// allowlist entry lifts).
    pub(super) fn allowed_or_final(&self) -> bool {
        match self {
            Decision::Allowed(..) => true,
            Decision::Blocked(_, _, step, _) => !matches!(step, 7 | 12 | 13),
        }
    }

    /// The outcome, with its texts.
    pub(super) fn outcome(self) -> Outcome {
        match self {
            Decision::Allowed(why, entry) => Outcome::Allowed(match (why, entry) {
                (Allowed::UnresolvableAllowlisted(_), Some(e)) => {
                    Allowed::UnresolvableAllowlisted(e.raw().to_owned())
                }
                (Allowed::DomainAllowlist(_), Some(e)) => {
                    Allowed::DomainAllowlist(e.raw().to_owned())
                }
                (Allowed::IpAllowlist(_), Some(e)) => Allowed::IpAllowlist(e.raw().to_owned()),
                (why, _) => why,
            }),
            Decision::Blocked(code, message, step, address) => {
                let mut block = Block::new(code, message, step);
                block.address = address;
                Outcome::Blocked(block)
            }
        }
    }
}

/// Steps 7–14 for a given resolver answer (empty = does not resolve).
pub(super) fn after_dns(
    resolving: &Resolving,
    policy: &Policy,
    context: &Context,
    list: ListView<'_>,
    addresses: &[IpAddr],
) -> Outcome {
    decide(resolving, policy, context, list, addresses).outcome()
}

/// [`after_dns`] without its texts.
pub(super) fn decide<'a>(
    resolving: &Resolving,
    policy: &Policy,
    context: &Context,
    list: ListView<'a>,
    addresses: &[IpAddr],
) -> Decision<'a> {
    let port = resolving.port;
    let domain_hit = list.match_domain(&resolving.normalized, port);
    let listed = |why: Allowed, entry| Decision::Allowed(why, Some(entry));
    if addresses.is_empty() {
        if let Some(entry) = domain_hit {
            return listed(Allowed::UnresolvableAllowlisted(String::new()), entry);
        }
        if policy.deny_all_requests_except_allowed
            || (policy.dns_rebind_protection && !context.http_proxy_env)
        {
            return Decision::Blocked(
                "url.unresolvable",
                "Host cannot be resolved or invalid",
                7,
                None,
            );
        }
        let why = if policy.dns_rebind_protection {
            Allowed::UnresolvableProxy
        } else {
            Allowed::UnresolvableNoRebindProtection
        };
        return Decision::Allowed(why, None);
    }
    let unmapped = || addresses.iter().copied().map(unmap);
    if policy.deny_cloud_metadata_requests && policy.gem.blocks_metadata() {
        if let Some(ip) = unmapped().find(|ip| gitlab_metadata_ip(*ip)) {
            return Decision::Blocked("url.cloud_metadata", METADATA_MESSAGE, 8, Some(ip));
        }
    }
    if let Some(entry) = domain_hit {
        return listed(Allowed::DomainAllowlist(String::new()), entry);
    }
    if let Some(entry) = list.match_ip(unmap(addresses[0]), port) {
        return listed(Allowed::IpAllowlist(String::new()), entry);
    }
    if resolving.allowed_uri {
        return Decision::Allowed(Allowed::AllowedUri, None);
    }
    if policy.deny_all_requests_except_allowed {
        return Decision::Blocked(
            "url.not_on_allowlist",
            "Requests to hosts and IP addresses not on the Allow List are denied",
            12,
            None,
        );
    }
    match local_checks(policy, context, addresses) {
        Some((code, message, ip)) => Decision::Blocked(code, message, 13, Some(ip)),
        None => Decision::Allowed(Allowed::Passed, None),
    }
}

/// The addresses of Linux's loopback interface, always among the server's
/// own addresses.
const LOOPBACK_INTERFACE: [IpAddr; 2] = [
    IpAddr::V4(Ipv4Addr::LOCALHOST),
    IpAddr::V6(Ipv6Addr::LOCALHOST),
];

/// GitLab's local-address checks (§2.3), in GitLab's order, on every address.
fn local_checks(
    policy: &Policy,
    context: &Context,
    addresses: &[IpAddr],
) -> Option<(&'static str, &'static str, IpAddr)> {
    type Check = (&'static str, &'static str, fn(IpAddr, &Context) -> bool);
    const LOCALHOST: &[Check] = &[
        (
            "url.localhost",
            "Requests to localhost are not allowed",
            |ip, ctx| {
                ip.is_unspecified()
                    || LOOPBACK_INTERFACE.contains(&ip)
                    || ctx.server_addresses.iter().any(|s| unmap(*s) == ip)
            },
        ),
        (
            "url.loopback",
            "Requests to loopback addresses are not allowed",
            |ip, _| match ip {
                IpAddr::V4(a) => a.is_loopback(),
                IpAddr::V6(a) => a == Ipv6Addr::LOCALHOST,
            },
        ),
    ];
    const LOCAL_NETWORK: &[Check] = &[
        (
            "url.local_network",
            "Requests to the local network are not allowed",
            |ip, _| match ip {
                IpAddr::V4(a) => a.is_private(),
                IpAddr::V6(a) => {
                    matches!(a.segments()[0] & 0xffc0, 0xfec0) || a.segments()[0] & 0xfe00 == 0xfc00
                }
            },
        ),
        (
            "url.link_local",
            "Requests to the link local network are not allowed",
            |ip, _| match ip {
                IpAddr::V4(a) => a.is_link_local(),
                IpAddr::V6(a) => a.segments()[0] & 0xffc0 == 0xfe80,
            },
        ),
        (
            "url.shared_address",
            "Requests to the shared address space are not allowed",
            |ip, _| match ip {
                IpAddr::V4(a) => u32::from(a) & 0xffc0_0000 == 0x6440_0000,
                IpAddr::V6(_) => false,
            },
        ),
        (
            "url.limited_broadcast",
            "Requests to the limited broadcast address are not allowed",
            |ip, _| ip == IpAddr::V4(Ipv4Addr::BROADCAST),
        ),
    ];
    if policy.allow_localhost && policy.allow_local_network {
        return None;
    }
    let localhost: &[Check] = if policy.allow_localhost {
        &[]
    } else {
        LOCALHOST
    };
    let local_network: &[Check] = if policy.allow_local_network {
        &[]
    } else {
        LOCAL_NETWORK
    };
    localhost
        .iter()
        .chain(local_network)
        .find_map(|(code, message, test)| {
            addresses
                .iter()
                .copied()
                .map(unmap)
                .find(|ip| test(*ip, context))
                .map(|ip| (*code, *message, ip))
        })
}

#[cfg(test)]
mod tests {
    use super::is_localhost_name;

    #[test]
    fn localhost_names() {
        for name in [
            "localhost",
            "LocalHost",
            "localhost.",
            "a.localhost",
            "gw.A.LOCALHOST.",
        ] {
            assert!(is_localhost_name(name), "{name}");
        }
        for name in [
            "",
            ".",
            "localhost..",
            ".localhost",
            "notlocalhost",
            "localhost.com",
            "localhost%2e",
            "ip6-localhost",
            "localhost.localdomain",
            "é.localhost",
        ] {
            assert_eq!(is_localhost_name(name), name == "é.localhost", "{name}");
        }
    }
}
