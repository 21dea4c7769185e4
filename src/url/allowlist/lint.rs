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

use super::ipaddr::RubyIpAddr;
use super::{ipaddr_new, split_addr_and_port, At, EntryKind, Parts, View};
use crate::diagnostic::{message, push_int, push_quoted, Diagnostic, Diagnostics, Path, Piece};
use crate::url::address::metadata_address;
use crate::url::host::addressable::{is_mark_or_sub_delim, AddressableUri};
use crate::url::host::canonical::ip_text;
use crate::url::host::{find_scheme_separator, inet};
use std::net::Ipv6Addr;

/// A lint's warning: its message written from `pieces` (without
/// `core::fmt`), then the suggestion, settled, if one is left.
fn warn(
    code: &'static str,
    at: At<'_>,
    entry: &View<'_>,
    pieces: &[Piece<'_>],
    suggestion: Option<String>,
) -> Diagnostic {
    let suggestion = suggestion.and_then(|s| settle(s, 0));
    let mut text = message(pieces);
    if let Some(s) = &suggestion {
        text.push_str("; write ");
        push_quoted(&mut text, s);
        text.push_str(" instead");
    }
    Diagnostic::warning(code, at.path(), text)
        .with("entry", entry.raw())
        .with("suggested_entry", suggestion)
}

/// A suggestion with its own problems fixed too (`Example.com./` →
/// `example.com`), or `None` when what is left can never match.
pub(super) fn settle(suggestion: String, depth: u8) -> Option<String> {
    if suggestion.is_empty() {
        return None;
    }
    let parts = Parts::read(&suggestion);
    let mut found = Diagnostics::new();
    lint(
        &parts.view(),
        parts.ip.as_ref(),
        At {
            base: &Path::root(),
            index: None,
        },
        &mut found,
    );
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
    let mut out = String::with_capacity(address.len() + 8);
    match port {
        Some(p) => {
            let bracket = address.contains(':');
            if bracket {
                out.push('[');
            }
            out.push_str(address);
            if bracket {
                out.push(']');
            }
            out.push(':');
            push_int(&mut out, p);
        }
        None => out.push_str(address),
    }
    out
}

/// Characters a normalised host can hold (RFC 3986 unreserved and
/// sub-delims, plus `%` of a percent-encoded byte).
const fn host_char(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || is_mark_or_sub_delim(b) || b == b'%'
}

const COLON: u8 = 1;
const AT: u8 = 2;
const SLASH: u8 = 4;
const STAR: u8 = 8;
const UPPER: u8 = 16;
/// A byte of the resolver's numeric forms (hex digits, `x`, dots, colons).
const NUMERIC: u8 = 32;
/// A byte a normalised host can hold ([`host_char`]).
const HOST: u8 = 64;

/// What each byte is to the domain lints.
const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let mut class = 0;
        match c {
            b':' => class |= COLON,
            b'@' => class |= AT,
            b'/' => class |= SLASH,
            b'*' => class |= STAR,
            _ => {}
        }
        if c.is_ascii_uppercase() {
            class |= UPPER;
        }
        if c.is_ascii_hexdigit() || matches!(c, b'x' | b'X' | b'.' | b':') {
            class |= NUMERIC;
        }
        if host_char(c) {
            class |= HOST;
        }
        table[b] = class;
        b += 1;
    }
    table
};

/// Add the lints for one entry; `ip` is what `IPAddr.new` made of its
/// address part. Nothing is allocated unless a lint applies.
pub(super) fn lint(entry: &View<'_>, ip: Option<&RubyIpAddr>, at: At<'_>, out: &mut Diagnostics) {
    if !entry.raw().is_ascii() {
        // Already a GitLab error with its IDNA suggestion.
        return;
    }
    if let Some(port) = entry.port {
        if port == 0 || port > 65_535 {
            out.push(
                warn(
                    "allowlist.port_out_of_range",
                    at,
                    entry,
                    &[
                        Piece::Text("the port "),
                        Piece::Int(port),
                        Piece::Text(
                            " is outside 1–65535: no request GitLab lets through has it, so ",
                        ),
                        Piece::Quoted(entry.raw()),
                        Piece::Text(" never matches"),
                    ],
                    Some(entry.value().to_owned()).filter(|v| !v.is_empty()),
                )
                .with("port", port),
            );
        }
    }
    match entry.kind {
        EntryKind::Ip | EntryKind::Range => {
            if let Some(ip) = ip {
                lint_ip(entry, ip, at, out);
            }
        }
        EntryKind::Domain => lint_domain(entry, at, out),
    }
}

fn lint_ip(entry: &View<'_>, ip: &RubyIpAddr, at: At<'_>, out: &mut Diagnostics) {
    let (address, _) = split_addr_and_port(entry.raw());
    if entry.kind == EntryKind::Ip {
        let addr = ip.ip();
        if let Some(endpoint) = metadata_address(addr).filter(|e| e.gitlab_blocks) {
            out.push(
                warn(
                    "allowlist.cloud_metadata_entry",
                    at,
                    entry,
                    &[
                        Piece::Text(ip_text(addr).as_str()),
                        Piece::Text(" is a cloud metadata endpoint ("),
                        Piece::Text(endpoint.provider),
                        Piece::Text("); GitLab blocks it before it reads the allowlist, so no entry can allow it"),
                    ],
                    None,
                )
                .with("gitlab_message", "Requests to cloud metadata endpoints are not allowed"),
            );
        }
        // `::1:8080` is the address ::1:8080, not ::1 on port 8080.
        if entry.port.is_none() && !address.starts_with('[') {
            // The last colon, found byte by byte (an IPv4 entry has none).
            let last_colon = address.bytes().rposition(|b| b == b':');
            if let Some((head, tail)) = last_colon.map(|i| (&address[..i], &address[i + 1..])) {
                let port_like =
                    !tail.is_empty() && tail.len() <= 5 && tail.bytes().all(|b| b.is_ascii_digit());
                if port_like && head.parse::<Ipv6Addr>().is_ok() {
                    out.push(warn(
                        "allowlist.ipv6_port_ambiguous",
                        at,
                        entry,
                        &[
                            Piece::Quoted(address),
                            Piece::Text(" is read as the IPv6 address "),
                            Piece::Text(entry.value()),
                            Piece::Text(", not "),
                            Piece::Text(head),
                            Piece::Text(" on port "),
                            Piece::Text(tail),
                            Piece::Text("; to give a port, bracket the address"),
                        ],
                        Some(message(&[
                            Piece::Text("["),
                            Piece::Text(head),
                            Piece::Text("]:"),
                            Piece::Text(tail),
                        ])),
                    ));
                }
            }
        }
    }
    if ip.has_prefix && ip.unmasked != ip.addr {
        out.push(warn(
            "allowlist.range_host_bits",
            at,
            entry,
            &[
                Piece::Text("the range "),
                Piece::Quoted(address),
                Piece::Text(" has host bits set; GitLab masks it to "),
                Piece::Text(entry.value()),
                Piece::Text(" (every address in that network)"),
            ],
            Some(with_port(entry.value(), entry.port)),
        ));
    }
}

fn lint_domain(entry: &View<'_>, at: At<'_>, out: &mut Diagnostics) {
    let value = entry.value();
    let port = entry.port;
    if value.is_empty() {
        out.push(warn(
            "allowlist.entry_never_matches",
            at,
            entry,
            &[
                Piece::Quoted(entry.raw()),
                Piece::Text(" has no host part, so it never matches"),
            ],
            None,
        ));
        return;
    }
    // One scan says which checks can apply (`value` is part of `raw`), so
    // an ordinary host name is settled without searching it again and again.
    let seen = entry
        .raw()
        .bytes()
        .fold(0, |seen, b| seen | CLASS[usize::from(b)]);
    let all = value
        .bytes()
        .fold(u8::MAX, |all, b| all & CLASS[usize::from(b)]);
    let (colon, at_sign, slash, star) = (
        seen & COLON != 0,
        seen & AT != 0,
        seen & SLASH != 0,
        seen & STAR != 0,
    );
    let upper = value
        .bytes()
        .fold(0, |seen, b| seen | CLASS[usize::from(b)])
        & UPPER
        != 0;
    let (numeric_bytes, host_bytes) = (all & NUMERIC != 0, all & HOST != 0);
    if colon && find_scheme_separator(entry.raw()).is_some() {
        let suggestion = AddressableUri::parse(entry.raw()).ok().and_then(|uri| {
            let host = uri.normalized_host().filter(|h| !h.is_empty())?;
            let host = host
                .strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .map_or(host.clone(), str::to_owned);
            Some(with_port(&host, uri.port()))
        });
        out.push(warn(
            "allowlist.entry_has_scheme",
            at,
            entry,
            &[
                Piece::Quoted(entry.raw()),
                Piece::Text(
                    " is a URL; GitLab keeps the whole text as one domain entry, which never matches",
                ),
            ],
            suggestion,
        ));
        return;
    }
    if let Some((_, host)) = at_sign.then(|| value.rsplit_once('@')).flatten() {
        out.push(warn(
            "allowlist.entry_has_userinfo",
            at,
            entry,
            &[
                Piece::Quoted(entry.raw()),
                Piece::Text(
                    " has userinfo; GitLab compares entries with the host only, so it never matches",
                ),
            ],
            Some(with_port(host, port)).filter(|h| !h.is_empty()),
        ));
        return;
    }
    if let Some((head, tail)) = slash.then(|| value.split_once('/')).flatten() {
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
                .map(|n| {
                    let mut range = message(&[Piece::Text(head), Piece::Text("/")]);
                    push_int(&mut range, u64::from(n));
                    with_port(&range, port)
                });
            out.push(
                warn(
                    "allowlist.invalid_prefix",
                    at,
                    entry,
                    &[
                        Piece::Quoted(entry.raw()),
                        Piece::Text(" is not a valid range (the prefix must be 0–"),
                        Piece::Int(u64::from(width)),
                        Piece::Text(" without leading zeros, or a contiguous netmask); GitLab keeps it as a domain entry that never matches"),
                    ],
                    fixed,
                )
                .with("prefix", tail),
            );
        } else {
            out.push(warn(
                "allowlist.entry_has_path",
                at,
                entry,
                &[
                    Piece::Quoted(entry.raw()),
                    Piece::Text(" has a path; GitLab compares entries with the host only, so it never matches"),
                ],
                Some(with_port(head, port)).filter(|h| !h.is_empty()),
            ));
        }
        return;
    }
    if star && value.contains('*') {
        out.push(
            warn(
                "allowlist.entry_wildcard",
                at,
                entry,
                &[
                    Piece::Quoted(entry.raw()),
                    Piece::Text(" is a wildcard; GitLab has no wildcard or subdomain matching, so it never matches: list each host name"),
                ],
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
            at,
            entry,
            &[
                Piece::Quoted(entry.raw()),
                Piece::Text(" puts brackets around something that is not IPv6; GitLab keeps it as a domain entry that never matches"),
            ],
            fixed,
        ));
        return;
    }
    // The resolver's numeric forms use only hex digits, `x`, dots and colons.
    if let Some(ip) = numeric_bytes.then(|| inet::numeric_host(value)).flatten() {
        let ip = ip_text(ip);
        let canonical = with_port(ip.as_str(), port);
        out.push(warn(
            "allowlist.entry_non_canonical_ip",
            at,
            entry,
            &[
                Piece::Quoted(value),
                Piece::Text(" is not an IP address to GitLab's allowlist (it wants four plain decimal parts); it only matches a URL spelled exactly that way, never "),
                Piece::Text(ip.as_str()),
                Piece::Text(" itself"),
            ],
            Some(canonical),
        ));
        return;
    }
    // Upper case or one trailing dot: the suggestion is the lower-case text
    // without it (built only then).
    let trailing_dot = value.ends_with('.') && !value[..value.len() - 1].ends_with('.');
    if upper || trailing_dot {
        let lower = value.to_ascii_lowercase();
        let trimmed = if trailing_dot {
            &lower[..lower.len() - 1]
        } else {
            &lower
        };
        let code = if upper {
            "allowlist.entry_upper_case"
        } else {
            "allowlist.entry_trailing_dot"
        };
        out.push(warn(
            code,
            at,
            entry,
            &[
                Piece::Quoted(entry.raw()),
                Piece::Text(" never matches: GitLab compares entries case-sensitively with the normalised host, which is lower case without a trailing dot"),
            ],
            Some(with_port(trimmed, port)),
        ));
        return;
    }
    let first_ok = value
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric());
    if !first_ok || !host_bytes {
        out.push(warn(
            "allowlist.entry_never_matches",
            at,
            entry,
            &[
                Piece::Quoted(entry.raw()),
                Piece::Text(
                    " is not a host name any URL GitLab lets through can have, so it never matches",
                ),
            ],
            None,
        ));
    }
}
