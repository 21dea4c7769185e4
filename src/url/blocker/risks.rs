//! Stricter than GitLab: internal destinations GitLab lets through (or
//! may, depending on DNS). Warnings only; the verdict stays GitLab's.

use super::steps::unmap;
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::url::address::{self, AddressClass};
use crate::url::host::{canonical, Host};
use std::net::{IpAddr, Ipv4Addr};

/// Where this library is stricter than GitLab: destinations GitLab lets
/// through (or may, depending on DNS) that are still internal. GitLab's
/// local checks only unwrap IPv4-mapped addresses, and its metadata block
/// knows four addresses and one name; these warnings name what it misses
/// (`url-blocker.md` §2.3 "not blocked at all", §7.2, §7.3). The verdict
/// itself stays GitLab's.
pub(super) fn risks(
    host: Option<&Host>,
    resolved: Option<&[IpAddr]>,
    diagnostics: &mut Diagnostics,
) {
    // The host's own address, then each answer's unmapped address, each
    // once: on the stack for the usual few, in a list beyond.
    let mut small = [IpAddr::V4(Ipv4Addr::UNSPECIFIED); 8];
    let (mut count, mut long) = (0, Vec::new());
    let own = host.and_then(Host::ip);
    for ip in own
        .into_iter()
        .chain(resolved.unwrap_or_default().iter().copied().map(unmap))
    {
        let seen: &[IpAddr] = if long.is_empty() {
            &small[..count]
        } else {
            &long
        };
        if seen.contains(&ip) {
            continue;
        }
        if long.is_empty() && count < small.len() {
            small[count] = ip;
            count += 1;
        } else {
            if long.is_empty() {
                long.extend_from_slice(&small[..count]);
            }
            long.push(ip);
        }
    }
    let addresses: &[IpAddr] = if long.is_empty() {
        &small[..count]
    } else {
        &long
    };
    // An address host is the first of `addresses`: looked up once, there.
    let name = host.filter(|_| own.is_none());
    let metadata = name.and_then(address::metadata_host).or_else(|| {
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
    for &ip in addresses {
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
                .with("ipv4", canonical::ip_string(IpAddr::V4(inner)))
                .with("class", class.as_str()),
            );
        }
    }
}
