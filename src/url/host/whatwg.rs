//! The WHATWG reading of an ordinary `http`/`https` URL without building
//! the whole URL: the `url` crate's own host parser on the host text, and
//! the port. `Url::parse` also serialises the URL (writing the host through
//! `core::fmt`) and was about a third of `classify`; for the URLs an admin
//! types (`http://aigw.internal:5052/v1`) only the scheme, host and port
//! matter here.
//!
//! Taken only where `Url::parse` reads the URL in exactly these steps:
//! scheme `http` or `https` (any case), `://`, an authority with no `@`,
//! no `\`, no ASCII control character or space and no DEL (so no userinfo,
//! nothing the parser strips, no extra slashes), a non-empty host, and
//! either no port or one to five digits up to 65535. Anything else goes
//! through `Url::parse`. The fuzz target `classify` and `tests/host.rs`
//! compare the two on every input.
//!
//! A host name already in its WHATWG form ([`plain_domain`]) is taken as it
//! is: the `url` crate's host parser would only run it through IDNA, which
//! changes nothing there (and was a fifth of `classify`).

use super::{Host, HostError, WhatwgUrl};

/// The scheme, host and port of `input` as `Url::parse` reads them, or
/// `None` when the input is not of the simple shape above.
pub(super) fn parse_simple(input: &str) -> Option<Result<WhatwgUrl, HostError>> {
    let at = super::find_scheme_separator(input)?;
    let (scheme, rest) = (&input[..at], &input[at + 3..]);
    let scheme = if scheme.eq_ignore_ascii_case("http") {
        "http"
    } else if scheme.eq_ignore_ascii_case("https") {
        "https"
    } else {
        return None;
    };
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = &rest[..end];
    if authority.is_empty()
        || authority
            .bytes()
            .any(|b| b <= b' ' || b == 0x7f || b == b'@' || b == b'\\')
    {
        return None;
    }
    // The rest of the URL must not hold what the parser strips from
    // anywhere (tabs, line breaks) or from the end (controls, spaces).
    if rest[end..].bytes().any(|b| b <= b' ') {
        return None;
    }
    // The host ends at the first `:` outside brackets.
    let mut in_brackets = false;
    let colon = authority.bytes().position(|b| match b {
        b'[' => {
            in_brackets = true;
            false
        }
        b']' => {
            in_brackets = false;
            false
        }
        b':' => !in_brackets,
        _ => false,
    });
    let (host_text, port_text) = match colon {
        Some(at) => (&authority[..at], Some(&authority[at + 1..])),
        None => (authority, None),
    };
    if host_text.is_empty() {
        return None;
    }
    let port = match port_text {
        None => None,
        Some(digits) => {
            if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            let value: u32 = digits.bytes().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
            let value = u16::try_from(value).ok()?;
            let default = if scheme == "http" { 80 } else { 443 };
            (value != default).then_some(value)
        }
    };
    // The host is parsed before the port, so its error comes first.
    if plain_domain(host_text) {
        return Some(Ok(WhatwgUrl {
            scheme: scheme.to_owned(),
            host: Some(Host::Domain(host_text.to_owned())),
            port,
            special: true,
        }));
    }
    let host = match ::url::Host::parse(host_text) {
        Ok(::url::Host::Domain(d)) => Host::Domain(d),
        Ok(::url::Host::Ipv4(a)) => Host::Ipv4(a),
        Ok(::url::Host::Ipv6(a)) => Host::Ipv6(a),
        Err(e) => {
            return Some(Err(HostError {
                message: e.to_string(),
            }))
        }
    };
    Some(Ok(WhatwgUrl {
        scheme: scheme.to_owned(),
        host: Some(host),
        port,
        special: true,
    }))
}

/// Whether `host` is a domain the WHATWG host parser returns unchanged:
/// non-empty labels of lower-case ASCII letters, digits and `-` (each
/// valid and unchanged under UTS #46, none a punycode `xn--` label), an
/// optional trailing dot, and a last label that is not a number (such a
/// host is an IPv4 address, or an error).
fn plain_domain(host: &str) -> bool {
    let bytes = host.as_bytes();
    let name = match bytes {
        [rest @ .., b'.'] => rest,
        _ => bytes,
    };
    // One scan: the bytes, the labels' starts, and where the last begins.
    let mut start = 0;
    for (i, &b) in name.iter().enumerate() {
        if b == b'.' {
            if i == start {
                return false;
            }
            start = i + 1;
        } else if !(b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            || (i == start && name[i..].starts_with(b"xn--"))
        {
            return false;
        }
    }
    let last = &name[start..];
    // Empty (no name, or `..` at the end), or WHATWG's "ends in a number":
    // all digits, or `0x` and hex digits.
    !(last.is_empty() || last.iter().all(u8::is_ascii_digit) || last.starts_with(b"0x"))
}
