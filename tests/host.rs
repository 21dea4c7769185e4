//! URL and host parsing: the WHATWG reading against Node's `URL` over a
//! generated corpus (`tests/data/whatwg-hosts.json`, written by
//! `scripts/url-differential/corpus.mjs` with Node 20's ada; the CI step
//! `scripts/ci/20-url-differential.sh` checks the recording is current),
//! GitLab's reading (Addressable + resolver), and no panics anywhere.

mod util;

use duo_selfhosted::address::{classify, AddressClass};
use duo_selfhosted::blocker::{apply_policy_text, check_url, Context, Policy};
use duo_selfhosted::host::addressable::AddressableUri;
use duo_selfhosted::host::{inet, Host, WhatwgUrl};
use proptest::prelude::*;

/// Hosts where Node 20.20.2 (ada 2.9.2) and the `url` crate disagree, each
/// explained.
///
/// U+180E (`url-blocker.md` §8 item 7): UTS #46 tables differ by Unicode
/// version; Unicode 16+ tables (the `idna` crate, whatwg-url 17.3 with
/// tr46 7.0) ignore the code point, so `\u{180E}localhost` is `localhost`
/// (loopback); ada 2.9.2's older tables refuse it. Either outcome is
/// acceptable; neither is public.
///
/// A label made only of Arabic-Indic digits (bidi class AN) fails UTS #46
/// CheckBidi (RFC 5893 rule 1: a bidi label must start with L, R or AL),
/// which WHATWG's "domain to ASCII" turns on; the `idna` crate refuses it,
/// ada 2.9.2 lets it through. Refusing is the stricter reading and the
/// host is then `invalid`, never public.
const EXPLAINED: &[(&str, &str)] = &[
    (
        "\u{180e}localhost",
        "U+180E: ignored by Unicode 16+ UTS #46 tables, refused by ada 2.9.2 (§8 item 7)",
    ),
    ("\u{180e}LOCALHOST", "as above"),
    ("www.\u{180e}localhost", "as above"),
    (
        "\u{661}\u{662}\u{663}.com",
        "Arabic-Indic digit label: CheckBidi (RFC 5893 rule 1)",
    ),
    ("\u{661}\u{662}\u{663}.COM", "as above"),
    ("www.\u{661}\u{662}\u{663}.com", "as above"),
];

/// The recorded corpus, or a live one when `DUO_WHATWG_CORPUS` names a
/// file (the CI step records Node's answers afresh and passes them here).
fn corpus() -> Vec<(String, Option<String>)> {
    let live = std::env::var("DUO_WHATWG_CORPUS")
        .ok()
        .map(|path| std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")));
    let text = live
        .as_deref()
        .unwrap_or(include_str!("data/whatwg-hosts.json"));
    let rows: Vec<(String, Option<String>)> =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("corpus: {e}"));
    rows
}

#[test]
fn agrees_with_node_whatwg_url() {
    let rows = corpus();
    assert!(rows.len() > 4000, "the corpus has {} hosts", rows.len());
    let mut disagreements = Vec::new();
    for (host, node) in &rows {
        let ours = WhatwgUrl::parse(&format!("http://{host}/"))
            .ok()
            .and_then(|u| u.host.map(|h| h.to_string()));
        if ours != *node {
            match EXPLAINED.iter().find(|(h, _)| h == host) {
                Some(_) => {
                    // The explained cases still never classify as public.
                    assert_ne!(
                        classify(&format!("http://{host}/")).class,
                        AddressClass::Public,
                        "{host:?}"
                    );
                }
                None => disagreements.push(format!("{host:?}: node {node:?}, ours {ours:?}")),
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

#[test]
fn invalid_hosts_never_classify_as_public() {
    for (host, node) in corpus() {
        if node.is_none() {
            let class = classify(&format!("http://{host}/")).class;
            assert!(
                class == AddressClass::Invalid || EXPLAINED.iter().any(|(h, _)| *h == host),
                "{host:?}: {class}"
            );
        }
    }
}

#[test]
fn gitlab_reading_of_hosts() {
    // §9 readings: (url, Addressable's hostname, resolver's numeric reading).
    let rows: &[(&str, Option<&str>, Option<&str>)] = &[
        (
            "http://127.1.1.1:80\\@127.2.2.2:80/",
            Some("127.2.2.2"),
            Some("127.2.2.2"),
        ),
        ("http://127.1.1.1:80\\@evil.com/", Some("evil.com"), None),
        (
            "http://a@b@127.2.2.2/",
            Some("127.2.2.2"),
            Some("127.2.2.2"),
        ),
        (
            "http://127.1.1.1:80#@127.2.2.2/",
            Some("127.1.1.1"),
            Some("127.1.1.1"),
        ),
        ("http://0x7f.1/", Some("0x7f.1"), Some("127.0.0.1")),
        ("http://%31%32%37.0.0.1/", Some("%31%32%37.0.0.1"), None),
        ("http://127.0.0.1./", Some("127.0.0.1."), None),
        (
            "http://[::ffff:127.0.0.1]/",
            Some("::ffff:127.0.0.1"),
            Some("::ffff:7f00:1"),
        ),
        ("http:127.0.0.1/", None, None),
    ];
    for (url, hostname, numeric) in rows {
        let uri = AddressableUri::parse(url).unwrap_or_else(|e| panic!("{url}: {}", e.0));
        assert_eq!(uri.hostname(), *hostname, "{url}");
        let reading = uri
            .hostname()
            .and_then(inet::numeric_host)
            .map(|ip| ip.to_string());
        let expected = numeric.map(|n| {
            n.parse::<std::net::IpAddr>()
                .map(|ip| ip.to_string())
                .unwrap_or_default()
        });
        assert_eq!(reading, expected, "{url}");
    }
}

#[test]
fn differential_diagnostics() {
    // §9 table: each hazard is reported with its code.
    let rows: &[(&str, &[&str])] = &[
        (
            "http://127.1.1.1:80\\@127.2.2.2:80/",
            &["url.backslash", "url.userinfo", "url.parser_differential"],
        ),
        (
            "http://%31%32%37.0.0.1/",
            &["url.percent_encoded_host", "url.parser_differential"],
        ),
        ("http://127.0.0.1./", &["url.parser_differential"]),
        (
            "http://①②⑦.⓪.⓪.①/",
            &["url.non_ascii_host", "url.parser_differential"],
        ),
        ("http://0x17f000001/", &["url.parser_differential"]),
        ("http://0x7f.1/", &["url.non_canonical_ip"]),
        ("http://ğitlab.com/", &["url.non_ascii_host"]),
        ("http://A.com@127.0.0.1/", &["url.userinfo"]),
        ("http://example.com/", &[]),
        ("http://[::ffff:127.0.0.1]/", &[]),
    ];
    for (url, codes) in rows {
        let verdict = check_url(url, &Policy::default(), &Context::default());
        let found: Vec<&str> = util::codes(&verdict.diagnostics)
            .into_iter()
            .filter(|c| {
                [
                    "url.backslash",
                    "url.userinfo",
                    "url.parser_differential",
                    "url.percent_encoded_host",
                    "url.non_ascii_host",
                    "url.non_canonical_ip",
                    "url.control_whitespace",
                ]
                .contains(c)
            })
            .collect();
        assert_eq!(found, *codes, "{url}");
    }
}

#[test]
fn host_type() {
    assert_eq!(
        Host::parse("LOCALHOST").map(|h| h.to_string()),
        Ok("localhost".to_owned())
    );
    assert_eq!(
        Host::parse("2130706433").map(|h| h.ip().map(|i| i.to_string())),
        Ok(Some("127.0.0.1".to_owned()))
    );
    assert!(Host::parse("1.1.1.1.1").is_err());
    let json = serde_json::to_string(&Host::parse("::1").unwrap_or(Host::Domain(String::new())))
        .unwrap_or_default();
    assert_eq!(json, "\"[::1]\"");
}

proptest! {
    #[test]
    fn parsers_never_panic(input in ".{0,80}") {
        let _ = WhatwgUrl::parse(&input);
        let _ = Host::parse(&input);
        if let Ok(uri) = AddressableUri::parse(&input) {
            let _ = (uri.normalized_host(), uri.to_uri_string(), uri.effective_port());
        }
        let _ = inet::numeric_host(&input);
        let _ = check_url(&input, &Policy::default(), &Context::default());
    }

    #[test]
    fn url_shaped_inputs_never_panic(host in "[a-zA-Z0-9.:%@\\[\\]\\\\-]{0,30}", tail in "[/?#a-z&<>%]{0,10}", port in proptest::option::of(0u32..100_000)) {
        let url = match port {
            Some(p) => format!("http://{host}:{p}{tail}"),
            None => format!("http://{host}{tail}"),
        };
        let verdict = check_url(&url, &Policy { allow_local_network: false, enforce_sanitization: true, ..Policy::default() }, &Context::default());
        prop_assert!(verdict.blocked != Some(false) || verdict.code.is_none());
        let _ = classify(&url);
    }

    #[test]
    fn policy_json_never_panics(text in ".{0,80}") {
        let mut policy = Policy::default();
        let mut context = Context::default();
        let _ = apply_policy_text(&text, &mut policy, &mut context);
    }
}

/// JSON values of every type, nested a little.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>().prop_map(|n| serde_json::json!(n)),
        ".{0,12}".prop_map(serde_json::Value::String),
        "(10\\.0\\.0\\.[0-9]|::1|[a-z]{1,5}\\.com(:[0-9]{1,5})?)"
            .prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(2, 16, 4, |inner| {
        prop::collection::vec(inner, 0..4).prop_map(serde_json::Value::Array)
    })
}

const POLICY_KEYS: &[&str] = &[
    "schemes",
    "ports",
    "allow_localhost",
    "allow_local_network",
    "deny_all_requests_except_allowed",
    "dns_rebind_protection",
    "deny_cloud_metadata_requests",
    "enforce_user",
    "ascii_only",
    "enforce_sanitization",
    "extra_allowed_uris",
    "outbound_local_requests_allowlist",
    "resolved_addresses",
    "server_addresses",
    "http_proxy_env",
    "internal_uris",
    "unknown_key",
];

proptest! {
    #[test]
    fn policy_objects_never_panic(
        values in prop::collection::vec((0..POLICY_KEYS.len(), json_value()), 0..8),
        url in "http://[a-z0-9.:\\[\\]]{1,20}/",
    ) {
        let object: serde_json::Map<String, serde_json::Value> =
            values.into_iter().map(|(k, v)| (POLICY_KEYS[k].to_owned(), v)).collect();
        let mut policy = Policy::default();
        let mut context = Context::default();
        let found = duo_selfhosted::blocker::apply_policy_json(&serde_json::Value::Object(object), &mut policy, &mut context);
        let _ = found.len();
        let _ = check_url(&url, &policy, &context);
    }

    #[test]
    fn ruby_ipaddr_never_panics(text in "[0-9a-fA-F.:/%\\[\\]a-z]{0,40}") {
        let _ = duo_selfhosted::allowlist::ipaddr_new(&text);
    }
}

#[test]
fn addressable_normalized_host_lowercases_unicode_through_idna() {
    // Addressable downcases the whole host (Unicode) before IDNA. The crate
    // lowercases ASCII only and leaves the rest to the UTS #46 mapping, which
    // lowercases as well: the same answer without the standard library's
    // case tables in the wasm build.
    for (input, want) in [
        ("http://ĞITLAB.COM/", "xn--itlab-j1a.com"),
        ("http://BÜCHER.Example./", "xn--bcher-kva.example"),
        ("http://\u{212A}ELVIN.example/", "kelvin.example"),
        ("http://GITLAB.COM/", "gitlab.com"),
    ] {
        let uri = AddressableUri::parse(input).unwrap();
        assert_eq!(uri.normalized_host().as_deref(), Some(want), "{input}");
    }
}

/// The WHATWG IPv6 serialiser as it was written with `format!` (the
/// reference the byte writer replaced).
fn ipv6_by_format(address: std::net::Ipv6Addr) -> String {
    let pieces = address.segments();
    let (mut best_start, mut best_len) = (usize::MAX, 1usize);
    let mut i = 0;
    while i < 8 {
        if pieces[i] == 0 {
            let start = i;
            while i < 8 && pieces[i] == 0 {
                i += 1;
            }
            if i - start > best_len {
                best_start = start;
                best_len = i - start;
            }
        } else {
            i += 1;
        }
    }
    let mut out = String::new();
    let mut i = 0;
    while i < 8 {
        if i == best_start {
            out.push_str(if i == 0 { "::" } else { ":" });
            i += best_len;
            continue;
        }
        out.push_str(&format!("{:x}", pieces[i]));
        if i < 7 {
            out.push(':');
        }
        i += 1;
    }
    out
}

/// IPv6 addresses with runs of zero pieces in every position (arbitrary
/// 128-bit values almost never have any).
fn ipv6_with_zeros() -> impl Strategy<Value = std::net::Ipv6Addr> {
    (proptest::array::uniform8(prop_oneof![Just(0u16), Just(1u16), any::<u16>()]))
        .prop_map(std::net::Ipv6Addr::from)
}

proptest! {
    /// The byte writers give exactly std's `Display` and the previous
    /// `format!` serialiser.
    #[test]
    fn canonical_writers_match_display(v4 in any::<u32>(), bits in any::<u128>(), v6 in ipv6_with_zeros()) {
        use duo_selfhosted::host::canonical::{ip_string, ip_text, ipv6_string, whatwg_ip_string, whatwg_ip_text};
        use duo_selfhosted::host::ipv6_to_string;
        use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
        let mapped = Ipv6Addr::from(0xffff_0000_0000u128 | u128::from(v4));
        for ip in [
            IpAddr::V4(Ipv4Addr::from(v4)),
            IpAddr::V6(Ipv6Addr::from(bits)),
            IpAddr::V6(v6),
            IpAddr::V6(mapped),
            IpAddr::V6(Ipv6Addr::from(u128::from(v4))),
        ] {
            prop_assert_eq!(ip_string(ip), ip.to_string());
            prop_assert_eq!(ip_text(ip).to_string(), ip.to_string());
            if let IpAddr::V6(a) = ip {
                prop_assert_eq!(ipv6_string(a), ipv6_by_format(a));
                prop_assert_eq!(ipv6_to_string(a), ipv6_by_format(a));
                prop_assert_eq!(whatwg_ip_text(ip).to_string(), format!("[{}]", ipv6_by_format(a)));
                prop_assert_eq!(whatwg_ip_string(ip), format!("[{}]", ipv6_by_format(a)));
                prop_assert_eq!(Host::Ipv6(a).to_string(), format!("[{}]", ipv6_by_format(a)));
            } else {
                prop_assert_eq!(whatwg_ip_text(ip).to_string(), ip.to_string());
                prop_assert_eq!(whatwg_ip_string(ip), ip.to_string());
            }
        }
    }
}

#[test]
fn canonical_writers_edge_cases() {
    use duo_selfhosted::host::canonical::ip_string;
    for text in [
        "::",
        "::1",
        "1::",
        "::ffff:0.0.0.0",
        "::ffff:255.255.255.255",
        "::1.2.3.4",
        "1:0:0:2:0:0:0:3",
        "1:0:2:0:3:0:4:0",
        "0:0:1:0:0:1:0:0",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "0.0.0.0",
        "255.255.255.255",
        "10.0.0.1",
    ] {
        let ip: std::net::IpAddr = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(ip_string(ip), ip.to_string(), "{text}");
    }
}

/// The fast reading of ordinary `http`/`https` URLs gives exactly what
/// `Url::parse` gives, on the WHATWG corpus (each host in URLs of several
/// shapes) and on the fuzz corpora.
#[test]
fn fast_whatwg_reading_equals_url_parse() {
    let text = std::fs::read_to_string("tests/data/whatwg-hosts.json").unwrap_or_default();
    let rows: Vec<Vec<serde_json::Value>> = serde_json::from_str(&text).unwrap_or_default();
    assert!(rows.len() > 4000);
    let mut inputs: Vec<String> = Vec::new();
    for row in &rows {
        let Some(host) = row.first().and_then(|v| v.as_str()) else {
            continue;
        };
        for shape in [
            "http://{}/",
            "https://{}",
            "HTTP://{}:5052/v1",
            "https://{}:443?q#f",
            "http://{}:80",
            "http://{}:65536/",
            "http://{}:/",
            "http://{}:08080/",
            "http://user@{}/",
            "http:\\\\{}/",
            "http:///{}/",
            "http://{}\t/",
        ] {
            inputs.push(shape.replace("{}", host));
        }
    }
    for dir in ["fuzz/seeds/classify", "fuzz/seeds/url_check"] {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                inputs.push(text);
            }
        }
    }
    for input in &inputs {
        for text in [input.as_str(), &duo_selfhosted::host::url_for_input(input)] {
            assert_eq!(
                WhatwgUrl::parse(text),
                WhatwgUrl::parse_full(text),
                "{text:?}"
            );
        }
    }
}
