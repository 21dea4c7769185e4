//! Address classification: every host gets exactly one [`AddressClass`],
//! plus a cloud-metadata flag.
//!
//! The classes are semantic (what the address *is*), not GitLab's policy;
//! the blocker maps GitLab's own checks separately. Hosts are classified
//! after WHATWG parsing, so `0x7f.1`, `2130706433` and `①②⑦.⓪.⓪.①` are all
//! 127.0.0.1, and a host WHATWG refuses (`0x17f000001`, `1.1.1.1.1`) is
//! [`AddressClass::Invalid`], never public. Source: `url-blocker.md` §7
//! (taxonomy, embeddings, host names), §8 (WHATWG).
//!
//! Policy calls, as the reference marks them: fec0::/10 counts as
//! `private` (GitLab blocks it as local network), AS112/AMT ranges are
//! `public`, unallocated IPv6 space is `reserved`, and an embedding whose
//! IPv4 address is public takes the container's class. An ordinary DNS
//! name (one that matches no rule below) is classified `public` with the
//! info `address.depends_on_dns`: without DNS nothing more can be known.
//!
//! Codes: `address.invalid` (error, with the WHATWG parser's reason),
//! `address.no_host` (error), `address.opaque_host` (warning),
//! `address.cloud_metadata` (warning), `address.embedded_ipv4` and
//! `address.depends_on_dns` (info), plus the parser hazards of
//! [`crate::host::hazards`].

mod class;
mod classify;
mod lookup;
mod metadata;
mod names;
mod ranges;

pub use class::{AddressClass, Embedding};
pub use classify::{classify, Classification};
pub use lookup::{
    classify_host, classify_ip, classify_ipv4, classify_name, embedded_ipv4, metadata_address,
    metadata_host, range_source,
};
pub use metadata::{MetadataEndpoint, MetadataHost, METADATA_ENDPOINTS};
