//! The classes a host can belong to, and the ways an IPv6 address can
//! carry an IPv4 one.

use serde::Serialize;
use std::net::Ipv4Addr;

/// What kind of destination a host is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressClass {
    /// 127.0.0.0/8, ::1, `localhost` and `*.localhost`.
    Loopback,
    /// RFC 1918 and the deprecated IPv6 site-local fec0::/10.
    Private,
    /// 169.254.0.0/16, fe80::/10.
    LinkLocal,
    /// fc00::/7.
    UniqueLocal,
    /// 100.64.0.0/10 (carrier-grade NAT).
    Shared,
    /// 0.0.0.0/8 and ::.
    Unspecified,
    /// 255.255.255.255.
    Broadcast,
    /// 224.0.0.0/4, ff00::/8.
    Multicast,
    /// Special-purpose and unallocated space.
    Reserved,
    /// Documentation ranges.
    Documentation,
    /// Globally reachable addresses, and DNS names matching no other rule.
    Public,
    /// Names that reach internal addresses through DNS or the local resolver.
    InternalName,
    /// The WHATWG URL parser refuses it.
    Invalid,
}

impl AddressClass {
    /// The snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            AddressClass::Loopback => "loopback",
            AddressClass::Private => "private",
            AddressClass::LinkLocal => "link_local",
            AddressClass::UniqueLocal => "unique_local",
            AddressClass::Shared => "shared",
            AddressClass::Unspecified => "unspecified",
            AddressClass::Broadcast => "broadcast",
            AddressClass::Multicast => "multicast",
            AddressClass::Reserved => "reserved",
            AddressClass::Documentation => "documentation",
            AddressClass::Public => "public",
            AddressClass::InternalName => "internal_name",
            AddressClass::Invalid => "invalid",
        }
    }
}

impl std::fmt::Display for AddressClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an IPv6 address may carry an IPv4 address (`url-blocker.md` §7.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Embedding {
    /// ::ffff:0:0/96 (RFC 4291).
    Mapped,
    /// ::/96 except :: and ::1 (RFC 4291, deprecated).
    Compatible,
    /// ::ffff:0:0:0/96 (RFC 6145).
    Translated,
    /// 64:ff9b::/96 (RFC 6052).
    Nat64,
    /// 64:ff9b:1::/48 (RFC 8215), RFC 6052 /48 layout.
    LocalNat64,
    /// 2002::/16 (RFC 3056).
    SixToFour,
    /// 2001::/32 (RFC 4380); the client address is inverted.
    Teredo,
}

impl Embedding {
    /// The class an embedding takes when its IPv4 address is public.
    pub const fn container_class(self) -> AddressClass {
        match self {
            Embedding::Mapped | Embedding::Nat64 | Embedding::LocalNat64 | Embedding::SixToFour => {
                AddressClass::Public
            }
            Embedding::Compatible | Embedding::Translated | Embedding::Teredo => {
                AddressClass::Reserved
            }
        }
    }

    pub(super) fn extract(self, bits: u128) -> Ipv4Addr {
        let low = bits as u32;
        let value = match self {
            Embedding::Mapped
            | Embedding::Compatible
            | Embedding::Translated
            | Embedding::Nat64 => low,
            Embedding::LocalNat64 => {
                let high = ((bits >> 64) & 0xffff) as u32;
                let rest = ((bits >> 40) & 0xffff) as u32;
                (high << 16) | rest
            }
            Embedding::SixToFour => ((bits >> 80) & 0xffff_ffff) as u32,
            Embedding::Teredo => !low,
        };
        Ipv4Addr::from(value)
    }
}
