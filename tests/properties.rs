//! Property laws across areas that the per-area tests do not state:
//!
//! * resolution: adding an unrelated feature setting never changes another
//!   feature's resolution; a Chat sub-feature with its own setting never
//!   falls back; a fallback always equals General Chat's resolution; the
//!   order of the model records does not matter; validate and resolve agree;
//! * the configuration document reads the same as JSON and as TOML;
//! * addresses: every WHATWG numeric spelling of an IPv4 address (and the
//!   address written inside IPv6) classifies as the dotted address does,
//!   and the canonical host classifies to itself;
//! * the allowlist: an entry's canonical form parses back to the same
//!   entry; the indexed match equals a linear scan in GitLab's order;
//! * Bedrock: for every Region and model of the tables, a derived
//!   identifier derives itself again (a fixpoint) and passes the identifier
//!   checks for the Bedrock method;
//! * GitLab versions: parse → display → parse is the identity.

use duo_selfhosted::address::classify;
use duo_selfhosted::allowlist::{Allowlist, Entry, EntryKind};
use duo_selfhosted::bedrock::{bedrock_identifier, default_table};
use duo_selfhosted::config::{resolve, validate, Config, Via};
use duo_selfhosted::family::DeploymentMethod;
use duo_selfhosted::feature::{Provider, FEATURES};
use duo_selfhosted::host::Host;
use duo_selfhosted::identifier::check_identifier;
use duo_selfhosted::region::regions;
use duo_selfhosted::{Diagnostics, GitLabVersion, Path};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

// ---------------------------------------------------------------------------
// Configuration documents

const VERSIONS: &[&str] = &[
    "17.9", "17.10", "18.0", "18.2", "18.4", "18.6", "18.8", "18.9", "18.10", "18.11", "19.0",
    "19.2",
];
const FAMILIES: &[&str] = &[
    "mistral",
    "llama3",
    "codestral",
    "claude_3",
    "gpt",
    "general",
    "gemini",
];
const PROVIDERS: &[&str] = &["disabled", "vendored", "self_hosted", "unassigned"];
const MODEL_NAMES: &[&str] = &["m0", "m1", "m2", "Claude on Bedrock", "gone"];

fn model_record(name: &'static str, family: &'static str, bedrock: bool) -> Value {
    if bedrock {
        json!({
            "name": name, "family": family, "deployment": "bedrock",
            "identifier": "bedrock/us.anthropic.claude-sonnet-4-20250514-v1:0",
            "aws_region": "us-east-1"
        })
    } else {
        json!({
            "name": name, "family": family, "deployment": "vllm",
            "endpoint": "http://vllm.internal:8000/v1",
            "identifier": "custom_openai/model"
        })
    }
}

/// A feature setting: a provider and, sometimes, a model name (which may
/// name no record: "gone").
fn setting() -> impl Strategy<Value = Value> {
    (
        0..PROVIDERS.len(),
        proptest::option::of(0..MODEL_NAMES.len()),
    )
        .prop_map(|(p, m)| {
            let mut s = Map::new();
            s.insert("provider".into(), json!(PROVIDERS[p]));
            if let Some(m) = m {
                s.insert("model".into(), json!(MODEL_NAMES[m]));
            }
            Value::Object(s)
        })
}

/// A configuration document: version, tier, licence, beta, AI gateway URL
/// or not, up to four model records and settings for some features.
fn document() -> impl Strategy<Value = Value> {
    (
        0..VERSIONS.len(),
        prop_oneof![Just("premium"), Just("ultimate")],
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec((0..4usize, 0..FAMILIES.len(), any::<bool>()), 0..4),
        proptest::collection::btree_map(0..FEATURES.len(), setting(), 0..8),
    )
        .prop_map(|(v, tier, offline, beta, gateway, models, settings)| {
            let mut records = Vec::new();
            for (name, family, bedrock) in models {
                records.push(model_record(MODEL_NAMES[name], FAMILIES[family], bedrock));
            }
            let features: Map<String, Value> = settings
                .into_iter()
                .map(|(i, s)| (FEATURES[i].key.to_owned(), s))
                .collect();
            let mut doc = json!({
                "gitlab_version": VERSIONS[v],
                "tier": tier,
                "add_ons": ["duo_enterprise"],
                "license": if offline { "offline" } else { "online" },
                "beta_models_and_features": beta,
                "self_hosted_models": records,
                "features": features,
            });
            if gateway {
                doc["ai_gateway"] = json!({ "url": "http://ai-gateway.internal:5052" });
            }
            doc
        })
}

fn decode(doc: &Value) -> Config {
    let decoded = Config::from_value(doc);
    match decoded.config {
        Some(config) => config,
        None => panic!(
            "the generated document does not decode: {:?}",
            decoded.diagnostics
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Adding a setting for feature `g` changes no other feature's
    /// resolution, except, when `g` is General Chat, the features that fall
    /// back to it.
    #[test]
    fn unrelated_setting_never_changes_another_resolution(
        doc in document(),
        g in 0..FEATURES.len(),
        added in setting(),
    ) {
        let key = FEATURES[g].key;
        prop_assume!(doc["features"].get(key).is_none());
        let before = resolve(&decode(&doc));
        let mut changed = doc.clone();
        changed["features"][key] = added;
        let after = resolve(&decode(&changed));
        let listed = |r: &duo_selfhosted::config::Resolution| r.features.iter().map(|f| f.feature).collect::<Vec<_>>();
        prop_assert_eq!(listed(&before), listed(&after), "the listed features changed");
        for (old, new) in before.features.iter().zip(&after.features) {
            if old.feature == key {
                continue;
            }
            if key == "duo_chat" && old.via == Via::GeneralChatFallback {
                continue; // it follows General Chat, whose setting changed
            }
            prop_assert_eq!(old, new, "setting {} changed {}", key, old.feature);
        }
    }

    /// A feature with its own saved setting other than `vendored` uses it as
    /// it is and never falls back to General Chat (duo-domain.md §4.3); a
    /// feature that falls back gets exactly General Chat's resolution.
    #[test]
    fn own_setting_never_falls_back(doc in document()) {
        let config = decode(&doc);
        let resolution = resolve(&config);
        let chat = resolution.feature("duo_chat").cloned();
        for f in &resolution.features {
            if let Some(own) = config.setting(f.feature) {
                if own.provider != Provider::Vendored {
                    prop_assert_eq!(f.via, Via::Own, "{} fell back despite its own {:?}", f.feature, own.provider);
                    prop_assert_eq!(f.provider, own.provider, "{}", f.feature);
                    if own.provider == Provider::SelfHosted {
                        prop_assert_eq!(&f.model, &own.model, "{}", f.feature);
                    }
                }
            }
            if f.via == Via::GeneralChatFallback {
                let chat = chat.as_ref().ok_or_else(|| TestCaseError::fail("fallback without General Chat"))?;
                prop_assert_ne!(f.feature, "duo_chat");
                prop_assert_eq!((f.provider, &f.model, &f.family), (chat.provider, &chat.model, &chat.family), "{}", f.feature);
            }
            prop_assert_eq!(f.enabled, f.provider != Provider::Disabled);
        }
    }

    /// Validate and resolve agree: in a configuration without errors, every
    /// feature resolved to a self-hosted model names a model that exists,
    /// and the family reported is that model's.
    #[test]
    fn validate_and_resolve_agree(doc in document()) {
        let config = decode(&doc);
        let report = validate(&config);
        for f in &resolve(&config).features {
            let record = f.model.as_deref().and_then(|m| config.deployment(m));
            prop_assert_eq!(f.family.as_deref(), record.map(|r| r.family.as_str()), "{}", f.feature);
            if report.valid && f.provider == Provider::SelfHosted {
                prop_assert!(record.is_some(), "valid, but {} resolves to the missing model {:?}", f.feature, f.model);
            }
        }
    }

    /// The order of the model records does not matter (names are unique).
    #[test]
    fn model_order_does_not_matter(doc in document()) {
        let mut reversed = doc.clone();
        if let Some(models) = reversed["self_hosted_models"].as_array_mut() {
            let mut names = std::collections::HashSet::new();
            prop_assume!(models.iter().all(|m| names.insert(m["name"].to_string())));
            models.reverse();
        }
        prop_assert_eq!(resolve(&decode(&doc)), resolve(&decode(&reversed)));
    }
}

#[cfg(feature = "cli")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The same document as TOML and as JSON gives the same report.
    #[test]
    fn toml_and_json_read_the_same(doc in document()) {
        let toml_text = toml::to_string(&doc).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let from_json = duo_selfhosted::config::check_json(&doc.to_string());
        let from_toml = duo_selfhosted::config::check_toml(&toml_text);
        prop_assert_eq!(from_json, from_toml);
    }
}

// ---------------------------------------------------------------------------
// Addresses

/// One IPv4 number part in a WHATWG spelling.
fn spelled(n: u64, radix: u8, zeros: usize) -> String {
    let pad = "0".repeat(zeros);
    match radix {
        0 => format!("0x{pad}{n:x}"),
        1 => format!("0X{pad}{n:X}"),
        2 => format!("0{pad}{n:o}"),
        _ => n.to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Every numeric spelling of an IPv4 address (1 to 4 parts, each in
    /// decimal, octal or hex, zero-padded) is that address: same canonical
    /// host, same class, same metadata flag (url-blocker.md §8 item 5).
    #[test]
    fn every_ipv4_spelling_classifies_as_the_address(
        a in any::<u32>(),
        parts in 1usize..=4,
        radixes in proptest::collection::vec(0u8..4, 4),
        zeros in proptest::collection::vec(0usize..3, 4),
        trailing_dot in any::<bool>(),
    ) {
        let ip = Ipv4Addr::from(a);
        let [b0, b1, b2, b3] = a.to_be_bytes().map(u64::from);
        let numbers: Vec<u64> = match parts {
            1 => vec![u64::from(a)],
            2 => vec![b0, u64::from(a) & 0xff_ffff],
            3 => vec![b0, b1, u64::from(a) & 0xffff],
            _ => vec![b0, b1, b2, b3],
        };
        let mut text = numbers
            .iter()
            .enumerate()
            .map(|(i, &n)| spelled(n, radixes[i], if radixes[i] == 3 { 0 } else { zeros[i] }))
            .collect::<Vec<_>>()
            .join(".");
        if trailing_dot {
            text.push('.');
        }
        let spelled_class = classify(&text);
        let dotted = classify(&ip.to_string());
        let dotted_text = ip.to_string();
        prop_assert_eq!(spelled_class.canonical_host.as_deref(), Some(dotted_text.as_str()), "{}", text);
        prop_assert_eq!(spelled_class.class, dotted.class, "{}", text);
        prop_assert_eq!(spelled_class.cloud_metadata, dotted.cloud_metadata, "{}", text);
    }

    /// An IPv4 address written in IPv6 (mapped, in dotted or hex form) gets
    /// the class and metadata flag of the IPv4 address, unless that is
    /// public (then the mapped container's own class, public).
    #[test]
    fn mapped_ipv4_classifies_as_the_ipv4_address(a in any::<u32>(), dotted in any::<bool>()) {
        let ip = Ipv4Addr::from(a);
        let text = if dotted { format!("[::ffff:{ip}]") } else { format!("[{}]", ip.to_ipv6_mapped()) };
        let mapped = classify(&text);
        let native = classify(&ip.to_string());
        prop_assert_eq!(mapped.class, native.class, "{}", text);
        prop_assert_eq!(mapped.cloud_metadata, native.cloud_metadata, "{}", text);
        prop_assert_eq!(mapped.embedded_ipv4, Some(ip));
    }

    /// The canonical host of any text classifies to itself, with the same
    /// class (canonicalisation is idempotent).
    #[test]
    fn canonical_form_is_a_fixpoint(text in "[0-9a-fA-FxX.:\\[\\]%]{1,24}|\\PC{1,16}") {
        let first = classify(&text);
        if let Some(canonical) = first.canonical_host.as_deref() {
            let again = classify(canonical);
            prop_assert_eq!(again.canonical_host.as_deref(), Some(canonical), "{:?}", text);
            prop_assert_eq!(again.class, first.class, "{:?} → {}", text, canonical);
        }
    }
}

// ---------------------------------------------------------------------------
// Allowlist

/// Allowlist entries: addresses, ranges, names, with and without ports.
fn entry_text() -> impl Strategy<Value = String> {
    let port = proptest::option::of(prop_oneof![
        Just(80u32),
        Just(443),
        Just(5052),
        0u32..70_000
    ]);
    (
        prop_oneof![
            any::<u32>().prop_map(|a| Ipv4Addr::from(a & 0xff00_00ff | 0x0a00_0000).to_string()),
            (any::<u32>(), 0u8..=32).prop_map(|(a, p)| format!("{}/{p}", Ipv4Addr::from(a))),
            (any::<u128>(), 0u8..=128).prop_map(|(a, p)| format!("{}/{p}", Ipv6Addr::from(a))),
            any::<u32>().prop_map(|a| Ipv4Addr::from(a).to_ipv6_mapped().to_string()),
            "[a-c]{1,3}(\\.[a-c]{1,3}){0,2}",
        ],
        port,
    )
        .prop_map(|(address, port)| match port {
            None => address,
            Some(p) if address.contains(':') => format!("[{address}]:{p}"),
            Some(p) => format!("{address}:{p}"),
        })
}

fn mapped(ip: IpAddr) -> u128 {
    match ip {
        IpAddr::V4(a) => 0xffff_0000_0000 | u128::from(u32::from(a)),
        IpAddr::V6(a) => u128::from(a),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// An entry written canonically (its value, then `:port`) parses back to
    /// the same entry.
    #[test]
    fn allowlist_entry_canonical_form_round_trips(text in entry_text()) {
        let entry = Entry::parse(&text);
        let shown = match entry.port {
            None => entry.value().to_owned(),
            Some(p) if entry.value().is_empty() || entry.value().contains(':') => format!("[{}]:{p}", entry.value()),
            Some(p) => format!("{}:{p}", entry.value()),
        };
        let again = Entry::parse(&shown);
        prop_assert_eq!(
            (again.kind, again.value(), again.port, again.mapped_range()),
            (entry.kind, entry.value(), entry.port, entry.mapped_range()),
            "{} → {}", text, shown
        );
    }

    /// The indexed match finds the entry a linear scan finds: the first
    /// domain entry equal to the host, else the first IP entry containing
    /// the address (GitLab's order, url-blocker.md §4).
    #[test]
    fn indexed_match_equals_linear_scan(
        entries in proptest::collection::vec(entry_text(), 0..40),
        host in prop_oneof![
            any::<u32>().prop_map(|a| Ipv4Addr::from(a & 0xff00_00ff | 0x0a00_0000).to_string()),
            any::<u32>().prop_map(|a| Ipv4Addr::from(a).to_string()),
            any::<u32>().prop_map(|a| format!("[{}]", Ipv4Addr::from(a).to_ipv6_mapped())),
            "[a-c]{1,3}(\\.[a-c]{1,3}){0,2}",
        ],
        port in proptest::option::of(prop_oneof![Just(80u16), Just(443), Just(5052), any::<u16>()]),
    ) {
        let (list, _) = Allowlist::from_entries(&entries);
        let host = Host::parse(&host).map_err(|e| TestCaseError::fail(e.message))?;
        let wanted = port.map(u64::from);
        let port_ok = |e: &Entry| e.port.is_none() || e.port == wanted;
        let text = host.to_string();
        let linear = list
            .entries()
            .iter()
            .find(|e| e.kind == EntryKind::Domain && e.value() == text && port_ok(e))
            .or_else(|| {
                let bits = mapped(host.ip()?);
                list.entries().iter().find(|e| {
                    e.mapped_range().is_some_and(|(base, prefix)| {
                        let mask = if prefix == 0 { 0 } else { u128::MAX << (128 - u32::from(prefix)) };
                        bits & mask == base
                    }) && port_ok(e)
                })
            });
        prop_assert_eq!(list.matches(&host, port).map(|e| e.raw()), linear.map(|e| e.raw()));
    }

    /// GitLab versions: parse → display → parse is the identity.
    #[test]
    fn version_display_round_trips(major in 0u16..100, minor in 0u16..100, patch in proptest::option::of(0u16..100)) {
        let text = match patch {
            Some(p) => format!("{major}.{minor}.{p}"),
            None => format!("{major}.{minor}"),
        };
        let version: GitLabVersion = text.parse().map_err(|e| TestCaseError::fail(format!("{text}: {e:?}")))?;
        let again: GitLabVersion = version.to_string().parse().map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(version, again);
    }
}

// ---------------------------------------------------------------------------
// Bedrock, exhaustively over the tables

/// For every Region of the Region table and every model of the profile
/// table: a derived identifier is a fixpoint of the derivation and passes
/// the identifier checks for the Bedrock deployment method.
#[test]
fn every_derivation_is_a_fixpoint_and_a_valid_identifier() {
    let table = default_table();
    let mut derived = 0usize;
    for region in regions().all() {
        for model in table.model_ids() {
            let report = bedrock_identifier(&region.code, model);
            let Some(identifier) = report.identifier.as_deref() else {
                assert!(
                    report.diagnostics.has_errors(),
                    "{} {model}: nothing derived, no error",
                    region.code
                );
                continue;
            };
            derived += 1;
            let again = bedrock_identifier(&region.code, identifier);
            assert_eq!(
                again.identifier.as_deref(),
                Some(identifier),
                "{} {model}",
                region.code
            );
            assert_eq!(again.prefix, report.prefix, "{} {model}", region.code);
            let mut diagnostics = Diagnostics::new();
            check_identifier(
                identifier,
                Some(DeploymentMethod::Bedrock),
                None,
                &Path::root(),
                &mut diagnostics,
            );
            assert!(!diagnostics.has_errors(), "{identifier}: {diagnostics:?}");
        }
    }
    // The tables hold dozens of models and Regions; most pairs derive.
    assert!(derived > 500, "only {derived} identifiers derived");
}
