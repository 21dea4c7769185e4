//! How the system resolver reads a numeric host name, without any IO.
//!
//! GitLab hands the URL's host name to `getaddrinfo` (glibc). Before it asks
//! DNS, glibc reads the name as a numeric address: IPv4 with the
//! `inet_aton` rules (1 to 4 parts, each C-style: `0x` hex, leading `0`
//! octal, else decimal; the last part fills the remaining bytes; no trailing
//! characters, no overflow), then IPv6 with `inet_pton`. A numeric name is
//! answered without DNS, so its address is known here.
//!
//! Source: glibc `resolv/inet_addr.c` (`__inet_aton_exact`) and
//! `sysdeps/posix/getaddrinfo.c`, as summarised in the reference
//! (`url-blocker.md` §2.4).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// glibc's `__inet_aton_exact`: the IPv4 address `getaddrinfo` reads from a
/// numeric host name, or `None` when the name is not numeric IPv4.
///
/// Unlike WHATWG it rejects a trailing dot (`127.0.0.1.`) and a bare `0x`
/// part; like WHATWG it rejects overflowing parts rather than truncating.
pub fn inet_aton_exact(text: &str) -> Option<Ipv4Addr> {
    let bytes = text.as_bytes();
    let mut parts: [u32; 4] = [0; 4];
    let mut count = 0usize;
    let mut i = 0usize;
    loop {
        if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let (value, next) = strtoul(bytes, i)?;
        i = next;
        match bytes.get(i) {
            Some(b'.') => {
                if count >= 3 || value > 0xff {
                    return None;
                }
                parts[count] = value;
                count += 1;
                i += 1;
            }
            None => {
                const MAX: [u32; 4] = [u32::MAX, 0x00ff_ffff, 0xffff, 0xff];
                if value > MAX[count] {
                    return None;
                }
                let mut address: u32 = value;
                for (index, part) in parts.iter().take(count).enumerate() {
                    address |= part << (24 - 8 * index);
                }
                return Some(Ipv4Addr::from(address));
            }
            Some(_) => return None,
        }
    }
}

/// C `strtoul(…, 0)` starting at a digit: the value (None above `u32::MAX`,
/// which `inet_aton` rejects) and the index after the digits it consumed.
fn strtoul(bytes: &[u8], start: usize) -> Option<(u32, usize)> {
    let (radix, mut i) = match (bytes.get(start), bytes.get(start + 1)) {
        (Some(b'0'), Some(b'x' | b'X'))
            if bytes.get(start + 2).is_some_and(u8::is_ascii_hexdigit) =>
        {
            (16, start + 2)
        }
        (Some(b'0'), _) => (8, start),
        _ => (10, start),
    };
    let mut value: u64 = 0;
    while let Some(digit) = bytes.get(i).and_then(|b| (*b as char).to_digit(radix)) {
        value = value
            .saturating_mul(u64::from(radix))
            .saturating_add(u64::from(digit));
        i += 1;
    }
    u32::try_from(value).ok().map(|v| (v, i))
}

/// The address `getaddrinfo` returns for a numeric host name (brackets
/// already stripped), or `None` when the name needs DNS.
pub fn numeric_host(hostname: &str) -> Option<IpAddr> {
    if let Some(v4) = inet_aton_exact(hostname) {
        return Some(IpAddr::V4(v4));
    }
    // `inet_pton(AF_INET6)`: strict hex pieces, one `::`, an optional dotted
    // decimal tail without leading zeros; std's parser has the same grammar.
    // Every IPv6 address has a colon: a name without one is not parsed.
    if !hostname.as_bytes().contains(&b':') {
        return None;
    }
    hostname.parse::<Ipv6Addr>().ok().map(IpAddr::V6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glibc_numeric_forms() {
        // Rows: url-blocker.md §2.4 (numeric hosts reach the resolver) and
        // glibc inet_aton semantics.
        let cases: &[(&str, Option<&str>)] = &[
            ("127.0.0.1", Some("127.0.0.1")),
            ("0177.1", Some("127.0.0.1")),
            ("0x7f.1", Some("127.0.0.1")),
            ("2130706433", Some("127.0.0.1")),
            ("127.000.000.001", Some("127.0.0.1")),
            ("0xffffffff", Some("255.255.255.255")),
            ("4294967295", Some("255.255.255.255")),
            ("0377.0377.0377.0377", Some("255.255.255.255")),
            ("169.16689662", Some("169.254.169.254")),
            ("127.0.0.1.", None),
            ("1.1.1.1.1", None),
            ("0x", None),
            ("08", None),
            ("4294967296", None),
            ("0x17f000001", None),
            ("256.0.0.1", None),
            ("1.2.3.256", None),
            ("1.2.65536", None),
            ("", None),
            ("a.b", None),
            ("127.0.0.1 ", None),
        ];
        for (input, expected) in cases {
            assert_eq!(
                inet_aton_exact(input).map(|a| a.to_string()).as_deref(),
                *expected,
                "{input}"
            );
        }
        assert_eq!(
            numeric_host("::ffff:127.0.0.1"),
            Some(
                "::ffff:7f00:1"
                    .parse()
                    .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
            )
        );
        assert_eq!(numeric_host("localhost"), None);
    }
}
