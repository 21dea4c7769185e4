//! The configuration document: decoding, every validation rule with its
//! version boundaries, and resolution with each Chat fallback condition.

mod util;

use duo_selfhosted::config::{self, Config, Report, Via};
use duo_selfhosted::feature::Provider;
use duo_selfhosted::Param;
use serde_json::{json, Value};
use util::{codes, none_with, only};

/// A valid 18.9 set-up: Ultimate, Duo Enterprise, beta on, a Local AI
/// Gateway, four deployments, no feature settings.
fn base() -> Value {
    json!({
        "gitlab_version": "18.9",
        "offering": "self_managed",
        "tier": "ultimate",
        "add_ons": ["duo_enterprise"],
        "license": "online",
        "installation": "linux_package",
        "beta_models_and_features": true,
        "ai_gateway": { "url": "http://10.0.1.7:5052" },
        "self_hosted_models": [
            { "name": "Mistral", "family": "mistral", "deployment": "vllm", "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/Mistral-Small" },
            { "name": "Codestral", "family": "codestral", "deployment": "vllm", "endpoint": "http://10.0.1.8:8001/v1", "identifier": "custom_openai/Codestral-22B" },
            { "name": "Claude", "family": "claude_3", "deployment": "bedrock", "identifier": "bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0", "aws_region": "us-east-1", "aws_region_name": "us-east-1" },
            { "name": "Llama", "family": "llama3", "deployment": "vllm", "endpoint": "http://10.0.1.8:8002/v1", "identifier": "custom_openai/Llama-3.3-70B" }
        ]
    })
}

/// `base()` with top-level members replaced (null removes one).
fn with(changes: Value) -> Value {
    let mut doc = base();
    if let (Value::Object(target), Value::Object(changes)) = (&mut doc, changes) {
        for (key, value) in changes {
            if value.is_null() {
                target.remove(&key);
            } else {
                target.insert(key, value);
            }
        }
    }
    doc
}

#[track_caller]
fn config_of(doc: &Value) -> Config {
    let decoded = Config::from_value(doc);
    assert!(decoded.diagnostics.is_empty(), "{:#?}", decoded.diagnostics);
    decoded.config.unwrap_or_else(|| panic!("no config"))
}

#[track_caller]
fn check(doc: Value) -> Report {
    config::check_json(&doc.to_string())
}

fn s(text: &str) -> Param {
    Param::Str(text.to_owned())
}

// ---------------------------------------------------------------- decoding

/// Issue 4: unknown fields are errors with the nearest valid name; all at once.
#[test]
fn unknown_fields_and_values_are_all_reported() {
    let report = check(with(json!({
        "gitlab_version": null,
        "gitlab_verison": "18.9",
        "features": {
            "duo_chat_fix_cod": { "provider": "disabled" },
            "duo_chat": { "provider": "self-hosted", "modle": "Mistral" }
        },
        "network": { "outbound_allowlist": ["10.0.0.0/8"], "deny_all_request_except_allowed": true }
    })));
    assert!(!report.valid);
    assert_eq!(
        codes(&report.diagnostics),
        [
            "document.missing_field",
            "document.unknown_field",
            "document.unknown_value",
            "document.unknown_field",
            "document.unknown_field",
            "document.unknown_field",
            // Issue 12: the missing version no longer stops the rules; the
            // rest is checked as 19.6 (and says so).
            "config.values_assumed",
            "bedrock.model_end_of_life_scheduled",
            "url.allowlisted"
        ]
    );
    let messages: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages[0],
        "error[document.missing_field] gitlab_version: missing required field `gitlab_version`"
    );
    assert_eq!(messages[1], "error[document.unknown_field] network.deny_all_request_except_allowed: unknown field `deny_all_request_except_allowed`; did you mean `deny_all_requests_except_allowed`?");
    assert!(messages[2].starts_with(
        "error[document.unknown_value] features.duo_chat.provider: unknown value \"self-hosted\""
    ));
    assert_eq!(messages[3], "error[document.unknown_field] features.duo_chat.modle: unknown field `modle`; did you mean `model`?");
    assert_eq!(messages[4], "error[document.unknown_field] features.duo_chat_fix_cod: unknown field `duo_chat_fix_cod`; did you mean `duo_chat_fix_code`?");
    assert_eq!(messages[5], "error[document.unknown_field] gitlab_verison: unknown field `gitlab_verison`; did you mean `gitlab_version`?");
    let provider = only(&report.diagnostics, "document.unknown_value");
    assert_eq!(
        provider.param("suggestions"),
        Some(&Param::List(vec!["self_hosted".into()]))
    );
}

/// A version written as a number loses its minor (18.10 == 18.1); the hint
/// quotes what was written (issue 12: it suggested "18.1" for 18.10).
#[test]
fn version_must_be_a_string() {
    let decoded = Config::from_json(r#"{"gitlab_version": 18.10, "tier": "ultimate"}"#);
    assert!(decoded.config.is_none());
    let d = only(&decoded.diagnostics, "config.version_is_number");
    assert_eq!(
        d.message(),
        "write the GitLab version as a string, \"18.10\": as a number, 18.10 reads as 18.1"
    );
    assert_eq!(d.param("value"), Some(&s("18.10")));
    assert_eq!(d.param("read_as"), Some(&s("18.1")));
    let decoded = Config::from_json(r#"{"gitlab_version": 18.9, "tier": "ultimate"}"#);
    assert_eq!(
        only(&decoded.diagnostics, "config.version_is_number").message(),
        "write the GitLab version as a string, \"18.9\": as a number, 18.10 would read as 18.1"
    );
    #[cfg(feature = "toml")]
    {
        let decoded = Config::from_toml("gitlab_version = 19.10\ntier = \"ultimate\"\n");
        assert_eq!(
            only(&decoded.diagnostics, "config.version_is_number").message(),
            "write the GitLab version as a string, \"19.10\": as a number, 19.10 reads as 19.1"
        );
    }
    let decoded = Config::from_json(r#"{"gitlab_version": "18.x", "tier": "ultimate"}"#);
    assert_eq!(
        only(&decoded.diagnostics, "config.invalid_version").message(),
        "invalid GitLab version \"18.x\": unexpected character 'x' while parsing minor version number"
    );
}

/// A broken header stops the rules, but a broken feature or address does not.
#[test]
fn broken_parts_are_skipped_not_fatal() {
    let decoded = Config::from_value(&with(json!({
        "network": { "gitlab_server_addresses": ["10.0.0.4", "not-an-ip"] },
        "features": { "duo_chat": { "provider": 3 }, "code_generations": { "provider": "self_hosted", "model": "Claude" } }
    })));
    assert_eq!(
        codes(&decoded.diagnostics),
        ["config.invalid_ip_address", "document.wrong_type"]
    );
    let config = decoded.config.unwrap_or_else(|| panic!("config expected"));
    assert_eq!(config.network.gitlab_server_addresses.len(), 1);
    assert_eq!(config.features.len(), 1);
    let decoded = Config::from_value(&with(json!({ "tier": "ultimat" })));
    assert!(decoded.config.is_none());
    assert_eq!(codes(&decoded.diagnostics), ["document.unknown_value"]);
}

/// Issue 12: a broken header no longer stops the rules. Every part that
/// could be read is checked, with stand-ins for the header fields that
/// could not (said once); the resolution notes and the prerequisites,
/// which would be about the stand-ins, are left out.
#[test]
fn broken_header_still_checks_the_rest() {
    let mut doc = with(json!({ "tier": "ultimat", "beta_models_and_features": "yes" }));
    doc["self_hosted_models"][0]["family"] = json!("mistrall");
    doc["ai_gateway"]["url"] = json!("http://localhost:5052");
    let decoded = Config::from_value(&doc);
    assert!(decoded.config.is_none());
    let (partial, assumed) = decoded
        .partial
        .unwrap_or_else(|| panic!("partial expected"));
    assert_eq!(
        assumed.fields,
        [
            ("tier", "ultimate".to_owned()),
            ("beta_models_and_features", "true".to_owned())
        ]
    );
    assert_eq!(partial.self_hosted_models.len(), 4);
    let r = check(doc);
    assert_eq!(
        codes(&r.diagnostics),
        [
            "document.unknown_value",
            "document.wrong_type",
            "config.values_assumed",
            "model.family_unknown",
            "model.endpoint_placeholder",
            "bedrock.model_end_of_life_scheduled",
            "url.localhost",
            "url.localhost_name",
            "url.suggested_allowlist_entry",
        ]
    );
    assert_eq!(
        only(&r.diagnostics, "config.values_assumed").message(),
        "the rest of the document is checked as if tier = \"ultimate\" and beta_models_and_features = true, the values that ask least of it, because tier and beta_models_and_features could not be read; fix them and check again"
    );
    // Not an object: nothing to check.
    assert!(Config::from_json("[1]").partial.is_none());
}

/// The TOML twin of the bundled example is the same configuration.
#[cfg(feature = "toml")]
#[test]
fn toml_twin_equals_json_example() {
    let json = Config::from_json(config::EXAMPLE_JSON);
    let toml = Config::from_toml(config::EXAMPLE_TOML);
    assert!(json.diagnostics.is_empty() && toml.diagnostics.is_empty());
    assert!(json.config.is_some());
    assert_eq!(json.config, toml.config);
    let broken = Config::from_toml("gitlab_version = \"18.9\"\ntier = \n");
    let d = only(&broken.diagnostics, "document.invalid_toml");
    assert_eq!(d.param("line"), Some(&Param::Int(2)));
    assert!(
        d.message().starts_with("invalid TOML at line 2 column 8: "),
        "{}",
        d.message()
    );
}

/// The bundled example is valid (the README's main job exits 0).
#[test]
fn bundled_example_is_valid() {
    let report = config::check_json(config::EXAMPLE_JSON);
    assert!(report.valid, "{report}");
    #[cfg(feature = "toml")]
    assert_eq!(report, config::check_toml(config::EXAMPLE_TOML));
}

// ---------------------------------------------------------- version range

/// Before 17.9 is a clear diagnostic, never a default; after the newest
/// covered release (19.6) the newest rules run, with a warning (issue 10).
#[test]
fn version_out_of_range() {
    for (version, out) in [
        ("17.8", true),
        ("17.9", false),
        ("19.5", false),
        ("19.6", false),
        ("19.7", false),
        ("21.0", false),
    ] {
        let report = check(with(
            json!({ "gitlab_version": version, "tier": "ultimate", "features": {} }),
        ));
        assert_eq!(
            report
                .diagnostics
                .contains_code("config.version_out_of_range"),
            out,
            "{version}"
        );
        if out {
            assert_eq!(codes(&report.diagnostics), ["config.version_out_of_range"]);
            assert_eq!(
                report.diagnostics.as_slice()[0].message(),
                format!("GitLab {version} is older than the releases these rules cover (17.9 to 19.6); no version-dependent rule was checked")
            );
        }
    }
}

// ---------------------------------------------------------- prerequisites

/// §5 licensing and `global_policy.rb`.
#[test]
fn prerequisites() {
    // (changes, expected codes among prerequisite.*) — source: §5.
    let rows: Vec<(Value, Vec<&str>)> = vec![
        (json!({}), vec![]),
        (
            json!({"offering": "gitlab_com"}),
            vec!["prerequisite.offering"],
        ),
        (
            json!({"offering": "dedicated"}),
            vec!["prerequisite.dedicated"],
        ),
        (json!({"tier": "free"}), vec!["prerequisite.tier"]),
        // §7: Premium included from 18.0.
        (
            json!({"tier": "premium", "gitlab_version": "17.11"}),
            vec!["prerequisite.tier"],
        ),
        (json!({"tier": "premium", "gitlab_version": "18.0"}), vec![]),
        (json!({"add_ons": []}), vec!["prerequisite.add_on"]),
        (json!({"add_ons": ["duo_pro"]}), vec!["prerequisite.add_on"]),
        // offline: the DAP Self-Hosted add-on grants `dap_self_hosted?`.
        (
            json!({"add_ons": ["duo_agent_platform_self_hosted"], "license": "offline"}),
            vec![],
        ),
        (
            json!({"add_ons": ["duo_enterprise", "duo_agent_platform_self_hosted"]}),
            vec!["prerequisite.agent_platform_add_on_online"],
        ),
        (
            json!({"add_ons": ["duo_agent_platform_self_hosted"]}),
            vec![
                "prerequisite.add_on",
                "prerequisite.agent_platform_add_on_online",
            ],
        ),
    ];
    for (changes, expected) in rows {
        let report = check(with(changes.clone()));
        let found: Vec<&str> = codes(&report.diagnostics)
            .into_iter()
            .filter(|c| c.starts_with("prerequisite."))
            .collect();
        assert_eq!(found, expected, "{changes}");
    }
    let report = check(with(json!({"tier": "premium", "gitlab_version": "17.11"})));
    assert_eq!(
        only(&report.diagnostics, "prerequisite.tier").message(),
        "GitLab Duo Self-Hosted includes Premium from GitLab 18.0; GitLab 17.11 needs Ultimate"
    );
}

// ------------------------------------------------------ feature settings

fn features(version: &str, beta: bool, features: Value) -> Report {
    check(with(
        json!({ "gitlab_version": version, "beta_models_and_features": beta, "features": features }),
    ))
}

/// §3.3: a setting for a feature GitLab does not list.
#[test]
fn feature_must_be_offered() {
    let r = features(
        "18.3",
        true,
        json!({"review_merge_request": {"provider": "disabled"}}),
    );
    assert_eq!(
        only(&r.diagnostics, "feature.not_in_version").message(),
        "GitLab 18.3 has no feature `review_merge_request`; it exists from GitLab 18.4"
    );
    let r = features(
        "18.9",
        false,
        json!({"duo_chat_troubleshoot_job": {"provider": "self_hosted", "model": "Mistral"}}),
    );
    assert_eq!(
        only(&r.diagnostics, "feature.needs_beta").message(),
        "Root Cause Analysis is a beta feature in GitLab 18.9: GitLab lists it only with \"Use beta models and features in GitLab Duo Self-Hosted\" turned on"
    );
    // 18.8: Code Review still FLAGGED; 18.9 STABLE.
    let r = features(
        "18.8",
        false,
        json!({"review_merge_request": {"provider": "self_hosted", "model": "Mistral"}}),
    );
    only(&r.diagnostics, "feature.needs_beta");
    let r = features(
        "18.9",
        false,
        json!({"review_merge_request": {"provider": "self_hosted", "model": "Mistral"}}),
    );
    none_with(&r.diagnostics, "feature.needs_beta");
    let r = check(with(
        json!({"tier": "premium", "features": {"resolve_vulnerability": {"provider": "self_hosted", "model": "Mistral"}}}),
    ));
    assert_eq!(
        only(&r.diagnostics, "feature.ultimate_only").message(),
        "Vulnerability Resolution is hidden on Premium: it needs Ultimate"
    );
}

/// §3.1 feature-setting validations and §3.2 compatibility.
#[test]
fn self_hosted_settings() {
    let r = features(
        "18.9",
        true,
        json!({
            "code_generations": {"provider": "self_hosted"},
            "code_completions": {"provider": "self_hosted", "model": "mistral"},
            "duo_agent_platform_agentic_chat": {"provider": "self_hosted", "model": "Codestral"},
            "duo_chat": {"provider": "self_hosted", "model": "Llama"}
        }),
    );
    assert_eq!(
        only(&r.diagnostics, "feature.model_missing").message(),
        "Code Generation is set to self_hosted but names no deployment"
    );
    let unknown = only(&r.diagnostics, "feature.unknown_deployment");
    // GitLab compares deployment names case-sensitively.
    assert_eq!(
        unknown.message(),
        "no self-hosted model is called \"mistral\"; did you mean \"Mistral\"?"
    );
    let incompatible = only(&r.diagnostics, "feature.incompatible_family");
    assert_eq!(
        incompatible.path().to_string(),
        "features.duo_agent_platform_agentic_chat.model"
    );
    assert_eq!(
        incompatible.param("gitlab_message"),
        Some(&s(
            "Codestral is incompatible with the Agentic Chat feature"
        ))
    );
    assert_eq!(
        incompatible.message(),
        "\"Codestral\" is a codestral model, which Agentic Chat cannot use in GitLab 18.9; compatible families: claude_3, gpt, general"
    );
    // Issue 12: a family typo is reported once, where it is written, not
    // again as incompatible with every feature that uses the model.
    let mut doc = with(json!({"features": {
        "duo_chat": {"provider": "self_hosted", "model": "Mistral"},
        "code_generations": {"provider": "self_hosted", "model": "Mistral"},
        "code_completions": {"provider": "self_hosted", "model": "Mistral"}
    }}));
    doc["self_hosted_models"][0]["family"] = json!("mistrall");
    let r = check(doc);
    assert_eq!(
        only(&r.diagnostics, "model.family_unknown")
            .path()
            .to_string(),
        "self_hosted_models[0].family"
    );
    none_with(&r.diagnostics, "feature.incompatible_family");
}

/// gitlab-update §3.1: Mistral becomes compatible with the Agent Platform
/// in 19.0 (18.11-dev still has the 18.9 list).
#[test]
fn agent_platform_families_by_version() {
    let setting = json!({"duo_agent_platform": {"provider": "self_hosted", "model": "Mistral"}});
    let platform = json!({"url": "10.0.1.7:50052"});
    let r = check(with(
        json!({"gitlab_version": "18.11", "features": setting.clone(), "agent_platform": platform.clone()}),
    ));
    assert_eq!(
        only(&r.diagnostics, "feature.incompatible_family").param("gitlab_message"),
        Some(&s(
            "Mistral is incompatible with the All agents, except Agentic Chat feature"
        ))
    );
    let r = check(with(
        json!({"gitlab_version": "19.0", "features": setting, "agent_platform": platform}),
    ));
    none_with(&r.diagnostics, "feature.incompatible_family");
}

/// §5 `dap_self_hosted?` and the mutation's permission message.
#[test]
fn agent_platform_permission() {
    let setting =
        json!({"duo_agent_platform_agentic_chat": {"provider": "self_hosted", "model": "Claude"}});
    let platform = json!({"url": "10.0.1.7:50052"});
    // (changes, permitted) — §5 table.
    let rows = [
        (json!({"beta_models_and_features": true}), true),
        (json!({"beta_models_and_features": false}), false),
        (
            json!({"license": "offline", "add_ons": ["duo_enterprise"]}),
            false,
        ),
        (
            json!({"license": "offline", "add_ons": ["duo_enterprise", "duo_agent_platform_self_hosted"], "beta_models_and_features": false}),
            true,
        ),
    ];
    for (changes, permitted) in rows {
        let mut doc = with(changes.clone());
        doc["features"] = setting.clone();
        doc["agent_platform"] = platform.clone();
        let r = check(doc);
        assert_eq!(
            !r.diagnostics
                .contains_code("feature.agent_platform_permission"),
            permitted,
            "{changes}"
        );
        assert_eq!(
            !r.diagnostics.contains_code("agent_platform.permission"),
            permitted,
            "{changes}"
        );
        if !permitted {
            assert_eq!(
                only(&r.diagnostics, "feature.agent_platform_permission").param("gitlab_message"),
                Some(&s(
                    "You don't have permission to update the setting ai_self_hosted_model_id."
                ))
            );
        }
    }
}

/// §7: self-hosted Agent Platform flag off by default until 18.7.
#[test]
fn agent_platform_flag_by_version() {
    for (version, warned) in [("18.4", true), ("18.6", true), ("18.7", false)] {
        let r = check(with(json!({
            "gitlab_version": version,
            "features": {"duo_agent_platform": {"provider": "self_hosted", "model": "Claude"}},
            "agent_platform": {"url": "10.0.1.7:50052"}
        })));
        assert_eq!(
            r.diagnostics.contains_code("agent_platform.behind_flag"),
            warned,
            "{version}"
        );
    }
}

/// The two flag warnings name the option, the flag and the release that
/// turned it on by default.
#[test]
fn flag_warnings_name_the_flag() {
    let r = check(with(json!({
        "gitlab_version": "18.5",
        "features": {
            "duo_agent_platform": {"provider": "self_hosted", "model": "Claude"},
            "code_generations": {"provider": "vendored"}
        },
        "agent_platform": {"url": "10.0.1.7:50052"}
    })));
    let message = |code: &str| {
        let found: Vec<_> = r.diagnostics.iter().filter(|d| d.code() == code).collect();
        assert_eq!(found.len(), 1, "{code}: {:?}", r.diagnostics);
        (found[0].path().to_string(), found[0].message().to_owned())
    };
    assert_eq!(
        message("agent_platform.behind_flag"),
        (
            "features.duo_agent_platform.provider".to_owned(),
            "in GitLab 18.5 the self-hosted Agent Platform is behind the feature flag `self_hosted_agent_platform`, off by default until 18.7".to_owned()
        )
    );
    assert_eq!(
        message("feature.vendored_behind_flag"),
        (
            "features.code_generations.provider".to_owned(),
            "in GitLab 18.5 the GitLab AI vendor model option is behind the feature flag `ai_self_hosted_vendored_features`, off by default until 18.7".to_owned()
        )
    );
}

/// §4.1 vendored availability by version and licence.
#[test]
fn vendored_by_version() {
    let vendored = |version: &str, key: &str, extra: Value| {
        let mut doc = with(json!({"gitlab_version": version, "ai_gateway": null}));
        doc["features"] = json!({ key: {"provider": "vendored"} });
        if let (Value::Object(d), Value::Object(e)) = (&mut doc, extra) {
            d.extend(e);
        }
        check(doc)
    };
    // (version, feature, expected vendored-related codes) — §4.1 / §7.
    let rows = [
        (
            "18.2",
            "code_generations",
            vec!["feature.provider_not_in_version"],
        ),
        (
            "18.3",
            "code_generations",
            vec!["feature.vendored_behind_flag"],
        ),
        (
            "18.6",
            "code_generations",
            vec!["feature.vendored_behind_flag"],
        ),
        ("18.7", "code_generations", vec![]),
        (
            "18.4",
            "duo_agent_platform",
            vec!["feature.vendored_behind_flag"],
        ),
        (
            "18.5",
            "duo_agent_platform",
            vec!["feature.vendored_behind_flag", "feature.vendored_hidden"],
        ),
        (
            "18.9",
            "duo_agent_platform",
            vec!["feature.vendored_hidden"],
        ),
        ("18.9", "duo_agent_platform_agentic_chat", vec![]),
        ("18.8", "glab_ask_git_command", vec![]),
        (
            "18.9",
            "glab_ask_git_command",
            vec!["feature.vendored_not_listed"],
        ),
    ];
    for (version, key, expected) in rows {
        let r = vendored(version, key, json!({}));
        let found: Vec<&str> = codes(&r.diagnostics)
            .into_iter()
            .filter(|c| {
                c.starts_with("feature.")
                    && *c != "feature.no_model_stays_on"
                    && *c != "feature.general_chat_fallback"
            })
            .collect();
        assert_eq!(found, expected, "{version} {key}");
    }
    let r = vendored(
        "18.9",
        "code_generations",
        json!({"license": "offline", "add_ons": ["duo_agent_platform_self_hosted"]}),
    );
    assert_eq!(
        only(&r.diagnostics, "feature.vendored_offline").message(),
        "Code Generation cannot use a GitLab AI vendor model: offline licences cannot use GitLab-managed models"
    );
    // A pinned GitLab-managed model exists from 18.9.
    for (version, warned) in [("18.8", true), ("18.9", false)] {
        let mut doc = with(json!({"gitlab_version": version}));
        doc["features"] =
            json!({"code_generations": {"provider": "vendored", "model": "claude_sonnet_4"}});
        assert_eq!(
            check(doc)
                .diagnostics
                .contains_code("feature.vendored_model_not_in_version"),
            warned,
            "{version}"
        );
    }
}

/// §8 item 4: a vendored Chat setting with the GitLab default model resolves to none.
#[test]
fn vendored_default_with_gateway_is_reported() {
    let r = features(
        "18.9",
        true,
        json!({
            "duo_chat": {"provider": "self_hosted", "model": "Mistral"},
            "duo_chat_fix_code": {"provider": "vendored"},
            "duo_chat_explain_code": {"provider": "vendored", "model": "claude_sonnet_4"},
            "code_generations": {"provider": "vendored"}
        }),
    );
    let d = only(&r.diagnostics, "feature.vendored_default_resolves_to_none");
    assert_eq!(d.path().to_string(), "features.duo_chat_fix_code.model");
    assert_eq!(
        d.message(),
        "with a Local AI Gateway URL set, GitLab's code resolves a vendored setting with the GitLab default model to no model, so Fix Code does not use a GitLab-managed model: GitLab Duo Chat falls back to General Chat's model; pick a GitLab-managed model to pin it"
    );
}

/// §4.1 / §4.3 / §8 item 5 warnings on disabled and unassigned settings.
#[test]
fn disabled_and_unassigned_settings() {
    let r = features(
        "18.9",
        true,
        json!({
            "duo_chat_fix_code": {"provider": "unassigned"},
            "duo_chat_write_tests": {"provider": "disabled", "model": "Mistral"},
            "code_generations": {"provider": "disabled"}
        }),
    );
    assert_eq!(
        only(&r.diagnostics, "feature.saved_unassigned_no_fallback").message(),
        "a saved `unassigned` setting does not fall back to General Chat: GitLab falls back only when Fix Code has no saved setting; leave it out to use General Chat's model"
    );
    assert_eq!(
        only(&r.diagnostics, "feature.model_ignored").message(),
        "Test Generation is disabled: the model \"Mistral\" is ignored"
    );
    // Only the classic Chat one gets the unverified-Disabled warning.
    assert_eq!(
        only(&r.diagnostics, "feature.chat_disabled_unverified")
            .path()
            .to_string(),
        "features.duo_chat_write_tests.provider"
    );
    none_with(&r.diagnostics, "feature.unassigned_not_in_version");
    // Issue 12: disabling a feature needs neither the beta setting nor
    // Ultimate (it was feature.needs_beta, an error).
    let r = features(
        "18.9",
        false,
        json!({"duo_chat_troubleshoot_job": {"provider": "disabled"}}),
    );
    none_with(&r.diagnostics, "feature.needs_beta");
    assert!(
        r.diagnostics
            .iter()
            .all(|d| !d.is_error() || d.code() == "model.family_needs_beta"),
        "{r}"
    );
    let r = check(with(
        json!({"tier": "premium", "features": {"resolve_vulnerability": {"provider": "disabled"}}}),
    ));
    none_with(&r.diagnostics, "feature.ultimate_only");
    let r = features(
        "18.8",
        true,
        json!({"code_generations": {"provider": "unassigned"}}),
    );
    only(&r.diagnostics, "feature.unassigned_not_in_version");
}

// ------------------------------------------------------------- AI gateway

/// §6.1 and §4.1: self-hosted features need a Local AI Gateway URL.
#[test]
fn ai_gateway_url_rules() {
    let setting = json!({"code_generations": {"provider": "self_hosted", "model": "Mistral"}});
    for (url, missing) in [
        (json!(null), true),
        (json!("/"), true),
        (json!("  "), true),
        (json!("http://10.0.1.7:5052/"), false),
    ] {
        let r = check(with(
            json!({"ai_gateway": {"url": url}, "features": setting.clone()}),
        ));
        assert_eq!(
            r.diagnostics.contains_code("ai_gateway.url_missing"),
            missing,
            "{url}"
        );
    }
    // Issue 12: titles and agreement (was "duo_chat use self-hosted models").
    let r = check(with(
        json!({"ai_gateway": null, "features": {"duo_chat": {"provider": "self_hosted", "model": "Mistral"}}}),
    ));
    assert_eq!(
        only(&r.diagnostics, "ai_gateway.url_missing").message(),
        "General Chat is set to a self-hosted model, but no Local AI Gateway URL is set: its requests would go to GitLab's cloud AI gateway, which cannot reach self-hosted models"
    );
    let long = format!("http://gw.internal/{}", "a".repeat(2048));
    let r = check(with(json!({"ai_gateway": {"url": long}})));
    let d = only(&r.diagnostics, "settings.url_too_long");
    assert_eq!(d.path().to_string(), "ai_gateway.url");
    assert_eq!(
        d.param("gitlab_message"),
        Some(&s("is too long (maximum is 2048 characters)"))
    );
}

// ------------------------------------------------------- Agent Platform

fn platform(version: &str, url: Option<&str>, tls: Value, dap: Option<&str>) -> Report {
    let mut doc = with(json!({"gitlab_version": version}));
    let mut section = serde_json::Map::new();
    if let Some(url) = url {
        section.insert("url".into(), url.into());
    }
    if !tls.is_null() {
        section.insert("tls".into(), tls);
    }
    if !section.is_empty() {
        doc["agent_platform"] = Value::Object(section);
    }
    if let Some(provider) = dap {
        let model = if provider == "self_hosted" {
            json!("Claude")
        } else {
            Value::Null
        };
        doc["features"] = json!({
            "duo_agent_platform": {"provider": provider, "model": model},
            "duo_agent_platform_agentic_chat": {"provider": provider, "model": model}
        });
    }
    check(doc)
}

/// §6.3: the service URL exists from 18.4, is used only for self-hosted Agent Platform features.
#[test]
fn agent_platform_url_rules() {
    only(
        &platform("18.3", Some("gw:50052"), Value::Null, None).diagnostics,
        "agent_platform.not_in_version",
    );
    none_with(
        &platform("18.4", Some("gw:50052"), Value::Null, Some("self_hosted")).diagnostics,
        "agent_platform.not_in_version",
    );
    only(
        &platform("18.9", Some("gw:50052"), Value::Null, None).diagnostics,
        "agent_platform.url_unused",
    );
    let r = platform("18.9", None, Value::Null, Some("self_hosted"));
    assert_eq!(
        only(&r.diagnostics, "agent_platform.url_missing").message(),
        // Issue 12: titles and agreement (was "duo_agent_platform,
        // duo_agent_platform_agentic_chat use self-hosted models").
        "\"All agents, except Agentic Chat\" and Agentic Chat are set to a self-hosted model, but no Agent Platform service URL is set"
    );
    let r = platform(
        "18.9",
        Some("https://gw.internal:50052/"),
        Value::Null,
        Some("self_hosted"),
    );
    let d = only(&r.diagnostics, "agent_platform.url_has_scheme");
    assert_eq!(d.path().to_string(), "agent_platform.url");
    assert_eq!(d.param("enforced_by_gitlab"), Some(&Param::Bool(false)));
    assert_eq!(d.param("suggestion"), Some(&s("gw.internal:50052")));
}

/// §6.4: TLS by version — the variable 18.4-18.9 (global), the setting 18.10+.
#[test]
fn tls_by_version() {
    // 18.9, TLS off, Agent Platform on GitLab's cloud (vendored): global effect.
    let r = platform("18.9", None, json!(false), Some("vendored"));
    let d = only(&r.diagnostics, "agent_platform.tls_env_global");
    assert_eq!(
        d.param("gitlab_message"),
        Some(&s("If you are going to use a GitLab AI vendor model for GitLab Duo Agent Platform, you must not set the `DUO_AGENT_PLATFORM_SERVICE_SECURE` environment variable."))
    );
    // Text values are read like Gitlab::Utils.to_boolean.
    let r = platform("18.9", None, json!("OFF"), Some("vendored"));
    only(&r.diagnostics, "agent_platform.tls_env_global");
    let r = platform("18.9", None, json!("disabled"), Some("vendored"));
    assert_eq!(
        only(&r.diagnostics, "agent_platform.tls_unrecognised").message(),
        "GitLab reads DUO_AGENT_PLATFORM_SERVICE_SECURE=\"disabled\" as true (its default): only false, f, no, n, 0, off mean false"
    );
    none_with(&r.diagnostics, "agent_platform.tls_env_global");
    // 18.10: no longer global; a text value is not the checkbox.
    let r = platform("18.10", None, json!(false), Some("vendored"));
    none_with(&r.diagnostics, "agent_platform.tls_env_global");
    only(&r.diagnostics, "agent_platform.tls_unused");
    let r = platform(
        "18.10",
        Some("gw:50052"),
        json!("false"),
        Some("self_hosted"),
    );
    only(&r.diagnostics, "agent_platform.tls_not_boolean");
    let r = platform(
        "18.9",
        Some("gw:50052"),
        json!("false"),
        Some("self_hosted"),
    );
    none_with(&r.diagnostics, "agent_platform.tls_not_boolean");
    // Before 18.4 there is no setting at all.
    only(
        &platform("18.3", None, json!(false), None).diagnostics,
        "agent_platform.not_in_version",
    );
}

// -------------------------------------------------------------- resolution

fn resolved(doc: Value, key: &str) -> config::ResolvedFeature {
    let config = config_of(&doc);
    config::resolve(&config)
        .feature(key)
        .cloned()
        .unwrap_or_else(|| panic!("{key} not listed"))
}

fn chat_doc(extra: Value, features: Value) -> Value {
    let mut doc = with(extra);
    let mut all = json!({"duo_chat": {"provider": "self_hosted", "model": "Mistral"}});
    if let (Value::Object(a), Value::Object(f)) = (&mut all, features) {
        a.extend(f);
    }
    doc["features"] = all;
    doc
}

/// §4.2 / §4.3: each condition of GitLab's Chat fallback.
#[test]
fn chat_fallback_conditions() {
    struct Row {
        why: &'static str,
        extra: Value,
        setting: Value,
        provider: Provider,
        model: Option<&'static str>,
        via: Via,
    }
    let fix = "duo_chat_fix_code";
    let rows = [
        Row {
            why: "nothing saved, gateway set: none, falls back",
            extra: json!({}),
            setting: json!({}),
            provider: Provider::SelfHosted,
            model: Some("Mistral"),
            via: Via::GeneralChatFallback,
        },
        Row {
            why: "nothing saved, no gateway, online: GitLab default model",
            extra: json!({"ai_gateway": null}),
            setting: json!({}),
            provider: Provider::Vendored,
            model: None,
            via: Via::InstanceModelSelection,
        },
        Row {
            why: "nothing saved, offline licence: none, falls back",
            extra: json!({"ai_gateway": null, "license": "offline"}),
            setting: json!({}),
            provider: Provider::SelfHosted,
            model: Some("Mistral"),
            via: Via::GeneralChatFallback,
        },
        Row {
            why: "vendored, GitLab default model, gateway set: none, falls back",
            extra: json!({}),
            setting: json!({fix: {"provider": "vendored"}}),
            provider: Provider::SelfHosted,
            model: Some("Mistral"),
            via: Via::GeneralChatFallback,
        },
        Row {
            why: "vendored, pinned model, online: its own",
            extra: json!({}),
            setting: json!({fix: {"provider": "vendored", "model": "claude_sonnet_4"}}),
            provider: Provider::Vendored,
            model: None,
            via: Via::Own,
        },
        Row {
            why: "vendored, pinned model, offline: none, falls back",
            extra: json!({"license": "offline"}),
            setting: json!({fix: {"provider": "vendored", "model": "claude_sonnet_4"}}),
            provider: Provider::SelfHosted,
            model: Some("Mistral"),
            via: Via::GeneralChatFallback,
        },
        Row {
            why: "saved unassigned: returned as is",
            extra: json!({}),
            setting: json!({fix: {"provider": "unassigned"}}),
            provider: Provider::Unassigned,
            model: None,
            via: Via::Own,
        },
        Row {
            why: "disabled: returned as is",
            extra: json!({}),
            setting: json!({fix: {"provider": "disabled"}}),
            provider: Provider::Disabled,
            model: None,
            via: Via::Own,
        },
        Row {
            why: "self_hosted: its own",
            extra: json!({}),
            setting: json!({fix: {"provider": "self_hosted", "model": "Llama"}}),
            provider: Provider::SelfHosted,
            model: Some("Llama"),
            via: Via::Own,
        },
    ];
    for row in rows {
        let r = resolved(chat_doc(row.extra, row.setting), fix);
        assert_eq!(
            (r.provider, r.model.as_deref(), r.via),
            (row.provider, row.model, row.via),
            "{}",
            row.why
        );
        assert_eq!(r.enabled, row.provider != Provider::Disabled, "{}", row.why);
    }
}

/// §4.3: who takes part in the fallback.
#[test]
fn fallback_scope() {
    let doc = chat_doc(json!({}), json!({}));
    // duo_chat itself never falls back; with nothing saved it has no model.
    let mut bare = doc.clone();
    bare["features"] = json!({});
    let chat = resolved(bare, "duo_chat");
    assert_eq!(
        (chat.provider, chat.via, chat.enabled),
        (Provider::Unassigned, Via::Own, true)
    );
    // Code-level Chat features fall back too (§4.3: explain_vulnerability, summarize_comments).
    for key in [
        "duo_chat_troubleshoot_job",
        "duo_chat_explain_vulnerability",
        "duo_chat_summarize_comments",
    ] {
        assert_eq!(
            resolved(doc.clone(), key).via,
            Via::GeneralChatFallback,
            "{key}"
        );
    }
    // Non-chat features never do: no model, still on.
    for key in [
        "generate_commit_message",
        "review_merge_request",
        "code_generations",
    ] {
        let r = resolved(doc.clone(), key);
        assert_eq!(
            (r.provider, r.via, r.enabled),
            (Provider::Unassigned, Via::Own, true),
            "{key}"
        );
    }
    // A non-chat vendored setting is used as is (Code Suggestions reads its setting directly).
    let mut vendored = doc.clone();
    vendored["features"]["code_generations"] = json!({"provider": "vendored"});
    assert_eq!(
        resolved(vendored, "code_generations").provider,
        Provider::Vendored
    );
    // General Chat disabled: the sub-feature follows it, off.
    let off = resolved(
        chat_doc(json!({}), json!({"duo_chat": {"provider": "disabled"}})),
        "duo_chat_fix_code",
    );
    assert_eq!(
        (off.provider, off.via, off.enabled),
        (Provider::Disabled, Via::GeneralChatFallback, false)
    );
    // 17.9: before per-sub-feature settings there is no fallback path (§7 17.10).
    let old = resolved(
        chat_doc(json!({"gitlab_version": "17.9"}), json!({})),
        "duo_chat_explain_vulnerability",
    );
    assert_eq!(old.via, Via::Own);
    let new = resolved(
        chat_doc(json!({"gitlab_version": "17.10"}), json!({})),
        "duo_chat_explain_vulnerability",
    );
    assert_eq!(new.via, Via::GeneralChatFallback);
}

/// Issue 4 contract: `{"features": [{feature, title, group, provider, model, family, via, reason, enabled}]}`
/// (`reason` added by issue 10).
#[test]
fn resolution_json_shape_and_listing() {
    let config = config_of(&chat_doc(
        json!({"beta_models_and_features": false}),
        json!({}),
    ));
    let resolution = config::resolve(&config);
    assert_eq!(
        resolution.features.len(),
        10,
        "beta off: the STABLE features only"
    );
    let text = serde_json::to_string(&resolution.features[3]).unwrap_or_default();
    assert_eq!(
        text,
        r#"{"feature":"duo_chat_explain_code","title":"Code Explanation","group":"GitLab Duo Chat","provider":"self_hosted","model":"Mistral","family":"mistral","via":"general_chat_fallback","reason":"no saved setting of its own: with a Local AI Gateway URL set and no pinned GitLab-managed model, GitLab's selection service resolves it to no model, so GitLab Duo Chat uses General Chat's setting","enabled":true}"#
    );
    let missing = resolved(
        chat_doc(
            json!({}),
            json!({"duo_chat": {"provider": "self_hosted", "model": "Nope"}}),
        ),
        "duo_chat",
    );
    assert_eq!(
        (missing.model.as_deref(), missing.family),
        (Some("Nope"), None)
    );
}

/// The two notes GitLab never shows.
#[test]
fn resolution_notes() {
    let r = check(chat_doc(
        json!({"beta_models_and_features": false}),
        json!({"code_generations": {"provider": "self_hosted", "model": "Codestral"}}),
    ));
    assert_eq!(
        only(&r.diagnostics, "feature.general_chat_fallback").message(),
        "Code Explanation, Test Generation, Refactor Code and Fix Code have no model of their own and use General Chat's: the self-hosted model \"Mistral\""
    );
    // Issue 12: a title with a comma is quoted (was "All agents, except
    // Agentic Chat, Agentic Chat have no model").
    assert_eq!(
        only(&r.diagnostics, "feature.no_model_stays_on").message(),
        "Code Completion, Code Review, \"All agents, except Agentic Chat\" and Agentic Chat have no model and stay on: GitLab sends their requests with its default model parameters through the AI gateway; set a feature's provider to disabled to turn it off"
    );
    // Issue 12: General Chat without a model (was "use General Chat's: no
    // model: General Chat has none either").
    let r = check(chat_doc(
        json!({"beta_models_and_features": false}),
        json!({"duo_chat_explain_code": {"provider": "self_hosted", "model": "Mistral"}, "duo_chat_write_tests": {"provider": "self_hosted", "model": "Mistral"}, "duo_chat_refactor_code": {"provider": "self_hosted", "model": "Mistral"}, "duo_chat": null}),
    ));
    assert_eq!(
        only(&r.diagnostics, "feature.general_chat_fallback").message(),
        "Fix Code has no model of its own: it would use General Chat's, but General Chat has no model either"
    );
    assert!(config::is_valid(&config_of(&base())));
}

/// `check --format codequality`: GitLab's Code Quality fields.
#[test]
fn code_quality_report() {
    let r = check(with(json!({"tier": "free"})));
    let issues = r.code_quality("duo.json");
    let text = serde_json::to_value(&issues[0]).unwrap_or_default();
    assert_eq!(text["check_name"], "prerequisite.tier");
    assert_eq!(text["severity"], "major");
    assert_eq!(
        text["description"],
        "tier: GitLab Duo Self-Hosted needs the Premium or Ultimate tier"
    );
    assert_eq!(
        text["location"],
        json!({"path": "duo.json", "lines": {"begin": 1}})
    );
    assert_eq!(text["fingerprint"].as_str().map(str::len), Some(16));
    assert_eq!(
        r.code_quality("duo.json"),
        issues,
        "fingerprints are stable"
    );
}

/// Issue 12: lines come from the parser's spans. In the bundled TOML
/// example the third model's finding is on its own `identifier` line (44),
/// not on the first line with that key (model 0's, line 31).
#[cfg(feature = "toml")]
#[test]
fn code_quality_lines_from_spans() {
    let r = config::check_toml(config::EXAMPLE_TOML);
    let issues = r.code_quality_located(
        "examples/duo-selfhosted.toml",
        config::EXAMPLE_TOML,
        config::SourceFormat::Toml,
    );
    let lines: Vec<(&str, u32)> = issues
        .iter()
        .map(|i| (i.check_name, i.location.lines.begin))
        .collect();
    assert_eq!(
        lines,
        [
            ("config.version_rules_carried_forward", 2),
            ("bedrock.model_end_of_life_scheduled", 44),
            ("url.allowlisted", 17),
            ("feature.no_model_stays_on", 54)
        ]
    );
    // The same findings in the JSON twin point at its lines.
    let r = config::check_json(config::EXAMPLE_JSON);
    let map = config::SourceMap::new(config::EXAMPLE_JSON, config::SourceFormat::Json);
    let eol = only(&r.diagnostics, "bedrock.model_end_of_life_scheduled");
    let span = map
        .diagnostic_span(config::EXAMPLE_JSON, eol)
        .unwrap_or_else(|| panic!("no span"));
    assert_eq!(
        &config::EXAMPLE_JSON[span.start..span.end],
        "\"bedrock/jp.anthropic.claude-sonnet-4-5-20250929-v1:0\""
    );
}

// ------------------------------------------- rules of the other modules

/// §6.1 / url-blocker.md §3.1: the AI gateway URL through the save-time
/// blocker preset, with the instance's deny-all, allowlist and addresses.
#[test]
fn ai_gateway_url_through_the_blocker() {
    let gateway = |url: &str, network: Value, resolved: Value| {
        let mut doc = with(json!({"network": network}));
        doc["ai_gateway"] = json!({"url": url});
        if !resolved.is_null() {
            doc["ai_gateway"]["resolved_addresses"] = resolved;
        }
        check(doc)
    };
    // Loopback is refused in production, unless allowlisted. 127.0.0.1 is
    // the loopback interface's own address, so GitLab's localhost check
    // (which runs before the loopback check) names it (url-blocker.md §2.3).
    let r = gateway("http://127.0.0.1:5052", json!({}), Value::Null);
    let d = only(&r.diagnostics, "url.localhost");
    assert_eq!(d.path().to_string(), "ai_gateway.url");
    assert_eq!(
        d.param("gitlab_message"),
        Some(&s("Requests to localhost are not allowed"))
    );
    let r = gateway(
        "http://127.0.0.1:5052",
        json!({"outbound_allowlist": "127.0.0.1"}),
        Value::Null,
    );
    none_with(&r.diagnostics, "url.localhost");
    // Private networks pass at save time; deny-all needs the allowlist.
    let r = gateway("http://192.168.1.5:5052", json!({}), Value::Null);
    assert!(r.valid, "{r}");
    let r = gateway(
        "http://192.168.1.5:5052",
        json!({"deny_all_requests_except_allowed": true}),
        Value::Null,
    );
    assert_eq!(
        only(&r.diagnostics, "url.not_on_allowlist").param("gitlab_message"),
        Some(&s(
            "Requests to hosts and IP addresses not on the Allow List are denied"
        ))
    );
    let r = gateway(
        "http://192.168.1.5:5052",
        json!({"deny_all_requests_except_allowed": true, "outbound_allowlist": ["192.168.1.0/24"]}),
        Value::Null,
    );
    none_with(&r.diagnostics, "url.not_on_allowlist");
    // The GitLab server's own address counts as localhost.
    let r = gateway(
        "http://10.0.0.4:5052",
        json!({"gitlab_server_addresses": ["10.0.0.4"]}),
        Value::Null,
    );
    only(&r.diagnostics, "url.localhost");
    // A name: the answer depends on DNS unless the addresses are given.
    let r = gateway("http://gw.internal:5052", json!({}), Value::Null);
    assert_eq!(
        only(&r.diagnostics, "url.depends_on_dns")
            .path()
            .to_string(),
        "ai_gateway.url.host"
    );
    let r = gateway("http://gw.internal:5052", json!({}), json!(["127.0.0.2"]));
    only(&r.diagnostics, "url.loopback");
    // Issue 12: the most common mistake, `localhost`, is not a DNS guess:
    // it resolves to loopback, so the document is invalid, as with 127.0.0.1.
    let r = gateway("http://localhost:5052", json!({}), Value::Null);
    assert!(!r.valid, "{r}");
    let d = only(&r.diagnostics, "url.localhost");
    assert_eq!(d.path().to_string(), "ai_gateway.url");
    only(&r.diagnostics, "url.localhost_name");
    none_with(&r.diagnostics, "url.depends_on_dns");
    let r = gateway("http://gw.internal:5052", json!({}), json!(["10.0.1.7"]));
    none_with(&r.diagnostics, "url.depends_on_dns");
    assert!(r.valid, "{r}");
}

/// The allowlist's own rules run on the document's allowlist.
#[test]
fn allowlist_rules_run_under_network() {
    let r = check(with(
        json!({"network": {"outbound_allowlist": ["10.0.0.0/8", "http://gw.internal"]}}),
    ));
    let found: Vec<String> = r
        .diagnostics
        .iter()
        .filter(|d| d.code().starts_with("allowlist."))
        .map(|d| d.path().to_string())
        .collect();
    assert!(!found.is_empty(), "{r}");
    assert!(
        found.iter().all(|p| p == "network.outbound_allowlist[1]"),
        "{found:?}"
    );
}

/// The model rules run on the document's records, with the document's
/// version and beta setting (a beta family needs the beta setting).
#[test]
fn model_rules_run_with_the_documents_context() {
    let r = check(with(json!({"beta_models_and_features": false})));
    let d = only(&r.diagnostics, "model.family_needs_beta");
    assert_eq!(d.path().to_string(), "self_hosted_models[3].family");
    let r = check(with(json!({"beta_models_and_features": true})));
    none_with(&r.diagnostics, "model.family_needs_beta");
    let mut doc = base();
    doc["self_hosted_models"][1]["name"] = json!("Mistral");
    only(&check(doc).diagnostics, "model.name_taken");
}

proptest::proptest! {
    /// Any JSON text, and any edit of the example, is checked without panicking.
    #[test]
    fn checking_never_panics(text in "\\PC{0,60}", cut in 0usize..4000) {
        let _ = config::check_json(&text);
        let example = config::EXAMPLE_JSON;
        let cut = cut.min(example.len());
        if example.is_char_boundary(cut) {
            let _ = config::check_json(&example[..cut]);
            let edited = format!("{}{}{}", &example[..cut], text, &example[cut..]);
            let report = config::check_json(&edited);
            let issues = report.code_quality_in("x.json", &edited);
            proptest::prop_assert_eq!(issues.len(), report.diagnostics.len());
        }
    }
}

/// §4.1 (18.9 UI): Disabled sits in the "Self-hosted models" option group,
/// shown only when a compatible (and, without beta, GA) model exists.
#[test]
fn disabled_needs_a_selectable_model_in_the_ui() {
    // Agentic Chat: compatible families claude_3, gpt, general.
    let setting = json!({"duo_agent_platform_agentic_chat": {"provider": "disabled"}});
    let mut only_mistral = with(json!({"features": setting.clone()}));
    only_mistral["self_hosted_models"] = json!([base()["self_hosted_models"][0].clone()]);
    let report = check(only_mistral.clone());
    let d = only(&report.diagnostics, "feature.disabled_not_in_ui");
    assert_eq!(d.severity(), duo_selfhosted::Severity::Info);
    // 18.8: the reference records the rule for the 18.9 page only.
    only_mistral["gitlab_version"] = json!("18.8");
    none_with(
        &check(only_mistral).diagnostics,
        "feature.disabled_not_in_ui",
    );
    // With Claude present, Disabled is offered.
    none_with(
        &check(with(json!({"features": setting}))).diagnostics,
        "feature.disabled_not_in_ui",
    );
    // A beta family (llama3) counts only with the beta setting on.
    let mut llama_only =
        with(json!({"features": {"review_merge_request": {"provider": "disabled"}}}));
    llama_only["self_hosted_models"] = json!([base()["self_hosted_models"][3].clone()]);
    none_with(
        &check(llama_only.clone()).diagnostics,
        "feature.disabled_not_in_ui",
    );
    llama_only["beta_models_and_features"] = json!(false);
    only(&check(llama_only).diagnostics, "feature.disabled_not_in_ui");
}

/// Small decoding and limit rules.
#[test]
fn duplicate_add_on_and_agent_platform_url_length() {
    let decoded = Config::from_value(&with(
        json!({"add_ons": ["duo_enterprise", "duo_enterprise"]}),
    ));
    let d = only(&decoded.diagnostics, "config.duplicate_add_on");
    assert_eq!(d.path().to_string(), "add_ons[1]");
    assert_eq!(decoded.config.map(|c| c.add_ons.len()), Some(1));
    // §6.3: the Agent Platform URL has the same 2048 limit (the one rule GitLab's server enforces).
    let long = format!("{}:50052", "a".repeat(2050));
    let r = platform("18.9", Some(&long), Value::Null, Some("self_hosted"));
    assert_eq!(
        only(&r.diagnostics, "settings.url_too_long")
            .path()
            .to_string(),
        "agent_platform.url"
    );
}

/// Issue 12: `init`'s starting document is accepted by `check` with no
/// error, for every release the rules cover, every deployment method the
/// release has, in TOML (with comments) and JSON.
#[cfg(feature = "toml")]
#[test]
fn starting_documents_are_valid() {
    use duo_selfhosted::family::DeploymentMethod;
    use duo_selfhosted::timeline;
    let mut checked = 0;
    for major in 17u16..=19 {
        for minor in 0u16..=11 {
            let version = duo_selfhosted::GitLabVersion::new(major, minor);
            if !timeline::OLDEST.reached(&version) || timeline::newer_than_rules(&version) {
                continue;
            }
            for key in DeploymentMethod::keys() {
                let Some(method) = DeploymentMethod::from_key(key) else {
                    continue;
                };
                for format in [config::SourceFormat::Toml, config::SourceFormat::Json] {
                    let text = match config::starting_document(&version, method, format) {
                        Ok(text) => text,
                        Err(e) => {
                            assert!(!method.available_in(&version), "{version} {key}: {e}");
                            continue;
                        }
                    };
                    let report = match format {
                        config::SourceFormat::Toml => config::check_toml(&text),
                        config::SourceFormat::Json => config::check_json(&text),
                    };
                    assert!(
                        report.valid,
                        "{version} {key} {format:?}:\n{report}\n{text}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 60, "{checked}");
    // The same document in both formats.
    let v = duo_selfhosted::GitLabVersion::new(19, 6);
    let toml = config::starting_document(&v, DeploymentMethod::Bedrock, config::SourceFormat::Toml);
    let json = config::starting_document(&v, DeploymentMethod::Bedrock, config::SourceFormat::Json);
    let (Ok(toml), Ok(json)) = (toml, json) else {
        panic!("no document")
    };
    assert_eq!(
        Config::from_toml(&toml).config,
        Config::from_json(&json).config
    );
    assert!(
        toml.lines().filter(|l| l.starts_with('#')).count() > 10,
        "commented"
    );
    assert!(config::starting_document(
        &duo_selfhosted::GitLabVersion::new(18, 9),
        DeploymentMethod::VertexAi,
        config::SourceFormat::Toml
    )
    .is_err());
}

/// What a release offers, for `features` and `families`.
#[test]
fn listings_by_release() {
    use config::listing;
    let v = duo_selfhosted::GitLabVersion::new(18, 9);
    let features = listing::features(&v);
    let rca = features
        .features
        .iter()
        .find(|f| f.key == "duo_chat_troubleshoot_job")
        .unwrap_or_else(|| panic!("no Root Cause Analysis"));
    assert_eq!(rca.title, "Root Cause Analysis");
    assert!(rca.needs_beta_setting);
    assert!(!features.features.iter().any(|f| f.key == "duo_developer"));
    let families = listing::families(&v);
    let llama = families
        .families
        .iter()
        .find(|f| f.key == "llama3")
        .unwrap_or_else(|| panic!("no llama3"));
    assert_eq!(
        (llama.release_state, llama.needs_beta_setting),
        ("BETA", true)
    );
    assert!(llama.compatible_features.contains(&"duo_chat"));
    assert!(!families.families.iter().any(|f| f.key == "qwen"));
    assert!(listing::covered(&duo_selfhosted::GitLabVersion::new(17, 0)).is_err());
}
