//! Every version boundary of the feature catalog, each at the first release
//! with the change and at the release before it. The rows' values against
//! the reference's JSON blocks are `tests/gitlab_data.rs`.

use duo_selfhosted::feature::{self, timeline, Group, NotOffered, Offer, Provider, ReleaseState};
use duo_selfhosted::GitLabVersion;

#[track_caller]
fn v(text: &str) -> GitLabVersion {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[track_caller]
fn get(key: &str) -> &'static feature::Feature {
    feature::lookup(key).unwrap_or_else(|| panic!("no feature {key}"))
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

/// duo-domain §3.2 matrix spot checks; gitlab-update §3.1: the Agent
/// Platform rows accept mistral and gemini from 19.0 (18.11 still the old
/// list), and qwen joins features 0-17 and 21 in 19.3 (not 18-20, 22-25).
#[test]
fn compatibility_matrix() {
    let rows = [
        ("code_completions", "codegemma", "18.9", true),
        ("duo_chat", "codegemma", "18.9", false),
        ("duo_chat", "codestral", "18.9", true),
        ("duo_chat_troubleshoot_job", "codestral", "18.9", false),
        ("review_merge_request", "deepseekcoder", "18.9", false),
        ("review_merge_request", "llama3", "18.9", true),
        ("duo_agent_platform", "mistral", "18.11", false),
        ("duo_agent_platform", "mistral", "19.0", true),
        ("duo_agent_platform_agentic_chat", "gemini", "18.11", false),
        ("duo_agent_platform_agentic_chat", "gemini", "19.0", true),
        ("sast_vulnerability_resolution", "mistral", "19.0", false),
        ("code_generations", "qwen", "19.2", false),
        ("code_generations", "qwen", "19.3", true),
        ("duo_chat_fix_code", "qwen", "19.2", false),
        ("duo_chat_fix_code", "qwen", "19.3", true),
        ("duo_agent_platform", "qwen", "19.2", false),
        ("duo_agent_platform", "qwen", "19.3", true),
        ("review_merge_request_dap", "qwen", "19.2", false),
        ("review_merge_request_dap", "qwen", "19.3", true),
        ("review_merge_request_dap", "mixtral", "19.1", true),
        ("sast_vulnerability_fp_detection", "qwen", "19.3", false),
        ("security_review", "qwen", "19.3", false),
        ("security_review", "claude_3", "19.3", true),
        ("embeddings_code", "embedding", "19.3", true),
        ("embeddings_code", "claude_3", "19.3", false),
        ("duo_chat", "embedding", "19.6", false),
        ("feature_discovery_search", "gemini", "19.3", true),
        ("feature_discovery_search", "claude_3", "19.3", false),
        ("duo_developer", "qwen", "19.4", true),
        ("duo_developer", "mixtral", "19.4", false),
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
        // gitlab-update §3.1: 18.10 or 18.11 (first seen 18.11-dev); the
        // rules apply 18.11.
        ("sast_vulnerability_fp_detection", "18.10", false, false),
        ("sast_vulnerability_fp_detection", "18.11", true, false),
        ("secret_vulnerability_fp_detection", "18.11", true, false),
        // STABLE from 19.1.
        ("secret_vulnerability_fp_detection", "19.0", true, false),
        ("secret_vulnerability_fp_detection", "19.1", true, true),
        ("sast_vulnerability_resolution", "19.6", true, false),
        ("review_merge_request_dap", "19.0", false, false),
        ("review_merge_request_dap", "19.1", true, true),
        // 19.3 first seen (19.2 possible): the rules apply 19.3.
        ("security_review", "19.2", false, false),
        ("security_review", "19.3", true, false),
        ("embeddings_code", "19.2", false, false),
        ("embeddings_code", "19.3", true, false),
        ("feature_discovery_search", "19.2", false, false),
        ("feature_discovery_search", "19.3", true, false),
        ("resolve_dependency_bump", "19.2", false, false),
        ("resolve_dependency_bump", "19.3", true, false),
        ("duo_developer", "19.3", false, false),
        ("duo_developer", "19.4", true, true),
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
        // gitlab-update §3.1: 18.11-dev still has the old title.
        (
            "duo_agent_platform",
            "18.11",
            "All agents, except Agentic Chat",
        ),
        ("duo_agent_platform", "19.0", "Agents & flows"),
        // Docs history: "Non-Agentic Code Review" in 19.4.
        ("review_merge_request", "19.3", "Code Review"),
        ("review_merge_request", "19.4", "Non-Agentic Code Review"),
        ("review_merge_request_dap", "19.1", "Agentic Code Review"),
        ("security_review", "19.3", "Security Review"),
        ("embeddings_code", "19.3", "Code Embeddings"),
        (
            "feature_discovery_search",
            "19.3",
            "Feature Discovery Search",
        ),
        (
            "resolve_dependency_bump",
            "19.3",
            "Resolve Dependency Bump Breaking Changes",
        ),
        ("duo_developer", "19.4", "Duo Developer"),
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
            "Other GitLab Duo features",
            "Semantic Code Search",
            "Feature Discovery"
        ]
    );
    assert!(Group::DuoChat.always_shown());
    assert!(!Group::AgentPlatform.always_shown());
    assert_eq!(Group::Other.id(), Some("other-duo-features"));
    assert_eq!(Group::SemanticCodeSearch.id(), None);
    for (i, row) in feature::GROUPS.iter().enumerate() {
        assert_eq!(row.0 as usize, i, "GROUPS is in declaration order");
    }
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
    assert_eq!(timeline::NEWEST.since, (19, 6));
    for (text, covered, newer) in [
        ("17.8", false, false),
        ("17.9", true, false),
        ("19.5", true, false),
        ("19.6", true, false),
        ("19.7", false, true),
        ("20.0", false, true),
    ] {
        assert_eq!(timeline::covers(&v(text)), covered, "{text}");
        assert_eq!(timeline::newer_than_rules(&v(text)), newer, "{text}");
    }
    let mut keys: Vec<&str> = all.iter().map(|m| m.key).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), all.len(), "milestone keys are unique");
}

/// gitlab-update §0.2, §3, §4: a window's releases before its latest are
/// uncertain; from the latest on, and before the earliest, the answer is sure.
#[test]
fn dating_windows() {
    let m = timeline::NO_GENERAL_CHAT_FALLBACK_ON_ONLINE_LICENCE;
    assert_eq!(m.window, Some(((19, 2), (19, 4))));
    assert_eq!(m.window_text().as_deref(), Some("19.2\u{2013}19.4"));
    let uncertain: Vec<bool> = ["19.1", "19.2", "19.3", "19.4", "19.6"]
        .iter()
        .map(|t| m.uncertain_at(&v(t)))
        .collect();
    assert_eq!(uncertain, [false, true, true, false, false]);
    // qwen: first seen 19.2-dev, 19.3 possible: applied from 19.2.
    let q = timeline::FAMILY_QWEN;
    assert!(q.reached(&v("19.2")) && q.uncertain_at(&v("19.2")));
    assert!(!q.uncertain_at(&v("19.3")));
    assert!(q.certainly_absent_in(&v("19.1")));
    // Features 22-25: first seen 19.3-dev, 19.2 possible: applied from 19.3.
    let f = timeline::FEATURES_22_25;
    assert!(!f.reached(&v("19.2")) && f.uncertain_at(&v("19.2")));
    assert!(!f.certainly_absent_in(&v("19.2")));
    assert!(f.certainly_absent_in(&v("19.1")));
    // A migration is exact.
    assert_eq!(timeline::ENDPOINT_NULLABLE_AND_ONLY_FOR_API.window, None);
    assert_eq!(
        timeline::ENDPOINT_NULLABLE_AND_ONLY_FOR_API.basis,
        timeline::Basis::Migration
    );
}

/// gitlab-update §3.1: release states (badges) and sections by version,
/// each at the first release with the change and the release before it.
#[test]
fn release_states_and_groups_by_version() {
    let states = [
        (
            "secret_vulnerability_fp_detection",
            "19.0",
            ReleaseState::Beta,
        ),
        (
            "secret_vulnerability_fp_detection",
            "19.1",
            ReleaseState::Ga,
        ),
        (
            "sast_vulnerability_fp_detection",
            "19.1",
            ReleaseState::Beta,
        ),
        ("feature_discovery_search", "19.3", ReleaseState::Experiment),
        ("security_review", "19.3", ReleaseState::Beta),
        ("review_merge_request_dap", "19.1", ReleaseState::Ga),
        ("duo_developer", "19.4", ReleaseState::Ga),
        ("summarize_review", "18.9", ReleaseState::Experiment),
    ];
    for (key, version, state) in states {
        assert_eq!(
            get(key).release_state(&v(version)),
            state,
            "{key} {version}"
        );
    }
    let groups = [
        ("sast_vulnerability_fp_detection", "18.11", Group::Other),
        (
            "sast_vulnerability_fp_detection",
            "19.0",
            Group::AgentPlatform,
        ),
        ("secret_vulnerability_fp_detection", "18.11", Group::Other),
        (
            "sast_vulnerability_resolution",
            "19.0",
            Group::AgentPlatform,
        ),
        ("review_merge_request_dap", "19.1", Group::AgentPlatform),
        ("security_review", "19.3", Group::AgentPlatform),
        ("embeddings_code", "19.3", Group::SemanticCodeSearch),
        ("feature_discovery_search", "19.3", Group::FeatureDiscovery),
        ("resolve_dependency_bump", "19.3", Group::AgentPlatform),
        ("duo_developer", "19.4", Group::AgentPlatform),
        ("review_merge_request", "19.6", Group::MergeRequests),
    ];
    for (key, version, group) in groups {
        assert_eq!(get(key).group(&v(version)), group, "{key} {version}");
    }
    // gitlab-update §7.2: embeddings_code is not in GraphQL's AiFeatures.
    let not_in_graphql: Vec<&str> = feature::FEATURES
        .iter()
        .filter(|f| !f.in_graphql)
        .map(|f| f.key)
        .collect();
    assert_eq!(not_in_graphql, ["embeddings_code"]);
    // Only the two original Agent Platform rows need the Agent Platform
    // permission (gitlab-update §3.1, the mutation's check).
    let agent_platform: Vec<&str> = feature::FEATURES
        .iter()
        .filter(|f| f.agent_platform)
        .map(|f| f.key)
        .collect();
    assert_eq!(
        agent_platform,
        ["duo_agent_platform", "duo_agent_platform_agentic_chat"]
    );
}

/// gitlab-update §3.1: the STABLE set of 19.6, with and without beta.
#[test]
fn allowed_features_in_19_6() {
    let newest = v("19.6");
    let keys = |offer| -> Vec<&str> {
        feature::allowed(&newest, offer)
            .iter()
            .map(|f| f.key)
            .collect()
    };
    assert_eq!(
        keys(Offer {
            beta: false,
            premium: false
        }),
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
            "duo_agent_platform_agentic_chat",
            "secret_vulnerability_fp_detection",
            "review_merge_request_dap",
            "duo_developer"
        ]
    );
    assert_eq!(
        keys(Offer {
            beta: true,
            premium: false
        })
        .len(),
        27
    );
    assert_eq!(
        keys(Offer {
            beta: true,
            premium: true
        })
        .len(),
        25
    );
    assert_eq!(feature::FEATURES.len(), 27);
}
