//! The outbound allowlist: parse (text and entries) and match.
//!
//! Input: `<host>\n<port, or empty>\n<allowlist text>`.
//! Properties: an entry's canonical form (`value`, with its port) parses
//! back to the same entry (kind, value, port, range), and again to itself;
//! splitting is stable (re-joining the entries with `,` gives the same
//! entries); the indexed match finds exactly the entry a linear scan in
//! GitLab's order finds (domain entries first, then IP entries).
#![no_main]

use duo_selfhosted::allowlist::{split_text, Allowlist, Entry, EntryKind};
use duo_selfhosted::host::Host;
use duo_selfhosted_fuzz::{check_diagnostics, fields, json};
use libfuzzer_sys::fuzz_target;
use std::net::IpAddr;

/// The entry written canonically: the address part as the library shows
/// it, then `:port` (an address part that is empty or has a colon in
/// brackets, as GitLab writes `[v6]:port`).
fn canonical(entry: &Entry) -> String {
    match entry.port {
        None => entry.value().to_owned(),
        Some(port) if entry.value().is_empty() || entry.value().contains(':') => {
            format!("[{}]:{port}", entry.value())
        }
        Some(port) => format!("{}:{port}", entry.value()),
    }
}

fn mapped(ip: IpAddr) -> u128 {
    match ip {
        IpAddr::V4(a) => 0xffff_0000_0000 | u128::from(u32::from(a)),
        IpAddr::V6(a) => u128::from(a),
    }
}

/// GitLab's linear order: the first domain entry equal to the host text,
/// else the first IP entry whose range contains the address.
fn linear_match<'a>(entries: &'a [Entry], host: &Host, port: Option<u16>) -> Option<&'a Entry> {
    let port = port.map(u64::from);
    let port_ok = |e: &Entry| e.port.is_none() || e.port == port;
    let text = host.to_string();
    entries
        .iter()
        .find(|e| e.kind == EntryKind::Domain && !text.is_empty() && e.value() == text && port_ok(e))
        .or_else(|| {
            let bits = mapped(host.ip()?);
            entries.iter().find(|e| {
                e.mapped_range().is_some_and(|(base, prefix)| {
                    let mask = if prefix == 0 {
                        0
                    } else {
                        u128::MAX << (128 - u32::from(prefix))
                    };
                    bits & mask == base
                }) && port_ok(e)
            })
        })
}

fuzz_target!(|data: &[u8]| {
    let Some(f) = fields(data, 3) else { return };
    let (host_text, port_text, list_text) = (f[0], f[1], f[2]);

    let (list, diagnostics) = Allowlist::parse(list_text);
    check_diagnostics(&diagnostics);
    let _ = json(&list.report(diagnostics.clone()));
    let raws: Vec<&str> = list.entries().iter().map(|e| e.raw()).collect();
    assert_eq!(raws, split_text(list_text));

    let joined = raws.join(",");
    let (again, again_diagnostics) = Allowlist::parse(&joined);
    assert_eq!(
        again.entries(),
        list.entries(),
        "re-joined entries parse differently"
    );
    assert_eq!(again_diagnostics, diagnostics);

    for entry in list.entries() {
        assert_eq!(
            &Entry::parse(entry.raw()),
            entry,
            "parsing is not deterministic"
        );
        let shown = canonical(entry);
        let reparsed = Entry::parse(&shown);
        assert_eq!(
            (
                reparsed.kind,
                reparsed.value(),
                reparsed.port,
                reparsed.mapped_range()
            ),
            (entry.kind, entry.value(), entry.port, entry.mapped_range()),
            "{:?} → {shown:?} parses to a different entry",
            entry.raw()
        );
        assert_eq!(
            canonical(&reparsed),
            shown,
            "canonical form is not idempotent"
        );
        if entry.kind != EntryKind::Domain {
            assert!(
                entry.mapped_range().is_some(),
                "{:?}: IP entry without a range",
                entry.raw()
            );
        }
    }

    let port = port_text.parse::<u16>().ok();
    if let Ok(host) = Host::parse(host_text) {
        let indexed = list.matches(&host, port);
        let linear = linear_match(list.entries(), &host, port);
        assert_eq!(
            indexed.map(|e| e.raw()),
            linear.map(|e| e.raw()),
            "index and linear scan disagree for {host} port {port:?}"
        );
    }
    let result = list.match_host_text(host_text, port);
    assert_eq!(result.matched, result.entry.is_some());
    if let Some(raw) = &result.entry {
        assert!(
            raws.contains(&raw.as_str()),
            "matched an entry not in the list: {raw:?}"
        );
    }
});
