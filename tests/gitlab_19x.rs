//! The GitLab changes of 18.10 to 19.6 (`gitlab-update-2026-12.md`), each
//! scenario of the reference's §1, §2, §4, §5 and §6 tables at the first
//! release with the change and at the release before it. The feature table
//! of §3 is `tests/feature.rs`; the rows against the reference's JSON are
//! `tests/gitlab_data.rs`.

mod util;

use duo_selfhosted::config::{self, Config, Report, Via};
use duo_selfhosted::feature::Provider;
use duo_selfhosted::model::{check_model, stored_provider, ModelContext, ModelRecord};
use duo_selfhosted::{Diagnostics, GitLabVersion, Param, Path};
use serde_json::{json, Value};
use util::{codes, none_with, only};

/// A valid set-up at `version`: Ultimate, online, Duo Enterprise, beta on,
/// a Local AI Gateway, a Mistral model, General Chat on it.
fn doc(version: &str) -> Value {
    json!({
        "gitlab_version": version,
        "tier": "ultimate",
        "add_ons": ["duo_enterprise"],
        "beta_models_and_features": true,
        "ai_gateway": { "url": "http://10.0.1.7:5052" },
        "self_hosted_models": [
            { "name": "Mistral", "family": "mistral", "deployment": "vllm",
              "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/Mistral-Small" }
        ],
        "features": { "duo_chat": { "provider": "self_hosted", "model": "Mistral" } }
    })
}

/// `doc(version)` with top-level members replaced (null removes one).
fn with(version: &str, changes: Value) -> Value {
    let mut doc = doc(version);
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
fn check(doc: Value) -> Report {
    config::check_json(&doc.to_string())
}

#[track_caller]
fn config_of(doc: &Value) -> Config {
    let decoded = Config::from_value(doc);
    assert!(decoded.diagnostics.is_empty(), "{:#?}", decoded.diagnostics);
    decoded.config.unwrap_or_else(|| panic!("no config"))
}

fn s(text: &str) -> Param {
    Param::Str(text.to_owned())
}

fn model(value: Value) -> ModelRecord {
    let mut d = Diagnostics::new();
    ModelRecord::decode(&value, &Path::root(), &mut d).unwrap_or_else(|| panic!("{d:?}"))
}

fn context(version: &str) -> ModelContext {
    ModelContext {
        gitlab_version: version.parse().unwrap_or_else(|e| panic!("{e}")),
        beta_models_enabled: true,
        ..ModelContext::default()
    }
}

fn infos_of(report: &Report, code: &str) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.code() == code)
        .filter_map(|d| match d.param("fact") {
            Some(Param::Str(fact)) => Some(fact.clone()),
            _ => None,
        })
        .collect()
}

// ------------------------------------------------------------ versions

/// Issue 10: a version newer than the rules is checked with the newest
/// rules and one warning; never refused.
#[test]
fn newer_versions_are_checked_with_the_newest_rules() {
    let r = check(with(
        "19.7",
        json!({"features": {"duo_chat": {"provider": "self_hosted", "model": "Nope"}}}),
    ));
    let newer = only(&r.diagnostics, "config.version_newer_than_rules");
    assert_eq!(
        newer.message(),
        "GitLab 19.7 is newer than the newest release these rules cover (19.6, tables of 2026-12-06): it is checked with the 19.6 rules, and changes GitLab made since are not known"
    );
    assert_eq!(newer.param("newest"), Some(&s("19.6")));
    assert_eq!(newer.param("table_date"), Some(&s("2026-12-06")));
    // The rules still ran.
    only(&r.diagnostics, "feature.unknown_deployment");
    none_with(&r.diagnostics, "config.version_out_of_range");
    // 19.6 itself: covered, with the note that no 19.6 source was read.
    let r = check(doc("19.6"));
    assert!(r.valid, "{r}");
    none_with(&r.diagnostics, "config.version_newer_than_rules");
    only(&r.diagnostics, "config.version_rules_carried_forward");
    let r = check(doc("19.5"));
    none_with(&r.diagnostics, "config.version_rules_carried_forward");
}

/// gitlab-update §0.2: inside a fact's window, one info per fact that
/// touches the configuration, naming the fact and the window.
#[test]
fn dating_windows_are_reported_where_they_matter() {
    let qwen = json!({"self_hosted_models": [
        { "name": "Mistral", "family": "mistral", "deployment": "vllm",
          "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/Mistral-Small" },
        { "name": "Qwen", "family": "qwen", "deployment": "vllm",
          "endpoint": "http://10.0.1.8:8001/v1", "identifier": "custom_openai/Qwen3-Coder" }
    ]});
    let r = check(with("19.2", qwen.clone()));
    let facts = infos_of(&r, "config.version_in_dating_window");
    assert!(facts.contains(&"family_qwen".to_owned()), "{facts:?}");
    assert!(
        facts.contains(&"qwen_compatible_lists".to_owned()),
        "{facts:?}"
    );
    assert!(facts.contains(&"graphql_qwen".to_owned()), "{facts:?}");
    // The Chat sub-features have no setting and the licence is online.
    assert!(
        facts.contains(&"no_general_chat_fallback_on_online_licence".to_owned()),
        "{facts:?}"
    );
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.param("fact") == Some(&s("family_qwen")))
        .unwrap_or_else(|| panic!("no family_qwen"));
    assert_eq!(
        d.message(),
        "GitLab 19.2 is inside the window 19.2\u{2013}19.3 of a change the reference could not date exactly (model family qwen (BETA)); the rules date it 19.2 and so applies the change here"
    );
    assert_eq!(d.param("window"), Some(&s("19.2\u{2013}19.3")));
    assert_eq!(d.param("basis"), Some(&s("first_seen")));
    // Without a qwen model the qwen facts stay silent.
    let facts = infos_of(&check(doc("19.2")), "config.version_in_dating_window");
    assert!(!facts.iter().any(|f| f.contains("qwen")), "{facts:?}");
    // At 19.3 the qwen family is certain; its GraphQL value is not.
    let facts = infos_of(
        &check(with("19.3", qwen.clone())),
        "config.version_in_dating_window",
    );
    assert!(!facts.contains(&"family_qwen".to_owned()), "{facts:?}");
    assert!(facts.contains(&"graphql_qwen".to_owned()), "{facts:?}");
    // From 19.4 every one of these is certain.
    assert!(infos_of(
        &check(with("19.4", qwen)),
        "config.version_in_dating_window"
    )
    .is_empty());
    // Every Chat sub-feature with its own setting: the fallback change
    // does not touch the configuration.
    let all_set = json!({"features": {
        "duo_chat": {"provider": "self_hosted", "model": "Mistral"},
        "duo_chat_explain_code": {"provider": "disabled"},
        "duo_chat_write_tests": {"provider": "disabled"},
        "duo_chat_refactor_code": {"provider": "disabled"},
        "duo_chat_fix_code": {"provider": "disabled"},
        "duo_chat_troubleshoot_job": {"provider": "disabled"},
        "duo_chat_explain_vulnerability": {"provider": "disabled"},
        "duo_chat_summarize_comments": {"provider": "disabled"}
    }});
    let facts = infos_of(
        &check(with("19.3", all_set)),
        "config.version_in_dating_window",
    );
    assert!(facts.is_empty(), "{facts:?}");
}

// ------------------------------------------------------------ §1 families

/// gitlab-update §1.2: gemini 19.0, embedding 19.1, qwen 19.2 (19.3
/// possible); each absent the release before.
#[test]
fn families_by_version() {
    let rows = [
        (
            "gemini",
            "vertex_ai",
            "vertex_ai/gemini-2.5-pro",
            "18.11",
            Some(true),
        ),
        (
            "gemini",
            "vertex_ai",
            "vertex_ai/gemini-2.5-pro",
            "19.0",
            None,
        ),
        (
            "embedding",
            "vllm",
            "custom_openai/nomic-embed",
            "19.0",
            Some(true),
        ),
        (
            "embedding",
            "vllm",
            "custom_openai/nomic-embed",
            "19.1",
            None,
        ),
        (
            "qwen",
            "vllm",
            "custom_openai/Qwen3-Coder",
            "19.1",
            Some(true),
        ),
        ("qwen", "vllm", "custom_openai/Qwen3-Coder", "19.2", None),
    ];
    for (family, deployment, identifier, version, absent_error) in rows {
        let endpoint = (deployment == "vllm").then_some("http://10.0.1.8:8000/v1");
        let record = model(
            json!({"name": "m", "family": family, "deployment": deployment,
            "endpoint": endpoint, "identifier": identifier}),
        );
        let d = check_model(&record, &context(version));
        match absent_error {
            Some(true) => {
                let found = only(&d, "model.family_not_in_version");
                assert!(found.is_error(), "{family} {version}");
                assert_eq!(
                    found.param("gitlab_message"),
                    Some(&s(&format!("'{family}' is not a valid model")))
                );
            }
            _ => none_with(&d, "model.family_not_in_version"),
        }
    }
    assert_eq!(
        duo_selfhosted::Family::by_key("qwen").map(|f| f.display_name),
        Some("Qwen")
    );
}

/// gitlab-update §1.1: the model form offers embedding only behind the
/// instance flag before 19.4, and qwen not at all before GraphQL's QWEN
/// (19.4, first seen).
#[test]
fn family_form_gates_by_version() {
    let embedding = model(
        json!({"name": "e", "family": "embedding", "deployment": "vllm",
        "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/nomic-embed"}),
    );
    let d = check_model(&embedding, &context("19.3"));
    let gate = only(&d, "model.family_not_in_form");
    assert!(!gate.is_error());
    assert_eq!(gate.message(), "GitLab 19.3's model form offers the Embedding family only with the instance feature flag `semantic_search_user_model_selection` on (until 19.4)");
    assert_eq!(
        gate.param("flag"),
        Some(&s("semantic_search_user_model_selection"))
    );
    none_with(
        &check_model(&embedding, &context("19.4")),
        "model.family_not_in_form",
    );
    let qwen = model(json!({"name": "q", "family": "qwen", "deployment": "vllm",
        "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/Qwen3-Coder"}));
    let d = check_model(&qwen, &context("19.3"));
    assert_eq!(
        only(&d, "model.family_not_in_form").message(),
        "GitLab 19.3 has the Qwen family in its database, but its model form and GraphQL API accept it only from 19.4 (first seen there), so a model of this family cannot be created through them"
    );
    none_with(
        &check_model(&qwen, &context("19.4")),
        "model.family_not_in_form",
    );
}

// ------------------------------------------------------------ §2 records

/// gitlab-update §2: the Google Vertex AI platform from 18.11, with the
/// form's `vertex_ai/` prefix and GitLab's message.
#[test]
fn vertex_ai_deployment() {
    let record = |identifier: &str| {
        model(
            json!({"name": "g", "family": "gemini", "deployment": "vertex_ai", "identifier": identifier}),
        )
    };
    let d = check_model(&record("vertex_ai/gemini-2.5-pro"), &context("18.10"));
    only(&d, "model.deployment_not_in_version");
    let d = check_model(&record("gemini-2.5-pro"), &context("19.0"));
    let prefix = only(&d, "identifier.vertex_ai_prefix_required");
    assert!(prefix.is_error());
    assert_eq!(
        prefix.message(),
        "a Google Vertex AI model identifier must start with \"vertex_ai/\""
    );
    assert_eq!(
        prefix.param("gitlab_message"),
        Some(&s("Model identifier must start with \"vertex_ai/\""))
    );
    none_with(&d, "identifier.no_provider");
    let d = check_model(&record("vertex_ai/gemini-2.5-pro"), &context("19.0"));
    assert!(codes(&d).is_empty(), "{d:?}");
}

/// gitlab-update §2: the endpoint is required and URL-checked for every
/// provider up to 18.11 (the form sends a placeholder for the cloud
/// platforms), only for `api` from 19.0.
#[test]
fn endpoint_rule_by_version() {
    let vertex = model(
        json!({"name": "g", "family": "gemini", "deployment": "vertex_ai",
        "identifier": "vertex_ai/gemini-2.5-pro"}),
    );
    // gemini is a 19.0 family: use the 18.11 form with a family it had.
    let vertex_18 = model(
        json!({"name": "g", "family": "claude_3", "deployment": "vertex_ai",
        "identifier": "vertex_ai/claude-sonnet-4-5"}),
    );
    let d = check_model(&vertex_18, &context("18.11"));
    let placeholder = only(&d, "model.endpoint_placeholder");
    assert_eq!(
        placeholder.param("placeholder"),
        Some(&s("http://vertexselfhostedmodel.com"))
    );
    none_with(
        &check_model(&vertex, &context("19.0")),
        "model.endpoint_placeholder",
    );
    // vLLM (api) without an endpoint: an error in both.
    let vllm = model(
        json!({"name": "m", "family": "mistral", "deployment": "vllm",
        "identifier": "custom_openai/Mistral-Small"}),
    );
    for version in ["18.11", "19.0"] {
        only(
            &check_model(&vllm, &context(version)),
            "model.endpoint_blank",
        );
    }
}

/// gitlab-update §2: the stored provider: none before 18.11, the
/// identifier's prefix in 18.11 (a hook), the platform from 19.0.
#[test]
fn stored_provider_by_version() {
    let odd = model(
        json!({"name": "m", "family": "claude_3", "deployment": "vllm",
        "endpoint": "http://10.0.1.8:8000/v1", "identifier": "bedrock/anthropic.claude-3-haiku-20240307-v1:0"}),
    );
    let v = |t: &str| -> GitLabVersion { t.parse().unwrap_or_else(|e| panic!("{e}")) };
    assert_eq!(stored_provider(&odd, &v("18.10")), None);
    assert_eq!(stored_provider(&odd, &v("18.11")), Some("bedrock"));
    assert_eq!(stored_provider(&odd, &v("19.0")), Some("api"));
    let d = check_model(&odd, &context("18.11"));
    let warning = only(&d, "model.stored_provider_from_prefix");
    assert_eq!(
        warning.message(),
        "GitLab 18.11 derives the stored provider from the identifier's prefix, so this vLLM model is stored with provider `bedrock`, not `api`"
    );
    none_with(
        &check_model(&odd, &context("19.0")),
        "model.stored_provider_from_prefix",
    );
    none_with(
        &check_model(&odd, &context("18.10")),
        "model.stored_provider_from_prefix",
    );
    let vertex = model(
        json!({"name": "g", "family": "gemini", "deployment": "vertex_ai",
        "identifier": "vertex_ai/gemini-2.5-pro"}),
    );
    assert_eq!(stored_provider(&vertex, &v("19.6")), Some("vertex_ai"));
}

// ------------------------------------------------------------ §4 resolution

fn resolved(doc: &Value, key: &str) -> config::ResolvedFeature {
    config::resolve(&config_of(doc))
        .feature(key)
        .cloned()
        .unwrap_or_else(|| panic!("{key} not listed"))
}

/// gitlab-update §4.2: each row of the table, at 19.3 (the S3 code) and
/// 19.4 (the S6 code, first seen).
#[test]
fn chat_sub_feature_resolution_by_version() {
    let fix = "duo_chat_fix_code";
    struct Row {
        why: &'static str,
        extra: Value,
        setting: Value,
        before: (Provider, Option<&'static str>, Via),
        after: (Provider, Option<&'static str>, Via),
    }
    let rows = [
        Row {
            why: "no saved setting, online, gateway set, GitLab default",
            extra: json!({}),
            setting: json!({}),
            before: (
                Provider::SelfHosted,
                Some("Mistral"),
                Via::GeneralChatFallback,
            ),
            after: (Provider::Vendored, None, Via::InstanceModelSelection),
        },
        Row {
            why: "no saved setting, offline licence",
            extra: json!({"license": "offline", "add_ons": ["duo_enterprise", "duo_agent_platform_self_hosted"]}),
            setting: json!({}),
            before: (
                Provider::SelfHosted,
                Some("Mistral"),
                Via::GeneralChatFallback,
            ),
            after: (
                Provider::SelfHosted,
                Some("Mistral"),
                Via::GeneralChatFallback,
            ),
        },
        Row {
            why: "saved vendored, GitLab default model, gateway set",
            extra: json!({}),
            setting: json!({fix: {"provider": "vendored"}}),
            before: (
                Provider::SelfHosted,
                Some("Mistral"),
                Via::GeneralChatFallback,
            ),
            after: (Provider::Vendored, None, Via::Own),
        },
        Row {
            why: "saved vendored with a pinned model",
            extra: json!({}),
            setting: json!({fix: {"provider": "vendored", "model": "claude_sonnet_4"}}),
            before: (Provider::Vendored, None, Via::Own),
            after: (Provider::Vendored, None, Via::Own),
        },
        Row {
            why: "saved self_hosted",
            extra: json!({}),
            setting: json!({fix: {"provider": "self_hosted", "model": "Mistral"}}),
            before: (Provider::SelfHosted, Some("Mistral"), Via::Own),
            after: (Provider::SelfHosted, Some("Mistral"), Via::Own),
        },
        Row {
            why: "saved disabled",
            extra: json!({}),
            setting: json!({fix: {"provider": "disabled"}}),
            before: (Provider::Disabled, None, Via::Own),
            after: (Provider::Disabled, None, Via::Own),
        },
        Row {
            why: "saved unassigned",
            extra: json!({}),
            setting: json!({fix: {"provider": "unassigned"}}),
            before: (Provider::Unassigned, None, Via::Own),
            after: (Provider::Unassigned, None, Via::Own),
        },
    ];
    for row in rows {
        for (version, expected) in [("19.3", row.before), ("19.4", row.after)] {
            let mut doc = with(version, row.extra.clone());
            if let Value::Object(features) = row.setting.clone() {
                for (key, value) in features {
                    doc["features"][key] = value;
                }
            }
            let r = resolved(&doc, fix);
            assert_eq!(
                (r.provider, r.model.as_deref(), r.via),
                expected,
                "{} in {version}",
                row.why
            );
        }
    }
}

/// gitlab-update §4.2: `resolve` says why, and `check` warns where a
/// sub-feature now leaves the admin's models for GitLab's default one.
#[test]
fn chat_sub_feature_change_is_explained() {
    let r = resolved(&doc("19.4"), "duo_chat_explain_code");
    assert_eq!(
        r.reason,
        "no saved setting of its own: from GitLab 19.4 an online licence uses the instance model selection (GitLab's default model through GitLab's cloud AI gateway) instead of General Chat's model"
    );
    let report = check(doc("19.4"));
    let warning = only(
        &report.diagnostics,
        "feature.sub_feature_uses_gitlab_default",
    );
    assert_eq!(warning.path().to_string(), "features");
    assert!(warning.message().starts_with("Code Explanation, Test Generation, Refactor Code, Fix Code, Root Cause Analysis, Vulnerability Explanation and Discussion Summary have no setting of their own: from GitLab 19.4 they use GitLab's default model through GitLab's cloud AI gateway"), "{}", warning.message());
    none_with(&report.diagnostics, "feature.general_chat_fallback");
    let before = check(doc("19.3"));
    none_with(
        &before.diagnostics,
        "feature.sub_feature_uses_gitlab_default",
    );
    only(&before.diagnostics, "feature.general_chat_fallback");
    // A saved vendored setting with the GitLab default model no longer
    // resolves to none from 19.4.
    let mut vendored = doc("19.3");
    vendored["features"]["duo_chat_fix_code"] = json!({"provider": "vendored"});
    only(
        &check(vendored.clone()).diagnostics,
        "feature.vendored_default_resolves_to_none",
    );
    vendored["gitlab_version"] = json!("19.4");
    none_with(
        &check(vendored).diagnostics,
        "feature.vendored_default_resolves_to_none",
    );
}

// ------------------------------------------------------------ §5 prerequisites

/// gitlab-update §5: from 18.11 (18.10 possible) an online licence needs
/// no Duo add-on in GitLab's code; the docs' add-on line stays a warning.
#[test]
fn add_on_prerequisite_by_version() {
    let bare = json!({"add_ons": [], "beta_models_and_features": false});
    let r = check(with("18.10", bare.clone()));
    only(&r.diagnostics, "prerequisite.add_on");
    let facts = infos_of(&r, "config.version_in_dating_window");
    assert_eq!(facts, ["dap_self_hosted_online_always"]);
    let r = check(with("18.11", bare));
    none_with(&r.diagnostics, "prerequisite.add_on");
    let docs = only(&r.diagnostics, "prerequisite.add_on_documented");
    assert!(!docs.is_error());
    assert_eq!(
        docs.message(),
        "GitLab's documentation lists \"Add-on: GitLab Duo Enterprise\" for GitLab Duo Self-Hosted; GitLab 18.11's code does not enforce it with an online licence (from 18.11: a licence with the self_hosted_models feature is enough), so check your agreement with GitLab"
    );
    // With Duo Enterprise there is nothing to say.
    none_with(
        &check(doc("18.11")).diagnostics,
        "prerequisite.add_on_documented",
    );
    // Offline licences are unchanged.
    for version in ["18.10", "18.11", "19.6"] {
        let r = check(with(
            version,
            json!({"license": "offline", "add_ons": ["duo_pro"]}),
        ));
        only(&r.diagnostics, "prerequisite.add_on");
    }
}

/// gitlab-update §5: `dap_self_hosted?` is true on every online licence from
/// 18.11: the self-hosted Agent Platform needs neither Duo Enterprise nor
/// the beta setting.
#[test]
fn agent_platform_permission_by_version() {
    let dap = json!({
        "add_ons": ["duo_pro"],
        "beta_models_and_features": false,
        "self_hosted_models": [
            { "name": "Claude", "family": "claude_3", "deployment": "bedrock",
              "identifier": "bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
              "aws_region": "us-east-1", "aws_region_name": "us-east-1" }
        ],
        "agent_platform": {"url": "10.0.1.7:50052"},
        "features": {"duo_agent_platform_agentic_chat": {"provider": "self_hosted", "model": "Claude"}}
    });
    let r = check(with("18.10", dap.clone()));
    let permission = only(&r.diagnostics, "feature.agent_platform_permission");
    assert_eq!(
        permission.message(),
        "Agentic Chat cannot use a self-hosted model: with an online licence before GitLab 18.11 it needs the Duo Enterprise add-on and the beta setting turned on"
    );
    assert_eq!(
        only(&r.diagnostics, "agent_platform.permission").message(),
        "before GitLab 18.11, GitLab shows the Agent Platform service URL only with the Duo Enterprise add-on and the beta setting turned on"
    );
    let r = check(with("18.11", dap.clone()));
    none_with(&r.diagnostics, "feature.agent_platform_permission");
    none_with(&r.diagnostics, "agent_platform.permission");
    assert!(r.valid, "{r}");
    // Offline: the Agent Platform Self-Hosted add-on, in every release.
    let mut offline = with("19.6", dap);
    offline["license"] = json!("offline");
    offline["add_ons"] = json!(["duo_enterprise"]);
    only(
        &check(offline).diagnostics,
        "feature.agent_platform_permission",
    );
}

// ------------------------------------------------------------ §6 settings

/// gitlab-update §6: the AI Gateway request timeout, 60 to 600 seconds,
/// from 18.7; unset is allowed (read as 60).
#[test]
fn ai_gateway_timeout() {
    let at = |version: &str, seconds: Value| {
        let mut d = doc(version);
        d["ai_gateway"]["timeout_seconds"] = seconds;
        check(d)
    };
    let r = at("18.6", json!(120));
    assert_eq!(
        only(&r.diagnostics, "ai_gateway.timeout_not_in_version").message(),
        "GitLab 18.6 has no AI Gateway request timeout setting; it exists from 18.7 (requests time out after 60 seconds)"
    );
    for (seconds, gitlab) in [
        (
            59,
            Some("Ai gateway timeout seconds must be greater than or equal to 60"),
        ),
        (60, None),
        (600, None),
        (
            601,
            Some("Ai gateway timeout seconds must be less than or equal to 600"),
        ),
    ] {
        let r = at("18.7", json!(seconds));
        match gitlab {
            None => none_with(&r.diagnostics, "ai_gateway.timeout_out_of_range"),
            Some(message) => {
                let d = only(&r.diagnostics, "ai_gateway.timeout_out_of_range");
                assert_eq!(d.path().to_string(), "ai_gateway.timeout_seconds");
                assert_eq!(d.param("gitlab_message"), Some(&s(message)));
                assert_eq!(
                    d.message(),
                    format!("the AI Gateway request timeout is {seconds} seconds; GitLab accepts 60 to 600")
                );
            }
        }
    }
    let r = at("19.6", json!(90.5));
    let wrong = only(&r.diagnostics, "document.wrong_type");
    assert_eq!(wrong.message(), "expected integer, found number");
    // Unset: nothing to say in any release.
    assert!(check(doc("19.2")).valid);
    assert!(check(doc("18.7")).valid);
}

/// gitlab-update §6: from 19.2 the settings live in `application_settings`;
/// the snippet stops naming `AI_GATEWAY_URL`, which only seeds a new
/// installation's settings.
#[test]
fn snippet_by_version() {
    let snippet =
        |version: &str| duo_selfhosted::settings::snippet(&config_of(&doc(version))).to_string();
    assert_eq!(
        snippet("19.1"),
        "# /etc/gitlab/gitlab.rb\ngitlab_rails['env'] = { 'AI_GATEWAY_URL' => 'http://10.0.1.7:5052' }\n# gitlab_rails['env'] is one hash: merge these entries into an existing gitlab_rails['env'] line rather than adding a second one\n# then run: sudo gitlab-ctl reconfigure\n# AI_GATEWAY_URL is only the initial value GitLab uses when it first creates its AI settings; afterwards set Admin > GitLab Duo > Change configuration > Local AI Gateway URL\n"
    );
    assert_eq!(
        snippet("19.2"),
        "# /etc/gitlab/gitlab.rb\n# set Admin > GitLab Duo > Change configuration > Local AI Gateway URL to http://10.0.1.7:5052 (GitLab 19.2 keeps it in its application settings; no environment variable or configuration file is read for it)\n"
    );
}

// ------------------------------------------------------------ §3 in documents

/// gitlab-update §3.1: the new features in a document, at their first
/// release and the one before (inside a window: a warning, not an error).
#[test]
fn new_features_in_documents() {
    let claude = json!([
        { "name": "Mistral", "family": "mistral", "deployment": "vllm",
          "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/Mistral-Small" },
        { "name": "Claude", "family": "claude_3", "deployment": "bedrock",
          "identifier": "bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
          "aws_region": "us-east-1", "aws_region_name": "us-east-1" }
    ]);
    let set = |version: &str, key: &str| {
        let mut d = with(version, json!({"self_hosted_models": claude.clone()}));
        d["features"][key] = json!({"provider": "self_hosted", "model": "Claude"});
        check(d)
    };
    let rows = [
        ("review_merge_request_dap", "19.0", Some(true)),
        ("review_merge_request_dap", "19.1", None),
        ("security_review", "19.1", Some(true)),
        ("security_review", "19.2", Some(false)),
        ("security_review", "19.3", None),
        ("resolve_dependency_bump", "19.2", Some(false)),
        ("resolve_dependency_bump", "19.3", None),
        ("duo_developer", "19.2", Some(true)),
        ("duo_developer", "19.3", Some(false)),
        ("duo_developer", "19.4", None),
        ("sast_vulnerability_fp_detection", "18.9", Some(true)),
        ("sast_vulnerability_fp_detection", "18.10", Some(false)),
        ("sast_vulnerability_fp_detection", "18.11", None),
    ];
    for (key, version, absent) in rows {
        let r = set(version, key);
        match absent {
            None => {
                none_with(&r.diagnostics, "feature.not_in_version");
                assert!(r.valid, "{key} in {version}: {r}");
            }
            Some(error) => {
                let d = only(&r.diagnostics, "feature.not_in_version");
                assert_eq!(d.is_error(), error, "{key} in {version}");
            }
        }
    }
    let r = set("19.3", "duo_developer");
    assert_eq!(
        only(&r.diagnostics, "feature.not_in_version").message(),
        "GitLab 19.3 may not have the feature `duo_developer`: it was first seen in GitLab 19.4 and may have landed from 19.3\u{2013}19.4"
    );
    // embeddings_code takes only embedding models.
    let r = set("19.3", "embeddings_code");
    assert_eq!(
        only(&r.diagnostics, "feature.incompatible_family").param("gitlab_message"),
        Some(&s(
            "Claude_3 is incompatible with the Code Embeddings feature"
        ))
    );
}

/// gitlab-update §6: the TLS switch is a NOT NULL column (default true) in
/// every release that stores it (18.10 in `ai_settings`, 19.2 in
/// `application_settings`). In the document, `tls` left out (or `null`,
/// which the document reads as left out) means GitLab's default, on; a plan
/// never sends GitLab a null TLS value, only `true` or `false`.
#[test]
fn tls_unset_is_gitlabs_default() {
    for version in ["18.10", "19.1", "19.2", "19.6"] {
        for platform in [
            json!({"url": "10.0.1.7:50052", "tls": null}),
            json!({"url": "10.0.1.7:50052"}),
        ] {
            let mut d = doc(version);
            d["agent_platform"] = platform;
            let config = config_of(&d);
            assert_eq!(
                duo_selfhosted::settings::effective_tls(&config),
                Some(true),
                "{version}: unset is GitLab's default"
            );
        }
    }
    // Live TLS off, document silent: the plan turns it back on with `true`.
    let mut d = doc("19.6");
    d["agent_platform"] = json!({"url": "10.0.1.7:50052"});
    let live = duo_selfhosted::gitlab::LiveState::from_json(
        &json!({
            "gitlab_version": "19.6",
            "duoSettings": {"aiGatewayUrl": "http://10.0.1.7:5052", "aiGatewayTimeoutSeconds": 60,
                "duoAgentPlatformServiceUrl": "10.0.1.7:50052", "selfHostedDuoAgentPlatformServiceSecure": false},
            "aiSelfHostedModels": {"nodes": [{"id": "gid://gitlab/Ai::SelfHostedModel/1", "name": "Mistral",
                "model": "mistral", "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/Mistral-Small",
                "hasApiToken": false, "provider": "API"}]},
            "aiFeatureSettings": {"nodes": [{"feature": "duo_chat", "provider": "self_hosted",
                "selfHostedModel": {"id": "gid://gitlab/Ai::SelfHostedModel/1", "name": "Mistral"}}]}
        })
        .to_string(),
    )
    .state;
    let plan = duo_selfhosted::gitlab::plan(&config_of(&d), &live)
        .unwrap_or_else(|r| panic!("{:#?}", r.diagnostics));
    assert_eq!(plan.operations.len(), 1, "{plan}");
    assert_eq!(
        plan.operations[0].variables["input"]["selfHostedDuoAgentPlatformServiceSecure"],
        json!(true)
    );
}
