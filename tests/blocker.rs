//! GitLab's URL blocker, row by row. Each row names where its expectation
//! comes from: `S6` = GitLab's `url_blocker_spec.rb` cases listed in
//! `url-blocker.md` §2.1/§2.3, `S15` = the AI gateway setting spec (§3.1),
//! `confirmed` = the reference's "Confirmed by running GitLab's code".

mod util;

use duo_selfhosted::allowlist::Allowlist;
use duo_selfhosted::blocker::{apply_policy_text, check_url, Context, GemVersion, Policy};
use duo_selfhosted::{AddressClass, GitLabVersion, Preset};
use std::net::IpAddr;

fn ips(list: &[&str]) -> Vec<IpAddr> {
    list.iter()
        .map(|s| s.parse().unwrap_or_else(|e| panic!("{s}: {e}")))
        .collect()
}

fn allowlist(entries: &[&str]) -> Allowlist {
    Allowlist::from_entries(entries.iter().copied()).0
}

/// The gem's defaults (schemes http, https).
fn defaults() -> Policy {
    Policy::default()
}

fn no_local_network() -> Policy {
    Policy {
        allow_local_network: false,
        ..Policy::default()
    }
}

fn resolved(list: &[&str]) -> Context {
    Context {
        resolved_addresses: Some(ips(list)),
        ..Context::default()
    }
}

/// (url, expected code or None for allowed, gitlab message).
#[track_caller]
fn expect(url: &str, policy: &Policy, context: &Context, code: Option<&str>, gitlab: Option<&str>) {
    let verdict = check_url(url, policy, context);
    assert_eq!(verdict.blocked, Some(code.is_some()), "{url}: {verdict:#?}");
    assert_eq!(verdict.code, code, "{url}: {verdict:#?}");
    assert_eq!(verdict.gitlab_message.as_deref(), gitlab, "{url}");
    if let Some(code) = code {
        let d = util::only(&verdict.diagnostics, code);
        assert!(d.is_error());
    }
}

const LOCALHOST: &str = "Requests to localhost are not allowed";
const LOOPBACK: &str = "Requests to loopback addresses are not allowed";
const LOCAL_NETWORK: &str = "Requests to the local network are not allowed";
const LINK_LOCAL: &str = "Requests to the link local network are not allowed";
const SHARED: &str = "Requests to the shared address space are not allowed";
const BROADCAST: &str = "Requests to the limited broadcast address are not allowed";
const METADATA: &str = "Requests to cloud metadata endpoints are not allowed";
const UNRESOLVABLE: &str = "Host cannot be resolved or invalid";
const DENY_ALL: &str = "Requests to hosts and IP addresses not on the Allow List are denied";

#[test]
fn localhost_and_loopback_with_default_options() {
    let none = Context::default();
    let rows: &[(&str, &str, &str)] = &[
        // S6 (§2.3 localhost row)
        ("https://0.0.0.0", "url.localhost", LOCALHOST),
        ("https://[::]", "url.localhost", LOCALHOST),
        ("http://[::ffff:0:0]", "url.localhost", LOCALHOST),
        // S6 (§2.3 loopback row); 127.0.0.1 and ::1 are the loopback
        // interface's, so the localhost check (which runs first) names them
        // (§2.3 note, DAST spec).
        ("http://127.0.0.2", "url.loopback", LOOPBACK),
        ("http://127.1.2.3", "url.loopback", LOOPBACK),
        ("http://[::ffff:7f00:2]", "url.loopback", LOOPBACK),
        ("http://[::1]", "url.localhost", LOCALHOST),
        ("http://[::ffff:7f00:1]", "url.localhost", LOCALHOST),
        ("http://[::ffff:127.0.0.1]", "url.localhost", LOCALHOST),
        ("http://0x7f.1", "url.localhost", LOCALHOST),
        // §2.4 numeric hosts go through the resolver's inet_aton
        ("http://0177.1", "url.localhost", LOCALHOST),
        ("http://2130706433", "url.localhost", LOCALHOST),
        ("http://127.000.000.001", "url.localhost", LOCALHOST),
        ("http://127.0.0.1:8080/path", "url.localhost", LOCALHOST),
        ("http://0x7f.0.0.2", "url.loopback", LOOPBACK),
    ];
    for (url, code, message) in rows {
        expect(url, &defaults(), &none, Some(code), Some(message));
    }
}

#[test]
fn the_servers_own_addresses_are_localhost() {
    // §2.3 note: on Linux 127.0.0.1 and ::1 are interface addresses, so the
    // DAST spec expects the localhost message for http://127.0.0.1; request
    // time wraps it as "URL is blocked: …" (§2.2).
    let context = Context {
        server_addresses: ips(&["127.0.0.1", "::1", "172.31.5.6"]),
        ..Context::default()
    };
    let mut policy = Preset::AiGatewayRequest.policy(&GitLabVersion::new(18, 9));
    policy.allow_localhost = false;
    expect(
        "http://127.0.0.1",
        &policy,
        &context,
        Some("url.localhost"),
        Some("URL is blocked: Requests to localhost are not allowed"),
    );
    // §3.6 case 1: the AI gateway on the GitLab host's own private address.
    let save = Preset::AiGatewaySave.policy(&GitLabVersion::new(18, 9));
    expect(
        "http://172.31.5.6:5052",
        &save,
        &context,
        Some("url.localhost"),
        Some(LOCALHOST),
    );
    expect("http://172.31.5.7:5052", &save, &context, None, None);
}

#[test]
fn local_network_checks_when_local_network_is_not_allowed() {
    let none = Context::default();
    let rows: &[(&str, &str, &str)] = &[
        // S6 (§2.3 local network row)
        ("http://10.0.0.2", "url.local_network", LOCAL_NETWORK),
        (
            "http://[::ffff:c0a8:102]",
            "url.local_network",
            LOCAL_NETWORK,
        ),
        ("http://[feef::1]", "url.local_network", LOCAL_NETWORK),
        (
            "http://[fc00:bf8b:e62c:abcd:abcd:aaaa:aaaa:aaaa]",
            "url.local_network",
            LOCAL_NETWORK,
        ),
        // §2.3 note: [::ffff:ac10:20] is 172.16.0.32
        (
            "http://[::ffff:ac10:20]",
            "url.local_network",
            LOCAL_NETWORK,
        ),
        // S6 (§2.3 link-local row)
        ("http://169.254.168.100", "url.link_local", LINK_LOCAL),
        (
            "http://[fe80::c800:eff:fe74:8]",
            "url.link_local",
            LINK_LOCAL,
        ),
        ("http://[::ffff:a9fe:a864]", "url.link_local", LINK_LOCAL),
        // S6 (§2.3 shared row)
        ("http://100.64.0.0", "url.shared_address", SHARED),
        ("http://100.64.127.127", "url.shared_address", SHARED),
        ("http://100.64.255.255", "url.shared_address", SHARED),
        // S6 (§2.3 limited broadcast row: encodings)
        ("http://255.255.255.255", "url.limited_broadcast", BROADCAST),
        ("http://0xffffffff", "url.limited_broadcast", BROADCAST),
        ("http://4294967295", "url.limited_broadcast", BROADCAST),
        (
            "http://0377.0377.0377.0377",
            "url.limited_broadcast",
            BROADCAST,
        ),
        (
            "http://[::ffff:ffff:ffff]",
            "url.limited_broadcast",
            BROADCAST,
        ),
    ];
    for (url, code, message) in rows {
        expect(url, &no_local_network(), &none, Some(code), Some(message));
        // §2.3: the same addresses are allowed with local network allowed.
        expect(url, &defaults(), &none, None, None);
    }
    // §2.3 "not blocked at all (inferred)": multicast, 240/4, 0/8 but 0.0.0.0,
    // IPv4-compatible ::127.0.0.1, 6to4, NAT64.
    for url in [
        "http://224.0.0.1",
        "http://240.0.0.1",
        "http://0.1.2.3",
        "http://[::7f00:1]",
        "http://[2002:7f00:1::]",
        "http://[64:ff9b::7f00:1]",
        "http://198.18.0.1",
    ] {
        expect(url, &no_local_network(), &none, None, None);
    }
}

#[test]
fn every_resolved_address_is_checked_but_only_the_first_is_allowlisted() {
    // S6: a host co-resolving to loopback is blocked.
    expect(
        "http://example.com",
        &defaults(),
        &resolved(&["198.51.100.1", "127.0.0.1"]),
        Some("url.localhost"),
        Some(LOCALHOST),
    );
    expect(
        "http://example.com",
        &defaults(),
        &resolved(&["198.51.100.1", "127.0.0.5"]),
        Some("url.loopback"),
        Some(LOOPBACK),
    );
    // S6 / §4.4: entry 127.0.0.1:2000 allows a name resolving to 127.0.0.1 on port 2000.
    let policy = Policy {
        outbound_local_requests_allowlist: allowlist(&["127.0.0.1:2000"]),
        ..defaults()
    };
    expect(
        "http://www.resolve-domain.com:2000",
        &policy,
        &resolved(&["127.0.0.1"]),
        None,
        None,
    );
    expect(
        "http://www.resolve-domain.com:2001",
        &policy,
        &resolved(&["127.0.0.1"]),
        Some("url.localhost"),
        Some(LOCALHOST),
    );
    // §4.6: an IP entry for the second address does not help.
    let policy = Policy {
        outbound_local_requests_allowlist: allowlist(&["127.0.0.1"]),
        ..defaults()
    };
    expect(
        "http://example.com",
        &policy,
        &resolved(&["198.51.100.1", "127.0.0.1"]),
        Some("url.localhost"),
        Some(LOCALHOST),
    );
    // Resolver results in IPv4-mapped form are converted to IPv4 (§2.1 step 6).
    expect(
        "http://example.com",
        &defaults(),
        &resolved(&["::ffff:127.0.0.9"]),
        Some("url.loopback"),
        Some(LOOPBACK),
    );
}

#[test]
fn unresolvable_hosts() {
    let nx = resolved(&[]);
    // S6: unresolvable names are blocked.
    for url in ["http://foobar.x", "http://1.1.1.1.1", "http://8.8.8.8.8"] {
        expect(
            url,
            &defaults(),
            &nx,
            Some("url.unresolvable"),
            Some(UNRESOLVABLE),
        );
    }
    // S6: allowlisting the domain allows it, with rebind protection on or off.
    for rebind in [true, false] {
        let policy = Policy {
            dns_rebind_protection: rebind,
            outbound_local_requests_allowlist: allowlist(&["foobar.x"]),
            ..defaults()
        };
        expect("http://foobar.x", &policy, &nx, None, None);
    }
    // §2.1 step 7: rebind protection off or a proxy variable allows it…
    let off = Policy {
        dns_rebind_protection: false,
        ..no_local_network()
    };
    expect("http://foobar.x", &off, &nx, None, None);
    let proxy = Context {
        resolved_addresses: Some(Vec::new()),
        http_proxy_env: true,
        ..Context::default()
    };
    expect("http://foobar.x", &defaults(), &proxy, None, None);
    // …but not with deny-all on.
    let deny = Policy {
        deny_all_requests_except_allowed: true,
        ..defaults()
    };
    expect(
        "http://foobar.x",
        &deny,
        &proxy,
        Some("url.unresolvable"),
        Some(UNRESOLVABLE),
    );
}

#[test]
fn cloud_metadata_wins_over_everything() {
    // S6 and confirmed: every spelling, local flags on, even allowlisted.
    let permissive = Policy {
        allow_localhost: true,
        allow_local_network: true,
        outbound_local_requests_allowlist: allowlist(&[
            "169.254.169.254",
            "metadata.google.internal",
        ]),
        ..defaults()
    };
    let none = Context::default();
    for url in [
        "http://169.254.169.254/latest/meta-data/",
        "http://0xA9FEA9FE",
        "http://0251.0376.0251.0376/",
        "http://2852039166/",
        "http://169.16689662/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://[fd00:ec2::254]/",
        "http://100.100.100.200/",
        "http://192.0.0.192/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://METADATA.google.internal/",
    ] {
        expect(
            url,
            &permissive,
            &none,
            Some("url.cloud_metadata"),
            Some(METADATA),
        );
        expect(
            url,
            &no_local_network(),
            &none,
            Some("url.cloud_metadata"),
            Some(METADATA),
        );
    }
    // Step 8: a name resolving to a metadata address (DNS rebinding).
    expect(
        "http://rebind.example",
        &permissive,
        &resolved(&["1.2.3.4", "169.254.169.254"]),
        Some("url.cloud_metadata"),
        Some(METADATA),
    );
    // S6: only deny_cloud_metadata_requests: false allows it.
    let off = Policy {
        deny_cloud_metadata_requests: false,
        ..defaults()
    };
    expect("http://169.254.169.254", &off, &none, None, None);
    // §6: the previous gem has no metadata block.
    let old = Policy {
        gem: GemVersion::BeforeCloudMetadata,
        ..defaults()
    };
    expect("http://169.254.169.254", &old, &none, None, None);
    // Advice: no entry can help.
    let verdict = check_url("http://169.254.169.254", &permissive, &none);
    assert_eq!(verdict.suggested_allowlist_entry, None);
    let d = util::only(&verdict.diagnostics, "url.no_allowlist_entry");
    assert_eq!(d.message(), "no allowlist entry can help: cloud metadata endpoints are blocked before GitLab reads the allowlist");
}

#[test]
fn ports() {
    let public = resolved(&["1.1.1.1"]);
    // S6: 65535 allowed; 65536, 99999 and a huge port are invalid.
    expect("https://gitlab.com:65535", &defaults(), &public, None, None);
    for url in [
        "https://gitlab.com:65536",
        "https://gitlab.com:99999",
        "https://gitlab.com:800000000000000000000000000",
    ] {
        expect(
            url,
            &defaults(),
            &public,
            Some("url.port_invalid"),
            Some("Port is invalid"),
        );
    }
    // The previous gem has no range check.
    let old = Policy {
        gem: GemVersion::BeforeCloudMetadata,
        ..defaults()
    };
    expect("https://gitlab.com:65536", &old, &public, None, None);
    // S6: ports [80, 443] refuse 25; ports ≥ 1024 are always allowed.
    let ports = Policy {
        ports: vec![80, 443],
        ..defaults()
    };
    expect(
        "https://gitlab.com:25",
        &ports,
        &public,
        Some("url.port_not_allowed"),
        Some("Only allowed ports are 80, 443, and any over 1024"),
    );
    expect("https://gitlab.com:1024", &ports, &public, None, None);
    expect("https://gitlab.com", &ports, &public, None, None);
    // The verdict reports the port GitLab checks (explicit or default).
    assert_eq!(
        check_url("https://gitlab.com", &defaults(), &public).port,
        Some(443)
    );
}

#[test]
fn malformed_urls() {
    let none = Context::default();
    let ssh = Policy {
        schemes: vec!["ssh".to_owned()],
        ..defaults()
    };
    // S6 malformed URLs.
    expect(
        "http://:8080",
        &defaults(),
        &none,
        Some("url.invalid"),
        Some("URI is invalid"),
    );
    expect(
        "http:/localhost:9201",
        &defaults(),
        &none,
        Some("url.hostname_invalid"),
        Some("Hostname or IP address invalid"),
    );
    expect(
        "ssh://-oProxyCommand=whoami/a",
        &ssh,
        &none,
        Some("url.hostname_invalid"),
        Some("Hostname or IP address invalid"),
    );
    expect(
        "javascript://localhost:80/t.git%0aalert(1)",
        &defaults(),
        &none,
        Some("url.invalid"),
        Some("URI is invalid"),
    );
    // §2.1 step 1: raw line breaks are invalid; http(s) may carry encoded ones.
    expect(
        "http://example.com/\nfoo",
        &defaults(),
        &none,
        Some("url.invalid"),
        Some("URI is invalid"),
    );
    expect(
        "http://example.com/?sig=a%0Ab",
        &defaults(),
        &resolved(&["1.1.1.1"]),
        None,
        None,
    );
    // §2.1 step 3e (confirmed): a first character that is not a Unicode
    // letter or digit to Ruby.
    expect(
        "http://⑩.0.0.1",
        &defaults(),
        &none,
        Some("url.hostname_invalid"),
        Some("Hostname or IP address invalid"),
    );
    expect(
        "http://-evil.com",
        &defaults(),
        &none,
        Some("url.hostname_invalid"),
        Some("Hostname or IP address invalid"),
    );
    // S15: not-a-url has no scheme.
    expect(
        "not-a-url",
        &defaults(),
        &none,
        Some("url.scheme_not_allowed"),
        Some("Only allowed schemes are http, https"),
    );
    // §5 (inferred): the scheme is compared as written.
    expect(
        "HTTP://gitlab.com",
        &defaults(),
        &none,
        Some("url.scheme_not_allowed"),
        Some("Only allowed schemes are http, https"),
    );
    expect(
        "ftp://gitlab.com",
        &defaults(),
        &none,
        Some("url.scheme_not_allowed"),
        Some("Only allowed schemes are http, https"),
    );
    // §2.1 step 6: a host over 1024 characters.
    let long = format!("http://{}.com", "a".repeat(1100));
    expect(
        &long,
        &defaults(),
        &none,
        Some("url.host_too_long"),
        Some("Host is too long (maximum is 1024 characters)"),
    );
}

#[test]
fn sanitization_user_and_ascii() {
    let public = resolved(&["1.1.1.1"]);
    let sanitize = Policy {
        enforce_sanitization: true,
        ..defaults()
    };
    // addressable_url_validator spec (§2.1) and confirmed `&`.
    for url in [
        "https://replaceme.com/'><script>alert(document.cookie)</script>",
        "https://example.com/<img src=x>",
        "http://aigw.internal:5052/?a=1&b=2",
    ] {
        expect(
            url,
            &sanitize,
            &public,
            Some("url.html_tags"),
            Some("HTML/CSS/JS tags are not allowed"),
        );
    }
    expect(
        "https://replaceme.com/path/to/somewhere",
        &sanitize,
        &public,
        None,
        None,
    );
    // Issue 12 (GitLab's blocker run offline): Ruby's sanitizer also drops
    // the XML-invalid characters, one row per class; the neighbours that
    // XML allows pass. Without enforce_sanitization they are not checked.
    // U+000B and U+000C are Ruby `\s`, which Addressable refuses in a host
    // (step 1), so they are tried in the path.
    for (c, url) in [
        ('\u{1}', "http://ex\u{1}ample.com"),
        ('\u{8}', "http://ex\u{8}ample.com"),
        ('\u{b}', "http://example.com/a\u{b}b"),
        ('\u{c}', "http://example.com/a\u{c}b"),
        ('\u{e}', "http://ex\u{e}ample.com"),
        ('\u{1f}', "http://ex\u{1f}ample.com"),
        ('\u{fffe}', "http://ex\u{fffe}ample.com"),
        ('\u{ffff}', "http://example.com/\u{ffff}"),
    ] {
        expect(
            url,
            &sanitize,
            &public,
            Some("url.html_tags"),
            Some("HTML/CSS/JS tags are not allowed"),
        );
        expect(url, &defaults(), &public, None, None);
        assert!(duo_selfhosted::blocker::sanitize::changes(url), "{c:?}");
    }
    expect(
        "http://ex\u{b}ample.com",
        &sanitize,
        &public,
        Some("url.invalid"),
        Some("URI is invalid"),
    );
    for c in ['\u{7f}', '\u{fffd}'] {
        expect(
            &format!("http://ex{c}ample.com"),
            &sanitize,
            &public,
            None,
            None,
        );
    }
    // §2.1 step 3d: user must start with \p{Alnum}.
    let user = Policy {
        enforce_user: true,
        ..defaults()
    };
    for url in ["http://-oProxy@example.com", "http://\u{ad}x@example.com"] {
        expect(
            url,
            &user,
            &public,
            Some("url.username_invalid"),
            Some("Username needs to start with an alphanumeric character"),
        );
    }
    expect("http://ğuser@example.com", &user, &public, None, None);
    // §2.4: ascii_only rejects Unicode hosts, printing the URL with Ruby's dump.
    let ascii = Policy {
        ascii_only: true,
        ..defaults()
    };
    expect(
        "http://ğitlab.com/",
        &ascii,
        &public,
        Some("url.not_ascii"),
        Some("URI must be ascii only \"http://\\u011Fitlab.com/\""),
    );
    // §2.4: the allowlist matches Unicode hosts through punycode.
    let idn = Policy {
        outbound_local_requests_allowlist: allowlist(&["xn--itlab-j1a.com"]),
        ..defaults()
    };
    expect("http://ğitlab.com/", &idn, &resolved(&[]), None, None);
}

#[test]
fn deny_all_and_the_allowlist() {
    // S15: deny-all with the allowlist ['ip-172-31-1-1.ec2.internal', '10.0.0.1'].
    let mut policy = Preset::AiGatewaySave.policy(&GitLabVersion::new(18, 9));
    policy.deny_all_requests_except_allowed = true;
    policy.outbound_local_requests_allowlist =
        allowlist(&["ip-172-31-1-1.ec2.internal", "10.0.0.1"]);
    expect(
        "http://ip-172-31-1-1.ec2.internal",
        &policy,
        &resolved(&["172.31.1.1"]),
        None,
        None,
    );
    expect(
        "http://ip-172-31-1-1.ec2.internal",
        &policy,
        &resolved(&[]),
        None,
        None,
    );
    expect("http://10.0.0.1", &policy, &Context::default(), None, None);
    expect(
        "http://192.168.1.1",
        &policy,
        &Context::default(),
        Some("url.not_on_allowlist"),
        Some(DENY_ALL),
    );
    // S15: 169.254.169.254 is blocked (the newest gem says metadata).
    expect(
        "http://169.254.169.254",
        &policy,
        &Context::default(),
        Some("url.cloud_metadata"),
        Some(METADATA),
    );
    // §4.4 (inferred, confirmed by the code's get_port): an entry with the
    // scheme's default port matches a URL without a port.
    policy.outbound_local_requests_allowlist = allowlist(&["example.com:443"]);
    expect(
        "https://example.com",
        &policy,
        &resolved(&["1.1.1.1"]),
        None,
        None,
    );
    expect(
        "http://example.com",
        &policy,
        &resolved(&["1.1.1.1"]),
        Some("url.not_on_allowlist"),
        Some(DENY_ALL),
    );
    // §4.4: no subdomain matching.
    expect(
        "https://sub.example.com",
        &policy,
        &resolved(&["1.1.1.1"]),
        Some("url.not_on_allowlist"),
        Some(DENY_ALL),
    );
}

#[test]
fn internal_uris_are_allowed() {
    // S8: the gem spec's internal URIs http://localhost:80 and ssh://localhost:22.
    let context = Context {
        internal_uris: vec![
            "http://localhost:80".to_owned(),
            "ssh://localhost:22".to_owned(),
        ],
        resolved_addresses: Some(ips(&["127.0.0.1", "::1"])),
        ..Context::default()
    };
    expect("http://localhost", &defaults(), &context, None, None);
    expect("ssh://localhost", &defaults(), &context, None, None);
    expect(
        "http://localhost:8080",
        &defaults(),
        &context,
        Some("url.localhost"),
        Some(LOCALHOST),
    );
}

#[test]
fn presets_by_version() {
    let v = |major, minor| GitLabVersion::new(major, minor);
    let none = Context::default();
    // §3.1: production refuses loopback at save time; older wrapping.
    expect(
        "http://127.0.0.1:5052",
        &Preset::AiGatewaySave.policy(&v(18, 9)),
        &none,
        Some("url.localhost"),
        Some(LOCALHOST),
    );
    expect(
        "http://127.0.0.2:5052",
        &Preset::AiGatewaySave.policy(&v(18, 9)),
        &none,
        Some("url.loopback"),
        Some(LOOPBACK),
    );
    expect(
        "http://127.0.0.1:5052",
        &Preset::AiGatewaySave.policy(&v(18, 3)),
        &none,
        Some("url.localhost"),
        Some("is not allowed: Requests to localhost are not allowed"),
    );
    // §3.2: request time allows local addresses.
    expect(
        "http://127.0.0.1:5052",
        &Preset::AiGatewayRequest.policy(&v(18, 9)),
        &none,
        None,
        None,
    );
    // §3.3: the model endpoint needs no DNS without deny-all.
    let endpoint = Preset::ModelEndpoint.policy(&v(18, 9));
    expect("http://localhost:8000/v1", &endpoint, &none, None, None);
    expect("http://10.0.0.5/v1", &endpoint, &none, None, None);
    expect(
        "ftp://10.0.0.5/v1",
        &endpoint,
        &none,
        Some("url.scheme_not_allowed"),
        Some("Endpoint is blocked: Only allowed schemes are http, https"),
    );
    let mut deny = endpoint.clone();
    deny.deny_all_requests_except_allowed = true;
    expect(
        "http://10.0.0.5/v1",
        &deny,
        &none,
        Some("url.not_on_allowlist"),
        Some(&format!("Endpoint is blocked: {DENY_ALL}")),
    );
    assert_eq!(
        Preset::from_name("model-endpoint"),
        Some(Preset::ModelEndpoint)
    );
    assert_eq!(Preset::from_name("ai-gateway"), Some(Preset::AiGatewaySave));
    assert_eq!(Preset::from_name("nope"), None);
}

/// Issue 12: `localhost` and `*.localhost` always resolve to loopback
/// (RFC 6761; the hosts file on GitLab's servers, §9), so GitLab's verdict
/// is certain: the AI gateway URL `http://localhost:5052` is blocked, as
/// `http://127.0.0.1:5052` is, with a note saying why DNS does not matter.
#[test]
fn localhost_names_resolve_to_loopback() {
    let save = Preset::AiGatewaySave.policy(&GitLabVersion::new(18, 9));
    for url in [
        "http://localhost:5052",
        "http://LOCALHOST.:5052/",
        "http://gw.localhost:5052",
    ] {
        let verdict = check_url(url, &save, &Context::default());
        assert_eq!(verdict.blocked, Some(true), "{url}");
        assert_eq!(verdict.code, Some("url.localhost"), "{url}");
        assert_eq!(verdict.gitlab_message.as_deref(), Some(LOCALHOST), "{url}");
        assert_eq!(verdict.class, AddressClass::Loopback, "{url}");
        assert!(verdict.dns_outcomes.is_empty(), "{url}");
        let note = util::only(&verdict.diagnostics, "url.localhost_name");
        assert_eq!(note.severity(), duo_selfhosted::Severity::Info);
        assert_eq!(
            util::codes(&verdict.diagnostics),
            [
                "url.localhost",
                "url.localhost_name",
                "url.suggested_allowlist_entry"
            ],
            "{url}"
        );
    }
    let verdict = check_url("http://localhost:5052", &save, &Context::default());
    assert_eq!(
        verdict.diagnostics.as_slice()[1].message(),
        "a localhost name always resolves to the loopback addresses 127.0.0.1 and ::1 (RFC 6761, and the hosts file on GitLab's servers), so GitLab's verdict does not depend on DNS"
    );
    // A resolver answer given for it is ignored, as for a numeric host.
    let verdict = check_url("http://localhost:5052", &save, &resolved(&["10.0.0.5"]));
    assert_eq!(verdict.code, Some("url.localhost"));
    util::only(&verdict.diagnostics, "url.resolved_addresses_ignored");
    // At request time local requests are allowed: the same answer passes.
    let request = Preset::AiGatewayRequest.policy(&GitLabVersion::new(18, 9));
    let verdict = check_url("http://localhost:5052", &request, &Context::default());
    assert_eq!(verdict.blocked, Some(false));
    util::only(&verdict.diagnostics, "url.localhost_name");
    // The model endpoint's options skip DNS altogether (step 5): no note.
    let endpoint = Preset::ModelEndpoint.policy(&GitLabVersion::new(18, 9));
    let verdict = check_url("http://localhost:8000/v1", &endpoint, &Context::default());
    assert_eq!(verdict.blocked, Some(false));
    util::none_with(&verdict.diagnostics, "url.localhost_name");
    // Not localhost names: a percent-encoded dot (GitLab hands the raw
    // name to the resolver), a longer label, another domain.
    for url in [
        "http://localhost%2e:5052",
        "http://notlocalhost:5052",
        "http://localhost.example.com:5052",
    ] {
        let verdict = check_url(url, &save, &Context::default());
        assert_eq!(verdict.blocked, None, "{url}");
        util::none_with(&verdict.diagnostics, "url.localhost_name");
    }
}

#[test]
fn depends_on_dns() {
    let save = Preset::AiGatewaySave.policy(&GitLabVersion::new(18, 9));
    // §3.1 / §6: a name with no DNS answer: the outcome depends on DNS.
    let verdict = check_url("http://aigw.example.com:5052", &save, &Context::default());
    assert_eq!(verdict.blocked, None);
    assert_eq!(verdict.code, Some("url.depends_on_dns"));
    assert_eq!(verdict.gitlab_message, None);
    assert_eq!(
        verdict.suggested_allowlist_entry.as_deref(),
        Some("aigw.example.com:5052")
    );
    let answers: Vec<(&str, Option<&str>)> = verdict
        .dns_outcomes
        .iter()
        .map(|o| (o.answer, o.outcome_code()))
        .collect();
    assert_eq!(
        answers,
        [
            ("does_not_resolve", Some("url.unresolvable")),
            ("loopback", Some("url.localhost")),
            ("unspecified", Some("url.localhost")),
            ("local_network", None),
            ("link_local", None),
            ("shared_address", None),
            ("limited_broadcast", None),
            ("cloud_metadata", Some("url.cloud_metadata")),
            ("public", None),
        ]
    );
    // Issue 12: one summary instead of one info per answer, with every
    // answer's outcome in its parameters.
    assert_eq!(
        util::codes(&verdict.diagnostics),
        ["url.depends_on_dns", "url.suggested_allowlist_entry"]
    );
    let summary = util::only(&verdict.diagnostics, "url.depends_on_dns");
    assert_eq!(
        summary.message(),
        "GitLab blocks this URL unless aigw.example.com resolves to a private, link-local, shared (100.64.0.0/10), broadcast (255.255.255.255) or public address; set resolved_addresses to the addresses it resolves to on the GitLab server to check it"
    );
    let list = |name: &str| match summary.param(name) {
        Some(duo_selfhosted::Param::List(items)) => items.join(" "),
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(
        list("answers"),
        "does_not_resolve loopback unspecified local_network link_local shared_address limited_broadcast cloud_metadata public"
    );
    assert_eq!(
        list("example_addresses"),
        " 127.0.0.1 0.0.0.0 10.0.0.1 169.254.0.1 100.64.0.1 255.255.255.255 169.254.169.254 1.1.1.1"
    );
    assert_eq!(
        list("outcomes"),
        "url.unresolvable url.localhost url.localhost allowed allowed allowed allowed url.cloud_metadata allowed"
    );
    assert_eq!(
        list("blocked_answers"),
        "does_not_resolve loopback unspecified cloud_metadata"
    );
    assert_eq!(
        list("allowed_answers"),
        "local_network link_local shared_address limited_broadcast public"
    );
    // With every answer blocked the verdict is certain.
    let mut deny = save.clone();
    deny.deny_all_requests_except_allowed = true;
    let verdict = check_url("http://aigw.example.com", &deny, &Context::default());
    assert_eq!(verdict.blocked, Some(true));
    assert_eq!(verdict.code, Some("url.blocked_whatever_dns"));
    let blocked = util::only(&verdict.diagnostics, "url.blocked_whatever_dns");
    assert!(
        matches!(blocked.param("outcomes"), Some(duo_selfhosted::Param::List(o)) if o.iter().all(|c| c != "allowed")),
        "{blocked:?}"
    );
    // With the answer given, it is decided.
    let verdict = check_url("http://aigw.example.com", &save, &resolved(&["10.1.2.3"]));
    assert_eq!(
        (verdict.blocked, verdict.class),
        (Some(false), AddressClass::Private)
    );
}

#[test]
fn advice() {
    let save = Preset::AiGatewaySave.policy(&GitLabVersion::new(18, 9));
    let rows: &[(&str, Option<&str>)] = &[
        ("http://localhost:5052", Some("localhost:5052")),
        ("http://127.0.0.1:5052/", Some("127.0.0.1:5052")),
        ("http://[::1]:8080/", Some("[::1]:8080")),
        ("http://0x7f.1/", Some("127.0.0.1:80")),
        ("http://[::ffff:7f00:1]/", Some("127.0.0.1:80")),
        ("https://AIGW.Example.COM./", Some("aigw.example.com:443")),
        ("http://169.254.169.254/", None),
        ("ftp://aigw/", None),
        // Issue 12: no entry for a host browsers refuse (it was
        // "10.0.0.1%00.evil.com:5052").
        ("http://10.0.0.1%00.evil.com:5052", None),
    ];
    for (url, entry) in rows {
        let verdict = check_url(url, &save, &Context::default());
        assert_eq!(
            verdict.suggested_allowlist_entry.as_deref(),
            *entry,
            "{url}"
        );
        // The suggestion really works: with it the URL is allowed (or only
        // a non-allowlistable DNS answer remains).
        if let Some(entry) = entry {
            let mut fixed = save.clone();
            fixed.outbound_local_requests_allowlist = allowlist(&[entry]);
            let again = check_url(url, &fixed, &resolved(&["127.0.0.1"]));
            assert_eq!(again.blocked, Some(false), "{url} with {entry}");
        }
    }
    let verdict = check_url(
        "http://10.0.0.1%00.evil.com:5052",
        &save,
        &Context::default(),
    );
    assert_eq!(
        util::only(&verdict.diagnostics, "url.no_allowlist_entry").message(),
        "no allowlist entry can help: the host is not valid (browsers refuse this URL)"
    );
}

#[test]
fn policy_json() {
    let mut policy = Preset::AiGatewaySave.policy(&GitLabVersion::new(18, 9));
    let mut context = Context::default();
    let found = apply_policy_text(
        r#"{"deny_all_requests_except_allowed": true, "outbound_local_requests_allowlist": ["10.0.0.1", "*.example.com"],
            "resolved_addresses": ["10.0.0.1"], "server_addresses": ["127.0.0.1"], "http_proxy_env": false,
            "internal_uris": ["https://gitlab.example.com:443"], "ports": [80, 443], "schemes": ["https"]}"#,
        &mut policy,
        &mut context,
    );
    assert!(policy.deny_all_requests_except_allowed);
    assert_eq!(policy.outbound_local_requests_allowlist.len(), 2);
    assert_eq!(policy.schemes, ["https"]);
    assert_eq!(policy.ports, [80, 443]);
    assert_eq!(context.resolved_addresses, Some(ips(&["10.0.0.1"])));
    assert_eq!(util::codes(&found), ["allowlist.entry_wildcard"]);
    assert_eq!(
        found.as_slice()[0].path().to_string(),
        "outbound_local_requests_allowlist[1]"
    );
    let found = apply_policy_text(
        r#"{"allow_localhst": true, "ports": ["80"], "resolved_addresses": ["nope"], "schemes": []}"#,
        &mut policy,
        &mut context,
    );
    let messages: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "error[policy.schemes_required] schemes: schemes must not be empty (GitLab raises \"The schemes is a required argument\")",
            "error[document.wrong_type] ports[0]: expected non-negative integer, found string",
            "error[policy.invalid_ip] resolved_addresses[0]: \"nope\" is not an IP address",
            "error[document.unknown_field] allow_localhst: unknown field `allow_localhst`; did you mean `allow_localhost`?",
        ]
    );
}

#[test]
fn parser_differential_is_an_error() {
    // §9: WHATWG reads 127.1.1.1, Addressable 127.2.2.2; GitLab checks the latter.
    let verdict = check_url(
        "http://127.1.1.1:80\\@127.2.2.2:80/",
        &defaults(),
        &Context::default(),
    );
    assert_eq!(verdict.code, Some("url.loopback"));
    assert_eq!(verdict.canonical_host.as_deref(), Some("127.1.1.1"));
    let d = util::only(&verdict.diagnostics, "url.parser_differential");
    assert_eq!(d.message(), "the URL is ambiguous: browsers (WHATWG) read the host \"127.1.1.1\", GitLab's RFC 3986 parser reads \"127.2.2.2\"");
    // §9: a browser goes to evil.com's twin; GitLab resolves evil.com.
    let verdict = check_url(
        "http://127.1.1.1:80\\@evil.com/",
        &defaults(),
        &resolved(&["1.1.1.1"]),
    );
    assert_eq!(verdict.blocked, Some(false));
    assert_eq!(verdict.class, AddressClass::Public);
    util::only(&verdict.diagnostics, "url.parser_differential");
}

/// GitLab's own `url_blocker_spec.rb` (`gitlabhq/gitlabhq :
/// gems/gitlab-http/spec/gitlab/http_v2/url_blocker_spec.rb @ 1becc04b`),
/// `#blocked_url?` examples, with the spec's configuration (S8): internal
/// URIs `http://localhost:80` and `ssh://localhost:22`; `localhost`
/// resolving to 127.0.0.1 then ::1 (the hosts file of GitLab's runs); names
/// the spec stubs resolve as stubbed; every other name does not resolve.
mod gitlab_spec {
    use super::*;

    struct Case {
        url: &'static str,
        policy: Policy,
        resolves_to: &'static [&'static str],
        blocked: bool,
    }

    fn spec_context(url: &str, resolves_to: &[&str]) -> Context {
        let localhost = url.contains("//localhost") || url.contains("@localhost");
        Context {
            internal_uris: vec![
                "http://localhost:80".to_owned(),
                "ssh://localhost:22".to_owned(),
            ],
            resolved_addresses: Some(if localhost {
                ips(&["127.0.0.1", "::1"])
            } else {
                ips(resolves_to)
            }),
            ..Context::default()
        }
    }

    fn case(
        url: &'static str,
        policy: Policy,
        resolves_to: &'static [&'static str],
        blocked: bool,
    ) -> Case {
        Case {
            url,
            policy,
            resolves_to,
            blocked,
        }
    }

    fn with(f: impl FnOnce(&mut Policy)) -> Policy {
        let mut p = Policy::default();
        f(&mut p);
        p
    }

    const LOCAL_IPS: &[&str] = &[
        "192.168.1.2",
        "[0:0:0:0:0:ffff:192.168.1.2]",
        "[::ffff:c0a8:102]",
        "10.0.0.2",
        "[0:0:0:0:0:ffff:10.0.0.2]",
        "[::ffff:a00:2]",
        "172.16.0.2",
        "[0:0:0:0:0:ffff:172.16.0.2]",
        "[::ffff:ac10:20]",
        "[feef::1]",
        "[fee2::]",
        "[fc00:bf8b:e62c:abcd:abcd:aaaa:aaaa:aaaa]",
        "100.64.0.0",
        "100.64.127.127",
        "100.64.255.255",
    ];
    const BROADCAST_VARIANTS: &[&str] = &[
        "255.255.255.255",
        "0377.0377.0377.0377",
        "0377.00000000377.00377.0000377",
        "0xff.0xff.0xff.0xff",
        "0xffffffff",
        "255.255.255.255:65535",
        "4294967295",
        "[::ffff:ffff:ffff]",
        "[0000:0000:0000:0000:0000:ffff:ffff:ffff]",
    ];
    const LINK_LOCAL_URLS: &[&str] = &[
        "http://169.254.169.254",
        "http://169.254.168.100",
        "http://[0:0:0:0:0:ffff:169.254.169.254]",
        "http://[::ffff:169.254.169.254]",
        "http://[::ffff:a9fe:a9fe]",
        "http://[0:0:0:0:0:ffff:169.254.168.100]",
        "http://[::ffff:169.254.168.100]",
        "http://[::ffff:a9fe:a864]",
        "http://[fe80::c800:eff:fe74:8]",
    ];

    fn strip_brackets(ip: &str) -> &str {
        ip.trim_start_matches('[').trim_end_matches(']')
    }

    #[track_caller]
    fn check(cases: &[Case]) {
        for c in cases {
            let verdict = check_url(c.url, &c.policy, &spec_context(c.url, c.resolves_to));
            assert_eq!(verdict.blocked, Some(c.blocked), "{}: {verdict:#?}", c.url);
        }
    }

    #[test]
    fn blocked_url_examples() {
        let d = Policy::default;
        let ports = || with(|p| p.ports = vec![80, 443]);
        let only = |s: &str| {
            let s = s.to_owned();
            with(move |p| p.schemes = vec![s])
        };
        let public = &["93.184.216.34"][..];
        check(&[
            case("http://localhost:80/t.git", d(), &[], false),
            case("ssh://localhost:22/t.git", d(), &[], false),
            case("https://localhost:65535/foo/foo.git", d(), &[], true),
            case("https://gitlab.com:25/foo/foo.git", ports(), public, true),
            case("https://example.com:65536/path", d(), public, true),
            case("https://example.com:99999/path", d(), public, true),
            case(
                "https://example.com:800000000000000000000000000/path",
                d(),
                public,
                true,
            ),
            case("https://example.com:65535/path", d(), public, false),
            case(
                "https://gitlab.com/foo/foo.git",
                only("https"),
                public,
                false,
            ),
            case("https://gitlab.com/foo/foo.git", only("http"), public, true),
            case("javascript://localhost:80/t.git%0aalert(1)", d(), &[], true),
            case("javascript://localhost:22/t.git%0aalert(1)", d(), &[], true),
            case("https://[0:0:0:0:0:0:0:0]/foo/foo.git", d(), &[], true),
            case("https://0.0.0.0/foo/foo.git", d(), &[], true),
            case("https://[::]/foo/foo.git", d(), &[], true),
            case("https://127.0.0.2/foo/foo.git", d(), &[], true),
            case("https://127.0.0.1/foo/foo.git", d(), &[], true),
            case("https://[::1]/foo/foo.git", d(), &[], true),
            case("https://0177.1:65535/foo/foo.git", d(), &[], true),
            case("https://017700000001:65535/foo/foo.git", d(), &[], true),
            case("https://0x7f.1:65535/foo/foo.git", d(), &[], true),
            case("https://0x7f.0.0.1:65535/foo/foo.git", d(), &[], true),
            case("https://0x7f000001:65535/foo/foo.git", d(), &[], true),
            case("https://2130706433:65535/foo/foo.git", d(), &[], true),
            case("https://127.000.000.001:65535/foo/foo.git", d(), &[], true),
            case("https://127.0.1:65535/foo/foo.git", d(), &[], true),
            case(
                "https://[0:0:0:0:0:ffff:0.0.0.0]/foo/foo.git",
                d(),
                &[],
                true,
            ),
            case("https://[::ffff:0.0.0.0]/foo/foo.git", d(), &[], true),
            case("https://[::ffff:0:0]/foo/foo.git", d(), &[], true),
            case(
                "https://[0:0:0:0:0:ffff:127.0.0.1]/foo/foo.git",
                d(),
                &[],
                true,
            ),
            case("https://[::ffff:127.0.0.1]/foo/foo.git", d(), &[], true),
            case("https://[::ffff:7f00:1]/foo/foo.git", d(), &[], true),
            case(
                "https://[0:0:0:0:0:ffff:127.0.0.2]/foo/foo.git",
                d(),
                &[],
                true,
            ),
            case("https://[::ffff:127.0.0.2]/foo/foo.git", d(), &[], true),
            case("https://[::ffff:7f00:2]/foo/foo.git", d(), &[], true),
            case("ssh://-oProxyCommand=whoami/a", only("ssh"), &[], true),
            case("ssh://ğitlab.com/a", only("ssh"), &[], true),
            case("http://:8080", d(), &[], true),
            case("http:/localhost:9201", d(), &[], true),
            case("https://gitlab.com/foo/foo.git", d(), public, false),
            case("http://8.8.8.8.8", d(), &[], true),
            case("http://foobar.x", d(), &[], true),
        ]);
    }

    #[test]
    fn allow_local_network() {
        let local_ok = || {
            with(|p| {
                p.allow_localhost = true;
                p.allow_local_network = true;
                p.deny_cloud_metadata_requests = false;
            })
        };
        let no_local = || with(|p| p.allow_local_network = false);
        for ip in LOCAL_IPS {
            let resolved = context_for(ip);
            for (policy, blocked) in [(local_ok(), false), (no_local(), true)] {
                let url = format!("http://{ip}");
                assert_eq!(
                    check_url(&url, &policy, &Context::default()).blocked,
                    Some(blocked),
                    "{url}"
                );
                let fake = check_url("http://www.fakedomain.fake", &policy, &resolved);
                assert_eq!(fake.blocked, Some(blocked), "www.fakedomain.fake → {ip}");
            }
        }
        for url in [
            "http://0.0.0.0",
            "http://localhost",
            "http://127.0.0.1",
            "http://127.0.0.2",
        ] {
            assert_eq!(
                check_url(url, &local_ok(), &spec_context(url, &[])).blocked,
                Some(false),
                "{url}"
            );
        }
        for url in LINK_LOCAL_URLS {
            assert_eq!(
                check_url(url, &local_ok(), &Context::default()).blocked,
                Some(false),
                "{url}"
            );
            assert_eq!(
                check_url(url, &no_local(), &Context::default()).blocked,
                Some(true),
                "{url}"
            );
        }
        for variant in BROADCAST_VARIANTS {
            let url = format!("https://{variant}");
            assert_eq!(
                check_url(&url, &local_ok(), &Context::default()).blocked,
                Some(false),
                "{url}"
            );
            assert_eq!(
                check_url(&url, &no_local(), &Context::default()).blocked,
                Some(true),
                "{url}"
            );
        }
    }

    fn context_for(ip: &str) -> Context {
        Context {
            resolved_addresses: Some(ips(&[strip_brackets(ip)])),
            ..Context::default()
        }
    }

    #[test]
    fn local_ips_in_the_allowlist() {
        let mut entries = vec!["0.0.0.0", "127.0.0.1", "127.0.0.2", "192.168.1.1"];
        entries.extend(LOCAL_IPS);
        entries.extend([
            "0:0:0:0:0:ffff:169.254.169.254",
            "::ffff:a9fe:a9fe",
            "::ffff:169.254.168.100",
            "::ffff:a9fe:a864",
            "fe80::c800:eff:fe74:8",
            "255.255.255.255",
            "45645632345",
            "garbage456:more345gar:bage",
        ]);
        let policy = with(|p| {
            p.allow_localhost = false;
            p.allow_local_network = false;
            p.deny_cloud_metadata_requests = false;
            p.outbound_local_requests_allowlist = allowlist(&entries);
        });
        for ip in LOCAL_IPS {
            let url = format!("http://{ip}");
            assert_eq!(
                check_url(&url, &policy, &Context::default()).blocked,
                Some(false),
                "{url}"
            );
            assert_eq!(
                check_url("http://www.fakedomain.fake", &policy, &context_for(ip)).blocked,
                Some(false),
                "{ip}"
            );
        }
        for url in [
            "http://0.0.0.0",
            "http://localhost",
            "http://127.0.0.1",
            "http://127.0.0.2",
            "http://255.255.255.255",
        ] {
            assert_eq!(
                check_url(url, &policy, &spec_context(url, &[])).blocked,
                Some(false),
                "{url}"
            );
        }
        for url in LINK_LOCAL_URLS {
            assert_eq!(
                check_url(url, &policy, &Context::default()).blocked,
                Some(false),
                "{url}"
            );
        }
        for variant in BROADCAST_VARIANTS {
            let url = format!("https://{variant}");
            assert_eq!(
                check_url(&url, &policy, &Context::default()).blocked,
                Some(false),
                "{url}"
            );
        }
        // "allows IP when dns_rebind_protection is disabled".
        let mut no_rebind = policy.clone();
        no_rebind.dns_rebind_protection = false;
        assert_eq!(
            check_url(
                "http://example.com",
                &no_rebind,
                &resolved(&["192.168.1.2"])
            )
            .blocked,
            Some(false)
        );
        assert_eq!(
            check_url(
                "http://example.com",
                &no_rebind,
                &resolved(&["192.168.1.3"])
            )
            .blocked,
            Some(true)
        );
    }

    #[test]
    fn domains_in_the_allowlist() {
        let policy = with(|p| {
            p.allow_localhost = false;
            p.allow_local_network = false;
            p.deny_cloud_metadata_requests = false;
            p.outbound_local_requests_allowlist = allowlist(&[
                "www.example.com",
                "example.com",
                "xn--itlab-j1a.com",
                "garbage$^$%#$^&$",
            ]);
        });
        let private = resolved(&["192.168.1.1"]);
        for (url, blocked) in [
            ("http://example.com", false),
            ("http://www.example.com", false),
            ("http://subdomain.example.com", true),
            ("http://ğitlab.com", false),
            ("http://xn--itlab-j1a.com", false),
        ] {
            assert_eq!(
                check_url(url, &policy, &private).blocked,
                Some(blocked),
                "{url}"
            );
        }
        // "dns rebinding checks": allowlisted, resolvable or not, rebind on or off.
        for (domain, answer) in [
            ("foobar.x", &[][..]),
            ("example.com", &["93.184.216.34"][..]),
        ] {
            for rebind in [true, false] {
                let p = Policy {
                    dns_rebind_protection: rebind,
                    outbound_local_requests_allowlist: allowlist(&[domain]),
                    ..Policy::default()
                };
                let url = format!("http://{domain}");
                assert_eq!(
                    check_url(&url, &p, &resolved(answer)).blocked,
                    Some(false),
                    "{url} rebind={rebind}"
                );
            }
        }
    }

    #[test]
    fn enforce_user_and_ascii_only() {
        let ssh = |enforce: bool| {
            with(|p| {
                p.schemes = vec!["ssh".to_owned()];
                p.enforce_user = enforce;
            })
        };
        let ctx = resolved(&["93.184.216.34"]);
        for (url, blocked_when_enforced) in [
            ("ssh://-oProxyCommand=whoami@example.com/a", true),
            ("ssh://\u{ad}oProxyCommand=whoami@example.com/a", true),
            ("ssh://ğitlab@example.com/a", false),
        ] {
            assert_eq!(
                check_url(url, &ssh(false), &ctx).blocked,
                Some(false),
                "{url}"
            );
            assert_eq!(
                check_url(url, &ssh(true), &ctx).blocked,
                Some(blocked_when_enforced),
                "{url}"
            );
        }
        let ascii = with(|p| p.ascii_only = true);
        for url in [
            "https://𝕘itⅼαƄ.com/foo/foo.bar",
            "https://gitlab.ᴄοｍ/foo/foo.bar",
            "https://gitlab.com/𝒇οο/𝒇οο.Ƅαꮁ",
            "https://mißile.com/foo/foo.bar",
            "https://miςςile.com/foo/foo.bar",
            "https://gitlab.com\u{200b}/foo/foo.bar",
        ] {
            let verdict = check_url(url, &ascii, &ctx);
            assert_eq!(verdict.code, Some("url.not_ascii"), "{url}");
        }
    }

    #[test]
    fn gitlab_on_a_non_default_port() {
        let context = |port_url: &str| Context {
            internal_uris: vec!["http://gitlab.local:3000".to_owned()],
            resolved_addresses: Some(ips(&["127.0.0.1"])),
            ..spec_context(port_url, &[])
        };
        let verdict = check_url(
            "http://gitlab.local/foo",
            &Policy::default(),
            &context("http://gitlab.local/foo"),
        );
        assert_eq!(verdict.blocked, Some(true));
        let verdict = check_url(
            "http://gitlab.local:3000/foo",
            &Policy::default(),
            &context("http://gitlab.local:3000/foo"),
        );
        assert_eq!(verdict.blocked, Some(false));
    }

    #[test]
    fn cloud_metadata() {
        let local = with(|p| p.allow_localhost = true);
        for url in [
            "http://169.254.169.254",
            "http://100.100.100.200",
            "http://192.0.0.192",
            "http://[fd00:ec2::254]",
            "http://[0:0:0:0:0:ffff:169.254.169.254]",
            "http://[::ffff:169.254.169.254]",
            "http://[::ffff:a9fe:a9fe]",
            "http://metadata.google.internal",
        ] {
            assert_eq!(
                check_url(url, &local, &Context::default()).code,
                Some("url.cloud_metadata"),
                "{url}"
            );
        }
        let alias = resolved(&["169.254.169.254"]);
        assert_eq!(
            check_url("http://metadata.internal.example", &local, &alias).code,
            Some("url.cloud_metadata")
        );
        let mut listed = local.clone();
        listed.outbound_local_requests_allowlist =
            allowlist(&["169.254.169.254", "metadata.internal.example"]);
        assert_eq!(
            check_url("http://169.254.169.254", &listed, &Context::default()).code,
            Some("url.cloud_metadata")
        );
        assert_eq!(
            check_url("http://metadata.internal.example", &listed, &alias).code,
            Some("url.cloud_metadata")
        );
        for url in ["http://192.168.1.2", "http://10.0.0.2", "http://172.16.0.2"] {
            assert_eq!(
                check_url(url, &local, &Context::default()).blocked,
                Some(false),
                "{url}"
            );
        }
        let off = with(|p| {
            p.allow_localhost = true;
            p.deny_cloud_metadata_requests = false;
        });
        assert_eq!(
            check_url("http://169.254.169.254", &off, &Context::default()).blocked,
            Some(false)
        );
        assert_eq!(
            check_url("http://[fd00:ec2::254]", &off, &Context::default()).blocked,
            Some(false)
        );
        assert_eq!(
            check_url("http://metadata.google.internal", &off, &alias).blocked,
            Some(false)
        );
    }
}

#[test]
fn stricter_than_gitlab_warnings() {
    // §2.3 "not blocked at all (inferred)" and §7.2: the verdict stays
    // GitLab's; a warning names the internal destination.
    let strict = no_local_network();
    for (url, ipv4) in [
        ("http://[::7f00:1]/", "127.0.0.1"),
        ("http://[64:ff9b::a00:1]/", "10.0.0.1"),
        ("http://[2002:c0a8:101::]/", "192.168.1.1"),
    ] {
        let verdict = check_url(url, &strict, &Context::default());
        assert_eq!(verdict.blocked, Some(false), "{url}");
        let d = util::only(&verdict.diagnostics, "url.embedded_ipv4_unchecked");
        assert_eq!(
            d.param("ipv4"),
            Some(&duo_selfhosted::Param::Str(ipv4.to_owned())),
            "{url}"
        );
    }
    // §7.3: metadata endpoints GitLab does not know.
    let verdict = check_url(
        "http://169.254.170.2/v2/credentials",
        &defaults(),
        &Context::default(),
    );
    assert_eq!(verdict.blocked, Some(false));
    util::only(&verdict.diagnostics, "url.cloud_metadata_not_blocked");
    let off = Policy {
        deny_cloud_metadata_requests: false,
        ..defaults()
    };
    let verdict = check_url("http://169.254.169.254/", &off, &Context::default());
    util::only(&verdict.diagnostics, "url.cloud_metadata_not_blocked");
    // Nothing for an ordinary private address, or when GitLab blocks.
    let verdict = check_url("http://10.0.0.1/", &defaults(), &Context::default());
    util::none_with(&verdict.diagnostics, "url.embedded_ipv4_unchecked");
    let verdict = check_url("http://169.254.169.254/", &defaults(), &Context::default());
    util::none_with(&verdict.diagnostics, "url.cloud_metadata_not_blocked");
}

#[test]
fn url_requests_as_front_ends_send_them() {
    use duo_selfhosted::blocker::{check_url_request, UrlRequest};
    let verdict = check_url_request(UrlRequest {
        url: "http://127.0.0.1:5052",
        preset: Some("ai-gateway"),
        gitlab_version: Some("18.3"),
        policy_json: Some(r#"{"outbound_local_requests_allowlist": ["*.example.com"]}"#),
    });
    let verdict = verdict.unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(
        verdict.gitlab_message.as_deref(),
        Some("is not allowed: Requests to localhost are not allowed")
    );
    // The policy's allowlist findings join the verdict's diagnostics.
    assert_eq!(
        util::only(&verdict.diagnostics, "allowlist.entry_wildcard")
            .path()
            .to_string(),
        "outbound_local_requests_allowlist[0]"
    );
    let problems = check_url_request(UrlRequest {
        url: "http://x",
        preset: Some("nope"),
        gitlab_version: Some("18"),
        policy_json: Some(r#"{"allow_localhst": true}"#),
    });
    let problems = problems.err().unwrap_or_default();
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "error[policy.invalid_version] gitlab_version: invalid GitLab version \"18\": missing minor version number",
            "error[policy.unknown_preset] preset: unknown preset \"nope\", expected one of: ai-gateway, ai-gateway-request, model-endpoint",
            "error[document.unknown_field] policy.allow_localhst: unknown field `allow_localhst`; did you mean `allow_localhost`?",
        ]
    );
}
