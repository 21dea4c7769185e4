//! Address classification, row by row. Sources: `url-blocker.md` §7
//! (taxonomy, embeddings, names), §8 (WHATWG host parsing, with the wpt
//! `urltestdata.json` rows it cites), §9–§10 (bypass forms and other
//! libraries' bugs).

mod util;

use duo_selfhosted::address::{classify, classify_ip, embedded_ipv4, AddressClass, Embedding};
use duo_selfhosted::host::{Host, WhatwgUrl};
use proptest::prelude::*;
use std::net::IpAddr;
use AddressClass::*;

#[track_caller]
fn row(input: &str, canonical: Option<&str>, class: AddressClass) {
    let result = classify(input);
    assert_eq!(
        (result.canonical_host.as_deref(), result.class),
        (canonical, class),
        "{input}: {:#?}",
        result.diagnostics
    );
}

#[test]
fn ipv4_ranges() {
    // §7.1 IPv4 column.
    let rows: &[(&str, AddressClass)] = &[
        ("127.0.0.1", Loopback),
        ("127.255.255.254", Loopback),
        ("10.0.0.1", Private),
        ("172.16.0.1", Private),
        ("172.31.255.255", Private),
        ("172.32.0.1", Public),
        ("192.168.1.1", Private),
        ("169.254.169.254", LinkLocal),
        ("100.64.0.1", Shared),
        ("100.100.100.200", Shared),
        ("100.128.0.1", Public),
        ("0.0.0.0", Unspecified),
        ("0.1.2.3", Unspecified),
        ("255.255.255.255", Broadcast),
        ("224.0.0.1", Multicast),
        // §10: private-ip called 226.x/227.x public.
        ("226.0.0.1", Multicast),
        ("239.255.255.255", Multicast),
        ("240.0.0.1", Reserved),
        ("255.255.255.254", Reserved),
        ("192.0.0.192", Reserved),
        ("198.18.0.1", Reserved),
        ("198.19.255.255", Reserved),
        ("192.88.99.1", Reserved),
        ("192.0.2.1", Documentation),
        ("198.51.100.7", Documentation),
        ("203.0.113.9", Documentation),
        // §7.1 policy call: AS112/AMT are public.
        ("192.31.196.1", Public),
        ("192.175.48.1", Public),
        ("192.52.193.1", Public),
        ("8.8.8.8", Public),
    ];
    for (input, class) in rows {
        row(input, Some(input), *class);
    }
}

#[test]
fn ipv6_ranges_and_embeddings() {
    let rows: &[(&str, &str, AddressClass)] = &[
        // §7.1 IPv6 column.
        ("::1", "[::1]", Loopback),
        ("::", "[::]", Unspecified),
        ("fe80::1", "[fe80::1]", LinkLocal),
        ("fc00::1", "[fc00::1]", UniqueLocal),
        ("fd00:ec2::254", "[fd00:ec2::254]", UniqueLocal),
        ("fec0::1", "[fec0::1]", Private),
        ("ff02::1", "[ff02::1]", Multicast),
        ("2001:db8::1", "[2001:db8::1]", Documentation),
        ("3fff::1", "[3fff::1]", Documentation),
        ("100::1", "[100::1]", Reserved),
        ("5f00::1", "[5f00::1]", Reserved),
        ("2001:10::1", "[2001:10::1]", Reserved),
        // §10: private-ip's "public" unallocated space is reserved.
        ("99::", "[99::]", Reserved),
        ("fb00::", "[fb00::]", Reserved),
        ("2606:4700::1111", "[2606:4700::1111]", Public),
        // §7.2 embeddings take the embedded class.
        ("::ffff:127.0.0.1", "[::ffff:7f00:1]", Loopback),
        ("::127.0.0.1", "[::7f00:1]", Loopback),
        ("::ffff:0:a00:1", "[::ffff:0:a00:1]", Private),
        ("64:ff9b::7f00:1", "[64:ff9b::7f00:1]", Loopback),
        ("64:ff9b::192.168.2.1", "[64:ff9b::c0a8:201]", Private),
        ("64:ff9b:1:a00:0:100::", "[64:ff9b:1:a00:0:100::]", Private),
        ("2002:c0a8:ffff::", "[2002:c0a8:ffff::]", Private),
        (
            "2001:0:4136:e378:8000:63bf:3f57:fdf2",
            "[2001:0:4136:e378:8000:63bf:3f57:fdf2]",
            Private,
        ),
        ("::ffff:192.0.2.1", "[::ffff:c000:201]", Documentation),
        ("::ffff:0:0", "[::ffff:0:0]", Unspecified),
        // …unless it is public: then the container's class.
        ("::ffff:8.8.8.8", "[::ffff:808:808]", Public),
        ("::8.8.8.8", "[::808:808]", Reserved),
        ("64:ff9b:1:808:8:800::", "[64:ff9b:1:808:8:800::]", Public),
        (
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7",
            "[2001:0:4136:e378:8000:63bf:f7f7:f7f7]",
            Reserved,
        ),
        // §10: spellings other libraries got wrong (private-ip, node-ip).
        ("::fFFf:127.0.0.1", "[::ffff:7f00:1]", Loopback),
        ("0:0:0:0:0:0:0:1", "[::1]", Loopback),
        ("0000::1", "[::1]", Loopback),
        ("fe80::1", "[fe80::1]", LinkLocal),
        // §8: [FFFF::255.255.255.255] is multicast, not mapped.
        ("FFFF::255.255.255.255", "[ffff::ffff:ffff]", Multicast),
    ];
    for (input, canonical, class) in rows {
        row(input, Some(canonical), *class);
    }
    let mapped: std::net::Ipv6Addr = "::ffff:10.0.0.1"
        .parse()
        .unwrap_or(std::net::Ipv6Addr::LOCALHOST);
    assert_eq!(
        embedded_ipv4(mapped).map(|(e, a)| (e, a.to_string())),
        Some((Embedding::Mapped, "10.0.0.1".to_owned()))
    );
    let teredo: IpAddr = "2001:0:4136:e378:8000:63bf:3f57:fdf2"
        .parse()
        .unwrap_or(IpAddr::from([0u8; 4]));
    assert_eq!(
        classify_ip(teredo).1.map(|a| a.to_string()).as_deref(),
        Some("192.168.2.13")
    );
}

#[test]
fn whatwg_numeric_forms() {
    let rows: &[(&str, Option<&str>, AddressClass)] = &[
        // §8 item 5 and §2.4.
        ("0x7f.1", Some("127.0.0.1"), Loopback),
        ("0177.1", Some("127.0.0.1"), Loopback),
        ("2130706433", Some("127.0.0.1"), Loopback),
        ("127.1", Some("127.0.0.1"), Loopback),
        ("00000177.0.0.1", Some("127.0.0.1"), Loopback),
        ("127.000000000000000.1", Some("127.0.0.1"), Loopback),
        ("169.16689662", Some("169.254.169.254"), LinkLocal),
        ("127.42.258", Some("127.42.1.2"), Loopback),
        ("127.0.0.1.", Some("127.0.0.1"), Loopback),
        // §9 octal ambiguity: 0127.0.0.1 is 87.0.0.1, 012.1.2.3 is 10.1.2.3.
        ("0127.0.0.1", Some("87.0.0.1"), Public),
        ("012.1.2.3", Some("10.1.2.3"), Private),
        // §10: correct behaviour kept from other projects' tests.
        ("0xc0.168.1.1", Some("192.168.1.1"), Private),
        ("192.0250.1.1", Some("192.168.1.1"), Private),
        ("030052000401", Some("192.168.1.1"), Private),
        ("01200034567", Some("10.0.57.119"), Private),
        ("0", Some("0.0.0.0"), Unspecified),
        // wpt: https://0x.0x.0 → 0.0.0.0
        ("https://0x.0x.0", Some("0.0.0.0"), Unspecified),
        // §8 item 4: Unicode digits map to ASCII.
        ("①②⑦.⓪.⓪.①", Some("127.0.0.1"), Loopback),
        ("⑩.⓪.⓪.①", Some("10.0.0.1"), Private),
        ("１２７．０．０．１", Some("127.0.0.1"), Loopback),
        ("127。0。0。1", Some("127.0.0.1"), Loopback),
        // Percent-encoding is decoded.
        (
            "http://%31%32%37%2e%30%2e%30%2e%31/",
            Some("127.0.0.1"),
            Loopback,
        ),
        // Overflow is failure, never truncation (§8 item 5, §9).
        ("0x17f000001", None, Invalid),
        ("45080379393", None, Invalid),
        ("0x41414141A9FEA9FE", None, Invalid),
        ("7147006462", None, Invalid),
        ("4294967296", None, Invalid),
        ("256.256.256.256", None, Invalid),
        ("425.510.425.510", None, Invalid),
        ("http://0xffffffff1", None, Invalid),
        ("1024.0.0.1", None, Invalid),
        ("8.0x1ffffff", None, Invalid),
        // Ends in a number but is no IPv4 (§8 item 4.6).
        ("1.1.1.1.1", None, Invalid),
        ("10.048.1.1", None, Invalid),
        ("o177.0.0.1", None, Invalid),
        ("08.0.0.0", None, Invalid),
        // …while these are ordinary domains.
        ("10.0.0.wtf", Some("10.0.0.wtf"), Public),
        ("127.0.0.1..", Some("127.0.0.1.."), Public),
    ];
    for (input, canonical, class) in rows {
        row(input, *canonical, *class);
    }
}

#[test]
fn ipv6_parse_failures() {
    // §8 item 6, §10 (safeurl).
    for input in [
        "http://[::ffff:127.0.0.01]/",
        "http://[fe80::1%25eth0]/",
        "http://[::%eth0]/",
        "http://[v1.fe80::a+en1]/",
        "http://[]",
        "http://[]:123",
        "http://:123",
        "http://[1:2:3:4:5:6:7:8:9]/",
        "http://[::ﬀﬀ:7f00:1]/",
    ] {
        row(input, None, Invalid);
        util::only(&classify(input).diagnostics, "address.invalid");
    }
}

#[test]
fn host_names() {
    // §7.3.
    let rows: &[(&str, AddressClass)] = &[
        ("localhost", Loopback),
        ("localhost.", Loopback),
        ("a.localhost", Loopback),
        ("LOCALHOST", Loopback),
        ("http://localhost%2e/", Loopback),
        ("\u{ad}localhost", Loopback),
        ("metadata.google.internal", InternalName),
        ("ip-172-31-1-1.ec2.internal", InternalName),
        ("ip-172-xx-xx-xx.region.compute.internal", InternalName),
        ("ip-10-0-0-1.example.com", InternalName),
        ("printer.local", InternalName),
        ("api.default.svc", InternalName),
        ("svc.cluster.local", InternalName),
        ("x.home.arpa", InternalName),
        ("localhost.localdomain", InternalName),
        ("metadata", InternalName),
        ("instance-data", InternalName),
        ("rancher-metadata", InternalName),
        ("ip6-localhost", InternalName),
        ("127.0.0.1.nip.io", InternalName),
        ("app-169-254-169-254.nip.io", InternalName),
        ("7f000001.nip.io", InternalName),
        ("1ynrnhl.xip.io", InternalName),
        ("x.sslip.io", InternalName),
        ("localtest.me", InternalName),
        ("a.lvh.me", InternalName),
        ("localh.st", InternalName),
        ("spoofed.burpcollaborator.net", InternalName),
        ("metadata.nicob.net", InternalName),
        ("metadata.tencentyun.com", InternalName),
        (
            "a.192.168.0.120.3times.127.0.0.1.1time.repeat.rebind.network",
            InternalName,
        ),
        ("make-127-0-0-1-rr.1u.ms", InternalName),
        ("gitlab.com", Public),
        ("notlocalhost.com", Public),
        ("internal.example.com", Public),
    ];
    for (input, class) in rows {
        let result = classify(input);
        assert_eq!(result.class, *class, "{input}");
    }
    // IDNA: Unicode names are punycoded.
    row("ğitlab.com", Some("xn--itlab-j1a.com"), Public);
    // An ordinary name says its class depends on DNS.
    let gitlab = classify("gitlab.com");
    let d = util::only(&gitlab.diagnostics, "address.depends_on_dns");
    assert_eq!(d.severity(), duo_selfhosted::Severity::Info);
}

#[test]
fn cloud_metadata_flag() {
    // §7.3 metadata addresses and aliases; in any spelling.
    for input in [
        "169.254.169.254",
        "0xA9FEA9FE",
        "::ffff:169.254.169.254",
        "fd00:ec2::254",
        "100.100.100.200",
        "192.0.0.192",
        "169.254.170.2",
        "metadata.google.internal",
        "metadata",
        "instance-data",
        "http://metadata.google.internal./computeMetadata/v1/",
    ] {
        let result = classify(input);
        assert!(result.cloud_metadata, "{input}");
        util::only(&result.diagnostics, "address.cloud_metadata");
    }
    assert!(!classify("169.254.169.253").cloud_metadata);
}

#[test]
fn json_shape() {
    // The CLI contract: {"input","canonical_host","class","embedded_ipv4","cloud_metadata","diagnostics"}.
    let json = serde_json::to_string(&classify("::ffff:10.0.0.1")).unwrap_or_default();
    assert_eq!(
        json,
        r#"{"input":"::ffff:10.0.0.1","canonical_host":"[::ffff:a00:1]","class":"private","embedded_ipv4":"10.0.0.1","cloud_metadata":false,"diagnostics":[{"code":"address.embedded_ipv4","severity":"info","path":"host","pointer":"/host","message":"[::ffff:a00:1] carries the IPv4 address 10.0.0.1 (IPv4-mapped); it is classified as private","params":{"embedding":"IPv4-mapped","ipv4":"10.0.0.1"}}]}"#
    );
    let json = serde_json::to_string(&classify("0x17f000001")).unwrap_or_default();
    assert!(json.starts_with(r#"{"input":"0x17f000001","canonical_host":null,"class":"invalid","embedded_ipv4":null,"cloud_metadata":false,"#), "{json}");
}

#[test]
fn hazards() {
    // §9: non-special schemes keep the host opaque.
    let result = classify("git://0x7f.1/");
    assert_eq!(result.class, Loopback);
    util::only(&result.diagnostics, "address.opaque_host");
    // §9: userinfo decoy.
    let result = classify("http://A.com@127.0.0.1/");
    assert_eq!(result.class, Loopback);
    util::only(&result.diagnostics, "url.userinfo");
    // §8 item 1: a tab is deleted.
    let result = classify("http://127.0.0.1\tfoo.google.com/");
    assert_eq!(
        result.canonical_host.as_deref(),
        Some("127.0.0.1foo.google.com")
    );
    util::only(&result.diagnostics, "url.control_whitespace");
    // §9: missing slashes: WHATWG finds a host, Addressable none.
    let result = classify("http:127.0.0.1/");
    assert_eq!(result.class, Loopback);
    util::only(&result.diagnostics, "url.parser_differential");
    assert_eq!(
        Host::parse("[::1]").map(|h| h.to_string()),
        Ok("[::1]".to_owned())
    );
    assert!(WhatwgUrl::parse("http://a b/").is_err());
}

proptest! {
    #[test]
    fn classify_never_panics(input in ".{0,64}") {
        let result = classify(&input);
        // Invalid input is never called public.
        if result.canonical_host.is_none() {
            prop_assert_eq!(result.class, Invalid);
        }
    }

    #[test]
    fn classify_ascii_never_panics(input in "[ -~]{0,40}") {
        let _ = classify(&input);
        let _ = Host::parse(&input);
    }

    #[test]
    fn canonical_hosts_are_idempotent(a in any::<u32>(), b in any::<u128>()) {
        for input in [std::net::Ipv4Addr::from(a).to_string(), format!("[{}]", std::net::Ipv6Addr::from(b))] {
            let first = classify(&input);
            let canonical = first.canonical_host.clone().unwrap_or_default();
            let second = classify(&canonical);
            prop_assert_eq!(second.canonical_host, first.canonical_host);
            prop_assert_eq!(second.class, first.class);
        }
    }
}

/// Issue 12: `classify` echoes its input; a URL's password is masked there
/// (the `url` and `check` outputs never echo it).
#[test]
fn classify_masks_a_password() {
    let result = duo_selfhosted::classify("http://admin:s3cret@10.0.0.1:5052/");
    assert_eq!(result.input, "http://admin:*****@10.0.0.1:5052/");
    let json = serde_json::to_string(&result).unwrap_or_default();
    assert!(!json.contains("s3cret"), "{json}");
}
