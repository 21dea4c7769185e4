//! AI gateway / Agent Platform settings, TLS words, and the generated
//! settings lines.

mod util;

use duo_selfhosted::config::{Config, Installation, Tier, TlsInput};
use duo_selfhosted::settings::{self, AgentPlatformTarget, TlsMode};
use duo_selfhosted::{GitLabVersion, Param};
use util::codes;

#[track_caller]
fn v(text: &str) -> GitLabVersion {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// §6.6 normalize: chomp one trailing '/', blank -> null.
#[test]
fn normalisation() {
    let rows = [
        ("http://gw:5052/", Some("http://gw:5052")),
        ("http://gw:5052//", Some("http://gw:5052/")), // chomp removes one
        ("http://gw:5052", Some("http://gw:5052")),
        ("", None),
        ("/", None),
        ("   ", None),
    ];
    for (input, expected) in rows {
        assert_eq!(
            settings::normalize_url(input).as_deref(),
            expected,
            "{input:?}"
        );
    }
    let path = duo_selfhosted::Path::root().key("url");
    assert!(settings::check_length(&"a".repeat(2048), &path).is_none());
    let d = settings::check_length(&"é".repeat(2049), &path);
    assert_eq!(
        d.map(|d| d.message().to_owned()).as_deref(),
        Some("the URL is 2049 characters long; GitLab allows at most 2048")
    );
}

/// §6.4 `Gitlab::Utils.to_boolean` word table, default true.
#[test]
fn to_boolean_words() {
    for word in ["true", "t", "yes", "y", "1", "on", "TRUE", "On"] {
        assert!(settings::to_boolean(word, false), "{word}");
    }
    for word in ["false", "f", "no", "n", "0", "off", "FALSE", "Off"] {
        assert!(!settings::to_boolean(word, true), "{word}");
    }
    for word in ["", "disabled", "2", " false", "off\nx"] {
        assert!(settings::to_boolean(word, true), "{word:?} is the default");
        assert_eq!(settings::parse_boolean_word(word), None);
    }
}

/// §6.4 / §7: where TLS lives by version.
#[test]
fn tls_mode_by_version() {
    let rows = [
        ("18.3", TlsMode::NotAvailable),
        ("18.4", TlsMode::EnvVar),
        ("18.9", TlsMode::EnvVar),
        ("18.10", TlsMode::StoredSetting),
        ("19.5", TlsMode::StoredSetting),
    ];
    for (version, mode) in rows {
        assert_eq!(TlsMode::for_version(&v(version)), mode, "{version}");
    }
}

/// §6.3: documented host:port form (stricter than GitLab's server).
#[test]
fn agent_platform_url() {
    let target = |host: &str, port: Option<u16>| {
        Some(AgentPlatformTarget {
            host: host.to_owned(),
            port,
        })
    };
    // (input, target, codes) — §6.3 and §8 items 1, 6.
    let rows: [(&str, Option<AgentPlatformTarget>, &[&str]); 11] = [
        ("gw.internal:50052", target("gw.internal", Some(50052)), &[]),
        (
            "gw.internal:50052/",
            target("gw.internal", Some(50052)),
            &[],
        ),
        ("10.0.1.7:50052", target("10.0.1.7", Some(50052)), &[]),
        ("[fd00::7]:50052", target("fd00::7", Some(50052)), &[]),
        (
            "gw.internal",
            target("gw.internal", None),
            &["agent_platform.url_without_port"],
        ),
        (
            "http://gw.internal:50052",
            target("gw.internal", Some(50052)),
            &["agent_platform.url_has_scheme"],
        ),
        (
            "HTTPS://gw.internal:50052",
            target("gw.internal", Some(50052)),
            &["agent_platform.url_has_scheme"],
        ),
        (
            "gw.internal:50052/v1",
            None,
            &["agent_platform.url_invalid_port"],
        ),
        (
            "gw.internal/x:50052",
            None,
            &["agent_platform.url_not_host_port"],
        ),
        ("fd00::7:50052", None, &["agent_platform.url_not_host_port"]),
        ("gw.internal:0", None, &["agent_platform.url_invalid_port"]),
    ];
    for (input, expected, expected_codes) in rows {
        let (found, diagnostics) = settings::check_agent_platform_url(input);
        assert_eq!(found, expected, "{input}");
        assert_eq!(codes(&diagnostics), expected_codes, "{input}");
    }
    let (_, d) = settings::check_agent_platform_url("http://gw:50052");
    let d = &d.as_slice()[0];
    assert_eq!(
        d.message(),
        "the Agent Platform service URL must not start with http://: it is a gRPC target (host:port); GitLab saves it anyway, but does not add or strip the prefix"
    );
    assert_eq!(
        d.param("gitlab_message"),
        Some(&Param::Str("The URL must not include the \"http://\" or \"https://\" protocol. For example \"example.com:50052\".".to_owned()))
    );
    assert_eq!(settings::check_agent_platform_url("  ").0, None);
}

fn config(version: &str, installation: Installation, tls: Option<TlsInput>) -> Config {
    let mut c = Config::new(v(version), Tier::Ultimate);
    c.installation = installation;
    c.ai_gateway.url = Some("http://gw.internal:5052/".to_owned());
    c.agent_platform.tls = tls;
    c
}

/// §6.4 docs lines, per installation type.
#[test]
fn snippets() {
    let off = Some(TlsInput::Flag(false));
    let s = settings::snippet(&config("18.9", Installation::LinuxPackage, off.clone()));
    assert_eq!(s.file, Some("/etc/gitlab/gitlab.rb"));
    assert_eq!(
        s.lines,
        ["gitlab_rails['env'] = { 'AI_GATEWAY_URL' => 'http://gw.internal:5052', 'DUO_AGENT_PLATFORM_SERVICE_SECURE' => false }"]
    );
    let s = settings::snippet(&config(
        "18.9",
        Installation::SelfCompiled,
        Some(TlsInput::EnvValue("no".into())),
    ));
    assert_eq!(s.file, Some("/etc/default/gitlab"));
    assert_eq!(
        s.lines,
        [
            "export AI_GATEWAY_URL='http://gw.internal:5052'",
            "export DUO_AGENT_PLATFORM_SERVICE_SECURE=false"
        ]
    );
    let s = settings::snippet(&config("18.9", Installation::HelmChart, off.clone()));
    assert_eq!(
        s.lines,
        [
            "global:",
            "  extraEnv:",
            "    AI_GATEWAY_URL: \"http://gw.internal:5052\"",
            "    DUO_AGENT_PLATFORM_SERVICE_SECURE: \"false\""
        ]
    );
    let s = settings::snippet(&config("18.9", Installation::Docker, off.clone()));
    assert!(s.notes.iter().any(|n| n.contains("GITLAB_OMNIBUS_CONFIG")));
    // TLS on (the default) needs no variable; 18.10+ uses the checkbox instead.
    let s = settings::snippet(&config("18.9", Installation::LinuxPackage, None));
    assert_eq!(
        s.lines,
        ["gitlab_rails['env'] = { 'AI_GATEWAY_URL' => 'http://gw.internal:5052' }"]
    );
    let s = settings::snippet(&config("18.10", Installation::LinuxPackage, off));
    assert_eq!(
        s.lines,
        ["gitlab_rails['env'] = { 'AI_GATEWAY_URL' => 'http://gw.internal:5052' }"]
    );
    assert!(s
        .notes
        .iter()
        .any(|n| n.contains("\"Use TLS for the GitLab Duo Agent Platform service\"")));
    // Quotes in values are escaped for Ruby and the shell.
    let mut c = config("18.9", Installation::LinuxPackage, None);
    c.ai_gateway.url = Some("http://gw/it's".to_owned());
    assert_eq!(
        settings::snippet(&c).lines,
        ["gitlab_rails['env'] = { 'AI_GATEWAY_URL' => 'http://gw/it\\'s' }"]
    );
    c.installation = Installation::SelfCompiled;
    assert_eq!(
        settings::snippet(&c).lines,
        ["export AI_GATEWAY_URL='http://gw/it'\\''s'"]
    );
    // Nothing to set: no lines.
    let empty = Config::new(v("18.9"), Tier::Ultimate);
    assert!(settings::snippet(&empty).lines.is_empty());
    assert_eq!(settings::effective_tls(&empty), Some(true));
    assert_eq!(
        settings::effective_tls(&Config::new(v("18.3"), Tier::Ultimate)),
        None
    );
}

proptest::proptest! {
    /// Nothing panics on any text; normalisation is idempotent.
    #[test]
    fn agent_platform_url_never_panics(text in "\\PC{0,40}") {
        let _ = settings::check_agent_platform_url(&text);
        let once = settings::normalize_url(&text);
        if let Some(once) = &once {
            let twice = settings::normalize_url(once);
            proptest::prop_assert!(twice.as_deref().is_some_and(|t| once.starts_with(t)));
        }
    }

    /// Every true or false word reads the same in any letter case.
    #[test]
    fn boolean_words_ignore_case(index in 0usize..6, upper in proptest::collection::vec(proptest::bool::ANY, 5)) {
        for (words, expected) in [(settings::TRUE_WORDS, true), (settings::FALSE_WORDS, false)] {
            let word: String = words[index]
                .chars()
                .zip(upper.iter().cycle())
                .map(|(c, u)| if *u { c.to_ascii_uppercase() } else { c })
                .collect();
            proptest::prop_assert_eq!(settings::parse_boolean_word(&word), Some(expected));
        }
    }
}
