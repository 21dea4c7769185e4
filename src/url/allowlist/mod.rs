//! GitLab's outbound allowlist ("Local IP addresses and domain names that
//! hooks and integrations can access"): parsed exactly as GitLab parses it,
//! matched exactly as GitLab matches it (through an index, not a scan), and
//! linted for entries GitLab accepts that can never match.
//!
//! Sources: `url-blocker.md` §4 (S2 `url_allowlist.rb`, S3/S4 entry
//! matching, S10–S13 text format and validation, S22 `IPAddr`).
//!
//! * Text: split on `,` `;` or any ASCII whitespace, strip, drop empty
//!   pieces, de-duplicate (first kept). No lower-casing.
//! * Validation (GitLab's own errors): at most 1000 entries, each at most
//!   255 characters, ASCII only, no HTML.
//! * Kinds: `[v6]:port`, `host-or-v4:port` (no other colon), else the whole
//!   text; the address part is an IP entry when Ruby's `IPAddr.new` accepts
//!   it (a `/prefix` makes it a range), else a domain entry.
//! * Matching: a domain entry equals the URL's normalised host (plain,
//!   case-sensitive string equality); an IP entry's range includes the
//!   address, comparing IPv4 with IPv6 through the IPv4-mapped form. An
//!   entry with a port matches only that port.
//!
//! Codes. GitLab's save-time errors (with `gitlab_message`):
//! `allowlist.too_many_entries`, `allowlist.entry_too_long`,
//! `allowlist.entry_not_ascii`, `allowlist.entry_html`. Lints (warnings,
//! with `suggested_entry`, `null` when no entry can work):
//! `allowlist.entry_has_scheme`, `allowlist.entry_has_userinfo`,
//! `allowlist.entry_has_path`, `allowlist.invalid_prefix`,
//! `allowlist.entry_wildcard`, `allowlist.entry_bracketed_ipv4`,
//! `allowlist.entry_non_canonical_ip`, `allowlist.entry_upper_case`,
//! `allowlist.entry_trailing_dot`, `allowlist.entry_never_matches`,
//! `allowlist.port_out_of_range`, `allowlist.cloud_metadata_entry`,
//! `allowlist.range_host_bits`, `allowlist.ipv6_port_ambiguous`. The lints
//! go beyond GitLab, which saves all of these silently.

mod ipaddr;
mod lint;

pub use ipaddr::{ipaddr_new, Family, RubyIpAddr};

use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::url::host::{addressable::AddressableUri, inet, Host};
use crate::url::sanitize;
use serde::Serialize;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// GitLab's maximum number of entries (`application_setting.rb`, S11).
pub const MAX_ENTRIES: usize = 1000;
/// GitLab's maximum entry length in characters (S11).
pub const MAX_ENTRY_CHARS: usize = 255;

/// What an entry is to GitLab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// A single IP address.
    Ip,
    /// An IP range (`/prefix` or `/netmask`).
    Range,
    /// Anything else: compared as text with the URL's normalised host.
    Domain,
}

impl EntryKind {
    /// The lower-case name used in JSON (`ip`, `range`, `domain`).
    pub const fn as_str(self) -> &'static str {
        match self {
            EntryKind::Ip => "ip",
            EntryKind::Range => "range",
            EntryKind::Domain => "domain",
        }
    }
}

/// One allowlist entry, as GitLab reads it. Serialises as
/// `{"raw", "kind", "value", "port"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The entry as stored (after splitting and stripping).
    pub raw: String,
    /// IP, range or domain.
    pub kind: EntryKind,
    /// The address part: the canonical IP (a range as `network/prefix`,
    /// masked as GitLab masks it) or the domain text as written.
    pub value: String,
    /// The port, if the entry has one. Not range-checked by GitLab; digits
    /// beyond `u64` saturate.
    pub port: Option<u64>,
    #[serde(skip)]
    target: Target,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Target {
    /// Base and prefix length in the IPv4-mapped IPv6 space.
    Ip {
        base: u128,
        prefix: u8,
    },
    Domain,
}

impl Entry {
    /// Read one entry (already split and stripped) as GitLab does.
    pub fn parse(raw: &str) -> Entry {
        let (address, port) = split_addr_and_port(raw);
        let port = port.map(|p| p.parse::<u64>().unwrap_or(u64::MAX));
        match ipaddr_new(address) {
            Some(ip) => {
                let (base, prefix) = ip.mapped_range();
                let shown = match ip.family {
                    Family::V4 => IpAddr::V4(Ipv4Addr::from(ip.addr as u32)),
                    Family::V6 => IpAddr::V6(Ipv6Addr::from(ip.addr)),
                };
                let (kind, value) = if ip.has_prefix {
                    (EntryKind::Range, format!("{shown}/{}", ip.prefix_len()))
                } else {
                    (EntryKind::Ip, shown.to_string())
                };
                Entry {
                    raw: raw.to_owned(),
                    kind,
                    value,
                    port,
                    target: Target::Ip { base, prefix },
                }
            }
            None => Entry {
                raw: raw.to_owned(),
                kind: EntryKind::Domain,
                value: address.to_owned(),
                port,
                target: Target::Domain,
            },
        }
    }

    /// The IP range in the IPv4-mapped IPv6 space (for IP and range
    /// entries).
    pub fn mapped_range(&self) -> Option<(u128, u8)> {
        match self.target {
            Target::Ip { base, prefix } => Some((base, prefix)),
            Target::Domain => None,
        }
    }

    fn port_matches(&self, port: Option<u64>) -> bool {
        self.port.is_none() || self.port == port
    }
}

/// `parse_addr_and_port` (S2): `[v6]:port`, then `address:port` with no
/// other colon, else no port.
fn split_addr_and_port(raw: &str) -> (&str, Option<&str>) {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = raw.strip_prefix('[') {
        if let Some(close) = rest.rfind("]:") {
            let (address, port) = (&rest[..close], &rest[close + 2..]);
            if digits(port) {
                return (address, Some(port));
            }
        }
    }
    if let Some((address, port)) = raw.split_once(':') {
        if !address.is_empty() && digits(port) {
            return (address, Some(port));
        }
    }
    (raw, None)
}

/// `STRING_LIST_SEPARATOR` splitting (S10): pieces between `,`, `;` and
/// ASCII whitespace, stripped, empty ones dropped, duplicates removed.
pub fn split_text(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    // A sorted set searched by bisection, not `out.contains`: de-duplicating
    // 1000 entries by scanning was quadratic and most of the cost of parsing
    // a full allowlist (a sorted vector rather than a hash set keeps the
    // hash table code out of the wasm build).
    let mut seen: Vec<&str> = Vec::new();
    for piece in text.split([',', ';', ' ', '\t', '\n', '\u{b}', '\u{c}', '\r']) {
        let piece = piece.trim_matches('\0');
        if piece.is_empty() {
            continue;
        }
        if let Err(at) = seen.binary_search(&piece) {
            seen.insert(at, piece);
            out.push(piece);
        }
    }
    out
}

/// The outbound allowlist, indexed for matching.
///
/// Matching costs one binary search for a domain and one per distinct
/// prefix length among the IP entries (at most 129), logarithmic in the
/// number of entries. (Sorted vectors rather than hash maps: the same
/// complexity for lists of at most 1000 entries, and no hash table code in
/// the wasm build.)
#[derive(Clone, Debug, Default)]
pub struct Allowlist {
    entries: Vec<Entry>,
    /// Sorted by domain, each once, with the indexes of its entries.
    domains: Vec<(String, Vec<usize>)>,
    prefixes: Vec<u8>,
    /// Sorted by `(prefix length, masked address)`, each once.
    ranges: Vec<((u8, u128), Vec<usize>)>,
}

/// A `match` answer, in the `allowlist match` command's JSON shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MatchResult {
    /// Whether an entry matched.
    pub matched: bool,
    /// The raw entry that matched first.
    pub entry: Option<String>,
}

/// The `allowlist parse` command's JSON shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParseReport {
    /// The entries, in order.
    pub entries: Vec<Entry>,
    /// GitLab's validation errors and the lints.
    pub diagnostics: Diagnostics,
}

fn mask128(prefix: u8) -> u128 {
    if prefix == 0 {
        0
    } else {
        u128::MAX << (128 - u32::from(prefix))
    }
}

fn mapped(ip: IpAddr) -> u128 {
    match ip {
        IpAddr::V4(a) => 0xffff_0000_0000 | u128::from(u32::from(a)),
        IpAddr::V6(a) => u128::from(a),
    }
}

impl Allowlist {
    /// An empty allowlist.
    pub fn new() -> Self {
        Allowlist::default()
    }

    /// Parse the admin text field as GitLab does, with GitLab's validation
    /// errors and the lints. Diagnostic paths are entry indexes.
    pub fn parse(text: &str) -> (Allowlist, Diagnostics) {
        Allowlist::from_entries(split_text(text))
    }

    /// Build from stored entries (the `outbound_local_requests_whitelist`
    /// array), validating and linting each.
    pub fn from_entries<I, S>(entries: I) -> (Allowlist, Diagnostics)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut list = Allowlist::new();
        let mut diagnostics = Diagnostics::new();
        for raw in entries {
            list.push_checked(raw.as_ref(), &mut diagnostics);
        }
        list.finish_checked(&mut diagnostics);
        (list, diagnostics)
    }

    /// One entry of [`Allowlist::from_entries`] (not generic, so compiled
    /// once for every kind of entry list).
    #[inline(never)]
    fn push_checked(&mut self, raw: &str, diagnostics: &mut Diagnostics) {
        let path = Path::root().index(self.entries.len());
        let entry = Entry::parse(raw);
        check_entry(&entry, &path, diagnostics);
        self.push(entry);
    }

    /// The whole-list check of [`Allowlist::from_entries`].
    #[inline(never)]
    fn finish_checked(&self, diagnostics: &mut Diagnostics) {
        let list = self;
        if list.entries.len() > MAX_ENTRIES {
            diagnostics.push(
                Diagnostic::error(
                    "allowlist.too_many_entries",
                    Path::root(),
                    format!(
                        "the allowlist has {} entries; GitLab accepts at most {MAX_ENTRIES}",
                        list.entries.len()
                    ),
                )
                .with("count", list.entries.len())
                .with("maximum", MAX_ENTRIES)
                .with("gitlab_message", "is too long (maximum is 1000 entries)"),
            );
        }
    }

    /// Add one more entry (validated and linted like the others); the
    /// diagnostics' paths are the new entry's index.
    pub fn add(&mut self, raw: &str) -> Diagnostics {
        let mut diagnostics = Diagnostics::new();
        let path = Path::root().index(self.entries.len());
        let entry = Entry::parse(raw);
        check_entry(&entry, &path, &mut diagnostics);
        self.push(entry);
        diagnostics
    }

    fn push(&mut self, entry: Entry) {
        let index = self.entries.len();
        match entry.target {
            Target::Domain => {
                match self
                    .domains
                    .binary_search_by(|(domain, _)| domain.as_str().cmp(&entry.value))
                {
                    Ok(at) => self.domains[at].1.push(index),
                    Err(at) => self.domains.insert(at, (entry.value.clone(), vec![index])),
                }
            }
            Target::Ip { base, prefix } => {
                if let Err(at) = self.prefixes.binary_search(&prefix) {
                    self.prefixes.insert(at, prefix);
                }
                let key = (prefix, base);
                match self.ranges.binary_search_by(|(k, _)| k.cmp(&key)) {
                    Ok(at) => self.ranges[at].1.push(index),
                    Err(at) => self.ranges.insert(at, (key, vec![index])),
                }
            }
        }
        self.entries.push(entry);
    }

    /// The entries, in order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The first entry (in list order) that allows `host` on `port`, as
    /// GitLab's domain check then IP check would find it. A domain host is
    /// compared with domain entries (pass the normalised host); an IP host
    /// with IP entries, and also, textually, with domain entries.
    pub fn matches(&self, host: &Host, port: Option<u16>) -> Option<&Entry> {
        let port = port.map(u64::from);
        match host {
            Host::Domain(d) => self.match_domain(d, port),
            other => {
                let text = other.to_string();
                self.match_domain(&text, port)
                    .or_else(|| other.ip().and_then(|ip| self.match_ip(ip, port)))
            }
        }
    }

    /// `domain_allowed?`: the first domain entry equal to `normalized_host`
    /// whose port (if any) equals `port`.
    pub fn match_domain(&self, normalized_host: &str, port: Option<u64>) -> Option<&Entry> {
        if normalized_host.is_empty() {
            return None;
        }
        let at = self
            .domains
            .binary_search_by(|(domain, _)| domain.as_str().cmp(normalized_host))
            .ok()?;
        self.domains[at]
            .1
            .iter()
            .map(|&i| &self.entries[i])
            .find(|e| e.port_matches(port))
    }

    /// `ip_allowed?`: the first IP entry whose range includes `ip` (IPv4 and
    /// IPv6 compared through the IPv4-mapped form) and whose port (if any)
    /// equals `port`.
    pub fn match_ip(&self, ip: IpAddr, port: Option<u64>) -> Option<&Entry> {
        let bits = mapped(ip);
        self.prefixes
            .iter()
            .filter_map(|&prefix| {
                let key = (prefix, bits & mask128(prefix));
                let at = self.ranges.binary_search_by(|(k, _)| k.cmp(&key)).ok()?;
                self.ranges[at]
                    .1
                    .iter()
                    .copied()
                    .find(|&i| self.entries[i].port_matches(port))
            })
            .min()
            .map(|i| &self.entries[i])
    }

    /// What GitLab's checks find for the host of `http://<host>[:port]/`:
    /// the domain check with the normalised host, then the IP check with the
    /// address the resolver reads from a numeric host. This is the
    /// `allowlist match` command.
    pub fn match_host_text(&self, host: &str, port: Option<u16>) -> MatchResult {
        let port = port.map(u64::from);
        let authority = if host.contains(':') && !host.starts_with('[') {
            format!("[{host}]")
        } else {
            host.to_owned()
        };
        let normalized = AddressableUri::parse(&format!("http://{authority}/"))
            .ok()
            .and_then(|u| u.normalized_host());
        let hostname = authority
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(&authority);
        let found = normalized
            .as_deref()
            .and_then(|n| self.match_domain(n, port))
            .or_else(|| {
                inet::numeric_host(hostname).and_then(|ip| {
                    let ip = match ip {
                        IpAddr::V6(a) => a.to_ipv4_mapped().map_or(ip, IpAddr::V4),
                        v4 => v4,
                    };
                    self.match_ip(ip, port)
                })
            });
        MatchResult {
            matched: found.is_some(),
            entry: found.map(|e| e.raw.clone()),
        }
    }

    /// The `allowlist parse` report for this list and its diagnostics.
    pub fn report(&self, diagnostics: Diagnostics) -> ParseReport {
        ParseReport {
            entries: self.entries.clone(),
            diagnostics,
        }
    }
}

/// GitLab's save-time validation of one entry, then (when GitLab would
/// save it) the lints.
fn check_entry(entry: &Entry, path: &Path, diagnostics: &mut Diagnostics) {
    let mut found = Diagnostics::new();
    validate_entry(&entry.raw, path, &mut found);
    if !found.has_errors() {
        lint::lint(entry, path, &mut found);
    }
    diagnostics.extend(found);
}

/// GitLab's per-entry save-time validation (S11, S12), each failure an
/// error with GitLab's own message.
fn validate_entry(raw: &str, path: &Path, diagnostics: &mut Diagnostics) {
    let chars = raw.chars().count();
    if chars > MAX_ENTRY_CHARS {
        diagnostics.push(
            Diagnostic::error(
                "allowlist.entry_too_long",
                path.clone(),
                format!(
                    "the entry has {chars} characters; GitLab accepts at most {MAX_ENTRY_CHARS}"
                ),
            )
            .with("length", chars)
            .with("maximum", MAX_ENTRY_CHARS)
            .with(
                "gitlab_message",
                "entries cannot be larger than 255 characters",
            ),
        );
    }
    if !raw.is_ascii() {
        let suggestion = idna_suggestion(raw);
        diagnostics.push(
            Diagnostic::error(
                "allowlist.entry_not_ascii",
                path.clone(),
                match &suggestion {
                    Some(s) => {
                        format!("the entry {raw:?} is not ASCII; write it in IDNA form: {s}")
                    }
                    None => format!("the entry {raw:?} is not ASCII"),
                },
            )
            .with("entry", raw)
            .with("suggested_entry", suggestion)
            .with("gitlab_message", "unicode domains should use IDNA encoding"),
        );
    }
    if sanitize::full_changes(raw) {
        diagnostics.push(
            Diagnostic::error(
                "allowlist.entry_html",
                path.clone(),
                format!("GitLab's HTML sanitizer would change the entry {raw:?} (it contains `<`, `>`, `&` or a quote)"),
            )
            .with("entry", raw)
            .with("gitlab_message", "entries cannot contain HTML tags"),
        );
    }
}

/// The IDNA (punycode) form of a Unicode entry, keeping its port; a URL
/// entry gives its host. Then fixed like any other suggestion.
fn idna_suggestion(raw: &str) -> Option<String> {
    let (host, port) = if raw.contains("://") {
        let uri = AddressableUri::parse(raw).ok()?;
        (uri.normalized_host()?, uri.port_digits.clone())
    } else {
        let (address, port) = split_addr_and_port(raw);
        if address.contains(['/', '@', '*', '[', ']', ':']) {
            return None;
        }
        (
            idna::domain_to_ascii(address).ok()?,
            port.map(str::to_owned),
        )
    };
    if host.is_empty() || !host.is_ascii() {
        return None;
    }
    let candidate = match port {
        Some(p) => format!("{host}:{p}"),
        None => host,
    };
    lint::settle(candidate, 0)
}

/// Parse allowlist text into the `allowlist parse` report.
pub fn parse_report(text: &str) -> ParseReport {
    let (list, diagnostics) = Allowlist::parse(text);
    list.report(diagnostics)
}
