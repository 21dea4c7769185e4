//! Address classification: every host gets exactly one [`AddressClass`],
//! plus a cloud-metadata flag.
//!
//! The classes are semantic (what the address *is*), not GitLab's policy;
//! the blocker maps GitLab's own checks separately. Hosts are classified
//! after WHATWG parsing, so `0x7f.1`, `2130706433` and `①②⑦.⓪.⓪.①` are all
//! 127.0.0.1, and a host WHATWG refuses (`0x17f000001`, `1.1.1.1.1`) is
//! [`AddressClass::Invalid`], never public. Source: `url-blocker.md` §7
//! (taxonomy, embeddings, host names), §8 (WHATWG).
//!
//! Policy calls, as the reference marks them: fec0::/10 counts as
//! `private` (GitLab blocks it as local network), AS112/AMT ranges are
//! `public`, unallocated IPv6 space is `reserved`, and an embedding whose
//! IPv4 address is public takes the container's class. An ordinary DNS
//! name (one that matches no rule below) is classified `public` with the
//! info `address.depends_on_dns`: without DNS nothing more can be known.
//!
//! Codes: `address.invalid` (error, with the WHATWG parser's reason),
//! `address.no_host` (error), `address.opaque_host` (warning),
//! `address.cloud_metadata` (warning), `address.embedded_ipv4` and
//! `address.depends_on_dns` (info), plus the parser hazards of
//! [`crate::host::hazards`].

use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::url::host::{self, addressable::AddressableUri, Host, WhatwgUrl};
use serde::Serialize;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// What kind of destination a host is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressClass {
    /// 127.0.0.0/8, ::1, `localhost` and `*.localhost`.
    Loopback,
    /// RFC 1918 and the deprecated IPv6 site-local fec0::/10.
    Private,
    /// 169.254.0.0/16, fe80::/10.
    LinkLocal,
    /// fc00::/7.
    UniqueLocal,
    /// 100.64.0.0/10 (carrier-grade NAT).
    Shared,
    /// 0.0.0.0/8 and ::.
    Unspecified,
    /// 255.255.255.255.
    Broadcast,
    /// 224.0.0.0/4, ff00::/8.
    Multicast,
    /// Special-purpose and unallocated space.
    Reserved,
    /// Documentation ranges.
    Documentation,
    /// Globally reachable addresses, and DNS names matching no other rule.
    Public,
    /// Names that reach internal addresses through DNS or the local resolver.
    InternalName,
    /// The WHATWG URL parser refuses it.
    Invalid,
}

impl AddressClass {
    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            AddressClass::Loopback => "loopback",
            AddressClass::Private => "private",
            AddressClass::LinkLocal => "link_local",
            AddressClass::UniqueLocal => "unique_local",
            AddressClass::Shared => "shared",
            AddressClass::Unspecified => "unspecified",
            AddressClass::Broadcast => "broadcast",
            AddressClass::Multicast => "multicast",
            AddressClass::Reserved => "reserved",
            AddressClass::Documentation => "documentation",
            AddressClass::Public => "public",
            AddressClass::InternalName => "internal_name",
            AddressClass::Invalid => "invalid",
        }
    }
}

impl std::fmt::Display for AddressClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One IPv4 range of the taxonomy.
struct Range4 {
    base: u32,
    prefix: u8,
    class: AddressClass,
    /// Why the rule holds; shown to the admin as the reason.
    source: &'static str,
}

const fn v4(a: u8, b: u8, c: u8, d: u8) -> u32 {
    u32::from_be_bytes([a, b, c, d])
}

/// IPv4 taxonomy (`url-blocker.md` §7.1, IANA special-purpose registry);
/// the longest matching prefix wins, anything unmatched is public.
const IPV4_RANGES: &[Range4] = &[
    Range4 {
        base: v4(0, 0, 0, 0),
        prefix: 8,
        class: AddressClass::Unspecified,
        source: "RFC 1122 §3.2.1.3",
    },
    Range4 {
        base: v4(10, 0, 0, 0),
        prefix: 8,
        class: AddressClass::Private,
        source: "RFC 1918",
    },
    Range4 {
        base: v4(100, 64, 0, 0),
        prefix: 10,
        class: AddressClass::Shared,
        source: "RFC 6598",
    },
    Range4 {
        base: v4(127, 0, 0, 0),
        prefix: 8,
        class: AddressClass::Loopback,
        source: "RFC 1122 §3.2.1.3",
    },
    Range4 {
        base: v4(169, 254, 0, 0),
        prefix: 16,
        class: AddressClass::LinkLocal,
        source: "RFC 3927",
    },
    Range4 {
        base: v4(172, 16, 0, 0),
        prefix: 12,
        class: AddressClass::Private,
        source: "RFC 1918",
    },
    Range4 {
        base: v4(192, 0, 0, 0),
        prefix: 24,
        class: AddressClass::Reserved,
        source: "RFC 6890 (IETF protocol assignments)",
    },
    Range4 {
        base: v4(192, 0, 2, 0),
        prefix: 24,
        class: AddressClass::Documentation,
        source: "RFC 5737 TEST-NET-1",
    },
    Range4 {
        base: v4(192, 88, 99, 0),
        prefix: 24,
        class: AddressClass::Reserved,
        source: "RFC 7526 (deprecated 6to4 relay anycast)",
    },
    Range4 {
        base: v4(192, 168, 0, 0),
        prefix: 16,
        class: AddressClass::Private,
        source: "RFC 1918",
    },
    Range4 {
        base: v4(198, 18, 0, 0),
        prefix: 15,
        class: AddressClass::Reserved,
        source: "RFC 2544 (benchmarking)",
    },
    Range4 {
        base: v4(198, 51, 100, 0),
        prefix: 24,
        class: AddressClass::Documentation,
        source: "RFC 5737 TEST-NET-2",
    },
    Range4 {
        base: v4(203, 0, 113, 0),
        prefix: 24,
        class: AddressClass::Documentation,
        source: "RFC 5737 TEST-NET-3",
    },
    Range4 {
        base: v4(224, 0, 0, 0),
        prefix: 4,
        class: AddressClass::Multicast,
        source: "RFC 5771",
    },
    Range4 {
        base: v4(240, 0, 0, 0),
        prefix: 4,
        class: AddressClass::Reserved,
        source: "RFC 1112 §4",
    },
    Range4 {
        base: v4(255, 255, 255, 255),
        prefix: 32,
        class: AddressClass::Broadcast,
        source: "RFC 919 §7",
    },
];

/// How an IPv6 address may carry an IPv4 address (`url-blocker.md` §7.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Embedding {
    /// ::ffff:0:0/96 (RFC 4291).
    Mapped,
    /// ::/96 except :: and ::1 (RFC 4291, deprecated).
    Compatible,
    /// ::ffff:0:0:0/96 (RFC 6145).
    Translated,
    /// 64:ff9b::/96 (RFC 6052).
    Nat64,
    /// 64:ff9b:1::/48 (RFC 8215), RFC 6052 /48 layout.
    LocalNat64,
    /// 2002::/16 (RFC 3056).
    SixToFour,
    /// 2001::/32 (RFC 4380); the client address is inverted.
    Teredo,
}

impl Embedding {
    /// The class an embedding takes when its IPv4 address is public.
    pub const fn container_class(self) -> AddressClass {
        match self {
            Embedding::Mapped | Embedding::Nat64 | Embedding::LocalNat64 | Embedding::SixToFour => {
                AddressClass::Public
            }
            Embedding::Compatible | Embedding::Translated | Embedding::Teredo => {
                AddressClass::Reserved
            }
        }
    }

    fn extract(self, bits: u128) -> Ipv4Addr {
        let low = bits as u32;
        let value = match self {
            Embedding::Mapped
            | Embedding::Compatible
            | Embedding::Translated
            | Embedding::Nat64 => low,
            Embedding::LocalNat64 => {
                let high = ((bits >> 64) & 0xffff) as u32;
                let rest = ((bits >> 40) & 0xffff) as u32;
                (high << 16) | rest
            }
            Embedding::SixToFour => ((bits >> 80) & 0xffff_ffff) as u32,
            Embedding::Teredo => !low,
        };
        Ipv4Addr::from(value)
    }
}

/// What an IPv6 range is.
#[derive(Clone, Copy)]
enum Kind6 {
    Class(AddressClass),
    Embedded(Embedding),
}

struct Range6 {
    base: u128,
    prefix: u8,
    kind: Kind6,
    /// Why the rule holds; shown to the admin as the reason.
    source: &'static str,
}

const fn v6(segments: [u16; 8]) -> u128 {
    let mut out: u128 = 0;
    let mut i = 0;
    while i < 8 {
        out = (out << 16) | segments[i] as u128;
        i += 1;
    }
    out
}

/// IPv6 taxonomy (`url-blocker.md` §7.1–§7.2); the longest matching prefix
/// wins.
const IPV6_RANGES: &[Range6] = &[
    Range6 {
        base: 0,
        prefix: 0,
        kind: Kind6::Class(AddressClass::Reserved),
        source: "unallocated outside 2000::/3 (policy call, §7.1)",
    },
    Range6 {
        base: v6([0x2000, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 3,
        kind: Kind6::Class(AddressClass::Public),
        source: "RFC 4291 global unicast",
    },
    Range6 {
        base: 0,
        prefix: 128,
        kind: Kind6::Class(AddressClass::Unspecified),
        source: "RFC 4291 §2.5.2",
    },
    Range6 {
        base: 1,
        prefix: 128,
        kind: Kind6::Class(AddressClass::Loopback),
        source: "RFC 4291 §2.5.3",
    },
    Range6 {
        base: 0,
        prefix: 96,
        kind: Kind6::Embedded(Embedding::Compatible),
        source: "RFC 4291 §2.5.5.1",
    },
    Range6 {
        base: v6([0, 0, 0, 0, 0, 0xffff, 0, 0]),
        prefix: 96,
        kind: Kind6::Embedded(Embedding::Mapped),
        source: "RFC 4291 §2.5.5.2",
    },
    Range6 {
        base: v6([0, 0, 0, 0, 0xffff, 0, 0, 0]),
        prefix: 96,
        kind: Kind6::Embedded(Embedding::Translated),
        source: "RFC 6145",
    },
    Range6 {
        base: v6([0x64, 0xff9b, 0, 0, 0, 0, 0, 0]),
        prefix: 96,
        kind: Kind6::Embedded(Embedding::Nat64),
        source: "RFC 6052",
    },
    Range6 {
        base: v6([0x64, 0xff9b, 1, 0, 0, 0, 0, 0]),
        prefix: 48,
        kind: Kind6::Embedded(Embedding::LocalNat64),
        source: "RFC 8215",
    },
    Range6 {
        base: v6([0x100, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 64,
        kind: Kind6::Class(AddressClass::Reserved),
        source: "RFC 6666 discard-only",
    },
    Range6 {
        base: v6([0x2001, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 23,
        kind: Kind6::Class(AddressClass::Reserved),
        source: "RFC 2928 IETF protocol assignments",
    },
    Range6 {
        base: v6([0x2001, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 32,
        kind: Kind6::Embedded(Embedding::Teredo),
        source: "RFC 4380",
    },
    Range6 {
        base: v6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]),
        prefix: 32,
        kind: Kind6::Class(AddressClass::Documentation),
        source: "RFC 3849",
    },
    Range6 {
        base: v6([0x2002, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 16,
        kind: Kind6::Embedded(Embedding::SixToFour),
        source: "RFC 3056",
    },
    Range6 {
        base: v6([0x3fff, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 20,
        kind: Kind6::Class(AddressClass::Documentation),
        source: "RFC 9637",
    },
    Range6 {
        base: v6([0x5f00, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 16,
        kind: Kind6::Class(AddressClass::Reserved),
        source: "RFC 9602 SRv6 SIDs",
    },
    Range6 {
        base: v6([0xfc00, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 7,
        kind: Kind6::Class(AddressClass::UniqueLocal),
        source: "RFC 4193",
    },
    Range6 {
        base: v6([0xfe80, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 10,
        kind: Kind6::Class(AddressClass::LinkLocal),
        source: "RFC 4291 §2.5.6",
    },
    Range6 {
        base: v6([0xfec0, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 10,
        kind: Kind6::Class(AddressClass::Private),
        source: "RFC 3879 deprecated site-local (policy call)",
    },
    Range6 {
        base: v6([0xff00, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 8,
        kind: Kind6::Class(AddressClass::Multicast),
        source: "RFC 4291 §2.7",
    },
];

const fn mask(prefix: u8, width: u32) -> u128 {
    if prefix == 0 {
        0
    } else {
        (u128::MAX << (128 - prefix as u32)) >> (128 - width)
    }
}

/// The class of an IPv4 address, and the RFC that defines its range.
pub fn classify_ipv4(address: Ipv4Addr) -> (AddressClass, &'static str) {
    let bits = u32::from(address);
    IPV4_RANGES
        .iter()
        .filter(|r| u128::from(bits) & mask(r.prefix, 32) == u128::from(r.base))
        .max_by_key(|r| r.prefix)
        .map_or((AddressClass::Public, "IANA: not special-purpose"), |r| {
            (r.class, r.source)
        })
}

/// The IPv4 address an IPv6 address embeds, and how.
pub fn embedded_ipv4(address: Ipv6Addr) -> Option<(Embedding, Ipv4Addr)> {
    let bits = u128::from(address);
    match range6(bits).kind {
        Kind6::Embedded(e) => Some((e, e.extract(bits))),
        Kind6::Class(_) => None,
    }
}

fn range6(bits: u128) -> &'static Range6 {
    IPV6_RANGES
        .iter()
        .filter(|r| bits & mask(r.prefix, 128) == r.base)
        .max_by_key(|r| r.prefix)
        .unwrap_or(&IPV6_RANGES[0])
}

/// The class of an IP address, with the IPv4 address it embeds, if any.
///
/// An embedding takes the class of its IPv4 address, unless that address is
/// public; then the embedding's own class applies (§7.2).
pub fn classify_ip(address: IpAddr) -> (AddressClass, Option<Ipv4Addr>) {
    match address {
        IpAddr::V4(a) => (classify_ipv4(a).0, None),
        IpAddr::V6(a) => {
            let bits = u128::from(a);
            match range6(bits).kind {
                Kind6::Class(class) => (class, None),
                Kind6::Embedded(embedding) => {
                    let inner = embedding.extract(bits);
                    match classify_ipv4(inner).0 {
                        AddressClass::Public => (embedding.container_class(), Some(inner)),
                        class => (class, Some(inner)),
                    }
                }
            }
        }
    }
}

/// How a host-name rule matches.
#[derive(Clone, Copy)]
enum NameMatch {
    /// The name itself.
    Exact,
    /// The name or any name under it.
    Suffix,
}

struct NameRule {
    name: &'static str,
    how: NameMatch,
    class: AddressClass,
    /// Why the rule holds; shown to the admin as the reason.
    source: &'static str,
}

/// Host-name rules (`url-blocker.md` §7.3). Names are compared in lower
/// case without one trailing dot.
const NAME_RULES: &[NameRule] = &[
    NameRule {
        name: "localhost",
        how: NameMatch::Suffix,
        class: AddressClass::Loopback,
        source: "RFC 6761 §6.3",
    },
    NameRule {
        name: "internal",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "ICANN reserved .internal",
    },
    NameRule {
        name: "local",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "RFC 6762 mDNS",
    },
    NameRule {
        name: "home.arpa",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "RFC 8375",
    },
    NameRule {
        name: "localdomain",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "conventional name for the local domain",
    },
    NameRule {
        name: "svc",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "Kubernetes service names",
    },
    NameRule {
        name: "cluster.local",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "Kubernetes cluster domain",
    },
    NameRule {
        name: "nip.io",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "wildcard DNS embedding an address",
    },
    NameRule {
        name: "sslip.io",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "wildcard DNS embedding an address",
    },
    NameRule {
        name: "xip.io",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "wildcard DNS embedding an address (a defunct service)",
    },
    NameRule {
        name: "localtest.me",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "resolves to loopback",
    },
    NameRule {
        name: "localh.st",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "resolves to loopback",
    },
    NameRule {
        name: "lvh.me",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "resolves to loopback",
    },
    NameRule {
        name: "spoofed.burpcollaborator.net",
        how: NameMatch::Exact,
        class: AddressClass::InternalName,
        source: "resolves to loopback",
    },
    NameRule {
        name: "metadata.nicob.net",
        how: NameMatch::Exact,
        class: AddressClass::InternalName,
        source: "resolves to a metadata address",
    },
    NameRule {
        name: "metadata.tencentyun.com",
        how: NameMatch::Exact,
        class: AddressClass::InternalName,
        source: "cloud metadata alias",
    },
    NameRule {
        name: "rebind.network",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "DNS-rebinding service",
    },
    NameRule {
        name: "1u.ms",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "DNS-rebinding service",
    },
];

fn name_matches(name: &str, rule: &NameRule) -> bool {
    match rule.how {
        NameMatch::Exact => name == rule.name,
        NameMatch::Suffix => {
            name == rule.name
                || name
                    .strip_suffix(rule.name)
                    .is_some_and(|head| head.ends_with('.'))
        }
    }
}

/// Whether a label is `ip-a-b-c-d` with four decimal octets (EC2 names).
fn is_ec2_label(label: &str) -> bool {
    let Some(rest) = label.strip_prefix("ip-") else {
        return false;
    };
    let parts: Vec<&str> = rest.split('-').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// The class of a DNS name (lower case, IDNA applied), and why.
pub fn classify_name(name: &str) -> (AddressClass, &'static str) {
    let name = name.strip_suffix('.').unwrap_or(name);
    if let Some(rule) = NAME_RULES.iter().find(|r| name_matches(name, r)) {
        return (rule.class, rule.source);
    }
    if !name.contains('.') {
        return (AddressClass::InternalName, "single-label name");
    }
    if name.split('.').any(is_ec2_label) {
        return (AddressClass::InternalName, "EC2-style ip-a-b-c-d name");
    }
    (
        AddressClass::Public,
        "ordinary DNS name; its class depends on DNS",
    )
}

/// A known cloud-metadata endpoint.
#[derive(Clone, Copy, Debug)]
pub struct MetadataEndpoint {
    /// The address or host name.
    pub host: MetadataHost,
    /// Whose endpoint it is.
    pub provider: &'static str,
    /// Whether GitLab's newest URL blocker refuses it by itself.
    pub gitlab_blocks: bool,
}

/// A metadata endpoint's address or name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetadataHost {
    /// An address.
    Ip(IpAddr),
    /// A host name.
    Name(&'static str),
}

/// Cloud-metadata endpoints (`url-blocker.md` §2.3 for the ones GitLab
/// blocks, §7.3 for the aliases seen in public SSRF lists).
pub const METADATA_ENDPOINTS: &[MetadataEndpoint] = &[
    MetadataEndpoint {
        host: MetadataHost::Ip(IpAddr::V4(Ipv4Addr::new(169, 254, 169, 254))),
        provider: "AWS, GCP, Azure and others",
        gitlab_blocks: true,
    },
    MetadataEndpoint {
        host: MetadataHost::Ip(IpAddr::V6(Ipv6Addr::new(
            0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254,
        ))),
        provider: "AWS IMDS over IPv6",
        gitlab_blocks: true,
    },
    MetadataEndpoint {
        host: MetadataHost::Ip(IpAddr::V4(Ipv4Addr::new(100, 100, 100, 200))),
        provider: "Alibaba Cloud",
        gitlab_blocks: true,
    },
    MetadataEndpoint {
        host: MetadataHost::Ip(IpAddr::V4(Ipv4Addr::new(192, 0, 0, 192))),
        provider: "Oracle Cloud",
        gitlab_blocks: true,
    },
    MetadataEndpoint {
        host: MetadataHost::Ip(IpAddr::V4(Ipv4Addr::new(169, 254, 170, 2))),
        provider: "AWS ECS task metadata",
        gitlab_blocks: false,
    },
    MetadataEndpoint {
        host: MetadataHost::Name("metadata.google.internal"),
        provider: "Google Cloud",
        gitlab_blocks: true,
    },
    MetadataEndpoint {
        host: MetadataHost::Name("metadata"),
        provider: "alias in SSRF lists",
        gitlab_blocks: false,
    },
    MetadataEndpoint {
        host: MetadataHost::Name("instance-data"),
        provider: "AWS alias",
        gitlab_blocks: false,
    },
    MetadataEndpoint {
        host: MetadataHost::Name("rancher-metadata"),
        provider: "Rancher",
        gitlab_blocks: false,
    },
    MetadataEndpoint {
        host: MetadataHost::Name("metadata.tencentyun.com"),
        provider: "Tencent Cloud",
        gitlab_blocks: false,
    },
    MetadataEndpoint {
        host: MetadataHost::Name("metadata.nicob.net"),
        provider: "alias resolving to 169.254.169.254",
        gitlab_blocks: false,
    },
];

/// The metadata endpoint an address is, looking through any IPv4
/// embedding.
pub fn metadata_address(address: IpAddr) -> Option<&'static MetadataEndpoint> {
    let native = match address {
        IpAddr::V6(a) => embedded_ipv4(a).map_or(address, |(_, inner)| IpAddr::V4(inner)),
        IpAddr::V4(_) => address,
    };
    METADATA_ENDPOINTS
        .iter()
        .find(|e| e.host == MetadataHost::Ip(native) || e.host == MetadataHost::Ip(address))
}

/// The metadata endpoint a host is, if any.
pub fn metadata_host(host: &Host) -> Option<&'static MetadataEndpoint> {
    match host {
        Host::Domain(d) => {
            let name = d.strip_suffix('.').unwrap_or(d);
            METADATA_ENDPOINTS
                .iter()
                .find(|e| matches!(e.host, MetadataHost::Name(n) if n == name))
        }
        other => other.ip().and_then(metadata_address),
    }
}

/// The class of a parsed host, with the embedded IPv4 address, if any.
pub fn classify_host(host: &Host) -> (AddressClass, Option<Ipv4Addr>) {
    match host {
        Host::Domain(d) if d.is_empty() => (AddressClass::Invalid, None),
        Host::Domain(d) => (classify_name(d).0, None),
        other => other
            .ip()
            .map_or((AddressClass::Invalid, None), classify_ip),
    }
}

/// The result of [`classify`], in the `classify` command's JSON shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// The input as given.
    pub input: String,
    /// The WHATWG serialisation of the host (IPv6 in brackets), or `None`
    /// when the input is invalid.
    pub canonical_host: Option<String>,
    /// The one class the host belongs to.
    pub class: AddressClass,
    /// The IPv4 address an IPv6 host embeds.
    pub embedded_ipv4: Option<Ipv4Addr>,
    /// Whether the host is a known cloud-metadata endpoint.
    pub cloud_metadata: bool,
    /// Findings: why it is invalid, parser hazards, advice.
    pub diagnostics: Diagnostics,
}

/// Classify a bare host, an IP address or a URL (a bare host or IP is read
/// as `http://<input>/`).
pub fn classify(input: &str) -> Classification {
    let url_text = host::url_for_input(input);
    let whatwg = WhatwgUrl::parse(&url_text);
    let rfc = AddressableUri::parse(&url_text).ok();
    let mut diagnostics = host::hazards(&url_text, whatwg.as_ref(), rfc.as_ref());
    let mut result = Classification {
        input: input.to_owned(),
        canonical_host: None,
        class: AddressClass::Invalid,
        embedded_ipv4: None,
        cloud_metadata: false,
        diagnostics: Diagnostics::new(),
    };
    let parsed_host = match whatwg {
        Err(error) => {
            diagnostics.push(
                Diagnostic::error(
                    "address.invalid",
                    Path::root(),
                    format!("not a valid URL or host: {error}"),
                )
                .with("whatwg_error", error.message),
            );
            None
        }
        Ok(url) if !url.special => {
            let opaque = url.host.map(|h| h.to_string()).unwrap_or_default();
            diagnostics.push(
                Diagnostic::warning(
                    "address.opaque_host",
                    Path::root().key("host"),
                    format!(
                        "the scheme {:?} is not special, so WHATWG keeps the host {opaque:?} opaque; it is classified as an http host would be",
                        url.scheme
                    ),
                )
                .with("scheme", url.scheme.as_str()),
            );
            match Host::parse(&opaque) {
                Ok(h) => Some(h),
                Err(error) => {
                    diagnostics.push(
                        Diagnostic::error(
                            "address.invalid",
                            Path::root().key("host"),
                            format!("not a valid host: {error}"),
                        )
                        .with("whatwg_error", error.message),
                    );
                    None
                }
            }
        }
        Ok(url) => match url.host {
            Some(Host::Domain(d)) if d.is_empty() => None,
            Some(h) => Some(h),
            None => None,
        },
    };
    let Some(parsed_host) = parsed_host else {
        if !diagnostics.has_errors() {
            diagnostics.push(Diagnostic::error(
                "address.no_host",
                Path::root(),
                "the URL has no host",
            ));
        }
        result.diagnostics = diagnostics;
        return result;
    };
    let (class, embedded) = classify_host(&parsed_host);
    if let (Some(inner), Host::Ipv6(outer)) = (embedded, &parsed_host) {
        let how = embedded_ipv4(*outer).map_or("embedded", |(e, _)| match e {
            Embedding::Mapped => "IPv4-mapped",
            Embedding::Compatible => "IPv4-compatible",
            Embedding::Translated => "IPv4-translated",
            Embedding::Nat64 => "NAT64",
            Embedding::LocalNat64 => "local-use NAT64",
            Embedding::SixToFour => "6to4",
            Embedding::Teredo => "Teredo",
        });
        diagnostics.push(
            Diagnostic::info(
                "address.embedded_ipv4",
                Path::root().key("host"),
                format!("{parsed_host} carries the IPv4 address {inner} ({how}); it is classified as {class}"),
            )
            .with("embedding", how)
            .with("ipv4", inner.to_string()),
        );
    }
    if let Host::Domain(name) = &parsed_host {
        if class != AddressClass::Loopback {
            let (_, why) = classify_name(name);
            diagnostics.push(
                Diagnostic::info(
                    "address.depends_on_dns",
                    Path::root().key("host"),
                    format!("{name} is a DNS name ({why}); what GitLab does with it depends on what it resolves to"),
                )
                .with("host", name.as_str())
                .with("reason", why),
            );
        }
    }
    let metadata = metadata_host(&parsed_host);
    if let Some(endpoint) = metadata {
        diagnostics.push(
            Diagnostic::warning(
                "address.cloud_metadata",
                Path::root().key("host"),
                format!(
                    "{parsed_host} is a cloud metadata endpoint ({})",
                    endpoint.provider
                ),
            )
            .with("provider", endpoint.provider)
            .with("gitlab_blocks", endpoint.gitlab_blocks),
        );
    }
    result.canonical_host = Some(parsed_host.to_string());
    result.class = class;
    result.embedded_ipv4 = embedded;
    result.cloud_metadata = metadata.is_some();
    result.diagnostics = diagnostics;
    result
}

/// The RFC or rule behind the class of an IP address (for explanations).
pub fn range_source(address: IpAddr) -> &'static str {
    match address {
        IpAddr::V4(a) => classify_ipv4(a).1,
        IpAddr::V6(a) => range6(u128::from(a)).source,
    }
}
