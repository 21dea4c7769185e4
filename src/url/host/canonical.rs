//! The canonical text of addresses and hosts, written byte by byte.
//!
//! Every classification, blocker verdict and allowlist entry shows an
//! address, and `core::fmt` (a `Formatter`, an argument list and a call per
//! piece) was about a quarter of `classify`'s time. These writers give the
//! same text as std's `Display` (IPv4 dotted decimal; IPv6 as RFC 5952
//! compresses it, with `::ffff:a.b.c.d` for an IPv4-mapped address) and as
//! the WHATWG serialiser (the same, but never a dotted tail), into a
//! `String` or a buffer on the stack. `tests/host.rs` holds them to std's
//! `Display` and to the previous `format!`-based serialiser for arbitrary
//! addresses.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Where the writers put their ASCII bytes.
trait Sink {
    fn byte(&mut self, b: u8);
}

impl Sink for String {
    fn byte(&mut self, b: u8) {
        self.push(char::from(b));
    }
}

/// The longest text written here: `[` + 39 characters of IPv6 + `]`.
const CAPACITY: usize = 48;

/// An address written out, held on the stack (for `Display`, where no
/// `String` is wanted).
#[derive(Clone, Copy)]
pub struct AddressText {
    bytes: [u8; CAPACITY],
    len: usize,
}

impl Sink for AddressText {
    fn byte(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }
}

impl AddressText {
    fn new() -> Self {
        AddressText {
            bytes: [0; CAPACITY],
            len: 0,
        }
    }

    /// One more ASCII byte (dropped beyond the capacity, which the longest
    /// address and a `/128` stay within).
    pub fn push(&mut self, b: u8) {
        self.byte(b);
    }

    /// The decimal digits of `n` appended.
    pub fn push_decimal(&mut self, n: u8) {
        decimal(self, n);
    }

    /// The text's bytes (ASCII), without checking them again.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// The text (always ASCII).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Display for AddressText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

fn bytes(out: &mut impl Sink, text: &[u8]) {
    for &b in text {
        out.byte(b);
    }
}

fn decimal(out: &mut impl Sink, n: u8) {
    if n >= 100 {
        out.byte(b'0' + n / 100);
    }
    if n >= 10 {
        out.byte(b'0' + n / 10 % 10);
    }
    out.byte(b'0' + n % 10);
}

fn hex(out: &mut impl Sink, piece: u16) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut started = false;
    for shift in [12u32, 8, 4, 0] {
        let digit = (piece >> shift) & 0xf;
        if digit != 0 || started || shift == 0 {
            started = true;
            out.byte(DIGITS[usize::from(digit)]);
        }
    }
}

fn ipv4(out: &mut impl Sink, address: Ipv4Addr) {
    let [a, b, c, d] = address.octets();
    decimal(out, a);
    out.byte(b'.');
    decimal(out, b);
    out.byte(b'.');
    decimal(out, c);
    out.byte(b'.');
    decimal(out, d);
}

/// RFC 5952: the first longest run of two or more zero pieces becomes
/// `::`; with `dotted_mapped`, an IPv4-mapped address is `::ffff:a.b.c.d`
/// (std), else hex pieces throughout (WHATWG).
fn ipv6(out: &mut impl Sink, address: Ipv6Addr, dotted_mapped: bool) {
    if dotted_mapped {
        if let Some(v4) = address.to_ipv4_mapped() {
            bytes(out, b"::ffff:");
            ipv4(out, v4);
            return;
        }
    }
    let pieces = address.segments();
    let (mut best_start, mut best_len) = (0usize, 0usize);
    let (mut start, mut len) = (0usize, 0usize);
    for (i, &piece) in pieces.iter().enumerate() {
        if piece == 0 {
            if len == 0 {
                start = i;
            }
            len += 1;
            if len > best_len {
                (best_start, best_len) = (start, len);
            }
        } else {
            len = 0;
        }
    }
    if best_len > 1 {
        colon_separated(out, &pieces[..best_start]);
        bytes(out, b"::");
        colon_separated(out, &pieces[best_start + best_len..]);
    } else {
        colon_separated(out, &pieces);
    }
}

fn colon_separated(out: &mut impl Sink, pieces: &[u16]) {
    for (i, &piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.byte(b':');
        }
        hex(out, piece);
    }
}

fn std_form(out: &mut impl Sink, ip: IpAddr) {
    match ip {
        IpAddr::V4(a) => ipv4(out, a),
        IpAddr::V6(a) => ipv6(out, a, true),
    }
}

fn whatwg_form(out: &mut impl Sink, ip: IpAddr) {
    match ip {
        IpAddr::V4(a) => ipv4(out, a),
        IpAddr::V6(a) => {
            out.byte(b'[');
            ipv6(out, a, false);
            out.byte(b']');
        }
    }
}

/// An address as std's `Display` writes it (`::ffff:1.2.3.4` for an
/// IPv4-mapped address), appended to `out`.
pub fn push_ip(out: &mut String, ip: IpAddr) {
    std_form(out, ip);
}

/// An address as std's `Display` writes it, as a `String` (what
/// `to_string` gives, without the formatting machinery).
pub fn ip_string(ip: IpAddr) -> String {
    let mut out = String::with_capacity(39);
    std_form(&mut out, ip);
    out
}

/// [`ip_string`] on the stack.
pub fn ip_text(ip: IpAddr) -> AddressText {
    let mut out = AddressText::new();
    std_form(&mut out, ip);
    out
}

/// An IPv6 address as the WHATWG URL standard serialises it (never a
/// dotted tail), without brackets.
pub fn ipv6_string(address: Ipv6Addr) -> String {
    let mut out = String::with_capacity(39);
    ipv6(&mut out, address, false);
    out
}

/// An IP host as the WHATWG URL standard serialises it: IPv4 dotted, IPv6
/// in brackets and never with a dotted tail.
pub fn whatwg_ip_string(ip: IpAddr) -> String {
    let mut out = String::with_capacity(41);
    whatwg_form(&mut out, ip);
    out
}

/// [`whatwg_ip_string`] on the stack.
pub fn whatwg_ip_text(ip: IpAddr) -> AddressText {
    let mut out = AddressText::new();
    whatwg_form(&mut out, ip);
    out
}
