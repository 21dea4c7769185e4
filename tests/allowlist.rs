//! The outbound allowlist: parsing (S10/S13 text format), validation
//! (S11/S12), kinds (S2, S22), matching (S3/S4/S7) and the lints for
//! entries GitLab accepts that never match (§4.6). Section numbers refer to
//! `url-blocker.md`.

mod util;

use duo_selfhosted::allowlist::{parse_report, split_text, Allowlist, Entry, EntryKind};
use duo_selfhosted::Host;
use proptest::prelude::*;
use std::net::IpAddr;

fn list(text: &str) -> Allowlist {
    Allowlist::parse(text).0
}

fn ip(text: &str) -> IpAddr {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn splitting() {
    // S13 examples (§4.1).
    for text in [
        "example.com *.example.com",
        "example.com\n *.example.com",
        "example.com; *.example.com",
    ] {
        assert_eq!(
            split_text(text),
            ["example.com", "*.example.com"],
            "{text:?}"
        );
    }
    assert_eq!(
        split_text("example;34543:garbage:fdh5654;"),
        ["example", "34543:garbage:fdh5654"]
    );
    // De-duplication keeps the first; no lower-casing.
    assert_eq!(
        split_text("a.com,A.com , a.com\r\n\tb.com"),
        ["a.com", "A.com", "b.com"]
    );
    assert!(split_text(" ,; \n").is_empty());
}

#[test]
fn kinds() {
    // §4.3 table (S13, S20 docs example).
    let rows: &[(&str, EntryKind, &str, Option<u64>)] = &[
        ("192.168.1.1", EntryKind::Ip, "192.168.1.1", None),
        ("127.0.0.0/28", EntryKind::Range, "127.0.0.0/28", None),
        ("127.0.0.0/8", EntryKind::Range, "127.0.0.0/8", None),
        ("::1", EntryKind::Ip, "::1", None),
        ("::ffff:a00:2", EntryKind::Ip, "::ffff:10.0.0.2", None),
        ("[1:2:3:4:5::7:8]", EntryKind::Ip, "1:2:3:4:5:0:7:8", None),
        ("1:0:0:0:0:0:0:0/124", EntryKind::Range, "1::/124", None),
        (
            "[2001:db8:85a3:8d3:1319:8a2e:370:7348]:443",
            EntryKind::Ip,
            "2001:db8:85a3:8d3:1319:8a2e:370:7348",
            Some(443),
        ),
        ("[1:0:0:0:0:0:0:1]:8080", EntryKind::Ip, "1::1", Some(8080)),
        ("127.0.0.1:8080", EntryKind::Ip, "127.0.0.1", Some(8080)),
        ("example.com", EntryKind::Domain, "example.com", None),
        (
            "example.com:8080",
            EntryKind::Domain,
            "example.com",
            Some(8080),
        ),
        ("*.example.com", EntryKind::Domain, "*.example.com", None),
        (
            "https://cloud.gitlab.com:443",
            EntryKind::Domain,
            "https://cloud.gitlab.com:443",
            None,
        ),
        ("[127.0.0.1]", EntryKind::Domain, "[127.0.0.1]", None),
        // §4.3 quirk: ::1:8080 is an IPv6 address.
        ("::1:8080", EntryKind::Ip, "::1:8080", None),
        // IPAddr masks ranges; netmasks work; zero-filled and bad prefixes fail.
        ("192.168.1.1/24", EntryKind::Range, "192.168.1.0/24", None),
        ("10.0.0.0/255.0.0.0", EntryKind::Range, "10.0.0.0/8", None),
        (
            "127.000.000.001",
            EntryKind::Domain,
            "127.000.000.001",
            None,
        ),
        ("0177.0.0.1", EntryKind::Domain, "0177.0.0.1", None),
        ("10.0.0.0/08", EntryKind::Domain, "10.0.0.0/08", None),
        // Ports are not range-checked.
        (
            "example.com:99999",
            EntryKind::Domain,
            "example.com",
            Some(99_999),
        ),
    ];
    for (raw, kind, value, port) in rows {
        let entry = Entry::parse(raw);
        assert_eq!(
            (entry.kind, entry.value(), entry.port),
            (*kind, *value, *port),
            "{raw}"
        );
    }
}

#[test]
fn gitlab_validation_errors() {
    // S11/S12 (§4.2): each with GitLab's own message.
    let (_, found) = Allowlist::parse(&format!(
        "{} ğitlab.com a&b.com <b>x</b> a'b.com",
        "a".repeat(256)
    ));
    let expected = [
        (
            "allowlist.entry_too_long",
            "entries cannot be larger than 255 characters",
            "[0]",
        ),
        (
            "allowlist.entry_not_ascii",
            "unicode domains should use IDNA encoding",
            "[1]",
        ),
        (
            "allowlist.entry_html",
            "entries cannot contain HTML tags",
            "[2]",
        ),
        (
            "allowlist.entry_html",
            "entries cannot contain HTML tags",
            "[3]",
        ),
        (
            "allowlist.entry_html",
            "entries cannot contain HTML tags",
            "[4]",
        ),
    ];
    let errors: Vec<_> = found.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), expected.len(), "{found:#?}");
    for (d, (code, gitlab, path)) in errors.iter().zip(expected) {
        assert_eq!((d.code(), d.path().to_string().as_str()), (code, path));
        assert_eq!(
            d.param("gitlab_message"),
            Some(&duo_selfhosted::Param::Str(gitlab.to_owned()))
        );
    }
    let ascii = util::only(&found, "allowlist.entry_not_ascii");
    assert_eq!(
        ascii.param("suggested_entry"),
        Some(&duo_selfhosted::Param::Str("xn--itlab-j1a.com".to_owned()))
    );
    // 1000 entries are fine, 1001 are not (counted after de-duplication).
    let thousand: Vec<String> = (0..1000).map(|i| format!("h{i}.example.com")).collect();
    assert!(Allowlist::from_entries(&thousand).1.is_valid());
    let mut more = thousand.clone();
    more.push("one-more.example.com".to_owned());
    let (_, found) = Allowlist::from_entries(&more);
    let d = util::only(&found, "allowlist.too_many_entries");
    assert_eq!(
        d.message(),
        "the allowlist has 1001 entries; GitLab accepts at most 1000"
    );
    let (_, found) = Allowlist::parse(&format!("{} h0.example.com", thousand.join(",")));
    util::none_with(&found, "allowlist.too_many_entries");
}

#[test]
fn matching() {
    // S7 (§4.4).
    let l = list(
        "::ffff:192.168.1.1 10.0.0.0/24:8080 127.0.0.0/28 example.com example.org:443 [::1]:80",
    );
    let m = |host: &str, port: Option<u16>| l.match_host_text(host, port).entry;
    assert_eq!(
        m("192.168.1.1", None).as_deref(),
        Some("::ffff:192.168.1.1")
    );
    assert_eq!(m("127.0.0.15", None).as_deref(), Some("127.0.0.0/28"));
    assert_eq!(m("127.0.0.16", None), None);
    assert_eq!(m("127.0.1.15", None), None);
    assert_eq!(
        m("10.0.0.9", Some(8080)).as_deref(),
        Some("10.0.0.0/24:8080")
    );
    assert_eq!(m("10.0.0.9", Some(80)), None);
    // An entry with a port does not match a request without one (S7).
    assert_eq!(m("10.0.0.9", None), None);
    assert_eq!(m("example.com", Some(1234)).as_deref(), Some("example.com"));
    assert_eq!(m("EXAMPLE.com.", None).as_deref(), Some("example.com"));
    assert_eq!(m("sub.example.com", None), None);
    assert_eq!(
        m("example.org", Some(443)).as_deref(),
        Some("example.org:443")
    );
    assert_eq!(m("example.org", Some(80)), None);
    assert_eq!(m("::1", Some(80)).as_deref(), Some("[::1]:80"));
    assert_eq!(m("[::1]", Some(80)).as_deref(), Some("[::1]:80"));
    assert_eq!(m("::ffff:127.0.0.1", None).as_deref(), Some("127.0.0.0/28"));
    // A range with host bits matches the whole network (IPAddr masks it).
    let l = list("192.168.1.1/24");
    assert_eq!(
        l.match_ip(ip("::ffff:192.168.1.77"), None).map(|e| e.raw()),
        Some("192.168.1.1/24")
    );
    // A domain entry matches an IP-literal host textually (§4.4, inferred).
    let l = list("0177.0.0.1");
    assert_eq!(
        l.match_host_text("0177.0.0.1", None).entry.as_deref(),
        Some("0177.0.0.1")
    );
    assert!(!l.match_host_text("127.0.0.1", None).matched);
    // `matches` with typed hosts; the first entry in list order wins.
    let l = list("10.0.0.0/8 10.1.0.0/16 gitlab.internal");
    assert_eq!(
        l.matches(
            &Host::Ipv4(
                "10.1.2.3"
                    .parse()
                    .unwrap_or(std::net::Ipv4Addr::UNSPECIFIED)
            ),
            None
        )
        .map(|e| e.raw()),
        Some("10.0.0.0/8")
    );
    assert_eq!(
        l.matches(&Host::Domain("gitlab.internal".to_owned()), Some(443))
            .map(|e| e.raw()),
        Some("gitlab.internal")
    );
    let json = serde_json::to_string(&l.match_host_text("10.9.9.9", None)).unwrap_or_default();
    assert_eq!(json, r#"{"matched":true,"entry":"10.0.0.0/8"}"#);
}

#[test]
fn big_lists_match_like_a_scan() {
    // 1000 entries of every kind; the index must agree with a linear scan.
    let mut entries = Vec::new();
    for i in 0..250u32 {
        entries.push(format!("10.{}.{}.0/24", i % 256, (i * 7) % 256));
        entries.push(format!("host{i}.example.com:{}", 1000 + i));
        entries.push(format!("192.168.{}.{}", i % 256, (i * 3) % 256));
        entries.push(format!("fd00:{i:x}::/48"));
    }
    let (l, _) = Allowlist::from_entries(&entries);
    assert_eq!(l.len(), 1000);
    let scan = |target: IpAddr, port: Option<u64>| -> Option<String> {
        entries
            .iter()
            .map(|e| Entry::parse(e))
            .find(|e| {
                e.mapped_range().is_some_and(|(base, prefix)| {
                    let bits = match target {
                        IpAddr::V4(a) => 0xffff_0000_0000u128 | u128::from(u32::from(a)),
                        IpAddr::V6(a) => u128::from(a),
                    };
                    let mask = if prefix == 0 {
                        0
                    } else {
                        u128::MAX << (128 - u32::from(prefix))
                    };
                    bits & mask == base && (e.port.is_none() || e.port == port)
                })
            })
            .map(|e| e.raw().to_owned())
    };
    for probe in [
        "10.3.21.9",
        "10.3.22.9",
        "192.168.5.15",
        "192.168.5.16",
        "fd00:a:0:1::1",
        "fd00:fa::1",
        "::ffff:10.3.21.1",
        "8.8.8.8",
    ] {
        let target = ip(probe);
        assert_eq!(
            l.match_ip(target, None).map(|e| e.raw().to_owned()),
            scan(target, None),
            "{probe}"
        );
    }
    assert_eq!(
        l.match_domain("host7.example.com", Some(1007))
            .map(|e| e.raw()),
        Some("host7.example.com:1007")
    );
    assert_eq!(l.match_domain("host7.example.com", Some(1008)), None);
}

#[test]
fn lints_name_the_entry_that_would_work() {
    // §4.6 "what never matches" and §5 (the docs' https://cloud.gitlab.com:443).
    let rows: &[(&str, &str, Option<&str>)] = &[
        (
            "https://cloud.gitlab.com:443",
            "allowlist.entry_has_scheme",
            Some("cloud.gitlab.com:443"),
        ),
        (
            "https://cloud.gitlab.com",
            "allowlist.entry_has_scheme",
            Some("cloud.gitlab.com"),
        ),
        (
            "http://[::1]:8080/",
            "allowlist.entry_has_scheme",
            Some("[::1]:8080"),
        ),
        ("*.example.com", "allowlist.entry_wildcard", None),
        (
            "Example.com",
            "allowlist.entry_upper_case",
            Some("example.com"),
        ),
        (
            "example.com.",
            "allowlist.entry_trailing_dot",
            Some("example.com"),
        ),
        (
            "Example.com./",
            "allowlist.entry_has_path",
            Some("example.com"),
        ),
        (
            "example.com/api",
            "allowlist.entry_has_path",
            Some("example.com"),
        ),
        (
            "user@example.com:8080",
            "allowlist.entry_has_userinfo",
            Some("example.com:8080"),
        ),
        (
            "[127.0.0.1]",
            "allowlist.entry_bracketed_ipv4",
            Some("127.0.0.1"),
        ),
        (
            "127.000.000.001",
            "allowlist.entry_non_canonical_ip",
            Some("127.0.0.1"),
        ),
        (
            "0x7f.1:5052",
            "allowlist.entry_non_canonical_ip",
            Some("127.0.0.1:5052"),
        ),
        (
            "10.0.0.0/08",
            "allowlist.invalid_prefix",
            Some("10.0.0.0/8"),
        ),
        ("10.0.0.0/33", "allowlist.invalid_prefix", None),
        (
            "192.168.1.1/24",
            "allowlist.range_host_bits",
            Some("192.168.1.0/24"),
        ),
        (
            "::1:8080",
            "allowlist.ipv6_port_ambiguous",
            Some("[::1]:8080"),
        ),
        ("169.254.169.254", "allowlist.cloud_metadata_entry", None),
        (
            "example.com:0",
            "allowlist.port_out_of_range",
            Some("example.com"),
        ),
        (
            "example.com:70000",
            "allowlist.port_out_of_range",
            Some("example.com"),
        ),
        // S6 garbage entries.
        (
            "garbage456:more345gar:bage",
            "allowlist.entry_never_matches",
            None,
        ),
        (
            "-leading.example.com",
            "allowlist.entry_never_matches",
            None,
        ),
    ];
    for (raw, code, suggestion) in rows {
        let (_, found) = Allowlist::parse(raw);
        let d = util::only(&found, code);
        assert_eq!(d.severity(), duo_selfhosted::Severity::Warning, "{raw}");
        let expected = suggestion.map_or(duo_selfhosted::Param::Null, |s| {
            duo_selfhosted::Param::Str(s.to_owned())
        });
        assert_eq!(d.param("suggested_entry"), Some(&expected), "{raw}");
        // Every suggestion is itself clean.
        if let Some(s) = suggestion {
            let (_, again) = Allowlist::parse(s);
            assert!(again.is_empty(), "{s}: {again:#?}");
        }
    }
    // Good entries have no findings (the docs example, S20).
    let (_, found) = Allowlist::parse("example.com;gitlab.example.com\n127.0.0.1,1:0:0:0:0:0:0:1\n127.0.0.0/8 1:0:0:0:0:0:0:0/124\n[1:0:0:0:0:0:0:1]:8080\n127.0.0.1:8080\nexample.com:8080");
    assert!(found.is_empty(), "{found:#?}");
    let (_, found) = Allowlist::parse("https://cloud.gitlab.com:443");
    assert_eq!(found.as_slice()[0].message(), "\"https://cloud.gitlab.com:443\" is a URL; GitLab keeps the whole text as one domain entry, which never matches; write \"cloud.gitlab.com:443\" instead");
}

#[test]
fn parse_report_shape() {
    let json = serde_json::to_string(&parse_report("10.0.0.1:80 example.com")).unwrap_or_default();
    assert_eq!(
        json,
        r#"{"entries":[{"raw":"10.0.0.1:80","kind":"ip","value":"10.0.0.1","port":80},{"raw":"example.com","kind":"domain","value":"example.com","port":null}],"diagnostics":[]}"#
    );
}

proptest! {
    #[test]
    fn parsing_and_matching_never_panic(text in ".{0,80}", host in ".{0,30}", port in proptest::option::of(any::<u16>())) {
        let (l, _) = Allowlist::parse(&text);
        let _ = l.match_host_text(&host, port);
    }

    #[test]
    fn every_parsed_entry_matches_its_own_address(a in any::<u32>(), prefix in 0u8..=32) {
        let addr = std::net::Ipv4Addr::from(a);
        let l = list(&format!("{addr}/{prefix}"));
        prop_assert!(l.match_ip(IpAddr::V4(addr), Some(80)).is_some());
        let mapped = IpAddr::V6(addr.to_ipv6_mapped());
        prop_assert!(l.match_ip(mapped, None).is_some());
    }
}

/// GitLab's `url_allowlist_spec.rb` (`gitlabhq/gitlabhq :
/// gems/gitlab-http/spec/gitlab/http_v2/url_allowlist_spec.rb @ a60e53c7`).
#[test]
fn gitlab_url_allowlist_spec() {
    // #domain_allowed?
    let l = Allowlist::from_entries(["www.example.com", "example.com"]).0;
    for d in ["www.example.com", "example.com"] {
        assert!(l.match_domain(d, None).is_some(), "{d}");
    }
    for d in ["subdomain.example.com", "example.org", ""] {
        assert!(l.match_domain(d, None).is_none(), "{d}");
    }
    let l = Allowlist::from_entries(["example.io:3000"]).0;
    assert!(l.match_domain("example.io", Some(3000)).is_some());
    assert!(l.match_domain("example.io", None).is_none());
    assert!(l.match_domain("example.io", Some(3001)).is_none());
    // #ip_allowed?
    let entries = [
        "0.0.0.0",
        "127.0.0.1",
        "192.168.1.1",
        "0:0:0:0:0:ffff:192.168.1.2",
        "::ffff:c0a8:102",
        "fc00:bf8b:e62c:abcd:abcd:aaaa:aaaa:aaaa",
        "0:0:0:0:0:ffff:169.254.169.254",
        "::ffff:a9fe:a9fe",
        "::ffff:a9fe:a864",
        "fe80::c800:eff:fe74:8",
    ];
    let l = Allowlist::from_entries(entries).0;
    for e in entries {
        assert!(l.match_ip(ip(e), None).is_some(), "{e}");
    }
    for e in ["172.16.2.2", "127.0.0.2", "fe80::c800:eff:fe74:9"] {
        assert!(l.match_ip(ip(e), None).is_none(), "{e}");
    }
    // Ranges: every address inside, nothing outside.
    let l = Allowlist::from_entries(["127.0.0.0/28", "fd84:6d02:f6d8:c89e::/124"]).0;
    for i in 0..16u8 {
        assert!(l.match_ip(IpAddr::from([127, 0, 0, i]), None).is_some());
        assert!(l
            .match_ip(ip(&format!("fd84:6d02:f6d8:c89e::{i:x}")), None)
            .is_some());
    }
    assert!(l
        .match_ip(ip("fd84:6d02:f6d8:c89e:0:0:1:f"), None)
        .is_none());
    assert!(l.match_ip(ip("127.0.1.15"), None).is_none());
    assert!(Allowlist::new().match_ip(ip("127.0.0.1"), None).is_none());
    // Ports.
    let l = Allowlist::from_entries([
        "127.0.0.9:3000",
        "[2001:db8:85a3:8d3:1319:8a2e:370:7348]:443",
    ])
    .0;
    assert!(l.match_ip(ip("127.0.0.9"), Some(3000)).is_some());
    assert!(l
        .match_ip(ip("2001:db8:85a3:8d3:1319:8a2e:370:7348"), Some(443))
        .is_some());
    for (e, port) in [
        ("127.0.0.9", None),
        ("127.0.0.9", Some(3001)),
        ("2001:db8:85a3:8d3:1319:8a2e:370:7348", None),
        ("2001:db8:85a3:8d3:1319:8a2e:370:7348", Some(3001)),
    ] {
        assert!(l.match_ip(ip(e), port).is_none(), "{e} {port:?}");
    }
}

#[test]
fn unicode_entries_get_their_idna_form() {
    // §4.2 "unicode domains should use IDNA encoding", with the entry to write.
    let rows: &[(&str, Option<&str>)] = &[
        ("ğitlab.com", Some("xn--itlab-j1a.com")),
        ("ğitlab.com:8080", Some("xn--itlab-j1a.com:8080")),
        ("ĞITLAB.com", Some("xn--itlab-j1a.com")),
        ("https://ğitlab.com/x", Some("xn--itlab-j1a.com")),
        ("*.ğitlab.com", None),
    ];
    for (raw, suggestion) in rows {
        let (_, found) = Allowlist::parse(raw);
        let d = util::only(&found, "allowlist.entry_not_ascii");
        let expected = suggestion.map_or(duo_selfhosted::Param::Null, |s| {
            duo_selfhosted::Param::Str(s.to_owned())
        });
        assert_eq!(d.param("suggested_entry"), Some(&expected), "{raw}");
        assert_eq!(
            found.len(),
            1,
            "no lints on an entry GitLab refuses: {found:#?}"
        );
    }
}
