//! The IP address tables: every special-purpose IPv4 and IPv6 range with
//! its class and the RFC behind it (`url-blocker.md` §7.1–§7.2, the IANA
//! special-purpose registries). Only data: [`lookup`](super::lookup) asks
//! them.

use super::class::{AddressClass, Embedding};

/// One IPv4 range of the taxonomy.
pub(super) struct Range4 {
    pub(super) base: u32,
    pub(super) prefix: u8,
    pub(super) class: AddressClass,
    /// Why the rule holds; shown to the admin as the reason.
    pub(super) source: &'static str,
}

const fn v4(a: u8, b: u8, c: u8, d: u8) -> u32 {
    u32::from_be_bytes([a, b, c, d])
}

/// IPv4 taxonomy (`url-blocker.md` §7.1, IANA special-purpose registry);
/// the longest matching prefix wins, anything unmatched is public.
pub(super) const IPV4_RANGES: &[Range4] = &[
    Range4 {
        base: v4(0, 0, 0, 0),
        prefix: 8,
        class: AddressClass::Unspecified,
        source: "RFC 1122 §3.2.1.3",
    },
    Range4 {
        base: v4(10, 0, 0, 0),
        prefix: 8,
        class: AddressClass::Private,
        source: "RFC 1918",
    },
    Range4 {
        base: v4(100, 64, 0, 0),
        prefix: 10,
        class: AddressClass::Shared,
        source: "RFC 6598",
    },
    Range4 {
        base: v4(127, 0, 0, 0),
        prefix: 8,
        class: AddressClass::Loopback,
        source: "RFC 1122 §3.2.1.3",
    },
    Range4 {
        base: v4(169, 254, 0, 0),
        prefix: 16,
        class: AddressClass::LinkLocal,
        source: "RFC 3927",
    },
    Range4 {
        base: v4(172, 16, 0, 0),
        prefix: 12,
        class: AddressClass::Private,
        source: "RFC 1918",
    },
    Range4 {
        base: v4(192, 0, 0, 0),
        prefix: 24,
        class: AddressClass::Reserved,
        source: "RFC 6890 (IETF protocol assignments)",
    },
    Range4 {
        base: v4(192, 0, 2, 0),
        prefix: 24,
        class: AddressClass::Documentation,
        source: "RFC 5737 TEST-NET-1",
    },
    Range4 {
        base: v4(192, 88, 99, 0),
        prefix: 24,
        class: AddressClass::Reserved,
        source: "RFC 7526 (deprecated 6to4 relay anycast)",
    },
    Range4 {
        base: v4(192, 168, 0, 0),
        prefix: 16,
        class: AddressClass::Private,
        source: "RFC 1918",
    },
    Range4 {
        base: v4(198, 18, 0, 0),
        prefix: 15,
        class: AddressClass::Reserved,
        source: "RFC 2544 (benchmarking)",
    },
    Range4 {
        base: v4(198, 51, 100, 0),
        prefix: 24,
        class: AddressClass::Documentation,
        source: "RFC 5737 TEST-NET-2",
    },
    Range4 {
        base: v4(203, 0, 113, 0),
        prefix: 24,
        class: AddressClass::Documentation,
        source: "RFC 5737 TEST-NET-3",
    },
    Range4 {
        base: v4(224, 0, 0, 0),
        prefix: 4,
        class: AddressClass::Multicast,
        source: "RFC 5771",
    },
    Range4 {
        base: v4(240, 0, 0, 0),
        prefix: 4,
        class: AddressClass::Reserved,
        source: "RFC 1112 §4",
    },
    Range4 {
        base: v4(255, 255, 255, 255),
        prefix: 32,
        class: AddressClass::Broadcast,
        source: "RFC 919 §7",
    },
];

/// What an IPv6 range is.
#[derive(Clone, Copy)]
pub(super) enum Kind6 {
    Class(AddressClass),
    Embedded(Embedding),
}

pub(super) struct Range6 {
    pub(super) base: u128,
    pub(super) prefix: u8,
    pub(super) kind: Kind6,
    /// Why the rule holds; shown to the admin as the reason.
    pub(super) source: &'static str,
}

const fn v6(segments: [u16; 8]) -> u128 {
    let mut out: u128 = 0;
    let mut i = 0;
    while i < 8 {
        out = (out << 16) | segments[i] as u128;
        i += 1;
    }
    out
}

/// IPv6 taxonomy (`url-blocker.md` §7.1–§7.2); the longest matching prefix
/// wins.
pub(super) const IPV6_RANGES: &[Range6] = &[
    Range6 {
        base: 0,
        prefix: 0,
        kind: Kind6::Class(AddressClass::Reserved),
        source: "unallocated outside 2000::/3 (policy call, §7.1)",
    },
    Range6 {
        base: v6([0x2000, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 3,
        kind: Kind6::Class(AddressClass::Public),
        source: "RFC 4291 global unicast",
    },
    Range6 {
        base: 0,
        prefix: 128,
        kind: Kind6::Class(AddressClass::Unspecified),
        source: "RFC 4291 §2.5.2",
    },
    Range6 {
        base: 1,
        prefix: 128,
        kind: Kind6::Class(AddressClass::Loopback),
        source: "RFC 4291 §2.5.3",
    },
    Range6 {
        base: 0,
        prefix: 96,
        kind: Kind6::Embedded(Embedding::Compatible),
        source: "RFC 4291 §2.5.5.1",
    },
    Range6 {
        base: v6([0, 0, 0, 0, 0, 0xffff, 0, 0]),
        prefix: 96,
        kind: Kind6::Embedded(Embedding::Mapped),
        source: "RFC 4291 §2.5.5.2",
    },
    Range6 {
        base: v6([0, 0, 0, 0, 0xffff, 0, 0, 0]),
        prefix: 96,
        kind: Kind6::Embedded(Embedding::Translated),
        source: "RFC 6145",
    },
    Range6 {
        base: v6([0x64, 0xff9b, 0, 0, 0, 0, 0, 0]),
        prefix: 96,
        kind: Kind6::Embedded(Embedding::Nat64),
        source: "RFC 6052",
    },
    Range6 {
        base: v6([0x64, 0xff9b, 1, 0, 0, 0, 0, 0]),
        prefix: 48,
        kind: Kind6::Embedded(Embedding::LocalNat64),
        source: "RFC 8215",
    },
    Range6 {
        base: v6([0x100, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 64,
        kind: Kind6::Class(AddressClass::Reserved),
        source: "RFC 6666 discard-only",
    },
    Range6 {
        base: v6([0x2001, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 23,
        kind: Kind6::Class(AddressClass::Reserved),
        source: "RFC 2928 IETF protocol assignments",
    },
    Range6 {
        base: v6([0x2001, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 32,
        kind: Kind6::Embedded(Embedding::Teredo),
        source: "RFC 4380",
    },
    Range6 {
        base: v6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]),
        prefix: 32,
        kind: Kind6::Class(AddressClass::Documentation),
        source: "RFC 3849",
    },
    Range6 {
        base: v6([0x2002, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 16,
        kind: Kind6::Embedded(Embedding::SixToFour),
        source: "RFC 3056",
    },
    Range6 {
        base: v6([0x3fff, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 20,
        kind: Kind6::Class(AddressClass::Documentation),
        source: "RFC 9637",
    },
    Range6 {
        base: v6([0x5f00, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 16,
        kind: Kind6::Class(AddressClass::Reserved),
        source: "RFC 9602 SRv6 SIDs",
    },
    Range6 {
        base: v6([0xfc00, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 7,
        kind: Kind6::Class(AddressClass::UniqueLocal),
        source: "RFC 4193",
    },
    Range6 {
        base: v6([0xfe80, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 10,
        kind: Kind6::Class(AddressClass::LinkLocal),
        source: "RFC 4291 §2.5.6",
    },
    Range6 {
        base: v6([0xfec0, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 10,
        kind: Kind6::Class(AddressClass::Private),
        source: "RFC 3879 deprecated site-local (policy call)",
    },
    Range6 {
        base: v6([0xff00, 0, 0, 0, 0, 0, 0, 0]),
        prefix: 8,
        kind: Kind6::Class(AddressClass::Multicast),
        source: "RFC 4291 §2.7",
    },
];
