//! One address or name against the tables: its class, the IPv4 address it
//! embeds, the metadata endpoint it is, and the rule behind the answer.

use super::class::{AddressClass, Embedding};
use super::metadata::{MetadataEndpoint, MetadataHost, METADATA_ENDPOINTS};
use super::names::{NameMatch, NameRule, NAME_RULES};
use super::ranges::{Kind6, Range6, IPV4_RANGES, IPV6_RANGES};
use crate::url::host::Host;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// The mask of an IPv4 prefix, in 32 bits (128-bit arithmetic costs
/// several instructions an operation).
const fn mask4(prefix: u8) -> u32 {
    if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - prefix as u32)
    }
}

const fn mask6(prefix: u8) -> u128 {
    if prefix == 0 {
        0
    } else {
        u128::MAX << (128 - prefix as u32)
    }
}

/// The class of an IPv4 address, and the RFC that defines its range.
pub fn classify_ipv4(address: Ipv4Addr) -> (AddressClass, &'static str) {
    let bits = u32::from(address);
    IPV4_RANGES
        .iter()
        .filter(|r| bits & mask4(r.prefix) == r.base)
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
        .filter(|r| bits & mask6(r.prefix) == r.base)
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

fn name_matches(name: &str, rule: &NameRule) -> bool {
    // Both kinds of match need the same last byte: most rules fail here.
    if name.as_bytes().last() != rule.name.as_bytes().last() {
        return false;
    }
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

/// Whether a label is `ip-a-b-c-d` with four decimal octets (EC2 names),
/// read byte by byte.
fn is_ec2_label(label: &[u8]) -> bool {
    let Some(rest) = label.strip_prefix(b"ip-") else {
        return false;
    };
    let mut parts = 0;
    for part in rest.split(|&b| b == b'-') {
        parts += 1;
        let octet = parts <= 4
            && !part.is_empty()
            && part.len() <= 3
            && part.iter().all(u8::is_ascii_digit)
            && part.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0')) <= 255;
        if !octet {
            return false;
        }
    }
    parts == 4
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
    if name.as_bytes().split(|&b| b == b'.').any(is_ec2_label) {
        return (AddressClass::InternalName, "EC2-style ip-a-b-c-d name");
    }
    (
        AddressClass::Public,
        "ordinary DNS name; its class depends on DNS",
    )
}

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

/// The RFC or rule behind the class of an IP address (for explanations).
pub fn range_source(address: IpAddr) -> &'static str {
    match address {
        IpAddr::V4(a) => classify_ipv4(a).1,
        IpAddr::V6(a) => range6(u128::from(a)).source,
    }
}
