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
//! A host of ASCII letters, digits, `-` and `.` ([`simple_host`]) is read
//! here too: the `url` crate's host parser would run it through IDNA, which
//! only lower-cases it (a fifth of `classify`), and read a numeric one with
//! its IPv4 parser, which collects the parts in two vectors (another
//! fifth; the address is glibc's reading here, [`inet::inet_aton_exact`],
//! the same wherever that reads one).

use super::{inet, Host, HostError, WhatwgReading};
use std::borrow::Cow;

/// The scheme, host and port of `input` as `Url::parse` reads them, or
/// `None` when the input is not of the simple shape above.
pub(super) fn parse_simple(input: &str) -> Option<Result<WhatwgReading, HostError>> {
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
    // One scan: nothing `Url::parse` reads differently (userinfo, a
    // backslash, what it strips), and the host's end at the first `:`
    // outside brackets.
    let mut in_brackets = false;
    let mut colon = None;
    for (i, b) in authority.bytes().enumerate() {
        match b {
            b'[' => in_brackets = true,
            b']' => in_brackets = false,
            b':' if !in_brackets && colon.is_none() => colon = Some(i),
            b'@' | b'\\' | 0x7f | ..=b' ' => return None,
            _ => {}
        }
    }
    // The rest of the URL must not hold what the parser strips from
    // anywhere (tabs, line breaks) or from the end (controls, spaces).
    if authority.is_empty() || rest[end..].bytes().any(|b| b <= b' ') {
        return None;
    }
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
    let host = match simple_host(host_text) {
        Some(host) => Ok(host),
        None => ::url::Host::parse(host_text).map(|host| match host {
            ::url::Host::Domain(d) => Host::Domain(d),
            ::url::Host::Ipv4(a) => Host::Ipv4(a),
            ::url::Host::Ipv6(a) => Host::Ipv6(a),
        }),
    };
    Some(match host {
        Ok(host) => Ok(WhatwgReading {
            scheme: Cow::Borrowed(scheme),
            host: Some(host),
            port,
            special: true,
        }),
        Err(e) => Err(HostError {
            message: e.to_string(),
        }),
    })
}

#[derive(Clone, Copy)]
enum NameByte {
    /// A lower-case letter, a digit or `-`.
    Kept,
    /// An upper-case letter.
    Upper,
    Dot,
    Other,
}

/// Each byte's part in a [`simple_host`], by table: fewer instructions a
/// byte than comparing ranges.
const NAME_BYTES: [NameByte; 256] = {
    let mut table = [NameByte::Other; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = match c {
            b'a'..=b'z' | b'0'..=b'9' | b'-' => NameByte::Kept,
            b'A'..=b'Z' => NameByte::Upper,
            b'.' => NameByte::Dot,
            _ => NameByte::Other,
        };
        b += 1;
    }
    table
};

/// The WHATWG host of `text` when it is made of ASCII letters, digits,
/// `-` and `.` in non-empty labels (an optional trailing dot), none a
/// punycode `xn--` label, and not a number `inet_aton` refuses; `None`
/// for any other text. UTS #46 only lower-cases such a name (each label
/// is valid and unchanged otherwise), so the host is that name in lower
/// case, or, when its last label is a number, the IPv4 address it spells.
fn simple_host(text: &str) -> Option<Host> {
    let bytes = text.as_bytes();
    let name = match bytes {
        [rest @ .., b'.'] => rest,
        _ => bytes,
    };
    let punycode = |label: &[u8]| {
        label
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"))
    };
    // One scan: the bytes, the labels, and where the last begins.
    let mut start = 0;
    let mut upper = false;
    for (i, &b) in name.iter().enumerate() {
        match NAME_BYTES[usize::from(b)] {
            NameByte::Kept => {}
            NameByte::Upper => upper = true,
            NameByte::Dot if i > start && !punycode(&name[start..i]) => start = i + 1,
            _ => return None,
        }
    }
    let last = &name[start..];
    if last.is_empty() || punycode(last) {
        return None;
    }
    // A last label that starts with a digit may end the name in a number
    // (WHATWG: all digits, or `0x` and hex digits); then the name is an
    // IPv4 address or an error. Where glibc's `inet_aton` reads the name,
    // WHATWG reads the same address (the same parts, radixes and limits;
    // WHATWG also takes a bare `0x`); the url crate reads the rest.
    if last[0].is_ascii_digit() {
        return inet::inet_aton_exact(&text[..name.len()]).map(Host::Ipv4);
    }
    Some(Host::Domain(if upper {
        text.to_ascii_lowercase()
    } else {
        text.to_owned()
    }))
}
