//! The host-name table: names that reach internal addresses through DNS
//! or the local resolver (`url-blocker.md` §7.3). Only data:
//! [`lookup`](super::lookup) asks it.

use super::class::AddressClass;

/// How a host-name rule matches.
#[derive(Clone, Copy)]
pub(super) enum NameMatch {
    /// The name itself.
    Exact,
    /// The name or any name under it.
    Suffix,
}

pub(super) struct NameRule {
    pub(super) name: &'static str,
    pub(super) how: NameMatch,
    pub(super) class: AddressClass,
    /// Why the rule holds; shown to the admin as the reason.
    pub(super) source: &'static str,
}

/// Host-name rules (`url-blocker.md` §7.3). Names are compared in lower
/// case without one trailing dot.
pub(super) const NAME_RULES: &[NameRule] = &[
    NameRule {
        name: "localhost",
        how: NameMatch::Suffix,
        class: AddressClass::Loopback,
        source: "RFC 6761 §6.3",
    },
    NameRule {
        name: "internal",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "ICANN reserved .internal",
    },
    NameRule {
        name: "local",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "RFC 6762 mDNS",
    },
    NameRule {
        name: "home.arpa",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "RFC 8375",
    },
    NameRule {
        name: "localdomain",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "conventional name for the local domain",
    },
    NameRule {
        name: "svc",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "Kubernetes service names",
    },
    NameRule {
        name: "cluster.local",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "Kubernetes cluster domain",
    },
    NameRule {
        name: "nip.io",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "wildcard DNS embedding an address",
    },
    NameRule {
        name: "sslip.io",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "wildcard DNS embedding an address",
    },
    NameRule {
        name: "xip.io",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "wildcard DNS embedding an address (a defunct service)",
    },
    NameRule {
        name: "localtest.me",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "resolves to loopback",
    },
    NameRule {
        name: "localh.st",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "resolves to loopback",
    },
    NameRule {
        name: "lvh.me",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "resolves to loopback",
    },
    NameRule {
        name: "spoofed.burpcollaborator.net",
        how: NameMatch::Exact,
        class: AddressClass::InternalName,
        source: "resolves to loopback",
    },
    NameRule {
        name: "metadata.nicob.net",
        how: NameMatch::Exact,
        class: AddressClass::InternalName,
        source: "resolves to a metadata address",
    },
    NameRule {
        name: "metadata.tencentyun.com",
        how: NameMatch::Exact,
        class: AddressClass::InternalName,
        source: "cloud metadata alias",
    },
    NameRule {
        name: "rebind.network",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "DNS-rebinding service",
    },
    NameRule {
        name: "1u.ms",
        how: NameMatch::Suffix,
        class: AddressClass::InternalName,
        source: "DNS-rebinding service",
    },
];
