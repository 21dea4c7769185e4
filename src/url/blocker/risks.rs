//! Stricter than GitLab: internal destinations GitLab lets through (or
//! may, depending on DNS). Warnings only; the verdict stays GitLab's.

use super::steps::unmap;
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::url::address::{self, AddressClass};
use crate::url::host::{canonical, Host};
use std::net::IpAddr;

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
    let own = host.and_then(Host::ip);
    let resolved = resolved.unwrap_or_default();
    if resolved.len() > 16 {
        // A long list: each distinct address once, collected.
        let mut addresses: Vec<IpAddr> = own.into_iter().collect();
        for ip in resolved.iter().copied().map(unmap) {
            if !addresses.contains(&ip) {
                addresses.push(ip);
            }
        }
        return report(host, addresses.iter().copied(), diagnostics);
    }
    // The host's own address, then each answer's unmapped address not seen
    // before, without building a list (answers are few, usually one).
    let addresses = own.into_iter().chain(
        resolved
            .iter()
            .enumerate()
            .map(|(i, ip)| (i, unmap(*ip)))
            .filter(move |&(i, ip)| {
                own != Some(ip) && !resolved[..i].iter().any(|seen| unmap(*seen) == ip)
            })
            .map(|(_, ip)| ip),
    );
    report(host, addresses, diagnostics);
}

/// The warnings for the distinct `addresses` of the destination.
fn report(
    host: Option<&Host>,
    addresses: impl Iterator<Item = IpAddr> + Clone,
    diagnostics: &mut Diagnostics,
) {
    let metadata = host
        .and_then(address::metadata_host)
        .or_else(|| addresses.clone().find_map(address::metadata_address));
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
                .with("ipv4", canonical::ip_string(IpAddr::V4(inner)))
                .with("class", class.as_str()),
            );
        }
    }
}
