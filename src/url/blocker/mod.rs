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
//! The library does no IO. A numeric host is read as the resolver reads it
//! (`host::inet`), so its address is known; for a name the caller passes
//! the resolved addresses in [`Context`]. When they are unknown and the
//! outcome depends on them, the verdict is `blocked: None` ("depends on
//! DNS"), with one `url.dns_outcome` diagnostic per possible answer; when
//! every possible answer leads to the same verdict, that verdict is given.
//!
//! Codes. Blocks (errors, GitLab's message as `gitlab_message`):
//! `url.invalid`, `url.html_tags`, `url.scheme_not_allowed`,
//! `url.port_invalid`, `url.port_not_allowed`, `url.username_invalid`,
//! `url.hostname_invalid`, `url.not_ascii`, `url.cloud_metadata`,
//! `url.host_too_long`, `url.unresolvable`, `url.not_on_allowlist`,
//! `url.localhost`, `url.loopback`, `url.local_network`, `url.link_local`,
//! `url.shared_address`, `url.limited_broadcast`,
//! `url.blocked_whatever_dns`. DNS: `url.depends_on_dns` (warning),
//! `url.dns_outcome` (info, one per answer), `url.resolved_addresses_ignored`.
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

use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::url::address::{self, AddressClass};
use crate::url::allowlist::{Allowlist, Entry};
use crate::url::host::{self, addressable::AddressableUri, inet, Host, WhatwgUrl};
use crate::url::sanitize;
use serde::Serialize;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Which version of the `gitlab-http` gem's blocker to follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum GemVersion {
    /// The newest gem seen (`1becc04b`): cloud-metadata block, port > 65535
    /// refused, a blank host refused by the hostname check.
    #[default]
    Newest,
    /// The previous gem (`0286e4c6`, `4de6023d`): no cloud-metadata block,
    /// no port-range check, blank hosts skip the hostname check.
    BeforeCloudMetadata,
}

impl GemVersion {
    fn blocks_metadata(self) -> bool {
        self == GemVersion::Newest
    }
}

/// How the caller shows the blocker's message (`url-blocker.md` §2.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum MessageFormat {
    /// The bare message (AI gateway URL at save time, newest).
    #[default]
    Bare,
    /// `is not allowed: <message>` (AI gateway URL, older versions).
    IsNotAllowed,
    /// `Endpoint is blocked: <message>` (self-hosted model endpoint).
    EndpointIsBlocked,
    /// `URL is blocked: <message>` (`Gitlab::HTTP` at request time).
    UrlIsBlocked,
}

impl MessageFormat {
    /// The message as GitLab shows it.
    pub fn wrap(self, message: &str) -> String {
        match self {
            MessageFormat::Bare => message.to_owned(),
            MessageFormat::IsNotAllowed => format!("is not allowed: {message}"),
            MessageFormat::EndpointIsBlocked => format!("Endpoint is blocked: {message}"),
            MessageFormat::UrlIsBlocked => format!("URL is blocked: {message}"),
        }
    }
}

/// The blocker's options, named as GitLab names them.
///
/// `Default` is the gem's defaults with `schemes` set to http and https
/// (the gem requires the caller to give schemes).
#[derive(Clone, Debug)]
pub struct Policy {
    /// Allowed schemes, compared exactly (case-sensitive).
    pub schemes: Vec<String>,
    /// When non-empty, a port below 1024 must be listed.
    pub ports: Vec<u64>,
    /// When false, block `::`, `0.0.0.0`, the server's addresses, loopback.
    pub allow_localhost: bool,
    /// When false, block private, unique-local, link-local, shared, broadcast.
    pub allow_local_network: bool,
    /// Block everything not allowlisted, internal or extra-allowed.
    pub deny_all_requests_except_allowed: bool,
    /// Resolve the host and block unresolvable hosts.
    pub dns_rebind_protection: bool,
    /// Block cloud-metadata endpoints (newest gem only; not allowlistable).
    pub deny_cloud_metadata_requests: bool,
    /// The username must start with a letter or digit.
    pub enforce_user: bool,
    /// The whole URL must be ASCII.
    pub ascii_only: bool,
    /// Refuse URLs the HTML sanitizer would change.
    pub enforce_sanitization: bool,
    /// URIs allowed when scheme, host name and port match.
    pub extra_allowed_uris: Vec<String>,
    /// The admin outbound allowlist.
    pub outbound_local_requests_allowlist: Allowlist,
    /// Which gem version's behaviour to follow.
    pub gem: GemVersion,
    /// How the caller wraps the message.
    pub message_format: MessageFormat,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            schemes: vec!["http".to_owned(), "https".to_owned()],
            ports: Vec::new(),
            allow_localhost: false,
            allow_local_network: true,
            deny_all_requests_except_allowed: false,
            dns_rebind_protection: true,
            deny_cloud_metadata_requests: true,
            enforce_user: false,
            ascii_only: false,
            enforce_sanitization: false,
            extra_allowed_uris: Vec::new(),
            outbound_local_requests_allowlist: Allowlist::new(),
            gem: GemVersion::Newest,
            message_format: MessageFormat::Bare,
        }
    }
}

/// What the library cannot look up itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The addresses the host resolves to, in resolver order (`Some(vec![])`
    /// = does not resolve; `None` = unknown). Ignored for numeric hosts,
    /// which the resolver answers without DNS.
    pub resolved_addresses: Option<Vec<IpAddr>>,
    /// The GitLab server's own interface addresses (`Socket.ip_address_list`).
    /// 127.0.0.1 and ::1 need not be listed: GitLab runs on Linux, whose
    /// loopback interface always has them, so they always count as the
    /// server's own (which is why GitLab says "Requests to localhost are not
    /// allowed" for `http://127.0.0.1`, as its DAST spec expects; §2.3).
    pub server_addresses: Vec<IpAddr>,
    /// Whether `http_proxy`, `https_proxy`, `HTTP_PROXY` or `HTTPS_PROXY`
    /// is set.
    pub http_proxy_env: bool,
    /// GitLab's own URLs (`allowed_internal_uris`): its web URL and
    /// `ssh://<host>:<port>`.
    pub internal_uris: Vec<String>,
}

/// Why the blocker refused a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Stable code, e.g. `url.localhost`.
    pub code: &'static str,
    /// GitLab's bare message.
    pub gitlab: String,
    /// The step of §2.1 that refused it.
    pub step: u8,
    /// The address that triggered an address check, if any.
    pub address: Option<IpAddr>,
}

impl Block {
    fn new(code: &'static str, gitlab: impl Into<String>, step: u8) -> Self {
        Block {
            code,
            gitlab: gitlab.into(),
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
    fn blocked(&self) -> Option<&Block> {
        match self {
            Outcome::Blocked(b) => Some(b),
            Outcome::Allowed(_) => None,
        }
    }
}

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

/// Ruby's `\p{Alnum}`: alphabetic, or a decimal digit (general category
/// Nd). Rust's `is_alphanumeric` also counts `No` (①, ⑩), which Ruby does
/// not; the Nd blocks are listed by their zero digit (Unicode 14, from
/// Python's `unicodedata`; every block is ten consecutive digits).
fn ruby_alnum(c: char) -> bool {
    const ND_ZEROS: &[u32] = &[
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
        0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
        0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
        0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
        0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
    ];
    if c.is_alphabetic() {
        return true;
    }
    let code = u32::from(c);
    let at = ND_ZEROS.partition_point(|&zero| zero <= code);
    at > 0 && code - ND_ZEROS[at - 1] < 10
}

/// Ruby's `String#dump`, as the ASCII-only message prints the URL.
fn ruby_dump(text: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            '\u{8}' => out.push_str("\\b"),
            '\u{7}' => out.push_str("\\a"),
            '\u{1b}' => out.push_str("\\e"),
            '#' if matches!(chars.peek(), Some('{' | '$' | '@')) => out.push_str("\\#"),
            c if c.is_ascii_control() => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            c if c.is_ascii() => out.push(c),
            c if u32::from(c) > 0xFFFF => out.push_str(&format!("\\u{{{:X}}}", u32::from(c))),
            c => out.push_str(&format!("\\u{:04X}", u32::from(c))),
        }
    }
    out.push('"');
    out
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
fn unmap(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(a) => a.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// GitLab's metadata test: the native form (mapped and compatible IPv6
/// turned into IPv4) is one of the addresses the gem lists.
fn gitlab_metadata_ip(ip: IpAddr) -> bool {
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
        .any(|e| e.gitlab_blocks && e.host == address::MetadataHost::Ip(native))
}

const METADATA_MESSAGE: &str = "Requests to cloud metadata endpoints are not allowed";

/// Steps 1–6 up to resolution: a block, "allowed without DNS", or the
/// parsed URL to resolve.
fn before_dns(
    url: &str,
    policy: &Policy,
    context: &Context,
) -> Result<Result<AddressableUri, Allowed>, Block> {
    let invalid = || Block::new("url.invalid", "URI is invalid", 1);
    let uri = AddressableUri::parse(url).map_err(|_| invalid())?;
    let text = uri.to_uri_string();
    if url.contains(['\n', '\r']) || text.contains(['\n', '\r']) {
        return Err(invalid());
    }
    let scheme_lower = uri.scheme.as_deref().map(str::to_ascii_lowercase);
    if !matches!(scheme_lower.as_deref(), Some("http" | "https")) {
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
    let internal = same_uri(&uri, &context.internal_uris);
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
            Some(h) => h.parse::<IpAddr>().is_ok() || h.chars().next().is_some_and(ruby_alnum),
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
            let by_ip = inet::numeric_host(hostname).is_some_and(gitlab_metadata_ip);
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
        return Ok(Err(Allowed::NoDnsNeeded));
    }
    if uri.hostname().is_some_and(|h| h.len() > 1024) {
        return Err(Block::new(
            "url.host_too_long",
            "Host is too long (maximum is 1024 characters)",
            6,
        ));
    }
    Ok(Ok(uri))
}

/// What the resolver answers without DNS: a numeric host, and (older gem,
/// which lets blank hosts through) an empty host, which Ruby's socket layer
/// turns into `0.0.0.0`, or a missing one, for which `getaddrinfo(NULL, …)`
/// answers with the loopback addresses **(inferred)** from Ruby's
/// `host_str` and POSIX `getaddrinfo`; no GitLab test covers it.
fn known_without_dns(uri: &AddressableUri) -> Option<Vec<IpAddr>> {
    match uri.hostname() {
        Some("") => Some(vec![IpAddr::V4(Ipv4Addr::UNSPECIFIED)]),
        None => Some(vec![
            IpAddr::V6(Ipv6Addr::LOCALHOST),
            IpAddr::V4(Ipv4Addr::LOCALHOST),
        ]),
        Some(h) => inet::numeric_host(h).map(|ip| vec![ip]),
    }
}

/// Steps 7–14 for a given resolver answer (empty = does not resolve).
fn after_dns(
    uri: &AddressableUri,
    policy: &Policy,
    context: &Context,
    addresses: &[IpAddr],
) -> Outcome {
    let list = &policy.outbound_local_requests_allowlist;
    let port = uri.effective_port();
    let normalized = uri.normalized_host().unwrap_or_default();
    let domain_hit = list.match_domain(&normalized, port).map(|e| e.raw.clone());
    let addresses: Vec<IpAddr> = addresses.iter().copied().map(unmap).collect();
    if addresses.is_empty() {
        if let Some(entry) = domain_hit {
            return Outcome::Allowed(Allowed::UnresolvableAllowlisted(entry));
        }
        if policy.deny_all_requests_except_allowed
            || (policy.dns_rebind_protection && !context.http_proxy_env)
        {
            return Outcome::Blocked(Block::new(
                "url.unresolvable",
                "Host cannot be resolved or invalid",
                7,
            ));
        }
        return Outcome::Allowed(if policy.dns_rebind_protection {
            Allowed::UnresolvableProxy
        } else {
            Allowed::UnresolvableNoRebindProtection
        });
    }
    if policy.deny_cloud_metadata_requests && policy.gem.blocks_metadata() {
        if let Some(ip) = addresses.iter().copied().find(|ip| gitlab_metadata_ip(*ip)) {
            let mut block = Block::new("url.cloud_metadata", METADATA_MESSAGE, 8);
            block.address = Some(ip);
            return Outcome::Blocked(block);
        }
    }
    if let Some(entry) = domain_hit {
        return Outcome::Allowed(Allowed::DomainAllowlist(entry));
    }
    if let Some(entry) = list.match_ip(addresses[0], port) {
        return Outcome::Allowed(Allowed::IpAllowlist(entry.raw.clone()));
    }
    if same_uri(uri, &context.internal_uris) || same_uri(uri, &policy.extra_allowed_uris) {
        return Outcome::Allowed(Allowed::AllowedUri);
    }
    if policy.deny_all_requests_except_allowed {
        return Outcome::Blocked(Block::new(
            "url.not_on_allowlist",
            "Requests to hosts and IP addresses not on the Allow List are denied",
            12,
        ));
    }
    local_checks(policy, context, &addresses)
        .map_or(Outcome::Allowed(Allowed::Passed), Outcome::Blocked)
}

/// The addresses of Linux's loopback interface, always among the server's
/// own addresses.
const LOOPBACK_INTERFACE: [IpAddr; 2] = [
    IpAddr::V4(Ipv4Addr::LOCALHOST),
    IpAddr::V6(Ipv6Addr::LOCALHOST),
];

/// GitLab's local-address checks (§2.3), in GitLab's order, on every address.
fn local_checks(policy: &Policy, context: &Context, addresses: &[IpAddr]) -> Option<Block> {
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
    let mut checks: Vec<&Check> = Vec::new();
    if !policy.allow_localhost {
        checks.extend(LOCALHOST);
    }
    if !policy.allow_local_network {
        checks.extend(LOCAL_NETWORK);
    }
    checks.into_iter().find_map(|(code, message, test)| {
        addresses
            .iter()
            .copied()
            .find(|ip| test(*ip, context))
            .map(|ip| {
                let mut block = Block::new(code, *message, 13);
                block.address = Some(ip);
                block
            })
    })
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
/// already covers.
fn representative_answers(
    policy: &Policy,
    context: &Context,
    port: Option<u64>,
) -> Vec<(&'static str, Option<IpAddr>)> {
    let list = &policy.outbound_local_requests_allowlist;
    let pick = |candidates: &[[u8; 4]]| -> Option<IpAddr> {
        let all = candidates.iter().map(|c| IpAddr::from(*c));
        all.clone()
            .find(|ip| list.match_ip(*ip, port).is_none())
            .or_else(|| all.clone().next())
    };
    let metadata = policy.deny_cloud_metadata_requests && policy.gem.blocks_metadata();
    ANSWERS
        .iter()
        .filter_map(|(name, source)| {
            let example = match source {
                Source::Nothing => return Some((*name, None)),
                Source::Fixed(candidates) => pick(candidates),
                Source::Metadata(candidates) => pick(candidates).filter(|_| metadata),
                Source::Server => context.server_addresses.first().map(|s| unmap(*s)),
                Source::Allowlisted => list
                    .entries()
                    .iter()
                    .find_map(|e| allowlisted_example(e, port)),
            };
            example.map(|ip| (*name, Some(ip)))
        })
        .collect()
}

fn allowlisted_example(entry: &Entry, port: Option<u64>) -> Option<IpAddr> {
    if entry.port.is_some() && entry.port != port {
        return None;
    }
    let (base, _) = entry.mapped_range()?;
    let ip = unmap(IpAddr::V6(Ipv6Addr::from(base)));
    (!gitlab_metadata_ip(ip)).then_some(ip)
}

/// Evaluate every step for `url`; the possible DNS answers when needed.
fn evaluate(
    url: &str,
    policy: &Policy,
    context: &Context,
) -> (Result<Outcome, Vec<DnsOutcome>>, Option<AddressableUri>) {
    let uri = match before_dns(url, policy, context) {
        Err(block) => return (Ok(Outcome::Blocked(block)), AddressableUri::parse(url).ok()),
        Ok(Err(allowed)) => {
            return (
                Ok(Outcome::Allowed(allowed)),
                AddressableUri::parse(url).ok(),
            )
        }
        Ok(Ok(uri)) => uri,
    };
    let known = known_without_dns(&uri).or_else(|| context.resolved_addresses.clone());
    if let Some(addresses) = known {
        let outcome = after_dns(&uri, policy, context, &addresses);
        return (Ok(outcome), Some(uri));
    }
    let outcomes = representative_answers(policy, context, uri.effective_port())
        .into_iter()
        .map(|(answer, example)| DnsOutcome {
            answer,
            example,
            outcome: after_dns(
                &uri,
                policy,
                context,
                &example.into_iter().collect::<Vec<_>>(),
            ),
        })
        .collect();
    (Err(outcomes), Some(uri))
}

/// Check `url` as GitLab's URL blocker would, with `policy` and `context`.
pub fn check_url(url: &str, policy: &Policy, context: &Context) -> UrlVerdict {
    let whatwg = WhatwgUrl::parse(url);
    let (evaluation, uri) = evaluate(url, policy, context);
    let mut diagnostics = host::hazards(url, whatwg.as_ref(), uri.as_ref());
    let host_class = match &whatwg {
        Ok(w) => match &w.host {
            Some(h) if w.special => address::classify_host(h).0,
            Some(h) => Host::parse(&h.to_string())
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
                .and_then(WhatwgUrl::port_or_default)
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
            .map(Host::to_string),
        port,
        class: host_class,
        suggested_allowlist_entry: None,
        diagnostics: Diagnostics::new(),
        dns_outcomes: Vec::new(),
    };
    let resolved_known = uri
        .as_ref()
        .and_then(known_without_dns)
        .or_else(|| context.resolved_addresses.clone());
    if let (Some(uri), Some(given)) = (&uri, &context.resolved_addresses) {
        if uri.hostname().and_then(inet::numeric_host).is_some() && !given.is_empty() {
            diagnostics.push(Diagnostic::info(
                "url.resolved_addresses_ignored",
                Path::root().key("host"),
                "the host is a numeric address, which the resolver answers without DNS; resolved_addresses is ignored",
            ));
        }
    }
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
                    verdict.message =
                        format!("GitLab blocks this URL: {}", lower_first(&block.gitlab));
                    verdict.gitlab_message = Some(shown.clone());
                    diagnostics.push(
                        Diagnostic::error(block.code, Path::root(), verdict.message.clone())
                            .with("gitlab_message", shown)
                            .with("blocker_message", block.gitlab.as_str())
                            .with("step", i64::from(block.step))
                            .with("address", block.address.map(|a| a.to_string())),
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
                                format!("allowed by the allowlist entry {e:?}"),
                            )
                            .with("entry", e.as_str()),
                        );
                    }
                }
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
        let host = whatwg.as_ref().ok().and_then(|w| w.host.clone());
        risks(host.as_ref(), resolved_known.as_deref(), &mut diagnostics);
    }
    if verdict.blocked != Some(false) {
        advise(
            url,
            policy,
            context,
            &mut verdict,
            &mut diagnostics,
            uri.as_ref(),
            resolved_known.as_deref(),
        );
    }
    verdict.diagnostics = diagnostics;
    verdict
}

/// GitLab's sentence with a lower-case first letter, unless it starts an
/// acronym (`HTML/CSS/JS …`, `URI …`).
/// Where this library is stricter than GitLab: destinations GitLab lets
/// through (or may, depending on DNS) that are still internal. GitLab's
/// local checks only unwrap IPv4-mapped addresses, and its metadata block
/// knows four addresses and one name; these warnings name what it misses
/// (`url-blocker.md` §2.3 "not blocked at all", §7.2, §7.3). The verdict
/// itself stays GitLab's.
fn risks(host: Option<&Host>, resolved: Option<&[IpAddr]>, diagnostics: &mut Diagnostics) {
    let mut addresses: Vec<IpAddr> = host.and_then(Host::ip).into_iter().collect();
    for ip in resolved.unwrap_or_default().iter().copied().map(unmap) {
        if !addresses.contains(&ip) {
            addresses.push(ip);
        }
    }
    let metadata = host.and_then(address::metadata_host).or_else(|| {
        addresses
            .iter()
            .find_map(|ip| address::metadata_address(*ip))
    });
    if let Some(endpoint) = metadata {
        diagnostics.push(
            Diagnostic::warning(
                "url.cloud_metadata_not_blocked",
                Path::root().key("host"),
                format!(
                    "the destination is a cloud metadata endpoint ({}) that these options do not block",
                    endpoint.provider
                ),
            )
            .with("provider", endpoint.provider),
        );
    }
    for ip in addresses {
        let IpAddr::V6(v6) = ip else { continue };
        let Some((embedding, inner)) = address::embedded_ipv4(v6) else {
            continue;
        };
        let (class, _) = address::classify_ip(IpAddr::V4(inner));
        let internal = !matches!(
            class,
            AddressClass::Public
                | AddressClass::Documentation
                | AddressClass::Multicast
                | AddressClass::Reserved
        );
        if embedding != address::Embedding::Mapped && internal {
            diagnostics.push(
                Diagnostic::warning(
                    "url.embedded_ipv4_unchecked",
                    Path::root().key("host"),
                    format!(
                        "{} carries the {class} address {inner}; GitLab's local checks do not look inside this kind of address, so they let it through",
                        Host::Ipv6(v6)
                    ),
                )
                .with("ipv4", inner.to_string())
                .with("class", class.as_str()),
            );
        }
    }
}

// GitLab's messages are ASCII.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_ascii_lowercase() || second == ' ' => {
            [first.to_ascii_lowercase(), second]
                .into_iter()
                .chain(chars)
                .collect()
        }
        _ => text.to_owned(),
    }
}

fn allowed_message(why: &Allowed) -> String {
    match why {
        Allowed::NoDnsNeeded => "GitLab allows this URL without resolving it (deny-all and DNS-rebind protection are off, local requests allowed)".to_owned(),
        Allowed::UnresolvableAllowlisted(e) => format!("GitLab allows this URL: the host does not resolve but is on the allowlist ({e})"),
        Allowed::UnresolvableNoRebindProtection => "GitLab allows this URL: the host does not resolve, and DNS-rebind protection is off".to_owned(),
        Allowed::UnresolvableProxy => "GitLab allows this URL: the host does not resolve, but a proxy environment variable is set".to_owned(),
        Allowed::DomainAllowlist(e) => format!("GitLab allows this URL: the host is on the allowlist ({e})"),
        Allowed::IpAllowlist(e) => format!("GitLab allows this URL: the address is on the allowlist ({e})"),
        Allowed::AllowedUri => "GitLab allows this URL: it is one of GitLab's own URLs".to_owned(),
        Allowed::Passed => "GitLab allows this URL".to_owned(),
    }
}

fn summarise_dns(
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

/// Advice: the allowlist entry that would let the URL through (verified by
/// re-running the check with it), or why none can.
fn advise(
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
    let reason = if blocks.iter().all(|b| !b.allowlistable()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruby_helpers() {
        assert!(ruby_alnum('a') && ruby_alnum('ğ') && ruby_alnum('٣') && ruby_alnum('7'));
        assert!(!ruby_alnum('⑩') && !ruby_alnum('①') && !ruby_alnum('-') && !ruby_alnum('\u{ad}'));
        assert_eq!(
            ruby_dump("http://ğitlab.com/#{x}"),
            "\"http://\\u011Fitlab.com/\\#{x}\""
        );
    }
}
