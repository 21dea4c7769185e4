//! The generated GitLab tables (families, features, groups, providers, the
//! timeline, the settings' limits) checked against the reference's
//! machine-readable blocks, so that a typo in a table or a stale generation
//! fails CI. The blocks are verbatim copies in `tests/data/reference/`, made
//! by `scripts/gen-gitlab-data.py` from `duo-domain.md` (18.9 baseline) and
//! `gitlab-update-2026-12.md` (to 19.5 development, compiled 2026-12-06);
//! the tests never read `../shared`.

use duo_selfhosted::family::{DeploymentMethod, DocsClass, Family, ReleaseState, FAMILIES};
use duo_selfhosted::feature::{self, timeline, ChatRole, Provider};
use duo_selfhosted::GitLabVersion;
use serde_json::Value;

fn block(text: &str) -> Vec<Value> {
    match serde_json::from_str(text) {
        Ok(Value::Array(rows)) => rows,
        other => panic!("not a JSON array: {other:?}"),
    }
}

#[track_caller]
fn v(text: &str) -> GitLabVersion {
    // The reference writes releases as "19.3" or "19.3 (first seen S5; …)".
    let release = text.split([' ', '(']).next().unwrap_or(text);
    release.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// The release before `version` (GitLab's majors end at .11).
fn previous(version: &GitLabVersion) -> GitLabVersion {
    match version.minor {
        0 => GitLabVersion::new(version.major - 1, 11),
        minor => GitLabVersion::new(version.major, minor - 1),
    }
}

fn strs(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn sorted(mut list: Vec<&str>) -> Vec<&str> {
    list.sort_unstable();
    list
}

#[track_caller]
fn family(key: &str) -> &'static Family {
    Family::by_key(key).unwrap_or_else(|| panic!("no family {key}"))
}

#[track_caller]
fn get(key: &str) -> &'static feature::Feature {
    feature::lookup(key).unwrap_or_else(|| panic!("no feature {key}"))
}

fn family_state(state: ReleaseState) -> &'static str {
    state.as_str()
}

fn feature_state(state: feature::ReleaseState) -> &'static str {
    match state {
        feature::ReleaseState::Ga => "GA",
        feature::ReleaseState::Beta => "BETA",
        feature::ReleaseState::Experiment => "EXPERIMENT",
    }
}

const NEWEST: &str = "19.6";

/// gitlab-update §1.3: the newest enum, names, states and releases.
#[test]
fn families_equal_the_newest_reference() {
    let rows = block(include_str!(
        "data/reference/gitlab-update-2026-12.families.json"
    ));
    assert_eq!(rows.len(), FAMILIES.len());
    for (row, f) in rows.iter().zip(FAMILIES) {
        let key = row["key"].as_str().unwrap_or_default();
        assert_eq!(f.key, key);
        assert_eq!(
            row["enum_int"].as_u64(),
            Some(u64::from(f.enum_int)),
            "{key}"
        );
        assert_eq!(
            row["graphql_value"].as_str(),
            Some(f.graphql_value),
            "{key}"
        );
        assert_eq!(row["display_name"].as_str(), Some(f.display_name), "{key}");
        assert_eq!(
            row["release_state"].as_str(),
            Some(family_state(f.release_state(&v(NEWEST)))),
            "{key}"
        );
        let since = v(row["since"].as_str().unwrap_or_default());
        assert_eq!(f.introduced_version(), since, "{key}");
        assert!(f.exists_in(&since), "{key} in {since}");
        if since > v("17.9") {
            assert!(
                !f.exists_in(&previous(&since)),
                "{key} not in {}",
                previous(&since)
            );
        }
    }
    // §1.1: qwen is in GraphQL's enum from 19.4 (first seen); embedding's
    // form option is behind a flag until then.
    let qwen = family("qwen").form_gate.expect("qwen has a form gate");
    assert_eq!((qwen.until.since, qwen.flag), ((19, 4), None));
    let embedding = family("embedding")
        .form_gate
        .expect("embedding has a form gate");
    assert_eq!(
        (embedding.until.since, embedding.flag),
        ((19, 4), Some("semantic_search_user_model_selection"))
    );
}

/// duo-domain §1.5: the 18.9 release states and docs classes.
#[test]
fn families_equal_the_baseline_reference() {
    let rows = block(include_str!("data/reference/duo-domain.families.json"));
    let baseline = v("18.9");
    for row in &rows {
        let key = row["key"].as_str().unwrap_or_default();
        let f = family(key);
        assert_eq!(
            row["enum_int"].as_u64(),
            Some(u64::from(f.enum_int)),
            "{key}"
        );
        assert_eq!(
            row["release_state_code"].as_str(),
            Some(family_state(f.release_state(&baseline))),
            "{key}"
        );
        let class = match f.docs_class {
            DocsClass::Supported => "supported",
            DocsClass::Compatible => "compatible",
            DocsClass::CompatibleDeprecated => "compatible (deprecated 18.3)",
            DocsClass::Undocumented => "undocumented",
        };
        assert_eq!(row["docs_class"].as_str(), Some(class), "{key}");
    }
    // The families duo-domain names only as later ones are undocumented.
    for row in block(include_str!(
        "data/reference/duo-domain.later-families.json"
    )) {
        let key = row["key"].as_str().unwrap_or_default();
        assert_eq!(family(key).docs_class, DocsClass::Undocumented, "{key}");
        assert_eq!(
            row["enum_int"].as_u64(),
            Some(u64::from(family(key).enum_int))
        );
    }
}

/// gitlab-update §3.2: every row of the newest feature table, at every
/// release its dated values name.
#[test]
fn features_equal_the_newest_reference() {
    let rows = block(include_str!(
        "data/reference/gitlab-update-2026-12.features.json"
    ));
    assert_eq!(rows.len(), feature::FEATURES.len());
    let newest = v(NEWEST);
    for (row, f) in rows.iter().zip(feature::FEATURES) {
        let key = row["key"].as_str().unwrap_or_default();
        assert_eq!(f.key, key);
        assert_eq!(row["enum_int"].as_u64(), Some(u64::from(f.id)), "{key}");
        // Title(s), each from its release (the first from the feature's).
        match row.get("titles").and_then(Value::as_array) {
            Some(titles) => {
                for pair in titles.iter().skip(1) {
                    let (at, title) = (v(pair[0].as_str().unwrap_or_default()), &pair[1]);
                    assert_eq!(title.as_str(), Some(f.title(&at)), "{key} {at}");
                    let before = previous(&at);
                    assert_ne!(title.as_str(), Some(f.title(&before)), "{key} {before}");
                }
                let last = titles.last().map(|p| &p[1]).cloned().unwrap_or_default();
                assert_eq!(last.as_str(), Some(f.title(&newest)), "{key}");
            }
            None => assert_eq!(row["title"].as_str(), Some(f.title(&newest)), "{key}"),
        }
        // Section(s).
        match row.get("groups").and_then(Value::as_array) {
            Some(groups) => {
                for pair in groups {
                    let at =
                        v(pair[0].as_str().unwrap_or_default()).max(v(&f.since.version_text()));
                    assert_eq!(pair[1].as_str(), Some(f.group(&at).title()), "{key} {at}");
                }
            }
            None => assert_eq!(
                row["group"].as_str(),
                Some(f.group(&newest).title()),
                "{key}"
            ),
        }
        // Release state(s).
        match row.get("release_states").and_then(Value::as_array) {
            Some(states) => {
                for pair in states {
                    let at =
                        v(pair[0].as_str().unwrap_or_default()).max(v(&f.since.version_text()));
                    assert_eq!(
                        pair[1].as_str(),
                        Some(feature_state(f.release_state(&at))),
                        "{key} {at}"
                    );
                }
            }
            None => assert_eq!(
                row["release_state"].as_str(),
                Some(feature_state(f.release_state(&newest))),
                "{key}"
            ),
        }
        // STABLE set.
        match row.get("stable_from").and_then(Value::as_str) {
            Some(from) => {
                let from = v(from);
                assert!(f.is_stable(&from), "{key} {from}");
                assert!(!f.is_stable(&previous(&from)), "{key} {}", previous(&from));
            }
            None => assert_eq!(row["stable"].as_bool(), Some(f.is_stable(&newest)), "{key}"),
        }
        // Compatible families at the newest release, and each later
        // addition at its release and not before.
        assert_eq!(
            sorted(strs(&row["compatible_families"])),
            sorted(f.compatible_families(&newest).to_vec()),
            "{key}"
        );
        if let Some(added) = row.get("families_from").and_then(Value::as_object) {
            for (family, from) in added {
                let from = v(from.as_str().unwrap_or_default());
                assert!(f.is_compatible(&from, family), "{key} {family} {from}");
                let before = previous(&from);
                if f.exists_in(&before) {
                    assert!(!f.is_compatible(&before, family), "{key} {family} {before}");
                }
            }
        }
        // First release: the reference's first-seen release.
        if let Some(since) = row.get("since").and_then(Value::as_str) {
            let first_seen = match since.split_once(" or ") {
                Some((_, later)) => v(later),
                None => v(since),
            };
            assert_eq!(f.since.version_text(), first_seen.to_string(), "{key}");
        }
        assert_eq!(
            row["ultimate_only"].as_bool() == Some(true),
            f.ultimate_only,
            "{key}"
        );
        assert_eq!(
            row["graphql_ai_features"].as_bool() != Some(false),
            f.in_graphql,
            "{key}"
        );
    }
}

/// duo-domain §3.4: the 18.9 baseline rows at 18.9 exactly.
#[test]
fn features_equal_the_baseline_reference() {
    let rows = block(include_str!("data/reference/duo-domain.features.json"));
    assert_eq!(rows.len(), 18);
    let baseline = v("18.9");
    for row in &rows {
        let key = row["key"].as_str().unwrap_or_default();
        let f = get(key);
        assert_eq!(row["enum_int"].as_u64(), Some(u64::from(f.id)), "{key}");
        assert_eq!(row["title"].as_str(), Some(f.title(&baseline)), "{key}");
        assert_eq!(
            row["group"].as_str(),
            Some(f.group(&baseline).title()),
            "{key}"
        );
        assert_eq!(
            row["release_state"].as_str(),
            Some(feature_state(f.release_state(&baseline))),
            "{key}"
        );
        assert_eq!(
            row["stable"].as_bool(),
            Some(f.is_stable(&baseline)),
            "{key}"
        );
        assert_eq!(
            sorted(strs(&row["compatible_families"])),
            sorted(f.compatible_families(&baseline).to_vec()),
            "{key}"
        );
        assert_eq!(
            row["ultimate_only"].as_bool() == Some(true),
            f.ultimate_only,
            "{key}"
        );
        assert_eq!(
            row["dap"].as_bool() == Some(true),
            f.agent_platform,
            "{key}"
        );
        let role = if row["is_general_chat"].as_bool() == Some(true) {
            ChatRole::GeneralChat
        } else if row["falls_back_to"].as_str() == Some("duo_chat") {
            ChatRole::SubFeature
        } else if row["code_level_chat_fallback"].as_bool() == Some(true) {
            ChatRole::CodeLevel
        } else {
            ChatRole::None
        };
        assert_eq!(f.chat, role, "{key}");
    }
    // The duo-domain "later-A" rows: present with those families once they
    // exist (18.11, the first-seen release).
    for row in block(include_str!(
        "data/reference/duo-domain.later-features.json"
    )) {
        let key = row["key"].as_str().unwrap_or_default();
        let f = get(key);
        assert!(f.exists_in(&v("18.11")) && !f.exists_in(&baseline), "{key}");
        assert_eq!(
            sorted(strs(&row["compatible_families"])),
            sorted(f.compatible_families(&v("18.11")).to_vec()),
            "{key}"
        );
    }
}

/// duo-domain §3.4 groups and §4 providers.
#[test]
fn groups_and_providers_equal_the_reference() {
    for (row, (group, id, title, always)) in
        block(include_str!("data/reference/duo-domain.groups.json"))
            .iter()
            .zip(feature::GROUPS)
    {
        assert_eq!(row["title"].as_str(), Some(*title));
        assert_eq!(row["id"].as_str(), *id);
        assert_eq!(row["always_shown"].as_bool(), Some(*always));
        assert_eq!(group.title(), *title);
    }
    let providers = block(include_str!("data/reference/duo-domain.providers.json"));
    assert_eq!(providers.len(), feature::provider::PROVIDERS.len());
    for (row, (provider, key, id, title)) in providers.iter().zip(feature::provider::PROVIDERS) {
        assert_eq!(row["key"].as_str(), Some(*key));
        assert_eq!(row["enum_int"].as_u64(), Some(u64::from(*id)));
        // The reference writes the self-hosted title with its placeholder.
        let theirs = row["provider_title"]
            .as_str()
            .map(|t| t.split(" (<").next().unwrap_or(t));
        assert_eq!(theirs, *title);
        assert_eq!(provider.key(), *key);
    }
    assert_eq!(Provider::Unassigned.title(), None);
}

/// gitlab-update §8: every change of the newest timeline is a milestone on
/// the same release, and the rules cover every release it lists.
#[test]
fn timeline_equals_the_reference() {
    let rows = block(include_str!(
        "data/reference/gitlab-update-2026-12.timeline.json"
    ));
    for row in &rows {
        let version = v(row["version"].as_str().unwrap_or_default());
        assert!(timeline::covers(&version), "{version}");
        for change in strs(&row["changes"]) {
            let key = change.split(' ').next().unwrap_or(change);
            let milestone = timeline::lookup(key).unwrap_or_else(|| panic!("no milestone {key}"));
            assert_eq!(milestone.version_text(), version.to_string(), "{key}");
        }
        let released = row["released"].as_str();
        let ours = timeline::RELEASE_DATES
            .iter()
            .find(|(r, _)| *r == version.key())
            .map(|(_, d)| *d);
        assert_eq!(ours, released, "{version}");
    }
    let newest = rows
        .last()
        .and_then(|r| r["version"].as_str())
        .unwrap_or_default();
    assert_eq!(timeline::NEWEST.version_text(), newest);
    assert!(timeline::newer_than_rules(&GitLabVersion::new(19, 7)));
}

/// gitlab-update §6.1: the settings' limits and the model record's rules.
#[test]
fn settings_equal_the_reference() {
    let settings: Value = serde_json::from_str(include_str!(
        "data/reference/gitlab-update-2026-12.settings.json"
    ))
    .unwrap_or_default();
    let timeout = &settings["ai_gateway_timeout_seconds"];
    assert_eq!(
        timeout["min"].as_i64(),
        Some(duo_selfhosted::config::TIMEOUT_MIN)
    );
    assert_eq!(
        timeout["max"].as_i64(),
        Some(duo_selfhosted::config::TIMEOUT_MAX)
    );
    assert_eq!(
        timeout["storage"][0][0].as_str().map(v),
        Some(v(&timeline::AI_GATEWAY_TIMEOUT.version_text()))
    );
    assert_eq!(
        timeout["nil_allowed_from"].as_str().map(v),
        Some(v(&timeline::TIMEOUT_NIL_ALLOWED.version_text()))
    );
    assert_eq!(
        settings["ai_gateway_url"]["storage"][1][0].as_str().map(v),
        Some(v(&timeline::SETTINGS_TO_APPLICATION_SETTINGS.version_text()))
    );
    assert_eq!(
        settings["ai_gateway_url"]["ai_settings_column_dropped"]
            .as_str()
            .map(v),
        Some(v(
            &timeline::AI_SETTINGS_INFRASTRUCTURE_COLUMNS_DROPPED.version_text()
        ))
    );
    assert_eq!(
        settings["ai_gateway_url"]["max_length"].as_u64(),
        Some(duo_selfhosted::settings::URL_MAX_LENGTH as u64)
    );
    let model = &settings["self_hosted_model"];
    // Endpoint: always required before 19.0, only for api from 19.0.
    let only_api = v(model["endpoint"]["required"][1][0]
        .as_str()
        .unwrap_or_default());
    let before = GitLabVersion::new(18, 11);
    for method in [DeploymentMethod::Bedrock, DeploymentMethod::VertexAi] {
        assert!(method.endpoint_required(&before));
        assert!(!method.endpoint_required(&only_api));
    }
    assert!(DeploymentMethod::Vllm.endpoint_required(&only_api));
    // Stored providers and the form's prefixes, messages and dummy endpoints.
    let providers: Vec<&str> = strs(&model["provider"]["values"]);
    for method in duo_selfhosted::family::DEPLOYMENT_METHODS {
        assert!(
            providers.contains(&method.gitlab_provider),
            "{}",
            method.key
        );
        let prefix = model["identifier"]["ui_prefix_by_platform"][method.key].as_str();
        assert_eq!(method.form_prefix.map(|(p, _)| p), prefix, "{}", method.key);
        if let (Some((p, message)), Some(template)) = (
            method.form_prefix,
            model["identifier"]["ui_message"].as_str(),
        ) {
            assert_eq!(message, template.replace("%{identifierPrefix}", p));
        }
        assert_eq!(
            method.form_dummy_endpoint,
            model["ui_dummy_endpoints"][method.key].as_str(),
            "{}",
            method.key
        );
    }
    assert_eq!(
        model["provider"]["column_from"].as_str().map(v),
        Some(v(
            &timeline::SELF_HOSTED_MODEL_PROVIDER_COLUMN.version_text()
        ))
    );
    assert_eq!(
        model["identifier"]["max_length"].as_u64(),
        Some(duo_selfhosted::identifier::MAX_LEN as u64)
    );
}
