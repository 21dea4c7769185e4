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

//!
//! Cost: reading a list is linear in its length (n log n for the one sort
//! that builds the index), whatever its size; an entry that needs no
//! diagnostic allocates nothing (its texts are held on the entry, `text`),
//! and the checks and lints read the input's text, not the entry's. Files:
//! `split` (the text area), `check` (GitLab's validation), `lint`,
//! `index` (the sorted index), `ipaddr` (Ruby's `IPAddr.new`), `text`.

mod check;
mod index;
mod ipaddr;
mod lint;
mod split;
mod text;

pub use ipaddr::{ipaddr_new, Family, RubyIpAddr};
pub use split::split_text;

use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::url::host::canonical::{ip_text, AddressText};
use crate::url::host::{addressable::AddressableUri, inet, Host};
use index::Index;
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use text::Text;

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
///
/// Its texts are held on the entry itself when they are short (reading a
/// list allocates nothing an entry): [`Entry::raw`] and [`Entry::value`]
/// give them.
#[derive(Clone, PartialEq, Eq)]
pub struct Entry {
    /// The raw text, then (an IP entry) the canonical address.
    text: Text,
    /// Where the raw text ends in `text`.
    raw_end: usize,
    /// Where the value is in `text`: the address part of the raw text (a
    /// domain entry) or the canonical address after it.
    value: (usize, usize),
    /// IP, range or domain.
    pub kind: EntryKind,
    /// The port, if the entry has one. Not range-checked by GitLab; digits
    /// beyond `u64` saturate.
    pub port: Option<u64>,
    target: Target,
}

impl fmt::Debug for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entry")
            .field("raw", &self.raw())
            .field("kind", &self.kind)
            .field("value", &self.value())
            .field("port", &self.port)
            .finish()
    }
}

impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_struct("Entry", 4)?;
        map.serialize_field("raw", self.raw())?;
        map.serialize_field("kind", &self.kind)?;
        map.serialize_field("value", self.value())?;
        map.serialize_field("port", &self.port)?;
        map.end()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// Base and prefix length in the IPv4-mapped IPv6 space.
    Ip { base: u128, prefix: u8 },
    /// The value's hash (`index::text_hash`), worked out as it is read.
    Domain { hash: u64 },
}

impl Entry {
    /// Read one entry (already split and stripped) as GitLab does.
    pub fn parse(raw: &str) -> Entry {
        Parts::read(raw).entry()
    }

    /// The entry as stored (after splitting and stripping).
    pub fn raw(&self) -> &str {
        &self.text.as_str()[..self.raw_end]
    }

    /// The address part: the canonical IP (a range as `network/prefix`,
    /// masked as GitLab masks it) or the domain text as written.
    pub fn value(&self) -> &str {
        &self.text.as_str()[self.value.0..self.value.1]
    }

    /// [`Entry::value`]'s bytes, for comparing (no UTF-8 check on every
    /// comparison of a lookup).
    pub(super) fn value_bytes(&self) -> &[u8] {
        &self.text.as_bytes()[self.value.0..self.value.1]
    }

    /// The IP range in the IPv4-mapped IPv6 space (for IP and range
    /// entries).
    pub fn mapped_range(&self) -> Option<(u128, u8)> {
        match self.target {
            Target::Ip { base, prefix } => Some((base, prefix)),
            Target::Domain { .. } => None,
        }
    }

    fn port_matches(&self, port: Option<u64>) -> bool {
        self.port.is_none() || self.port == port
    }

    /// Whether this entry, alone in a list, lets a URL whose normalised host
    /// is `normalized_host` through on `port` (GitLab's `domain_allowed?`).
    pub fn matches_domain(&self, normalized_host: &str, port: Option<u64>) -> bool {
        matches!(self.target, Target::Domain { .. })
            && !normalized_host.is_empty()
            && self.value_bytes() == normalized_host.as_bytes()
            && self.port_matches(port)
    }

    /// Whether this entry, alone in a list, lets the address `ip` through on
    /// `port` (GitLab's `ip_allowed?`: IPv4 and IPv6 compared through the
    /// IPv4-mapped form).
    pub fn matches_ip(&self, ip: IpAddr, port: Option<u64>) -> bool {
        match self.target {
            Target::Ip { base, prefix } => {
                index::mapped(ip) & index::mask128(prefix) == base && self.port_matches(port)
            }
            Target::Domain { .. } => false,
        }
    }
}

/// An entry read from its text, before it is stored: what the checks and
/// the lints need, with the texts borrowed from the input (so they are not
/// read back from the stored entry) and what `IPAddr.new` made of the
/// address part (so that no entry is read twice).
struct Parts<'a> {
    raw: &'a str,
    /// The address part (a domain entry's value).
    address: &'a str,
    /// An IP entry's canonical address.
    canonical: Option<AddressText>,
    kind: EntryKind,
    port: Option<u64>,
    target: Target,
    ip: Option<RubyIpAddr>,
}

/// An entry's texts and kind, as the checks and the lints read them.
#[derive(Clone, Copy)]
pub(super) struct View<'a> {
    raw: &'a str,
    value: &'a str,
    pub(super) kind: EntryKind,
    pub(super) port: Option<u64>,
}

impl<'a> View<'a> {
    /// [`Entry::raw`].
    pub(super) fn raw(&self) -> &'a str {
        self.raw
    }

    /// [`Entry::value`].
    pub(super) fn value(&self) -> &'a str {
        self.value
    }
}

impl<'a> Parts<'a> {
    /// Read `raw` (already split and stripped) as GitLab does.
    fn read(raw: &'a str) -> Parts<'a> {
        let (address, port) = split_addr_and_port(raw);
        let port = port.map(|p| p.parse::<u64>().unwrap_or(u64::MAX));
        match ipaddr_new(address) {
            Some(ip) => {
                let (base, prefix) = ip.mapped_range();
                let mut canonical = ip_text(ip.ip());
                let kind = if ip.has_prefix {
                    canonical.push(b'/');
                    canonical.push_decimal(ip.prefix_len());
                    EntryKind::Range
                } else {
                    EntryKind::Ip
                };
                Parts {
                    raw,
                    address,
                    canonical: Some(canonical),
                    kind,
                    port,
                    target: Target::Ip { base, prefix },
                    ip: Some(ip),
                }
            }
            None => Parts {
                raw,
                address,
                canonical: None,
                kind: EntryKind::Domain,
                port,
                target: Target::Domain {
                    hash: index::text_hash(address),
                },
                ip: None,
            },
        }
    }

    fn view(&self) -> View<'_> {
        View {
            raw: self.raw,
            value: self
                .canonical
                .as_ref()
                .map_or(self.address, AddressText::as_str),
            kind: self.kind,
            port: self.port,
        }
    }

    /// The entry, its texts copied into it.
    fn entry(&self) -> Entry {
        let raw = self.raw;
        let (text, value) = match &self.canonical {
            Some(canonical) => {
                let canonical = canonical.as_bytes();
                (
                    Text::concat(raw, canonical),
                    (raw.len(), raw.len() + canonical.len()),
                )
            }
            None => {
                // The address part is a slice of `raw`.
                let start = self.address.as_ptr() as usize - raw.as_ptr() as usize;
                (Text::concat(raw, &[]), (start, start + self.address.len()))
            }
        };
        Entry {
            text,
            raw_end: raw.len(),
            value,
            kind: self.kind,
            port: self.port,
            target: self.target,
        }
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
    if let Some(colon) = raw.bytes().position(|b| b == b':') {
        let (address, port) = (&raw[..colon], &raw[colon + 1..]);
        if !address.is_empty() && digits(port) {
            return (address, Some(port));
        }
    }
    (raw, None)
}

/// Where an entry's diagnostics point: its index in the list under the
/// list's own path, or that path (a suggestion checked on its own). The
/// [`Path`] is built only when a diagnostic is reported, so an entry
/// without one allocates none, and with its final segments at once (not
/// moved under the list's path afterwards).
#[derive(Clone, Copy, Debug)]
struct At<'p> {
    base: &'p Path,
    index: Option<usize>,
}

impl At<'_> {
    fn path(self) -> Path {
        match self.index {
            Some(index) => self.base.index(index),
            None => self.base.clone(),
        }
    }
}

/// The outbound allowlist, indexed for matching.
///
/// Matching costs one binary search for a domain and one per distinct
/// prefix length among the IP entries (at most 129), logarithmic in the
/// number of entries. The index is built with one sort when the list is
/// read (sorted vectors rather than hash maps: the same complexity, and no
/// hash table code in the wasm build). A clone shares the parsed list
/// (reference-counted), so a list parsed once serves every check that
/// needs it.
#[derive(Clone, Debug, Default)]
pub struct Allowlist {
    index: Arc<Index>,
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
        Allowlist::from_entries_under(entries, &Path::root())
    }

    /// [`Allowlist::parse`] with the diagnostics' paths under `base` (the
    /// list's place in a larger document).
    pub(crate) fn parse_under(text: &str, base: &Path) -> (Allowlist, Diagnostics) {
        Allowlist::from_entries_under(split_text(text), base)
    }

    /// [`Allowlist::from_entries`] with the diagnostics' paths under `base`.
    pub(crate) fn from_entries_under<I, S>(entries: I, base: &Path) -> (Allowlist, Diagnostics)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let entries = entries.into_iter();
        let mut list = Vec::with_capacity(entries.size_hint().0);
        let mut diagnostics = Diagnostics::new();
        for raw in entries {
            push_checked(&mut list, raw.as_ref(), base, &mut diagnostics);
        }
        finish_checked(list.len(), base, &mut diagnostics);
        let index = Index::build(list);
        (
            Allowlist {
                index: Arc::new(index),
            },
            diagnostics,
        )
    }

    /// Add one more entry (validated and linted like the others); the
    /// diagnostics' paths are the new entry's index.
    pub fn add(&mut self, raw: &str) -> Diagnostics {
        let mut diagnostics = Diagnostics::new();
        let at = At {
            base: &Path::root(),
            index: Some(self.len()),
        };
        let parts = Parts::read(raw);
        check::check_entry(&parts.view(), parts.ip.as_ref(), at, &mut diagnostics);
        Arc::make_mut(&mut self.index).push(parts.entry());
        diagnostics
    }

    /// The entries, in order.
    pub fn entries(&self) -> &[Entry] {
        self.index.entries()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.entries().len()
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
                let text = other.canonical_string();
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
        self.index.match_domain(normalized_host, port)
    }

    /// `ip_allowed?`: the first IP entry whose range includes `ip` (IPv4 and
    /// IPv6 compared through the IPv4-mapped form) and whose port (if any)
    /// equals `port`.
    pub fn match_ip(&self, ip: IpAddr, port: Option<u64>) -> Option<&Entry> {
        self.index.match_ip(ip, port)
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
            entry: found.map(|e| e.raw().to_owned()),
        }
    }

    /// The `allowlist parse` report for this list and its diagnostics.
    pub fn report(&self, diagnostics: Diagnostics) -> ParseReport {
        ParseReport {
            entries: self.entries().to_vec(),
            diagnostics,
        }
    }

    /// The entries, moved out when this is the only holder of the list.
    fn into_entries(self) -> Vec<Entry> {
        Arc::try_unwrap(self.index)
            .map_or_else(|shared| shared.entries().to_vec(), Index::into_entries)
    }
}

/// The entry a text field holding only `text` reads as, when that is
/// exactly one entry, written as `text`, without an error: what
/// [`Allowlist::parse`] gives for it, without building a list and its index
/// (the blocker's advice tries its candidates this way).
pub(crate) fn lone_entry(text: &str) -> Option<Entry> {
    // Split as one piece, unchanged: no separator, nothing stripped.
    if text.is_empty()
        || text.bytes().any(split::is_separator)
        || text.starts_with('\0')
        || text.ends_with('\0')
    {
        return None;
    }
    // Through the list's own reading (one body for both, inlined there).
    let (mut list, mut diagnostics) = (Vec::with_capacity(1), Diagnostics::new());
    push_checked(&mut list, text, &Path::root(), &mut diagnostics);
    list.pop().filter(|_| !diagnostics.has_errors())
}

/// One entry of [`Allowlist::from_entries`] (not generic, so compiled once
/// for every kind of entry list).
#[inline(never)]
fn push_checked(list: &mut Vec<Entry>, raw: &str, base: &Path, diagnostics: &mut Diagnostics) {
    let at = At {
        base,
        index: Some(list.len()),
    };
    let parts = Parts::read(raw);
    check::check_entry(&parts.view(), parts.ip.as_ref(), at, diagnostics);
    list.push(parts.entry());
}

/// The whole-list check of [`Allowlist::from_entries`]: GitLab refuses a
/// list of more than [`MAX_ENTRIES`] entries (the entries are still read,
/// checked and matched, so that every problem is reported at once).
#[inline(never)]
fn finish_checked(count: usize, base: &Path, diagnostics: &mut Diagnostics) {
    if count > MAX_ENTRIES {
        diagnostics.push(
            Diagnostic::error(
                "allowlist.too_many_entries",
                base.clone(),
                format!("the allowlist has {count} entries; GitLab accepts at most {MAX_ENTRIES}"),
            )
            .with("count", count)
            .with("maximum", MAX_ENTRIES)
            .with("gitlab_message", "is too long (maximum is 1000 entries)"),
        );
    }
}

/// Parse allowlist text into the `allowlist parse` report.
pub fn parse_report(text: &str) -> ParseReport {
    let (list, diagnostics) = Allowlist::parse(text);
    ParseReport {
        entries: list.into_entries(),
        diagnostics,
    }
}
