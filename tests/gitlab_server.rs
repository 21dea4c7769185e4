//! Self-tests of the mock GitLab (tests/gitlab_mock) over real HTTP: the
//! SDL files, the three queries, the six mutations with GitLab's rules per
//! version, permissions, the fault hooks and the request log.
//!
//! Expected GitLab messages cite ../shared/reference/gitlab-update-2026-12.md
//! ("ref"); the rules the mock applies are listed with their sources in
//! tests/data/gitlab-graphql/README.md.

mod gitlab_mock;

use gitlab_mock::{
    validate_operation, FailWhen, Failure, LiveFixture, MockGitLab, Permission, Response, Tokens,
    NOT_AVAILABLE, SUPPORTED,
};
use serde_json::{json, Value};

const ADMIN: &str = "glpat-admin";
const FIXTURE: &str = include_str!("data/gitlab-live/vllm-bedrock-azure.json");

fn fixture() -> LiveFixture {
    LiveFixture::from_json(FIXTURE).unwrap_or_else(|e| panic!("fixture: {e}"))
}

fn start(version: &str) -> MockGitLab {
    MockGitLab::start(version, fixture(), Tokens::admin(ADMIN))
}

fn start_empty(version: &str) -> MockGitLab {
    MockGitLab::start(version, LiveFixture::empty(), Tokens::admin(ADMIN))
}

/// Fails unless the response is a 200 without top-level errors.
#[track_caller]
fn ok(response: &Response) -> &Response {
    assert_eq!(response.status, 200, "{}", response.text);
    assert!(
        response.json.get("errors").is_none(),
        "unexpected errors: {}",
        response.text
    );
    response
}

/// The messages of a response that must be a validation failure: 200, no
/// `data`, at least one error.
#[track_caller]
fn invalid(response: &Response) -> Vec<String> {
    assert_eq!(response.status, 200, "{}", response.text);
    assert!(response.json.get("data").is_none(), "{}", response.text);
    let messages = response.error_messages();
    assert!(!messages.is_empty(), "{}", response.text);
    messages
}

const MODELS: &str = "query Models($id: AiSelfHostedModelID) {
  aiSelfHostedModels(id: $id) {
    nodes { id name model modelDisplayName endpoint identifier hasApiToken apiToken provider releaseState createdAt updatedAt }
  }
}";

const FEATURES: &str = "query Features($model: AiSelfHostedModelID) {
  aiFeatureSettings(selfHostedModelId: $model) {
    nodes { feature provider selfHostedModel { id name } }
  }
}";

const SETTINGS: &str = "{ duoSettings { aiGatewayUrl duoAgentPlatformServiceUrl selfHostedDuoAgentPlatformServiceSecure aiGatewayTimeoutSeconds updatedAt } }";

const CREATE: &str = "mutation Create($input: AiSelfHostedModelCreateInput!) {
  aiSelfHostedModelCreate(input: $input) {
    clientMutationId errors
    selfHostedModel { id name model endpoint identifier hasApiToken provider releaseState }
  }
}";

const UPDATE: &str = "mutation Update($input: AiSelfHostedModelUpdateInput!) {
  aiSelfHostedModelUpdate(input: $input) {
    errors
    selfHostedModel { id name model endpoint identifier hasApiToken provider }
  }
}";

const DELETE: &str = "mutation Delete($id: AiSelfHostedModelID!) {
  aiSelfHostedModelDelete(input: {id: $id}) { errors }
}";

const SET_FEATURES: &str = "mutation SetFeatures($features: [AiFeatures!]!, $provider: AiFeatureProviders!, $model: AiSelfHostedModelID) {
  aiFeatureSettingUpdate(input: {features: $features, provider: $provider, aiSelfHostedModelId: $model}) {
    errors
    aiFeatureSettings { feature provider selfHostedModel { id name } }
  }
}";

const UPDATE_SETTINGS: &str = "mutation Settings($input: DuoSettingsUpdateInput!) {
  duoSettingsUpdate(input: $input) {
    errors
    duoSettings { aiGatewayUrl duoAgentPlatformServiceUrl selfHostedDuoAgentPlatformServiceSecure aiGatewayTimeoutSeconds }
  }
}";

fn names(response: &Response, field: &str) -> Vec<String> {
    response.data(field)["nodes"]
        .as_array()
        .map(|nodes| {
            nodes
                .iter()
                .map(|n| n["name"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn vllm_input(name: &str) -> Value {
    json!({
        "name": name, "model": "MISTRAL", "endpoint": "http://vllm.internal:8000/v1",
        "identifier": "custom_openai/mistralai/Mistral-Small-24B-Instruct-2506",
        "apiToken": "secret-key", "provider": "API"
    })
}

// ------------------------------------------------------------------ schema

#[test]
fn every_version_has_a_valid_sdl_and_the_mapping_is_the_readme_one() {
    let expected = [
        ("18.11", "18.11.graphql"),
        ("19.0", "19.0.graphql"),
        ("19.1", "19.1.graphql"),
        ("19.2", "19.1.graphql"),
        ("19.3", "19.3.graphql"),
        ("19.4", "19.4.graphql"),
        ("19.5", "19.4.graphql"),
        ("19.6", "19.4.graphql"),
    ];
    assert_eq!(SUPPORTED.len(), expected.len());
    for (version, file) in expected {
        let v = gitlab_mock::Version::parse(version).unwrap_or_else(|| panic!("{version}"));
        assert_eq!(gitlab_mock::file_for(v).file, file, "{version}");
        assert_eq!(
            validate_operation(version, "{ duoSettings { updatedAt } }"),
            Ok(())
        );
    }
    let readme = include_str!("data/gitlab-graphql/README.md");
    for file in gitlab_mock::FILES {
        assert!(
            readme.contains(file.file),
            "README.md does not name {}",
            file.file
        );
    }
}

#[test]
fn validate_operation_reports_apollo_messages() {
    let errors = validate_operation("19.6", "{ duoSettings { updatedAt nope } }").unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("nope"), "{errors:?}");
    assert!(validate_operation("18.10", "{ duoSettings { updatedAt } }").is_err());
    assert!(validate_operation("19.7", "{ duoSettings { updatedAt } }").is_err());
}

/// The version differences of ref §1.1, §2, §3 and §8 as seen by the validator.
#[test]
fn enum_values_and_arguments_follow_the_version() {
    let family = |value: &str| {
        format!(
            "mutation {{ aiSelfHostedModelConnectionCheck(input: {{name: \"n\", model: {value}, endpoint: \"http://e\", provider: API}}) {{ errors }} }}"
        )
    };
    let feature = |value: &str| {
        format!("mutation {{ aiFeatureSettingUpdate(input: {{features: [{value}], provider: DISABLED}}) {{ errors }} }}")
    };
    // (value, first version with it) — ref §1.1 (GEMINI S2, EMBEDDING S3, QWEN S6).
    for (value, since) in [("GEMINI", "19.0"), ("EMBEDDING", "19.1"), ("QWEN", "19.4")] {
        for version in SUPPORTED {
            let present =
                gitlab_mock::Version::parse(version) >= gitlab_mock::Version::parse(since);
            assert_eq!(
                validate_operation(version, &family(value)).is_ok(),
                present,
                "{value} at {version}"
            );
        }
    }
    // ref §3.1, §8: features by first release; EMBEDDINGS_CODE never.
    for (value, since) in [
        ("SAST_VULNERABILITY_FP_DETECTION", "18.11"),
        ("SECRET_VULNERABILITY_FP_DETECTION", "18.11"),
        ("SAST_VULNERABILITY_RESOLUTION", "18.11"),
        ("REVIEW_MERGE_REQUEST_DAP", "19.1"),
        ("SECURITY_REVIEW", "19.3"),
        ("FEATURE_DISCOVERY_SEARCH", "19.3"),
        ("RESOLVE_DEPENDENCY_BUMP", "19.3"),
        ("DUO_DEVELOPER", "19.4"),
    ] {
        for version in SUPPORTED {
            let present =
                gitlab_mock::Version::parse(version) >= gitlab_mock::Version::parse(since);
            assert_eq!(
                validate_operation(version, &feature(value)).is_ok(),
                present,
                "{value} at {version}"
            );
        }
    }
    for version in SUPPORTED {
        assert!(
            validate_operation(version, &feature("EMBEDDINGS_CODE")).is_err(),
            "{version}"
        );
        // `provider` optional before 19.4, required from 19.4; `endpoint`
        // required before 19.4, optional from 19.4 (ref §2).
        let v = gitlab_mock::Version::parse(version);
        let from_19_4 = v >= gitlab_mock::Version::parse("19.4");
        let no_provider = "mutation { aiSelfHostedModelCreate(input: {name: \"n\", model: GPT, endpoint: \"http://e\"}) { errors } }";
        let no_endpoint = "mutation { aiSelfHostedModelCreate(input: {name: \"n\", model: GPT, provider: BEDROCK}) { errors } }";
        assert_eq!(
            validate_operation(version, no_provider).is_ok(),
            !from_19_4,
            "{version}"
        );
        assert_eq!(
            validate_operation(version, no_endpoint).is_ok(),
            from_19_4,
            "{version}"
        );
    }
}

// ----------------------------------------------------------------- queries

#[test]
fn duo_settings_query_answers_from_the_state() {
    let server = start("19.6");
    let r = server.client(ADMIN).graphql(SETTINGS, json!({}));
    assert_eq!(
        ok(&r).data("duoSettings"),
        &json!({
            "aiGatewayUrl": "http://aigw.internal:5052",
            "duoAgentPlatformServiceUrl": "aigw.internal:50052",
            "selfHostedDuoAgentPlatformServiceSecure": false,
            "aiGatewayTimeoutSeconds": 120,
            "updatedAt": "2026-12-06T12:00:00Z"
        })
    );
    // Defaults of an empty instance (ref §6: timeout 60, TLS true).
    let empty = start_empty("18.11");
    let r = empty.client(ADMIN).graphql(SETTINGS, json!({}));
    assert_eq!(ok(&r).data("duoSettings")["aiGatewayTimeoutSeconds"], 60);
    assert_eq!(
        r.data("duoSettings")["selfHostedDuoAgentPlatformServiceSecure"],
        true
    );
    assert_eq!(r.data("duoSettings")["aiGatewayUrl"], Value::Null);
}

#[test]
fn models_query_returns_every_field_and_never_the_api_key() {
    let server = start("19.6");
    server.set_beta_terms_accepted(true);
    let r = server.client(ADMIN).graphql(MODELS, json!({}));
    let nodes = ok(&r).data("aiSelfHostedModels")["nodes"].clone();
    assert_eq!(nodes.as_array().map(Vec::len), Some(4), "{}", r.text);
    assert_eq!(
        nodes[0],
        json!({
            "id": "gid://gitlab/Ai::SelfHostedModel/1", "name": "Mistral on vLLM", "model": "mistral",
            "modelDisplayName": "Mistral", "endpoint": "http://vllm.internal:8000/v1",
            "identifier": "custom_openai/mistralai/Mistral-Small-24B-Instruct-2506",
            "hasApiToken": true, "apiToken": null, "provider": "API", "releaseState": "GA",
            "createdAt": "2026-12-06T12:00:00Z", "updatedAt": "2026-12-06T12:00:00Z"
        })
    );
    assert_eq!(nodes[1]["modelDisplayName"], "Claude");
    assert_eq!(nodes[1]["provider"], "BEDROCK");
    assert_eq!(nodes[3]["releaseState"], "BETA");
    assert!(!r.text.contains("fixture-api-key"), "{}", r.text);
}

#[test]
fn models_query_by_id() {
    let server = start("19.6");
    let client = server.client(ADMIN);
    let r = client.graphql(MODELS, json!({"id": "gid://gitlab/Ai::SelfHostedModel/3"}));
    assert_eq!(names(ok(&r), "aiSelfHostedModels"), ["GPT on Azure"]);
    // "with id, that model" (ref §7.1), whatever the beta terms.
    let r = client.graphql(MODELS, json!({"id": "gid://gitlab/Ai::SelfHostedModel/5"}));
    assert_eq!(names(ok(&r), "aiSelfHostedModels"), ["Llama on vLLM"]);
    let r = client.graphql(MODELS, json!({"id": "gid://gitlab/Ai::SelfHostedModel/99"}));
    assert_eq!(names(ok(&r), "aiSelfHostedModels"), Vec::<String>::new());
    let r = client.graphql(MODELS, json!({"id": "gid://gitlab/Project/1"}));
    assert_eq!(
        r.error_messages(),
        ["\"gid://gitlab/Project/1\" does not represent an instance of Ai::SelfHostedModel"]
    );
}

/// ref §7.1: "all models if the beta terms are accepted, else only
/// GA-family models".
#[test]
fn beta_family_models_are_hidden_until_the_beta_terms_are_accepted() {
    let server = start("19.6");
    let client = server.client(ADMIN);
    let r = client.graphql(MODELS, json!({}));
    assert_eq!(
        names(ok(&r), "aiSelfHostedModels"),
        ["Mistral on vLLM", "Claude on Bedrock", "GPT on Azure"]
    );
    server.set_beta_terms_accepted(true);
    let r = client.graphql(MODELS, json!({}));
    assert_eq!(
        names(ok(&r), "aiSelfHostedModels"),
        [
            "Mistral on vLLM",
            "Claude on Bedrock",
            "GPT on Azure",
            "Llama on vLLM"
        ]
    );
    // The fixture flag does the same from the start.
    let accepted = MockGitLab::start(
        "19.6",
        fixture().beta_terms_accepted(true),
        Tokens::admin(ADMIN),
    );
    let r = accepted.client(ADMIN).graphql(MODELS, json!({}));
    assert_eq!(names(ok(&r), "aiSelfHostedModels").len(), 4);
}

#[test]
fn feature_settings_query_lists_offered_features_with_saved_or_unassigned_settings() {
    let server = start("19.6");
    let client = server.client(ADMIN);
    let r = client.graphql(FEATURES, json!({}));
    let nodes = ok(&r).data("aiFeatureSettings")["nodes"].clone();
    let keys: Vec<&str> = nodes
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n["feature"].as_str())
        .collect();
    // STABLE at 19.6 (ref §3.1): 0–6, 15, 16, 17, 21, 19, 26.
    assert_eq!(
        keys,
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
            "review_merge_request_dap",
            "secret_vulnerability_fp_detection",
            "duo_developer"
        ]
    );
    assert_eq!(
        nodes[0],
        json!({"feature": "code_generations", "provider": "self_hosted",
               "selfHostedModel": {"id": "gid://gitlab/Ai::SelfHostedModel/1", "name": "Mistral on vLLM"}})
    );
    assert_eq!(
        nodes[1],
        json!({"feature": "code_completions", "provider": "disabled", "selfHostedModel": null})
    );
    assert_eq!(
        nodes[3],
        json!({"feature": "duo_chat_explain_code", "provider": "unassigned", "selfHostedModel": null})
    );

    // FLAGGED features (and their settings) only with the beta terms.
    server.set_beta_terms_accepted(true);
    let r = client.graphql(FEATURES, json!({}));
    let all = ok(&r).data("aiFeatureSettings")["nodes"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(all.len(), 26, "{}", r.text); // 27 features less embeddings_code
    assert!(all
        .iter()
        .any(|n| n["feature"] == "duo_chat_summarize_comments" && n["provider"] == "self_hosted"));
    assert!(!all.iter().any(|n| n["feature"] == "embeddings_code"));

    let r = client.graphql(
        FEATURES,
        json!({"model": "gid://gitlab/Ai::SelfHostedModel/2"}),
    );
    assert_eq!(
        ok(&r).data("aiFeatureSettings"),
        &json!({"nodes": [{"feature": "duo_chat", "provider": "self_hosted",
                            "selfHostedModel": {"id": "gid://gitlab/Ai::SelfHostedModel/2", "name": "Claude on Bedrock"}}]})
    );
}

#[test]
fn feature_list_follows_the_version() {
    // 18.11: no 21–26; secret_vulnerability_fp_detection still FLAGGED (ref §3.1).
    let server = start_empty("18.11");
    let r = server.client(ADMIN).graphql(FEATURES, json!({}));
    let count = ok(&r).data("aiFeatureSettings")["nodes"]
        .as_array()
        .map(Vec::len);
    assert_eq!(count, Some(10));
    server.set_beta_terms_accepted(true);
    let r = server.client(ADMIN).graphql(FEATURES, json!({}));
    let count = ok(&r).data("aiFeatureSettings")["nodes"]
        .as_array()
        .map(Vec::len);
    assert_eq!(count, Some(21));
}

/// Selection sets are executed as GraphQL does: aliases, `__typename`,
/// fragments (named and inline), variables in nested arguments.
#[test]
fn queries_support_aliases_fragments_and_typename() {
    let server = start("19.6");
    let query = "query Q($gpt: AiSelfHostedModelID) {
      __typename
      settings: duoSettings { __typename url: aiGatewayUrl }
      gpt: aiSelfHostedModels(id: $gpt) { nodes { ...M } }
      all: aiSelfHostedModels { nodes { ... on AiSelfHostedModel { name } } }
    }
    fragment M on AiSelfHostedModel { __typename id kind: model }";
    let r = server
        .client(ADMIN)
        .graphql(query, json!({"gpt": "gid://gitlab/Ai::SelfHostedModel/3"}));
    assert_eq!(
        ok(&r).json["data"],
        json!({
            "__typename": "Query",
            "settings": {"__typename": "DuoSettings", "url": "http://aigw.internal:5052"},
            "gpt": {"nodes": [{"__typename": "AiSelfHostedModel", "id": "gid://gitlab/Ai::SelfHostedModel/3", "kind": "gpt"}]},
            "all": {"nodes": [{"name": "Mistral on vLLM"}, {"name": "Claude on Bedrock"}, {"name": "GPT on Azure"}]}
        })
    );
}

#[test]
fn the_live_state_has_the_contract_shape_and_loads_back() {
    let server = start("19.6");
    let live = server.live_state();
    assert_eq!(live["gitlab_version"], "19.6");
    assert_eq!(
        live["duoSettings"],
        json!({"aiGatewayUrl": "http://aigw.internal:5052", "duoAgentPlatformServiceUrl": "aigw.internal:50052",
               "selfHostedDuoAgentPlatformServiceSecure": false, "aiGatewayTimeoutSeconds": 120})
    );
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap_or_default();
    // The GA models, exactly as the fixture has them (the BETA one is hidden).
    assert_eq!(
        live["aiSelfHostedModels"]["nodes"],
        json!(fixture["aiSelfHostedModels"]["nodes"]
            .as_array()
            .map(|n| n[..3].to_vec()))
    );
    let reloaded = MockGitLab::start(
        "19.6",
        LiveFixture::from_value(&live).unwrap_or_else(|e| panic!("{e}")),
        Tokens::admin(ADMIN),
    );
    assert_eq!(reloaded.live_state(), live);
    // The stored state keeps every model and only the saved settings.
    let stored = server.stored_state();
    assert_eq!(
        stored["aiSelfHostedModels"]["nodes"]
            .as_array()
            .map(Vec::len),
        Some(4)
    );
    assert_eq!(
        stored["aiFeatureSettings"]["nodes"],
        fixture["aiFeatureSettings"]["nodes"]
    );
}

#[test]
fn fixture_errors_name_the_field() {
    let bad = |text: &str| LiveFixture::from_json(text).err().unwrap_or_default();
    assert_eq!(
        bad(
            r#"{"aiSelfHostedModels": {"nodes": [{"id": "gid://gitlab/Ai::SelfHostedModel/1", "name": "x", "model": "nope"}]}}"#
        ),
        "aiSelfHostedModels.nodes[0]: model: unknown family \"nope\""
    );
    assert_eq!(
        bad(
            r#"{"aiSelfHostedModels": {"nodes": [{"id": "gid://gitlab/Ai::SelfHostedModel/1", "name": "x", "model": "llama3", "releaseState": "GA"}]}}"#
        ),
        "aiSelfHostedModels.nodes[0]: releaseState: GA but GitLab derives BETA for llama3"
    );
    assert_eq!(
        bad(
            r#"{"aiFeatureSettings": {"nodes": [{"feature": "duo_chat", "provider": "self_hosted", "selfHostedModel": {"id": "gid://gitlab/Ai::SelfHostedModel/7"}}]}}"#
        ),
        "aiFeatureSettings.nodes[0]: selfHostedModel: no model with id 7 in aiSelfHostedModels"
    );
    // Null sections, as a token without permission reads them, load as empty.
    let empty = LiveFixture::from_json(
        r#"{"duoSettings": null, "aiSelfHostedModels": null, "aiFeatureSettings": null}"#,
    );
    assert!(empty.is_ok());
}

// ------------------------------------------------------ self-hosted models

#[test]
fn create_update_and_delete_a_model() {
    let server = start_empty("19.6");
    let client = server.client(ADMIN);
    let mut input = vllm_input("Codestral");
    input["model"] = json!("CODESTRAL");
    input["clientMutationId"] = json!("c-1");
    let r = client.graphql(CREATE, json!({"input": input}));
    assert_eq!(
        ok(&r).data("aiSelfHostedModelCreate"),
        &json!({
            "clientMutationId": "c-1", "errors": [],
            "selfHostedModel": {
                "id": "gid://gitlab/Ai::SelfHostedModel/1", "name": "Codestral", "model": "codestral",
                "endpoint": "http://vllm.internal:8000/v1",
                "identifier": "custom_openai/mistralai/Mistral-Small-24B-Instruct-2506",
                "hasApiToken": true, "provider": "API", "releaseState": "GA"
            }
        })
    );
    assert_eq!(
        server.stored_api_key("Codestral").as_deref(),
        Some("secret-key")
    );

    // Update: the arguments given change; `apiToken` omitted keeps the key.
    let r = client.graphql(
        UPDATE,
        json!({"input": {"id": "gid://gitlab/Ai::SelfHostedModel/1", "name": "Codestral 22B",
                         "model": "CODESTRAL", "endpoint": "http://vllm2.internal:8000/v1", "provider": "API"}}),
    );
    assert_eq!(
        ok(&r).payload_errors("aiSelfHostedModelUpdate"),
        Vec::<String>::new()
    );
    assert_eq!(
        r.data("aiSelfHostedModelUpdate")["selfHostedModel"]["name"],
        "Codestral 22B"
    );
    assert_eq!(
        server.stored_api_key("Codestral 22B").as_deref(),
        Some("secret-key")
    );

    let r = client.graphql(DELETE, json!({"id": "gid://gitlab/Ai::SelfHostedModel/1"}));
    assert_eq!(
        ok(&r).data("aiSelfHostedModelDelete"),
        &json!({"errors": []})
    );
    assert_eq!(
        server.stored_state()["aiSelfHostedModels"]["nodes"],
        json!([])
    );
    // ref §7.3: unknown id → "Self-hosted model not found".
    let r = client.graphql(DELETE, json!({"id": "gid://gitlab/Ai::SelfHostedModel/1"}));
    assert_eq!(
        ok(&r).payload_errors("aiSelfHostedModelDelete"),
        ["Self-hosted model not found"]
    );
    // A new model never reuses an id.
    let r = client.graphql(CREATE, json!({"input": vllm_input("Again")}));
    assert_eq!(
        ok(&r).data("aiSelfHostedModelCreate")["selfHostedModel"]["id"],
        "gid://gitlab/Ai::SelfHostedModel/2"
    );
}

#[test]
fn deleting_a_model_deletes_the_feature_settings_that_use_it() {
    let server = start("19.6");
    let r = server
        .client(ADMIN)
        .graphql(DELETE, json!({"id": "gid://gitlab/Ai::SelfHostedModel/2"}));
    ok(&r);
    let features = server.stored_state()["aiFeatureSettings"]["nodes"].clone();
    assert!(!features.to_string().contains("duo_chat\""), "{features}");
    assert_eq!(features.as_array().map(Vec::len), Some(4));
}

#[test]
fn update_of_an_unknown_model_is_a_top_level_error() {
    let server = start("19.6");
    let mut input = vllm_input("x");
    input["id"] = json!("gid://gitlab/Ai::SelfHostedModel/42");
    let r = server
        .client(ADMIN)
        .graphql(UPDATE, json!({"input": input}));
    assert_eq!(r.error_messages(), [NOT_AVAILABLE]);
    assert_eq!(r.data("aiSelfHostedModelUpdate"), &Value::Null);
}

/// duo-domain §2.1: name present and unique.
#[test]
fn model_names_are_unique() {
    let server = start("19.6");
    let r = server
        .client(ADMIN)
        .graphql(CREATE, json!({"input": vllm_input("Mistral on vLLM")}));
    assert_eq!(
        ok(&r).payload_errors("aiSelfHostedModelCreate"),
        ["Name has already been taken"]
    );
    assert_eq!(
        r.data("aiSelfHostedModelCreate")["selfHostedModel"],
        Value::Null
    );
    // Case-sensitive, as on PostgreSQL.
    let r = server
        .client(ADMIN)
        .graphql(CREATE, json!({"input": vllm_input("mistral on vllm")}));
    assert_eq!(
        ok(&r).payload_errors("aiSelfHostedModelCreate"),
        Vec::<String>::new()
    );
}

/// ref §2: identifier ≤ 255; endpoint required for `api`; several errors in
/// one message, as `ServiceResponse.error(message:)` gives them.
#[test]
fn model_validations_come_back_in_errors() {
    let server = start_empty("19.6");
    let mut input = vllm_input("");
    input["endpoint"] = json!("  ");
    input["identifier"] = json!("x".repeat(256));
    let r = server
        .client(ADMIN)
        .graphql(CREATE, json!({"input": input}));
    assert_eq!(
        ok(&r).payload_errors("aiSelfHostedModelCreate"),
        ["Name can't be blank, Endpoint must be a valid URL, Identifier is too long (maximum is 255 characters)"]
    );
    let mut input = vllm_input("ftp");
    input["endpoint"] = json!("ftp://vllm.internal/v1");
    input["identifier"] = json!("x".repeat(255));
    let r = server
        .client(ADMIN)
        .graphql(CREATE, json!({"input": input}));
    assert_eq!(
        ok(&r).payload_errors("aiSelfHostedModelCreate"),
        ["Endpoint is blocked: Only allowed schemes are http, https"]
    );
}

/// ref §1.1: `QWEN` is in `AiAcceptedSelfHostedModels` only from 19.4.
#[test]
fn qwen_is_rejected_at_19_0_and_accepted_at_19_4() {
    let qwen = |name: &str| {
        let mut input = vllm_input(name);
        input["model"] = json!("QWEN");
        input
    };
    let old = start_empty("19.0");
    // As a variable: the variable does not coerce.
    let r = old
        .client(ADMIN)
        .graphql(CREATE, json!({"input": qwen("Qwen")}));
    let messages = invalid(&r);
    assert!(messages[0].contains("QWEN"), "{messages:?}");
    // As a literal: the document does not validate.
    let literal = "mutation { aiSelfHostedModelCreate(input: {name: \"Qwen\", model: QWEN, endpoint: \"http://q/v1\"}) { errors } }";
    let messages = invalid(&old.client(ADMIN).graphql(literal, json!({})));
    assert!(messages[0].contains("QWEN"), "{messages:?}");
    assert_eq!(old.stored_state()["aiSelfHostedModels"]["nodes"], json!([]));

    let new = start_empty("19.4");
    let r = new
        .client(ADMIN)
        .graphql(CREATE, json!({"input": qwen("Qwen")}));
    assert_eq!(
        ok(&r).data("aiSelfHostedModelCreate")["selfHostedModel"]["model"],
        "qwen"
    );
    assert_eq!(
        r.data("aiSelfHostedModelCreate")["selfHostedModel"]["releaseState"],
        "BETA"
    );
}

/// ref §2: the GraphQL `provider` argument is optional before 19.4 and
/// required from 19.4.
#[test]
fn provider_is_required_at_19_4_and_optional_at_19_0() {
    let without_provider = || {
        let mut input = vllm_input("No provider");
        input.as_object_mut().map(|o| o.remove("provider"));
        input
    };
    let new = start_empty("19.4");
    let messages = invalid(
        &new.client(ADMIN)
            .graphql(CREATE, json!({"input": without_provider()})),
    );
    assert!(messages[0].contains("provider"), "{messages:?}");

    let old = start_empty("19.0");
    let r = old
        .client(ADMIN)
        .graphql(CREATE, json!({"input": without_provider()}));
    // `provider smallint NOT NULL DEFAULT 0` (ref §2): api.
    assert_eq!(
        ok(&r).data("aiSelfHostedModelCreate")["selfHostedModel"]["provider"],
        "API"
    );
}

/// ref §2: at 18.11 a `before_save` hook sets the provider from the
/// identifier's prefix.
#[test]
fn at_18_11_the_provider_follows_the_identifier_prefix() {
    let server = start_empty("18.11");
    let mut input = vllm_input("Claude");
    input["model"] = json!("CLAUDE_3");
    input["identifier"] = json!("bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0");
    input["endpoint"] = json!("http://bedrockselfhostedmodel.com");
    input["provider"] = json!("API");
    let r = server
        .client(ADMIN)
        .graphql(CREATE, json!({"input": input}));
    assert_eq!(
        ok(&r).data("aiSelfHostedModelCreate")["selfHostedModel"]["provider"],
        "BEDROCK"
    );
}

/// ref §2: from 19.0 the endpoint is required only for provider `api`; the
/// GraphQL argument is optional from 19.4.
#[test]
fn endpoint_omitted_for_bedrock_is_accepted_at_19_4_and_rejected_for_api() {
    let server = start_empty("19.4");
    let client = server.client(ADMIN);
    let bedrock = json!({"name": "Claude on Bedrock", "model": "CLAUDE_3", "provider": "BEDROCK",
                         "identifier": "bedrock/anthropic.claude-sonnet-4-20250514-v1:0"});
    let create_id = "mutation Create($input: AiSelfHostedModelCreateInput!) {
      aiSelfHostedModelCreate(input: $input) { errors selfHostedModel { id provider } } }";
    let r = client.graphql(create_id, json!({"input": bedrock}));
    assert_eq!(
        ok(&r).data("aiSelfHostedModelCreate"),
        &json!({"errors": [], "selfHostedModel": {"id": "gid://gitlab/Ai::SelfHostedModel/1", "provider": "BEDROCK"}})
    );
    let api = json!({"name": "vLLM", "model": "MISTRAL", "provider": "API", "identifier": "custom_openai/m"});
    let r = client.graphql(create_id, json!({"input": api}));
    assert_eq!(
        ok(&r).payload_errors("aiSelfHostedModelCreate"),
        ["Endpoint must be a valid URL"]
    );

    // ref §7.2 note: `endpoint` is `String!` in the type although the column
    // is nullable from 19.0, so reading that model's endpoint is a
    // non-null violation (GitLab: inferred, untested).
    let r = client.graphql(MODELS, json!({}));
    assert_eq!(r.status, 200);
    assert_eq!(
        r.data("aiSelfHostedModels")["nodes"],
        json!([null]),
        "{}",
        r.text
    );
    assert_eq!(
        r.json["errors"][0]["path"],
        json!(["aiSelfHostedModels", "nodes", 0, "endpoint"])
    );
    let r = client.graphql(
        "{ aiSelfHostedModels { nodes { id name provider } } }",
        json!({}),
    );
    assert_eq!(names(ok(&r), "aiSelfHostedModels"), ["Claude on Bedrock"]);
}

#[test]
fn endpoint_is_required_for_every_provider_before_19_0() {
    let server = start_empty("18.11");
    let input = json!({"name": "Claude", "model": "CLAUDE_3", "provider": "BEDROCK", "endpoint": "",
                       "identifier": "bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0"});
    let r = server
        .client(ADMIN)
        .graphql(CREATE, json!({"input": input}));
    assert_eq!(
        ok(&r).payload_errors("aiSelfHostedModelCreate"),
        ["Endpoint must be a valid URL"]
    );
    // From 19.0 a Bedrock model needs none (the GraphQL argument is still
    // `String!` before 19.4, so the client sends "").
    let server = start_empty("19.0");
    let r = server
        .client(ADMIN)
        .graphql(CREATE, json!({"input": input}));
    assert_eq!(
        ok(&r).payload_errors("aiSelfHostedModelCreate"),
        Vec::<String>::new()
    );
}

#[test]
fn connection_check_returns_a_probe_result() {
    let server = start_empty("19.6");
    let query = "mutation Check($input: AiSelfHostedModelConnectionCheckInput!) {
      aiSelfHostedModelConnectionCheck(input: $input) { errors result { name success message } } }";
    let r = server
        .client(ADMIN)
        .graphql(query, json!({"input": vllm_input("x")}));
    assert_eq!(
        ok(&r).data("aiSelfHostedModelConnectionCheck")["result"]["success"],
        true
    );
    assert_eq!(
        r.data("aiSelfHostedModelConnectionCheck")["errors"],
        json!([])
    );
    assert_eq!(
        server.stored_state()["aiSelfHostedModels"]["nodes"],
        json!([])
    );
}

// -------------------------------------------------------- feature settings

#[test]
fn feature_settings_are_saved_per_feature() {
    let server = start("19.6");
    let client = server.client(ADMIN);
    let r = client.graphql(
        SET_FEATURES,
        json!({"features": ["DUO_CHAT_EXPLAIN_CODE", "DUO_CHAT_FIX_CODE"], "provider": "SELF_HOSTED",
               "model": "gid://gitlab/Ai::SelfHostedModel/3"}),
    );
    let gpt = json!({"id": "gid://gitlab/Ai::SelfHostedModel/3", "name": "GPT on Azure"});
    assert_eq!(
        ok(&r).data("aiFeatureSettingUpdate"),
        &json!({"errors": [], "aiFeatureSettings": [
            {"feature": "duo_chat_explain_code", "provider": "self_hosted", "selfHostedModel": gpt},
            {"feature": "duo_chat_fix_code", "provider": "self_hosted", "selfHostedModel": gpt}
        ]})
    );
    let r = client.graphql(
        SET_FEATURES,
        json!({"features": ["CODE_GENERATIONS"], "provider": "DISABLED"}),
    );
    assert_eq!(
        ok(&r).data("aiFeatureSettingUpdate")["aiFeatureSettings"],
        json!([{"feature": "code_generations", "provider": "disabled", "selfHostedModel": null}])
    );
    let live = server.live_state();
    let nodes = live["aiFeatureSettings"]["nodes"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(nodes.contains(
        &json!({"feature": "duo_chat_fix_code", "provider": "self_hosted", "selfHostedModel": gpt})
    ));
    assert!(nodes.contains(
        &json!({"feature": "code_generations", "provider": "disabled", "selfHostedModel": null})
    ));
}

/// ref §7.3: "At least one feature is required"; duo-domain §3.2: the
/// incompatibility message; errors collected per feature.
#[test]
fn feature_setting_errors() {
    let server = start("19.6");
    let client = server.client(ADMIN);
    let r = client.graphql(
        SET_FEATURES,
        json!({"features": [], "provider": "DISABLED"}),
    );
    assert_eq!(
        ok(&r).data("aiFeatureSettingUpdate"),
        &json!({"errors": ["At least one feature is required"], "aiFeatureSettings": []})
    );
    // Codestral is not in the Agentic Chat list; it is in Code Generation's.
    server.set_beta_terms_accepted(true);
    let mut input = vllm_input("Codestral");
    input["model"] = json!("CODESTRAL");
    ok(&client.graphql(CREATE, json!({"input": input})));
    let r = client.graphql(
        SET_FEATURES,
        json!({"features": ["DUO_AGENT_PLATFORM_AGENTIC_CHAT", "CODE_GENERATIONS", "DUO_AGENT_PLATFORM"],
               "provider": "SELF_HOSTED", "model": "gid://gitlab/Ai::SelfHostedModel/6"}),
    );
    assert_eq!(
        ok(&r).payload_errors("aiFeatureSettingUpdate"),
        [
            "Codestral is incompatible with the Agentic Chat feature",
            "Codestral is incompatible with the Agents & flows feature"
        ]
    );
    assert_eq!(
        r.data("aiFeatureSettingUpdate")["aiFeatureSettings"][0]["feature"],
        "code_generations"
    );
    // Before 19.0 the Agent Platform row had its older title (ref §3.2).
    let old = start("18.11");
    let r = old.client(ADMIN).graphql(
        SET_FEATURES,
        json!({"features": ["DUO_AGENT_PLATFORM"], "provider": "SELF_HOSTED", "model": "gid://gitlab/Ai::SelfHostedModel/1"}),
    );
    assert_eq!(
        ok(&r).payload_errors("aiFeatureSettingUpdate"),
        ["Mistral is incompatible with the All agents, except Agentic Chat feature"]
    );
    let r = client.graphql(
        SET_FEATURES,
        json!({"features": ["DUO_CHAT"], "provider": "SELF_HOSTED"}),
    );
    assert_eq!(
        ok(&r).payload_errors("aiFeatureSettingUpdate"),
        ["Self hosted model can't be blank"]
    );
}

// ---------------------------------------------------------- duo settings

#[test]
fn duo_settings_update_normalizes_urls() {
    let server = start_empty("19.6");
    let client = server.client(ADMIN);
    let r = client.graphql(
        UPDATE_SETTINGS,
        json!({"input": {"aiGatewayUrl": "http://aigw.internal:5052//", "duoAgentPlatformServiceUrl": "aigw:50052/",
                         "selfHostedDuoAgentPlatformServiceSecure": false, "aiGatewayTimeoutSeconds": 600}}),
    );
    // ref §6: one trailing '/' removed.
    assert_eq!(
        ok(&r).data("duoSettingsUpdate"),
        &json!({"errors": [], "duoSettings": {
            "aiGatewayUrl": "http://aigw.internal:5052/", "duoAgentPlatformServiceUrl": "aigw:50052",
            "selfHostedDuoAgentPlatformServiceSecure": false, "aiGatewayTimeoutSeconds": 600}})
    );
    // Blank → null; arguments not given stay as they are.
    let r = client.graphql(
        UPDATE_SETTINGS,
        json!({"input": {"aiGatewayUrl": " ", "duoAgentPlatformServiceUrl": "/"}}),
    );
    assert_eq!(
        ok(&r).data("duoSettingsUpdate")["duoSettings"],
        json!({"aiGatewayUrl": null, "duoAgentPlatformServiceUrl": null,
               "selfHostedDuoAgentPlatformServiceSecure": false, "aiGatewayTimeoutSeconds": 600})
    );
}

/// ref §6: 60 ≤ timeout ≤ 600; nil allowed from 19.2.
#[test]
fn duo_settings_update_validates_the_timeout() {
    let server = start("19.6");
    let client = server.client(ADMIN);
    for (timeout, message) in [
        (
            json!(59),
            "Ai gateway timeout seconds must be greater than or equal to 60",
        ),
        (
            json!(601),
            "Ai gateway timeout seconds must be less than or equal to 600",
        ),
    ] {
        let r = client.graphql(
            UPDATE_SETTINGS,
            json!({"input": {"aiGatewayTimeoutSeconds": timeout}}),
        );
        assert_eq!(ok(&r).payload_errors("duoSettingsUpdate"), [message]);
        // On error, the current settings (ref §7.3).
        assert_eq!(
            r.data("duoSettingsUpdate")["duoSettings"]["aiGatewayTimeoutSeconds"],
            120
        );
    }
    let r = client.graphql(
        UPDATE_SETTINGS,
        json!({"input": {"aiGatewayTimeoutSeconds": null}}),
    );
    assert_eq!(
        ok(&r).data("duoSettingsUpdate")["duoSettings"]["aiGatewayTimeoutSeconds"],
        Value::Null
    );
    let old = start("19.1");
    let r = old.client(ADMIN).graphql(
        UPDATE_SETTINGS,
        json!({"input": {"aiGatewayTimeoutSeconds": null}}),
    );
    assert_eq!(
        ok(&r).payload_errors("duoSettingsUpdate"),
        ["Ai gateway timeout seconds is not a number"]
    );
    let r = old.client(ADMIN).graphql(
        UPDATE_SETTINGS,
        json!({"input": {"aiGatewayUrl": "ftp://aigw"}}),
    );
    assert_eq!(
        ok(&r).payload_errors("duoSettingsUpdate"),
        ["Ai gateway url Only allowed schemes are http, https"]
    );
}

// ------------------------------------------------------------ permissions

#[test]
fn an_unknown_token_is_refused_and_no_token_is_anonymous() {
    let server = start("19.6");
    let r = server.client("glpat-wrong").graphql(SETTINGS, json!({}));
    assert_eq!(
        (r.status, r.json.clone()),
        (401, json!({"errors": [{"message": "Invalid token"}]}))
    );
    // Anonymous: the fields come back null (ref §7.1, §7.2).
    let anonymous = server.anonymous_client();
    let r = anonymous.graphql(
        "{ aiSelfHostedModels { nodes { id } } aiFeatureSettings { nodes { feature } } }",
        json!({}),
    );
    assert_eq!(
        ok(&r).json["data"],
        json!({"aiSelfHostedModels": null, "aiFeatureSettings": null})
    );
    let r = anonymous.graphql(SETTINGS, json!({}));
    assert_eq!(ok(&r).data("duoSettings")["aiGatewayUrl"], Value::Null);
    assert_eq!(
        r.data("duoSettings")["aiGatewayTimeoutSeconds"],
        Value::Null
    );
    // Mutations: GitLab's resource-not-available error, the payload null.
    let r = anonymous.graphql(CREATE, json!({"input": vllm_input("x")}));
    assert_eq!(r.status, 200);
    assert_eq!(r.error_messages(), [NOT_AVAILABLE]);
    assert_eq!(
        r.json["errors"][0]["path"],
        json!(["aiSelfHostedModelCreate"])
    );
    assert_eq!(r.json["data"], json!({"aiSelfHostedModelCreate": null}));
    // The PRIVATE-TOKEN header works as well as Authorization: Bearer.
    let r = server
        .private_token_client(ADMIN)
        .graphql(SETTINGS, json!({}));
    assert_eq!(ok(&r).data("duoSettings")["aiGatewayTimeoutSeconds"], 120);
}

/// ref §5, §7.2: `aiGatewayTimeoutSeconds` needs `:read_ai_gateway_timeout`
/// (implied by `:update_ai_gateway_timeout`); the URLs need
/// `:read_self_hosted_models_settings`.
#[test]
fn each_settings_field_needs_its_read_permission() {
    let tokens = Tokens::admin(ADMIN)
        .with(
            "timeout-only",
            &[
                Permission::UpdateAiGatewayTimeout,
                Permission::AdminAllResources,
            ],
        )
        .with_names("models-only", &["manage_self_hosted_models_settings"]);
    let server = MockGitLab::start("19.6", fixture(), tokens);
    let r = server.client("timeout-only").graphql(SETTINGS, json!({}));
    assert_eq!(ok(&r).data("duoSettings")["aiGatewayTimeoutSeconds"], 120);
    assert_eq!(r.data("duoSettings")["aiGatewayUrl"], Value::Null);
    assert_eq!(r.data("aiSelfHostedModels"), &Value::Null);
    let r = server.client("timeout-only").graphql(MODELS, json!({}));
    assert_eq!(ok(&r).data("aiSelfHostedModels"), &Value::Null);

    // Updating: the URL needs :manage_self_hosted_models_settings, the timeout
    // :update_ai_gateway_timeout from 19.2, and the mutation
    // :admin_all_resources from 19.2 (ref §7.3).
    let r = server.client("timeout-only").graphql(
        UPDATE_SETTINGS,
        json!({"input": {"aiGatewayUrl": "http://x"}}),
    );
    assert_eq!(
        r.error_messages(),
        ["You don't have permission to update the setting ai_gateway_url."]
    );
    assert_eq!(r.json["data"], json!({"duoSettingsUpdate": null}));
    let r = server.client("timeout-only").graphql(
        UPDATE_SETTINGS,
        json!({"input": {"aiGatewayTimeoutSeconds": 90}}),
    );
    assert_eq!(
        ok(&r).data("duoSettingsUpdate")["duoSettings"]["aiGatewayTimeoutSeconds"],
        90
    );
    let r = server.client("models-only").graphql(
        UPDATE_SETTINGS,
        json!({"input": {"aiGatewayUrl": "http://x"}}),
    );
    assert_eq!(r.error_messages(), [NOT_AVAILABLE]);

    // At 19.0 the timeout is one of the self-hosted settings.
    let tokens = Tokens::new().with_names("models-only", &["manage_self_hosted_models_settings"]);
    let old = MockGitLab::start("19.0", fixture(), tokens);
    let r = old.client("models-only").graphql(
        UPDATE_SETTINGS,
        json!({"input": {"aiGatewayTimeoutSeconds": 90, "aiGatewayUrl": "http://x/"}}),
    );
    assert_eq!(
        ok(&r).data("duoSettingsUpdate")["duoSettings"]["aiGatewayUrl"],
        "http://x"
    );
}

/// ref §7.3: a self-hosted model for the two Agent Platform features needs
/// `:update_dap_self_hosted_model`; for any other feature
/// `:manage_self_hosted_models_settings`.
#[test]
fn agent_platform_features_need_the_dap_permission() {
    let tokens = Tokens::new()
        .with_names("no-dap", &["manage_self_hosted_models_settings"])
        .with_names(
            "dap-only",
            &[
                "update_dap_self_hosted_model",
                "manage_instance_model_selection",
            ],
        );
    let server = MockGitLab::start("19.6", fixture(), tokens);
    let gpt = "gid://gitlab/Ai::SelfHostedModel/3";
    let message = "You don't have permission to update the setting ai_self_hosted_model_id.";
    let r = server.client("no-dap").graphql(
        SET_FEATURES,
        json!({"features": ["DUO_AGENT_PLATFORM"], "provider": "SELF_HOSTED", "model": gpt}),
    );
    assert_eq!(r.error_messages(), [message]);
    let r = server.client("no-dap").graphql(
        SET_FEATURES,
        json!({"features": ["REVIEW_MERGE_REQUEST_DAP", "DUO_DEVELOPER"], "provider": "SELF_HOSTED", "model": gpt}),
    );
    assert_eq!(
        ok(&r).payload_errors("aiFeatureSettingUpdate"),
        Vec::<String>::new()
    );
    let r = server.client("dap-only").graphql(
        SET_FEATURES,
        json!({"features": ["DUO_AGENT_PLATFORM", "DUO_CHAT"], "provider": "SELF_HOSTED", "model": gpt}),
    );
    assert_eq!(r.error_messages(), [message]);
    let r = server.client("dap-only").graphql(
        SET_FEATURES,
        json!({"features": ["DUO_AGENT_PLATFORM"], "provider": "SELF_HOSTED", "model": gpt}),
    );
    assert_eq!(
        ok(&r).payload_errors("aiFeatureSettingUpdate"),
        Vec::<String>::new()
    );
    // Without a model argument, no model permission is needed.
    let r = server.client("dap-only").graphql(
        SET_FEATURES,
        json!({"features": ["DUO_CHAT"], "provider": "DISABLED"}),
    );
    assert_eq!(
        ok(&r).payload_errors("aiFeatureSettingUpdate"),
        Vec::<String>::new()
    );
}

// ------------------------------------------------------------- validation

#[test]
fn a_document_that_does_not_validate_is_rejected_and_not_executed() {
    let server = start("19.6");
    let r = server.client(ADMIN).graphql(
        "mutation { aiSelfHostedModelDelete(input: {id: \"gid://gitlab/Ai::SelfHostedModel/1\"}) { errors selfHostedModel { id } } }",
        json!({}),
    );
    let messages = invalid(&r);
    assert!(messages[0].contains("selfHostedModel"), "{messages:?}");
    assert_eq!(
        r.json["errors"][0]["locations"][0],
        json!({"line": 1, "column": 96})
    );
    assert_eq!(
        server.stored_state()["aiSelfHostedModels"]["nodes"]
            .as_array()
            .map(Vec::len),
        Some(4)
    );
    let log = server.operations();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].kind, "invalid");
    // Syntax errors and missing arguments too.
    invalid(&server.client(ADMIN).graphql("{ duoSettings { ", json!({})));
    invalid(
        &server
            .client(ADMIN)
            .graphql("mutation { aiSelfHostedModelDelete { errors } }", json!({})),
    );
    assert_eq!(
        server.client(ADMIN).graphql("", json!({})).error_messages(),
        ["No query string was present"]
    );
}

#[test]
fn operation_name_selects_the_operation() {
    let server = start("19.6");
    let document = "query A { duoSettings { aiGatewayUrl } } query B { duoSettings { aiGatewayTimeoutSeconds } }";
    let r = server
        .client(ADMIN)
        .graphql_operation(document, json!({}), "B");
    assert_eq!(
        ok(&r).json["data"],
        json!({"duoSettings": {"aiGatewayTimeoutSeconds": 120}})
    );
    let r = server.client(ADMIN).graphql(document, json!({}));
    assert_eq!(r.error_messages().len(), 1, "{}", r.text);
}

#[test]
fn http_edges() {
    let server = start("19.6");
    let client = server.client(ADMIN);
    let r = client.graphql(
        &format!("{{ duoSettings {{ updatedAt }} }}{}", " ".repeat(10_000)),
        json!({}),
    );
    assert_eq!(
        (r.status, r.error_messages()),
        (422, vec!["Query too large".to_owned()])
    );
    let r = client.post_json("/api/v4/version", &json!({}));
    assert_eq!(r.status, 404);
    let r = client.request("POST", "/api/graphql", &[], b"not json");
    assert_eq!(r.status, 400);
    // Variables as a JSON text, as GitLab accepts them.
    let r = client.post_json(
        "/api/graphql",
        &json!({"query": MODELS, "variables": "{\"id\": \"gid://gitlab/Ai::SelfHostedModel/2\"}"}),
    );
    assert_eq!(names(ok(&r), "aiSelfHostedModels"), ["Claude on Bedrock"]);
    // A chunked body sent after `Expect: 100-continue`, as curl sends a large one.
    let body = json!({"query": SETTINGS}).to_string();
    let chunked = format!("{:x}\r\n{body}\r\n0\r\n\r\n", body.len());
    let r = client.request(
        "POST",
        "/api/graphql",
        &[
            ("Expect", "100-continue"),
            ("Transfer-Encoding", "chunked"),
            ("Content-Type", "application/json"),
        ],
        chunked.as_bytes(),
    );
    assert_eq!(ok(&r).data("duoSettings")["aiGatewayTimeoutSeconds"], 120);
}

// ------------------------------------------------------------------ faults

fn create_three(server: &MockGitLab) -> Vec<Response> {
    ["A", "B", "C"]
        .iter()
        .map(|name| {
            server
                .client(ADMIN)
                .graphql(CREATE, json!({"input": vllm_input(name)}))
        })
        .collect()
}

#[test]
fn the_nth_mutation_fails_with_payload_errors_and_changes_nothing() {
    let server = start_empty("19.6");
    server.fail(
        FailWhen::NthMutation(2),
        Failure::Errors("injected failure".into()),
    );
    let responses = create_three(&server);
    assert_eq!(
        ok(&responses[1]).payload_errors("aiSelfHostedModelCreate"),
        ["injected failure"]
    );
    assert_eq!(
        responses[1].data("aiSelfHostedModelCreate")["selfHostedModel"],
        Value::Null
    );
    assert_eq!(
        names(
            &ok(&server.client(ADMIN).graphql(MODELS, json!({}))).clone(),
            "aiSelfHostedModels"
        ),
        ["A", "C"]
    );
}

#[test]
fn mutations_touching_a_name_fail_until_the_faults_are_cleared() {
    let server = start("19.6");
    let client = server.client(ADMIN);
    server.fail(
        FailWhen::Touching("GPT on Azure".into()),
        Failure::TopLevel("boom".into()),
    );
    server.fail(FailWhen::Touching("duo_chat".into()), Failure::Http(500));
    // The model by id, and a feature setting using it by aiSelfHostedModelId.
    let r = client.graphql(DELETE, json!({"id": "gid://gitlab/Ai::SelfHostedModel/3"}));
    assert_eq!(
        (
            r.error_messages(),
            r.data("aiSelfHostedModelDelete").clone()
        ),
        (vec!["boom".to_owned()], Value::Null)
    );
    let r = client.graphql(
        SET_FEATURES,
        json!({"features": ["CODE_GENERATIONS"], "provider": "SELF_HOSTED", "model": "gid://gitlab/Ai::SelfHostedModel/3"}),
    );
    assert_eq!(r.error_messages(), ["boom"]);
    let r = client.graphql(
        SET_FEATURES,
        json!({"features": ["DUO_CHAT"], "provider": "DISABLED"}),
    );
    assert_eq!(
        (r.status, r.json.clone()),
        (
            500,
            json!({"errors": [{"message": "Internal server error"}]})
        )
    );
    // Others go through.
    ok(&client.graphql(DELETE, json!({"id": "gid://gitlab/Ai::SelfHostedModel/1"})));
    server.clear_faults();
    let r = client.graphql(DELETE, json!({"id": "gid://gitlab/Ai::SelfHostedModel/3"}));
    assert_eq!(
        ok(&r).payload_errors("aiSelfHostedModelDelete"),
        Vec::<String>::new()
    );
}

#[test]
fn a_mutation_by_field_name_fails_and_the_others_in_the_document_run_in_order() {
    let server = start_empty("19.6");
    server.fail(
        FailWhen::Mutation("aiSelfHostedModelDelete".into()),
        Failure::Errors("no".into()),
    );
    let document = "mutation {
      a: aiSelfHostedModelCreate(input: {name: \"A\", model: GPT, endpoint: \"http://a\", provider: API}) { errors }
      d: aiSelfHostedModelDelete(input: {id: \"gid://gitlab/Ai::SelfHostedModel/1\"}) { errors }
      b: aiSelfHostedModelCreate(input: {name: \"B\", model: GPT, endpoint: \"http://b\", provider: API}) { errors }
    }";
    let r = server.client(ADMIN).graphql(document, json!({}));
    assert_eq!(
        ok(&r).json["data"],
        json!({"a": {"errors": []}, "d": {"errors": ["no"]}, "b": {"errors": []}})
    );
    let log = server.mutations();
    assert_eq!(
        log[0].root_fields,
        [
            "aiSelfHostedModelCreate",
            "aiSelfHostedModelDelete",
            "aiSelfHostedModelCreate"
        ]
    );
}

// ------------------------------------------------------------------ record

#[test]
fn every_request_is_recorded() {
    let server = start_empty("19.6");
    let client = server.client(ADMIN);
    ok(&client.graphql_operation(CREATE, json!({"input": vllm_input("A")}), "Create"));
    ok(&client.graphql(SETTINGS, json!({})));
    let _ = server.client("nope").graphql(SETTINGS, json!({}));
    let log = server.operations();
    assert_eq!(log.len(), 3);
    assert_eq!(log[0].kind, "mutation");
    assert_eq!(log[0].operation_name.as_deref(), Some("Create"));
    assert_eq!(log[0].query, CREATE);
    assert_eq!(log[0].variables["input"]["apiToken"], "secret-key");
    assert_eq!(log[0].token.as_deref(), Some(ADMIN));
    assert_eq!(log[0].root_fields, ["aiSelfHostedModelCreate"]);
    assert_eq!(
        log[0].response["data"]["aiSelfHostedModelCreate"]["errors"],
        json!([])
    );
    assert_eq!((log[1].kind, log[1].status), ("query", 200));
    assert_eq!((log[2].kind, log[2].status), ("invalid", 401));
    assert_eq!(server.mutations().len(), 1);
    server.clear_operations();
    assert!(server.operations().is_empty());
}
