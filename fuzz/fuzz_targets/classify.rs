//! Address classification: `address::classify` on a bare host, an IP
//! address or a URL.
//!
//! Input: the text to classify.
//! Properties: canonicalisation is idempotent (the canonical host
//! classifies to itself); the class of the canonical form equals the class
//! of the input; invalid input has no canonical host and an error, and is
//! never public; the embedded IPv4 address is reported only for IPv6 hosts;
//! the fast WHATWG reading of ordinary URLs equals `Url::parse`'s, for the
//! input as given and as `classify` reads it.
#![no_main]

use duo_selfhosted::address::{classify, AddressClass};
use duo_selfhosted::host::{url_for_input, WhatwgUrl};
use duo_selfhosted_fuzz::{check_diagnostics, json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    for text in [input, &url_for_input(input)] {
        assert_eq!(
            WhatwgUrl::parse(text),
            WhatwgUrl::parse_full(text),
            "{text:?}: the fast WHATWG reading differs from Url::parse"
        );
    }
    let first = classify(input);
    check_diagnostics(&first.diagnostics);
    let _ = json(&first);
    let Some(canonical) = first.canonical_host.as_deref() else {
        assert_eq!(
            first.class,
            AddressClass::Invalid,
            "{input:?} has no host but is {}",
            first.class
        );
        assert!(
            first.diagnostics.has_errors(),
            "{input:?}: invalid without an error"
        );
        assert_eq!(first.embedded_ipv4, None);
        return;
    };
    assert_ne!(
        first.class,
        AddressClass::Invalid,
        "{input:?} has a host but is invalid"
    );
    if first.embedded_ipv4.is_some() {
        assert!(
            canonical.starts_with('['),
            "{input:?}: embedded IPv4 in a non-IPv6 host"
        );
    }

    let second = classify(canonical);
    assert_eq!(
        second.canonical_host.as_deref(),
        Some(canonical),
        "canonicalisation is not idempotent: {input:?} → {canonical:?} → {:?}",
        second.canonical_host
    );
    assert_eq!(
        second.class, first.class,
        "{input:?} is {} but its canonical form {canonical:?} is {}",
        first.class, second.class
    );
    assert_eq!(
        second.embedded_ipv4, first.embedded_ipv4,
        "{input:?} vs {canonical:?}"
    );
    assert_eq!(
        second.cloud_metadata, first.cloud_metadata,
        "{input:?} vs {canonical:?}"
    );
});
