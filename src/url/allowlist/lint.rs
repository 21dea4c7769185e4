//! Lints for allowlist entries GitLab accepts but that can never match, or
//! match something other than what the admin wrote. Each names the entry
//! that would work (`suggested_entry`, `null` when none can).
//!
//! An entry can only ever match what GitLab compares it with
//! (`url-blocker.md` §4.4, §4.6): a domain entry the URL's normalised host,
//! which is lower case, punycode, without a trailing dot, without scheme,
//! userinfo, path or wildcard, and starts with a letter or digit (the
//! hostname check refuses anything else first); an IP entry the first
//! resolved address, never a cloud-metadata address (that block runs
//! first).

use super::{ipaddr_new, split_addr_and_port, Entry, EntryKind};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::url::address::metadata_address;
use crate::url::host::{addressable::AddressableUri, inet};
use std::net::{IpAddr, Ipv6Addr};

fn warn(
    code: &'static str,
    path: &Path,
    entry: &Entry,
    message: String,
    suggestion: Option<String>,
) -> Diagnostic {
    let suggestion = suggestion.and_then(|s| settle(s, 0));
    let message = match &suggestion {
        Some(s) => format!("{message}; write {s:?} instead"),
        None => message,
    };
    Diagnostic::warning(code, path.clone(), message)
        .with("entry", entry.raw.as_str())
        .with("suggested_entry", suggestion)
}

/// A suggestion with its own problems fixed too (`Example.com./` →
/// `example.com`), or `None` when what is left can never match.
pub(super) fn settle(suggestion: String, depth: u8) -> Option<String> {
    if suggestion.is_empty() {
        return None;
    }
    let entry = Entry::parse(&suggestion);
    let mut found = Diagnostics::new();
    lint(&entry, &Path::root(), &mut found);
    let Some(first) = found.iter().next() else {
        return Some(suggestion);
    };
    match first.param("suggested_entry") {
        Some(crate::diagnostic::Param::Str(next)) if depth < 3 && *next != suggestion => {
            settle(next.clone(), depth + 1)
        }
        _ => None,
    }
}

fn with_port(address: &str, port: Option<u64>) -> String {
    match port {
        Some(p) if address.contains(':') => format!("[{address}]:{p}"),
        Some(p) => format!("{address}:{p}"),
        None => address.to_owned(),
    }
}

/// Characters a normalised host can hold (RFC 3986 unreserved and
/// sub-delims, plus `%` of a percent-encoded byte).
fn host_char(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._~!$&'()*+,;=%".contains(&b)
}

/// Add the lints for one entry.
pub(super) fn lint(entry: &Entry, path: &Path, out: &mut Diagnostics) {
    if !entry.raw.is_ascii() {
        // Already a GitLab error with its IDNA suggestion.
        return;
    }
    if let Some(port) = entry.port {
        if port == 0 || port > 65_535 {
            out.push(
                warn(
                    "allowlist.port_out_of_range",
                    path,
                    entry,
                    format!("the port {port} is outside 1–65535: no request GitLab lets through has it, so {:?} never matches", entry.raw),
                    Some(entry.value.clone()).filter(|v| !v.is_empty()),
                )
                .with("port", port),
            );
        }
    }
    match entry.kind {
        EntryKind::Ip | EntryKind::Range => lint_ip(entry, path, out),
        EntryKind::Domain => lint_domain(entry, path, out),
    }
}

fn lint_ip(entry: &Entry, path: &Path, out: &mut Diagnostics) {
    let (address, _) = split_addr_and_port(&entry.raw);
    let Some(ip) = ipaddr_new(address) else {
        return;
    };
    if entry.kind == EntryKind::Ip {
        let addr: IpAddr = match ip.family {
            super::Family::V4 => IpAddr::V4((ip.addr as u32).into()),
            super::Family::V6 => IpAddr::V6(Ipv6Addr::from(ip.addr)),
        };
        if let Some(endpoint) = metadata_address(addr).filter(|e| e.gitlab_blocks) {
            out.push(
                warn(
                    "allowlist.cloud_metadata_entry",
                    path,
                    entry,
                    format!("{addr} is a cloud metadata endpoint ({}); GitLab blocks it before it reads the allowlist, so no entry can allow it", endpoint.provider),
                    None,
                )
                .with("gitlab_message", "Requests to cloud metadata endpoints are not allowed"),
            );
        }
        // `::1:8080` is the address ::1:8080, not ::1 on port 8080.
        if entry.port.is_none() && !address.starts_with('[') {
            if let Some((head, tail)) = address.rsplit_once(':') {
                let port_like =
                    !tail.is_empty() && tail.len() <= 5 && tail.bytes().all(|b| b.is_ascii_digit());
                if port_like && head.parse::<Ipv6Addr>().is_ok() {
                    out.push(warn(
                        "allowlist.ipv6_port_ambiguous",
                        path,
                        entry,
                        format!("{address:?} is read as the IPv6 address {}, not {head} on port {tail}; to give a port, bracket the address", entry.value),
                        Some(format!("[{head}]:{tail}")),
                    ));
                }
            }
        }
    }
    if ip.has_prefix && ip.unmasked != ip.addr {
        out.push(warn(
            "allowlist.range_host_bits",
            path,
            entry,
            format!("the range {address:?} has host bits set; GitLab masks it to {} (every address in that network)", entry.value),
            Some(with_port(&entry.value, entry.port)),
        ));
    }
}

fn lint_domain(entry: &Entry, path: &Path, out: &mut Diagnostics) {
    let value = entry.value.as_str();
    let port = entry.port;
    if value.is_empty() {
        out.push(warn(
            "allowlist.entry_never_matches",
            path,
            entry,
            format!("{:?} has no host part, so it never matches", entry.raw),
            None,
        ));
        return;
    }
    if let Some((_, after)) = entry.raw.split_once("://") {
        let suggestion = AddressableUri::parse(&entry.raw).ok().and_then(|uri| {
            let host = uri.normalized_host().filter(|h| !h.is_empty())?;
            let host = host
                .strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .map_or(host.clone(), str::to_owned);
            Some(with_port(&host, uri.port()))
        });
        let _ = after;
        out.push(warn(
            "allowlist.entry_has_scheme",
            path,
            entry,
            format!("{:?} is a URL; GitLab keeps the whole text as one domain entry, which never matches", entry.raw),
            suggestion,
        ));
        return;
    }
    if let Some((_, host)) = value.rsplit_once('@') {
        out.push(warn(
            "allowlist.entry_has_userinfo",
            path,
            entry,
            format!("{:?} has userinfo; GitLab compares entries with the host only, so it never matches", entry.raw),
            Some(with_port(host, port)).filter(|h| !h.is_empty()),
        ));
        return;
    }
    if let Some((head, tail)) = value.split_once('/') {
        if let Some(ip) = ipaddr_new(head) {
            let width = if ip.family == super::Family::V4 {
                32
            } else {
                128
            };
            let fixed = tail
                .trim_start_matches('0')
                .parse::<u32>()
                .ok()
                .or_else(|| (!tail.is_empty() && tail.bytes().all(|b| b == b'0')).then_some(0))
                .filter(|n| *n <= width)
                .map(|n| with_port(&format!("{head}/{n}"), port));
            out.push(
                warn(
                    "allowlist.invalid_prefix",
                    path,
                    entry,
                    format!("{:?} is not a valid range (the prefix must be 0–{width} without leading zeros, or a contiguous netmask); GitLab keeps it as a domain entry that never matches", entry.raw),
                    fixed,
                )
                .with("prefix", tail),
            );
        } else {
            out.push(warn(
                "allowlist.entry_has_path",
                path,
                entry,
                format!("{:?} has a path; GitLab compares entries with the host only, so it never matches", entry.raw),
                Some(with_port(head, port)).filter(|h| !h.is_empty()),
            ));
        }
        return;
    }
    if value.contains('*') {
        out.push(
            warn(
                "allowlist.entry_wildcard",
                path,
                entry,
                format!("{:?} is a wildcard; GitLab has no wildcard or subdomain matching, so it never matches: list each host name", entry.raw),
                None,
            )
            .with("reason", "GitLab matches domain entries by exact string equality"),
        );
        return;
    }
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        let fixed = ipaddr_new(inner).map(|_| with_port(inner, port));
        out.push(warn(
            "allowlist.entry_bracketed_ipv4",
            path,
            entry,
            format!("{:?} puts brackets around something that is not IPv6; GitLab keeps it as a domain entry that never matches", entry.raw),
            fixed,
        ));
        return;
    }
    if let Some(ip) = inet::numeric_host(value) {
        let canonical = with_port(&ip.to_string(), port);
        out.push(warn(
            "allowlist.entry_non_canonical_ip",
            path,
            entry,
            format!("{value:?} is not an IP address to GitLab's allowlist (it wants four plain decimal parts); it only matches a URL spelled exactly that way, never {ip} itself"),
            Some(canonical),
        ));
        return;
    }
    let lower = value.to_ascii_lowercase();
    let trimmed = lower
        .strip_suffix('.')
        .filter(|v| !v.ends_with('.'))
        .unwrap_or(&lower);
    if value.bytes().any(|b| b.is_ascii_uppercase()) || trimmed.len() != lower.len() {
        let code = if value.bytes().any(|b| b.is_ascii_uppercase()) {
            "allowlist.entry_upper_case"
        } else {
            "allowlist.entry_trailing_dot"
        };
        out.push(warn(
            code,
            path,
            entry,
            format!("{:?} never matches: GitLab compares entries case-sensitively with the normalised host, which is lower case without a trailing dot", entry.raw),
            Some(with_port(trimmed, port)),
        ));
        return;
    }
    let first_ok = value
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric());
    if !first_ok || !value.bytes().all(host_char) {
        out.push(warn(
            "allowlist.entry_never_matches",
            path,
            entry,
            format!(
                "{:?} is not a host name any URL GitLab lets through can have, so it never matches",
                entry.raw
            ),
            None,
        ));
    }
}
