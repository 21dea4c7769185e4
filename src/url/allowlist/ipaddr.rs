//! Ruby's `IPAddr.new` as GitLab applies it to allowlist entries
//! (`Gitlab::Utils.string_to_ip_object`): success makes an IP entry,
//! failure a domain entry. Source: `ruby/ipaddr : lib/ipaddr.rb @ 0304d292`
//! (`initialize`, `in_addr`, `in6_addr`, `mask!`), `url-blocker.md` §4.3.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// An address family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// IPv4.
    V4,
    /// IPv6.
    V6,
}

/// What `IPAddr.new` produced: a family, the (masked) address and its mask.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RubyIpAddr {
    /// The address family.
    pub family: Family,
    /// The address, already masked (`IPAddr` masks on creation).
    pub addr: u128,
    /// The netmask, all ones for a single address.
    pub mask: u128,
    /// Whether a `/prefix` or `/netmask` was given.
    pub has_prefix: bool,
    /// The address before masking (to spot ranges written with host bits).
    pub unmasked: u128,
}

impl RubyIpAddr {
    /// Bits in an address of this family.
    pub fn width(&self) -> u32 {
        match self.family {
            Family::V4 => 32,
            Family::V6 => 128,
        }
    }

    /// The prefix length (the mask is contiguous by construction).
    pub fn prefix_len(&self) -> u8 {
        let width = self.width();
        let ones = self.mask.count_ones();
        // A v4 mask is stored in the low 32 bits.
        u8::try_from(ones.min(width)).unwrap_or(128)
    }

    /// The address as std's `IpAddr` (a range's masked network address).
    pub fn ip(&self) -> IpAddr {
        match self.family {
            Family::V4 => IpAddr::V4(Ipv4Addr::from(self.addr as u32)),
            Family::V6 => IpAddr::V6(Ipv6Addr::from(self.addr)),
        }
    }

    /// The range in the IPv6 space GitLab's matcher compares in: an IPv4
    /// range becomes its IPv4-mapped form (`::ffff:a.b.c.d/96+n`).
    pub fn mapped_range(&self) -> (u128, u8) {
        match self.family {
            Family::V4 => (0xffff_0000_0000 | self.addr, 96 + self.prefix_len()),
            Family::V6 => (self.addr, self.prefix_len()),
        }
    }
}

const FULL4: u128 = 0xffff_ffff;

/// `IPAddr.new(text)`, or `None` where Ruby raises.
pub fn ipaddr_new(text: &str) -> Option<RubyIpAddr> {
    // Without a `%zone`, only hex digits, `.`, `:`, `/` and brackets can
    // make an address (both of Ruby's parsers refuse anything else): one
    // scan settles every ordinary host name, and finds the `/` and `%`.
    let (mut plain, mut slash, mut percent) = (true, None, false);
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'/' => {
                slash = slash.or(Some(i));
            }
            b'%' => percent = true,
            b'.' | b':' | b'[' | b']' => {}
            _ if b.is_ascii_hexdigit() => {}
            _ if plain => {
                // Settled here unless a zone may follow (looked for once,
                // at the first such byte).
                if !percent && !bytes[i + 1..].contains(&b'%') {
                    return None;
                }
                plain = false;
            }
            _ => {}
        }
    }
    if !plain && !percent {
        return None;
    }
    let (mut prefix, prefixlen) = match slash {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let mut force_v6 = false;
    if let Some(inner) = prefix.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
        prefix = inner;
        force_v6 = true;
    }
    // `/\A(.*)(%\w+)\z/`: a zone made of word characters at the end.
    if let Some(percent) = percent.then(|| prefix.rfind('%')).flatten() {
        let zone = &prefix[percent + 1..];
        if !zone.is_empty() && zone.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            prefix = &prefix[..percent];
            force_v6 = true;
        }
    }
    let (family, addr) = match (force_v6, in_addr(prefix)) {
        (_, Err(())) => return None,
        (false, Ok(Some(v4))) => (Family::V4, u128::from(v4)),
        _ => (Family::V6, u128::from(prefix.parse::<Ipv6Addr>().ok()?)),
    };
    let full = match family {
        Family::V4 => FULL4,
        Family::V6 => u128::MAX,
    };
    let mut out = RubyIpAddr {
        family,
        addr,
        mask: full,
        has_prefix: prefixlen.is_some(),
        unmasked: addr,
    };
    if let Some(len) = prefixlen {
        let mask = parse_mask(len, family)?;
        out.mask = mask;
        out.addr &= mask;
    }
    Some(out)
}

/// `in_addr`: `Ok(None)` when the text is not shaped like dotted IPv4,
/// `Err` when it is but Ruby raises (a part over 255, a zero-filled part).
fn in_addr(text: &str) -> Result<Option<u32>, ()> {
    // Ruby's pattern: four dot-separated parts of ASCII digits.
    let bytes = text.as_bytes();
    let (mut dots, mut run) = (0, 0);
    for &b in bytes {
        match b {
            b'.' if run > 0 => (dots, run) = (dots + 1, 0),
            b'0'..=b'9' => run += 1,
            _ => return Ok(None),
        }
    }
    if dots != 3 || run == 0 {
        return Ok(None);
    }
    let mut value: u32 = 0;
    for part in bytes.split(|&b| b == b'.') {
        // Ruby refuses a zero-filled part (`01`) and a part over 255.
        if part.len() > 1 && part[0] == b'0' {
            return Err(());
        }
        let n = part.iter().fold(0u32, |n, &d| {
            n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
        });
        if n > 255 {
            return Err(());
        }
        value = (value << 8) | n;
    }
    Ok(Some(value))
}

/// `mask!`: a prefix length without leading zeros, or a contiguous netmask
/// of the same family.
fn parse_mask(text: &str, family: Family) -> Option<u128> {
    let width: u32 = match family {
        Family::V4 => 32,
        Family::V6 => 128,
    };
    let full = if width == 32 { FULL4 } else { u128::MAX };
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        if text.len() > 1 && text.starts_with('0') {
            return None;
        }
        let len: u32 = text.parse().ok()?;
        if len > width {
            return None;
        }
        return Some(if len == 0 {
            0
        } else {
            (full << (width - len)) & full
        });
    }
    let mask = ipaddr_new(text)?;
    if mask.family != family {
        return None;
    }
    let n = mask.addr ^ mask.mask;
    if n.checked_add(1).map_or(n != u128::MAX, |m| m & n != 0) {
        return None;
    }
    Some(mask.addr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruby_ipaddr_forms() {
        // §4.3 and ruby/ipaddr's rules.
        let ok = |t: &str| ipaddr_new(t).is_some();
        assert!(ok("192.168.1.1"));
        assert!(ok("127.0.0.0/8"));
        assert!(ok("::1"));
        assert!(ok("[1:2:3:4:5::7:8]"));
        assert!(ok("::ffff:1.2.3.4"));
        assert!(ok("1.2.3.4/255.255.0.0"));
        assert!(ok("fe80::1%eth0"));
        assert!(!ok("127.000.000.001"));
        assert!(!ok("0177.0.0.1"));
        assert!(!ok("10.0.0.0/08"));
        assert!(!ok("10.0.0.0/33"));
        assert!(!ok("[127.0.0.1]"));
        assert!(!ok("1.2.3.4/255.0.255.0"));
        assert!(!ok("example.com"));
        assert!(!ok("256.1.1.1"));
        let range = ipaddr_new("192.168.1.1/24").map(|r| (r.addr, r.prefix_len()));
        assert_eq!(range, Some((u128::from(0xc0a8_0100u32), 24)));
        let mask = ipaddr_new("10.0.0.0/255.0.0.0").map(|r| r.prefix_len());
        assert_eq!(mask, Some(8));
    }
}
