//! Configuration as code without a server: reading live states, importing
//! them, planning against them (order, renames, versions, secrets,
//! refusals), and writing documents back (`gitlab-update-2026-12.md` §7).

mod util;

use duo_selfhosted::config::Config;
use duo_selfhosted::gitlab::{self, import, plan, plan_with, Action, LiveState, PlanOptions};
use duo_selfhosted::GitLabVersion;
use serde_json::{json, Value};
use util::{codes, only};

fn live(value: Value) -> LiveState {
    let decoded = LiveState::from_json(&value.to_string());
    assert!(
        !decoded.diagnostics.has_errors(),
        "{:#?}",
        decoded.diagnostics
    );
    decoded.state
}

#[track_caller]
fn config(value: Value) -> Config {
    let decoded = Config::from_value(&value);
    assert!(decoded.diagnostics.is_empty(), "{:#?}", decoded.diagnostics);
    decoded.config.unwrap_or_else(|| panic!("no config"))
}

fn v(text: &str) -> GitLabVersion {
    text.parse().unwrap_or_else(|e| panic!("{e}"))
}

/// A live 19.6 instance: a gateway, two models, three feature settings.
fn instance(version: &str) -> Value {
    json!({
        "gitlab_version": version,
        "duoSettings": {
            "aiGatewayUrl": "http://10.0.1.7:5052",
            "aiGatewayTimeoutSeconds": 60,
            "duoAgentPlatformServiceUrl": "10.0.1.7:50052",
            "selfHostedDuoAgentPlatformServiceSecure": false
        },
        "aiSelfHostedModels": {"nodes": [
            {"id": "gid://gitlab/Ai::SelfHostedModel/1", "name": "Mistral", "model": "mistral",
             "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/Mistral-Small",
             "hasApiToken": true, "provider": "API", "releaseState": "GA"},
            {"id": "gid://gitlab/Ai::SelfHostedModel/2", "name": "Claude", "model": "claude_3",
             "endpoint": "http://bedrockselfhostedmodel.com",
             "identifier": "bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
             "hasApiToken": false, "provider": "BEDROCK", "releaseState": "GA"}
        ]},
        "aiFeatureSettings": {"nodes": [
            {"feature": "duo_chat", "provider": "self_hosted",
             "selfHostedModel": {"id": "gid://gitlab/Ai::SelfHostedModel/1", "name": "Mistral"}},
            {"feature": "code_generations", "provider": "self_hosted",
             "selfHostedModel": {"id": "gid://gitlab/Ai::SelfHostedModel/2", "name": "Claude"}},
            {"feature": "review_merge_request", "provider": "vendored", "selfHostedModel": null},
            {"feature": "duo_chat_fix_code", "provider": "unassigned", "selfHostedModel": null}
        ]}
    })
}

/// The document that describes [`instance`], as an admin would write it.
fn document(version: &str) -> Value {
    json!({
        "gitlab_version": version,
        "tier": "ultimate",
        "add_ons": ["duo_enterprise"],
        "ai_gateway": {"url": "http://10.0.1.7:5052/"},
        "agent_platform": {"url": "10.0.1.7:50052", "tls": false},
        "self_hosted_models": [
            {"name": "Mistral", "family": "mistral", "deployment": "vllm",
             "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/Mistral-Small"},
            {"name": "Claude", "family": "claude_3", "deployment": "bedrock",
             "identifier": "bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
             "aws_region": "us-east-1", "aws_region_name": "us-east-1"}
        ],
        "features": {
            "duo_chat": {"provider": "self_hosted", "model": "Mistral"},
            "code_generations": {"provider": "self_hosted", "model": "Claude"},
            "review_merge_request": {"provider": "vendored"}
        }
    })
}

/// Append a model record to a document.
fn push_model(doc: &mut Value, record: Value) {
    if let Some(models) = doc["self_hosted_models"].as_array_mut() {
        models.push(record);
    }
}

fn summaries(p: &gitlab::Plan) -> Vec<String> {
    p.operations.iter().map(|o| o.summary.clone()).collect()
}

#[test]
fn a_matching_document_plans_nothing() {
    for version in ["18.11", "19.0", "19.6"] {
        let p = plan(&config(document(version)), &live(instance(version)))
            .unwrap_or_else(|r| panic!("{version}: {:#?}", r.diagnostics));
        assert!(p.is_empty(), "{version}: {:?}", summaries(&p));
        assert_eq!(p.unchanged.settings, 1);
        assert_eq!(p.unchanged.models, 2);
        assert_eq!(p.to_string().lines().last(), Some("Plan: 0 to create, 0 to update, 0 to delete; unchanged: 1 settings, 2 models, 4 features."));
    }
}

#[test]
fn operations_come_in_an_order_gitlab_accepts() {
    let mut doc = document("19.6");
    doc["ai_gateway"]["url"] = json!("http://10.0.1.9:5052");
    doc["ai_gateway"]["timeout_seconds"] = json!(120);
    // Claude is dropped; a Qwen model is added and used; Mistral renamed.
    doc["self_hosted_models"] = json!([
        {"name": "Mistral Small", "family": "mistral", "deployment": "vllm",
         "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/Mistral-Small",
         "gitlab_id": 1},
        {"name": "Qwen", "family": "qwen", "deployment": "vllm",
         "endpoint": "http://10.0.1.8:8001/v1", "identifier": "custom_openai/Qwen3-Coder",
         "api_key": "sk-plan-secret-1"}
    ]);
    doc["beta_models_and_features"] = json!(true);
    doc["features"] = json!({
        "duo_chat": {"provider": "self_hosted", "model": "Mistral Small"},
        "code_generations": {"provider": "self_hosted", "model": "Qwen"},
        "review_merge_request": {"provider": "disabled"}
    });
    let p = plan(&config(doc), &live(instance("19.6")))
        .unwrap_or_else(|r| panic!("{:#?}", r.diagnostics));
    assert_eq!(
        summaries(&p),
        [
            "update Duo settings: AI gateway URL \"http://10.0.1.7:5052\" \u{2192} \"http://10.0.1.9:5052\", AI gateway timeout 60 s \u{2192} 120 s",
            "update model \"Mistral Small\": renamed from \"Mistral\"",
            "create model \"Qwen\" (qwen, vllm)",
            "set Code Generation \u{2192} self_hosted \"Qwen\"",
            "set Non-Agentic Code Review \u{2192} disabled",
            "delete model \"Claude\" (claude_3, bedrock)",
        ]
    );
    let actions: Vec<Action> = p.operations.iter().map(|o| o.action).collect();
    assert_eq!(
        actions,
        [
            Action::Update,
            Action::Update,
            Action::Create,
            Action::Update,
            Action::Update,
            Action::Delete
        ]
    );
    // The feature that uses the new model gets its id when applied.
    let uses = &p.operations[3];
    assert_eq!(uses.model_id_from.as_deref(), Some("Qwen"));
    assert_eq!(uses.variables["input"]["aiSelfHostedModelId"], Value::Null);
    assert_eq!(uses.request_variables(|_| None), None);
    let sent = uses
        .request_variables(|name| (name == "Qwen").then_some(7))
        .unwrap_or_default();
    assert_eq!(
        sent["input"]["aiSelfHostedModelId"],
        "gid://gitlab/Ai::SelfHostedModel/7"
    );
    assert_eq!(sent["input"]["features"], json!(["CODE_GENERATIONS"]));
    assert_eq!(sent["input"]["provider"], "SELF_HOSTED");
    // Text rendering: a diff, counted.
    let text = p.to_string();
    assert!(
        text.contains("  + create model \"Qwen\" (qwen, vllm)\n"),
        "{text}"
    );
    assert!(
        text.contains("  - delete model \"Claude\" (claude_3, bedrock)\n"),
        "{text}"
    );
    assert!(text.ends_with("Plan: 1 to create, 4 to update, 1 to delete; unchanged: 0 settings, 0 models, 2 features.\n"), "{text}");
}

#[test]
fn api_keys_go_only_into_the_variables_sent() {
    let mut doc = document("19.6");
    doc["self_hosted_models"][0]["api_key"] = json!("sk-plan-secret-2");
    push_model(
        &mut doc,
        json!({"name": "New", "family": "gpt", "deployment": "azure_openai",
            "endpoint": "https://x.openai.azure.com", "identifier": "azure/gpt-4o", "api_key": "sk-plan-secret-3"}),
    );
    let desired = config(doc);
    let state = live(instance("19.6"));
    // Mistral has a stored key: unverifiable, kept; the new model's is sent.
    let p = plan(&desired, &state).unwrap_or_else(|r| panic!("{:#?}", r.diagnostics));
    assert_eq!(codes(&p.diagnostics), ["plan.api_key_unverifiable"]);
    let create = p
        .operations
        .iter()
        .find(|o| o.action == Action::Create)
        .unwrap_or_else(|| panic!("no create"));
    assert_eq!(create.variables["input"]["apiToken"], "[REDACTED]");
    let sent = create.request_variables(|_| None).unwrap_or_default();
    assert_eq!(sent["input"]["apiToken"], "sk-plan-secret-3");
    let rendered = [
        p.to_string(),
        serde_json::to_string(&p).unwrap_or_default(),
        format!("{p:?}"),
    ];
    for text in &rendered {
        for secret in ["sk-plan-secret-2", "sk-plan-secret-3"] {
            assert!(!text.contains(secret), "the API key leaked: {text}");
        }
    }
    // Rotating: the stored key is replaced too.
    let p = plan_with(
        &desired,
        &state,
        PlanOptions {
            rotate_api_keys: true,
        },
    )
    .unwrap_or_else(|r| panic!("{:#?}", r.diagnostics));
    let update = p
        .operations
        .iter()
        .find(|o| o.action == Action::Update)
        .unwrap_or_else(|| panic!("no update"));
    assert_eq!(update.summary, "update model \"Mistral\": API key");
    assert_eq!(
        update.request_variables(|_| None).unwrap_or_default()["input"]["apiToken"],
        "sk-plan-secret-2"
    );
}

/// gitlab-update §7.3: what differs between GitLab versions is in the
/// variables: a cloud platform's endpoint (the form's placeholder until the
/// API takes none, first seen 19.4) and QWEN (19.4).
#[test]
fn variables_follow_the_version() {
    let bedrock = |version: &str| {
        let mut doc = document(version);
        doc["self_hosted_models"][1]["identifier"] =
            json!("bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0");
        let p = plan(&config(doc), &live(instance(version)))
            .unwrap_or_else(|r| panic!("{:#?}", r.diagnostics));
        let op = p
            .operations
            .iter()
            .find(|o| o.mutation == "aiSelfHostedModelUpdate")
            .cloned()
            .unwrap_or_else(|| panic!("no update"));
        op.variables["input"].clone()
    };
    let old = bedrock("19.3");
    assert_eq!(old["endpoint"], "http://bedrockselfhostedmodel.com");
    assert_eq!(old["provider"], "BEDROCK");
    // From 19.4 the API takes no endpoint, but GitLab's type cannot read a
    // model back without one: the form's placeholder is sent in every release.
    let new = bedrock("19.4");
    assert_eq!(new["endpoint"], "http://bedrockselfhostedmodel.com");
    assert_eq!(new["provider"], "BEDROCK");
    assert_eq!(new["model"], "CLAUDE_3");
    // QWEN is not in the API's enum before 19.4: no plan creates one.
    let mut doc = document("19.3");
    doc["beta_models_and_features"] = json!(true);
    push_model(
        &mut doc,
        json!({"name": "Qwen", "family": "qwen", "deployment": "vllm",
        "endpoint": "http://10.0.1.8:8001/v1", "identifier": "custom_openai/Qwen3-Coder"}),
    );
    let refused = plan(&config(doc), &live(instance("19.3")))
        .err()
        .unwrap_or_else(|| panic!("planned"));
    only(&refused.diagnostics, "plan.family_not_in_api");
}

#[test]
fn a_plan_refuses_to_exist_for_a_broken_document() {
    let mut doc = document("19.6");
    doc["features"]["duo_chat"]["model"] = json!("Nope");
    let refused = plan(&config(doc), &live(instance("19.6")))
        .err()
        .unwrap_or_else(|| panic!("planned"));
    assert_eq!(codes(&refused.diagnostics), ["feature.unknown_deployment"]);
    // An older GitLab, a different version, an incomplete live state.
    let refused = plan(&config(document("18.10")), &live(instance("18.10")))
        .err()
        .unwrap_or_else(|| panic!("planned"));
    only(&refused.diagnostics, "plan.version_not_supported");
    let refused = plan(&config(document("19.5")), &live(instance("19.6")))
        .err()
        .unwrap_or_else(|| panic!("planned"));
    assert_eq!(
        only(&refused.diagnostics, "plan.version_mismatch").message(),
        "the document is for GitLab 19.5, the instance runs 19.6: update gitlab_version so the rules match the instance"
    );
    let mut partial = instance("19.6");
    partial["aiSelfHostedModels"] = Value::Null;
    let decoded = LiveState::from_json(&partial.to_string());
    assert_eq!(
        only(&decoded.diagnostics, "live.field_null").message(),
        "GitLab returned no aiSelfHostedModels: the token's user needs the manage_self_hosted_models_settings permission (an administrator on a licence with self-hosted models), or this GitLab version has no such field; it is left unknown"
    );
    let refused = plan(&config(document("19.6")), &decoded.state)
        .err()
        .unwrap_or_else(|| panic!("planned"));
    only(&refused.diagnostics, "plan.live_state_incomplete");
}

/// Renames are matched by a stable key: GitLab's id, or the deployment's
/// identity; never a delete and a create.
#[test]
fn renames_are_updates() {
    let mut doc = document("19.6");
    doc["self_hosted_models"][1]["name"] = json!("Claude Sonnet");
    doc["features"]["code_generations"]["model"] = json!("Claude Sonnet");
    let p = plan(&config(doc), &live(instance("19.6")))
        .unwrap_or_else(|r| panic!("{:#?}", r.diagnostics));
    assert_eq!(
        summaries(&p),
        ["update model \"Claude Sonnet\": renamed from \"Claude\""]
    );
    assert_eq!(
        p.operations[0].variables["input"]["id"],
        "gid://gitlab/Ai::SelfHostedModel/2"
    );
    // The feature still points at model 2: nothing to change there.
    assert_eq!(p.unchanged.features, 4);
}

#[test]
fn import_describes_the_instance_and_plans_nothing() {
    for version in ["18.11", "19.0", "19.6"] {
        let state = live(instance(version));
        let imported = import(&state, &v("19.6"));
        let config = &imported.config;
        assert_eq!(config.gitlab_version, v(version));
        assert_eq!(
            config.ai_gateway.url.as_deref(),
            Some("http://10.0.1.7:5052")
        );
        assert_eq!(config.ai_gateway.timeout_seconds, Some(60));
        let claude = &config.self_hosted_models[1];
        assert_eq!(claude.deployment, "bedrock");
        assert_eq!(
            claude.endpoint, None,
            "the form's placeholder is not written"
        );
        assert_eq!(claude.gitlab_id, Some(2));
        assert!(config
            .self_hosted_models
            .iter()
            .all(|m| m.api_key.is_none()));
        assert!(codes(&imported.diagnostics).contains(&"import.api_key_not_returned"));
        let keys: Vec<&str> = config.features.iter().map(|s| s.feature.key).collect();
        assert_eq!(
            keys,
            ["code_generations", "duo_chat", "review_merge_request"]
        );
        let p = plan(config, &state).unwrap_or_else(|r| panic!("{version}: {:#?}", r.diagnostics));
        assert!(p.is_empty(), "{version}: {:?}", summaries(&p));
        // The written document reads back as the same configuration.
        let json = Config::from_json(&config.to_json_text());
        assert!(json.diagnostics.is_empty(), "{:#?}", json.diagnostics);
        assert_eq!(json.config.as_ref(), Some(config));
        let toml = Config::from_toml(&config.to_toml_text());
        assert!(
            toml.diagnostics.is_empty(),
            "{:#?}\n{}",
            toml.diagnostics,
            config.to_toml_text()
        );
        assert_eq!(toml.config.as_ref(), Some(config));
    }
}

#[test]
fn live_state_reader_never_panics_and_names_the_problem() {
    for text in ["", "[]", "null", "{\"aiSelfHostedModels\": {\"nodes\": [{\"id\": 5}]}}",
        "{\"aiSelfHostedModels\": {\"nodes\": [{\"id\": \"gid://gitlab/User/1\"}]}}",
        "{\"aiFeatureSettings\": {\"nodes\": [{\"feature\": \"duo_chat\", \"provider\": \"sideways\"}]}}",
        "{\"data\": {\"duoSettings\": 3}}"] {
        let decoded = LiveState::from_json(text);
        assert!(!decoded.diagnostics.is_empty(), "{text}");
    }
    let decoded = LiveState::from_json(
        "{\"aiSelfHostedModels\": {\"nodes\": [{\"id\": \"gid://gitlab/User/1\"}]}}",
    );
    assert!(codes(&decoded.diagnostics).contains(&"live.bad_id"));
    // The saved file reads back to the same state.
    let state = live(instance("19.6"));
    let again = LiveState::from_json(&state.to_value().to_string());
    assert_eq!(again.state, state);
}

#[test]
fn drift_lists_the_differences_as_warnings() {
    let mut doc = document("19.6");
    doc["agent_platform"]["tls"] = json!(true);
    let d = gitlab::drift(&config(doc), &live(instance("19.6")));
    let drift = only(&d, "drift.settings");
    assert!(!drift.is_error());
    assert_eq!(drift.message(), "GitLab differs from the document: update Duo settings: Agent Platform TLS false \u{2192} true");
}
