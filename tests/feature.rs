//! The feature catalog against the reference's data, and every version
//! boundary of the catalog.

use duo_selfhosted::feature::{self, timeline, Group, NotOffered, Offer, Provider, ReleaseState};
use duo_selfhosted::GitLabVersion;
use serde_json::Value;

#[track_caller]
fn v(text: &str) -> GitLabVersion {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[track_caller]
fn get(key: &str) -> &'static feature::Feature {
    feature::lookup(key).unwrap_or_else(|| panic!("no feature {key}"))
}

fn reference() -> Value {
    serde_json::from_str(include_str!("data/reference-features.json")).unwrap_or(Value::Null)
}

fn strs(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn release(text: &str) -> ReleaseState {
    match text {
        "GA" => ReleaseState::Ga,
        "BETA" => ReleaseState::Beta,
        "EXPERIMENT" => ReleaseState::Experiment,
        other => panic!("unknown release state {other}"),
    }
}

/// §3.4 JSON rows: the 18.9 baseline must match the table exactly.
#[test]
fn baseline_rows_match_the_reference() {
    let data = reference();
    let rows = data["features"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 18);
    let baseline = v("18.9");
    for row in &rows {
        let key = row["key"].as_str().unwrap_or_default();
        let f = get(key);
        assert_eq!(
            u64::from(f.id),
            row["enum_int"].as_u64().unwrap_or(999),
            "{key}"
        );
        assert_eq!(
            f.title(&baseline),
            row["title"].as_str().unwrap_or_default(),
            "{key}"
        );
        assert_eq!(
            f.group.title(),
            row["group"].as_str().unwrap_or_default(),
            "{key}"
        );
        assert_eq!(
            f.release,
            release(row["release_state"].as_str().unwrap_or_default()),
            "{key}"
        );
        assert_eq!(
            f.is_stable(&baseline),
            row["stable"].as_bool() == Some(true),
            "{key}"
        );
        let mut ours: Vec<String> = f
            .compatible_families(&baseline)
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let mut theirs = strs(&row["compatible_families"]);
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs, "{key}");
        assert_eq!(
            f.ultimate_only,
            row["ultimate_only"].as_bool() == Some(true),
            "{key}"
        );
        assert_eq!(
            f.agent_platform,
            row["dap"].as_bool() == Some(true),
            "{key}"
        );
        let falls_back = row["falls_back_to"].as_str() == Some("duo_chat")
            || row["code_level_chat_fallback"].as_bool() == Some(true);
        assert_eq!(f.falls_back_to_general_chat(&baseline), falls_back, "{key}");
        // later_* fields: the later-A snapshot, dated 18.10 here (§7).
        let later = v("18.10");
        if let Some(title) = row["later_title"].as_str() {
            assert_eq!(f.title(&later), title, "{key}");
        }
        if row.get("later_compatible_families").is_some() {
            let mut ours: Vec<String> = f
                .compatible_families(&later)
                .iter()
                .map(|s| (*s).to_owned())
                .collect();
            let mut theirs = strs(&row["later_compatible_families"]);
            ours.sort();
            theirs.sort();
            assert_eq!(ours, theirs, "{key}");
        }
    }
}

/// §3.1: later-A adds three FLAGGED features.
#[test]
fn later_rows_match_the_reference() {
    let data = reference();
    let rows = data["later_features"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        let key = row["key"].as_str().unwrap_or_default();
        let f = get(key);
        let later = v("18.10");
        assert!(!f.exists_in(&v("18.9")), "{key} is later-A");
        assert!(f.exists_in(&later), "{key}");
        assert_eq!(u64::from(f.id), row["enum_int"].as_u64().unwrap_or(999));
        assert_eq!(f.title(&later), row["title"].as_str().unwrap_or_default());
        assert_eq!(f.group.title(), row["group"].as_str().unwrap_or_default());
        assert!(!f.is_stable(&later));
        assert_eq!(
            f.compatible_families(&later)
                .iter()
                .map(|s| (*s).to_owned())
                .collect::<Vec<_>>(),
            strs(&row["compatible_families"])
        );
    }
    assert_eq!(feature::FEATURES.len(), 21);
}

/// §3.2: GitLab's message capitalises the family key's first letter only.
#[test]
fn incompatible_message_is_gitlabs() {
    let nine = v("18.9");
    let rows = [
        (
            "duo_agent_platform_agentic_chat",
            "codestral",
            "Codestral is incompatible with the Agentic Chat feature",
        ),
        (
            "duo_chat",
            "claude_3",
            "Claude_3 is incompatible with the General Chat feature",
        ),
        (
            "duo_chat_fix_code",
            "codegemma",
            "Codegemma is incompatible with the Fix Code feature",
        ),
    ];
    for (key, family, message) in rows {
        assert_eq!(get(key).incompatible_message(&nine, family), message);
    }
}

/// §3.2 matrix spot checks, including the later-A change of the Agent Platform rows.
#[test]
fn compatibility_matrix() {
    let rows: [(&str, &str, &str, bool); 10] = [
        ("code_completions", "codegemma", "18.9", true),
        ("duo_chat", "codegemma", "18.9", false),
        ("duo_chat", "codestral", "18.9", true),
        ("duo_chat_troubleshoot_job", "codestral", "18.9", false),
        ("review_merge_request", "deepseekcoder", "18.9", false),
        ("review_merge_request", "llama3", "18.9", true),
        ("duo_agent_platform", "mistral", "18.9", false),
        ("duo_agent_platform", "mistral", "18.10", true),
        ("duo_agent_platform_agentic_chat", "gemini", "18.10", true),
        ("sast_vulnerability_resolution", "mistral", "18.10", false),
    ];
    for (key, family, version, expected) in rows {
        assert_eq!(
            get(key).is_compatible(&v(version), family),
            expected,
            "{key} {family} {version}"
        );
    }
}

/// §7 timeline: when each feature appears and when it joins the STABLE set.
#[test]
fn feature_version_boundaries() {
    // (feature, version, exists, stable)
    let rows = [
        ("duo_chat", "17.9", true, true),
        ("duo_chat_explain_code", "17.9", false, false), // 17.10: sub-feature settings
        ("duo_chat_explain_code", "17.10", true, true),
        ("duo_chat_troubleshoot_job", "17.10", true, false),
        ("generate_commit_message", "17.9", true, false),
        ("review_merge_request", "18.3", false, false), // ~18.1-18.3: no 15-17
        ("review_merge_request", "18.4", true, false),
        ("duo_agent_platform", "18.8", true, false),
        ("duo_agent_platform", "18.9", true, true), // 18.9: 15-17 STABLE
        ("duo_agent_platform_agentic_chat", "18.9", true, true),
        ("sast_vulnerability_fp_detection", "18.9", false, false),
        ("sast_vulnerability_fp_detection", "18.10", true, false),
    ];
    for (key, version, exists, stable) in rows {
        let f = get(key);
        assert_eq!(
            f.exists_in(&v(version)),
            exists,
            "{key} exists in {version}"
        );
        assert_eq!(
            f.is_stable(&v(version)),
            stable,
            "{key} stable in {version}"
        );
    }
}

/// §7: 17.x Chat titles; later-A "Agents & flows".
#[test]
fn titles_by_version() {
    let rows = [
        ("duo_chat", "17.11", "--"),
        ("duo_chat", "18.0", "General Chat"),
        ("duo_chat_explain_code", "17.11", "Explain Code"),
        ("duo_chat_explain_code", "18.0", "Code Explanation"),
        ("duo_chat_write_tests", "17.10", "Write Test"),
        ("duo_chat_write_tests", "18.9", "Test Generation"),
        (
            "duo_agent_platform",
            "18.9",
            "All agents, except Agentic Chat",
        ),
        ("duo_agent_platform", "18.10", "Agents & flows"),
    ];
    for (key, version, title) in rows {
        assert_eq!(get(key).title(&v(version)), title, "{key} {version}");
    }
}

/// §3.3 `allowed_features`: STABLE, + FLAGGED with beta, - Ultimate-only on Premium.
#[test]
fn allowed_features() {
    let nine = v("18.9");
    let keys = |offer| -> Vec<&str> {
        feature::allowed(&nine, offer)
            .iter()
            .map(|f| f.key)
            .collect()
    };
    let stable = keys(Offer {
        beta: false,
        premium: false,
    });
    assert_eq!(
        stable,
        [
            "code_generations",
            "code_completions",
            "duo_chat",
            "duo_chat_explain_code",
            "duo_chat_write_tests",
            "duo_chat_refactor_code",
            "duo_chat_fix_code",
            "review_merge_request",
            "duo_agent_platform",
            "duo_agent_platform_agentic_chat"
        ]
    );
    assert_eq!(
        keys(Offer {
            beta: true,
            premium: false
        })
        .len(),
        18
    );
    let premium = keys(Offer {
        beta: true,
        premium: true,
    });
    assert_eq!(premium.len(), 16);
    assert!(!premium.contains(&"duo_chat_explain_vulnerability"));
    assert!(!premium.contains(&"resolve_vulnerability"));
    let f = get("resolve_vulnerability");
    assert_eq!(
        f.offered(
            &nine,
            Offer {
                beta: false,
                premium: true
            }
        ),
        Err(NotOffered::NeedsBeta)
    );
    assert_eq!(
        f.offered(
            &nine,
            Offer {
                beta: true,
                premium: true
            }
        ),
        Err(NotOffered::UltimateOnly)
    );
    assert_eq!(
        get("review_merge_request").offered(
            &v("18.3"),
            Offer {
                beta: true,
                premium: false
            }
        ),
        Err(NotOffered::NotInVersion)
    );
}

/// §3.1 UI groups, in page order.
#[test]
fn groups_and_providers() {
    let titles: Vec<&str> = feature::GROUPS.iter().map(|g| g.0.title()).collect();
    assert_eq!(
        titles,
        [
            "Code Suggestions",
            "GitLab Duo Chat",
            "GitLab Duo for merge requests",
            "GitLab Duo for issues",
            "GitLab Duo Agent Platform",
            "Other GitLab Duo features"
        ]
    );
    assert!(Group::DuoChat.always_shown());
    assert!(!Group::AgentPlatform.always_shown());
    assert_eq!(Group::Other.id(), "other-duo-features");
    // §4.1 provider enum.
    let rows = [
        (Provider::Disabled, "disabled", 0, Some("Disabled")),
        (
            Provider::Vendored,
            "vendored",
            1,
            Some("GitLab AI vendor model"),
        ),
        (
            Provider::SelfHosted,
            "self_hosted",
            2,
            Some("Self-hosted model"),
        ),
        (Provider::Unassigned, "unassigned", 3, None),
    ];
    for (p, key, id, title) in rows {
        assert_eq!((p.key(), p.enum_int(), p.title()), (key, id, title));
    }
    assert_eq!(feature::general_chat().key, "duo_chat");
}

/// §7: the covered range and the milestones are in order.
#[test]
fn timeline_is_ordered_and_bounded() {
    let all = timeline::ALL;
    assert!(all.windows(2).all(|w| w[0].since <= w[1].since));
    assert_eq!(timeline::OLDEST.since, (17, 9));
    assert_eq!(timeline::NEWEST.since, (19, 5));
    for (text, covered) in [
        ("17.8", false),
        ("17.9", true),
        ("19.5", true),
        ("19.6", false),
        ("20.0", false),
    ] {
        assert_eq!(timeline::covers(&v(text)), covered, "{text}");
    }
}
