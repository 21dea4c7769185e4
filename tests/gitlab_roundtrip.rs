//! Configuration as code against a GitLab: every document the library
//! sends validates against GitLab's schema (tests/data/gitlab-graphql), and
//! the round trip import → edit → plan → apply → import → plan runs against
//! the mock GitLab (tests/gitlab_mock) at 18.11, 19.0 and 19.6, with a
//! failing mutation midway, a token without permission, the version
//! differences, and a property: for random valid documents A and B,
//! applying plan(B, state(A)) reaches B and a second plan is empty.

mod gitlab_mock;
mod util;

use duo_selfhosted::config::Config;
use duo_selfhosted::gitlab::{self, apply, fetch_live, import, plan, LiveState, Transport};
use duo_selfhosted::GitLabVersion;
use gitlab_mock::{validate_operation, Client, FailWhen, Failure, LiveFixture, MockGitLab, Tokens};
use proptest::prelude::*;
use serde_json::{json, Value};
use util::codes;

/// The library's transport over the mock's HTTP client.
struct Http(Client);

impl Transport for Http {
    fn execute(&mut self, document: &str, variables: &Value) -> Result<Value, String> {
        let response = self.0.graphql(document, variables.clone());
        if response.status != 200 && response.json.is_null() {
            return Err(format!("HTTP {}", response.status));
        }
        Ok(response.json)
    }
}

const ADMIN: &str = "glpat-roundtrip-admin";
const FIXTURE: &str = include_str!("data/gitlab-live/vllm-bedrock-azure.json");

fn server(version: &str, fixture: LiveFixture) -> MockGitLab {
    MockGitLab::start(
        version,
        fixture.beta_terms_accepted(true),
        Tokens::admin(ADMIN),
    )
}

fn fixture_at(version: &str) -> LiveFixture {
    let mut value: Value = serde_json::from_str(FIXTURE).unwrap_or_default();
    value["gitlab_version"] = json!(version);
    LiveFixture::from_value(&value).unwrap_or_else(|e| panic!("{e}"))
}

fn live_of(server: &MockGitLab) -> LiveState {
    let decoded = fetch_live(&mut Http(server.client(ADMIN))).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !decoded.diagnostics.has_errors(),
        "{:#?}",
        decoded.diagnostics
    );
    let mut state = decoded.state;
    state.gitlab_version = Some(server.version().parse().unwrap_or_else(|e| panic!("{e}")));
    state
}

/// What GitLab's API can say of a document: the settings, the models and
/// the feature settings (not tier, add-ons, licence, network, keys).
fn api_view(config: &Config) -> Value {
    let mut models: Vec<Value> = config
        .self_hosted_models
        .iter()
        .map(|m| {
            json!([
                m.name,
                m.family,
                m.deployment,
                m.endpoint,
                m.identifier.clone().unwrap_or_default()
            ])
        })
        .collect();
    models.sort_by_key(|m| m.to_string());
    let features: Vec<Value> = config
        .features
        .iter()
        .map(|s| {
            let model = s
                .model
                .clone()
                .filter(|_| s.provider.key() == "self_hosted");
            json!([s.feature.key, s.provider.key(), model])
        })
        .collect();
    json!({
        "ai_gateway": [config.ai_gateway.url, config.ai_gateway.timeout_seconds.unwrap_or(60)],
        // Unset TLS is GitLab's default, on.
        "agent_platform": [
            config.agent_platform.url,
            !matches!(config.agent_platform.tls, Some(duo_selfhosted::config::TlsInput::Flag(false)))
        ],
        "models": models,
        "features": features,
    })
}

#[test]
fn every_document_validates_against_gitlabs_schema() {
    for version in ["18.11", "19.0", "19.1", "19.3", "19.4", "19.6"] {
        for document in gitlab::graphql::DOCUMENTS {
            if let Err(e) = validate_operation(version, document) {
                panic!("{version}: {document}\n{e:?}");
            }
        }
    }
}

/// Import, edit, plan, apply, import again (equal to the edit), plan again
/// (empty): vLLM + Bedrock + Azure at 18.11, 19.0 and 19.6.
#[test]
fn round_trip() {
    for version in ["18.11", "19.0", "19.6"] {
        let server = server(version, fixture_at(version));
        let live = live_of(&server);
        let imported = import(&live, &GitLabVersion::new(19, 6));
        let mut edited = imported.config.clone();
        // The document is the admin's: fill in what the API does not give.
        edited.add_ons = vec![duo_selfhosted::config::AddOn::DuoEnterprise];
        // Edit: a new gateway URL and timeout, a renamed model, a removed
        // one, a new Bedrock model used by Code Generation.
        edited.ai_gateway.url = Some("http://aigw2.internal:5052".to_owned());
        edited.ai_gateway.timeout_seconds = Some(300);
        edited.self_hosted_models[0].name = "Mistral Small on vLLM".to_owned();
        edited
            .self_hosted_models
            .retain(|m| m.name != "GPT on Azure");
        edited
            .features
            .retain(|s| s.feature.key != "duo_agent_platform_agentic_chat");
        let doc = json!({"name": "Claude Haiku", "family": "claude_3", "deployment": "bedrock",
            "identifier": "bedrock/eu.anthropic.claude-haiku-4-5-20251001-v1:0",
            "aws_region": "eu-west-1", "aws_region_name": "eu-west-1", "api_key": "sk-roundtrip-secret"});
        let mut d = duo_selfhosted::Diagnostics::new();
        let record =
            duo_selfhosted::model::ModelRecord::decode(&doc, &duo_selfhosted::Path::root(), &mut d)
                .unwrap_or_else(|| panic!("{d:?}"));
        edited.self_hosted_models.push(record);
        for s in &mut edited.features {
            if s.feature.key == "code_generations" {
                s.model = Some("Claude Haiku".to_owned());
            }
            if s.feature.key == "duo_chat" {
                s.model = Some("Mistral Small on vLLM".to_owned());
            }
        }
        let p = plan(&edited, &live).unwrap_or_else(|r| panic!("{version}: {:#?}", r.diagnostics));
        assert_eq!(p.counts(), (1, 5, 1), "{version}: {p}");
        let report = apply(&p, &mut Http(server.client(ADMIN)));
        assert!(report.complete, "{version}: {report}");
        // The key went to GitLab and nowhere else.
        assert_eq!(
            server.stored_api_key("Claude Haiku").as_deref(),
            Some("sk-roundtrip-secret")
        );
        for text in [
            p.to_string(),
            serde_json::to_string(&p).unwrap_or_default(),
            report.to_string(),
        ] {
            assert!(!text.contains("sk-roundtrip-secret"), "{text}");
        }
        let after = live_of(&server);
        let again = import(&after, &GitLabVersion::new(19, 6));
        assert_eq!(api_view(&again.config), api_view(&edited), "{version}");
        let second = plan(&edited, &after).unwrap_or_else(|r| panic!("{:#?}", r.diagnostics));
        assert!(second.is_empty(), "{version}: {second}");
        // Every operation sent validated against the version's schema (the
        // mock refuses any that does not).
        assert!(
            server
                .mutations()
                .iter()
                .all(|m| m.response.get("errors").is_none()),
            "{version}"
        );
    }
}

/// A mutation fails midway: what ran is applied, the failure is reported
/// with GitLab's message, the rest is not run.
#[test]
fn partial_apply_is_reported_exactly() {
    let server = server("19.6", fixture_at("19.6"));
    let live = live_of(&server);
    let mut edited = import(&live, &GitLabVersion::new(19, 6)).config;
    edited.add_ons = vec![duo_selfhosted::config::AddOn::DuoEnterprise];
    edited.ai_gateway.url = Some("http://aigw3.internal:5052".to_owned());
    edited.self_hosted_models[2].name = "GPT-4o on Azure".to_owned();
    for s in &mut edited.features {
        if s.model.as_deref() == Some("GPT on Azure") {
            s.model = Some("GPT-4o on Azure".to_owned());
        }
    }
    edited
        .features
        .retain(|s| s.feature.key != "code_completions");
    let p = plan(&edited, &live).unwrap_or_else(|r| panic!("{:#?}", r.diagnostics));
    assert_eq!(p.operations.len(), 3, "{p}");
    server.fail(
        FailWhen::NthMutation(2),
        Failure::Errors("Name has already been taken".into()),
    );
    let report = apply(&p, &mut Http(server.client(ADMIN)));
    assert!(!report.complete);
    let statuses: Vec<&str> = report.operations.iter().map(|o| o.status).collect();
    assert_eq!(statuses, ["applied", "failed", "not_applied"]);
    assert_eq!(report.operations[1].errors, ["Name has already been taken"]);
    assert_eq!(
        report.to_string(),
        "  [done] update Duo settings: AI gateway URL \"http://aigw.internal:5052\" \u{2192} \"http://aigw3.internal:5052\"\n  [FAILED] update model \"GPT-4o on Azure\": renamed from \"GPT on Azure\"\n      GitLab: Name has already been taken\n  [not applied] set Code Completion \u{2192} unassigned\nApplied 1 of 3 operations; stopped at the first failure, the rest was not applied.\n"
    );
    // The live state shows exactly the first change.
    let after = live_of(&server);
    assert_eq!(
        after
            .duo_settings
            .and_then(|s| s.ai_gateway_url)
            .flatten()
            .as_deref(),
        Some("http://aigw3.internal:5052")
    );
    assert!(after
        .models
        .unwrap_or_default()
        .iter()
        .any(|m| m.name == "GPT on Azure"));
}

/// A token without the permission: the fields come back null, the reader
/// names the permission, and no plan exists.
#[test]
fn a_token_without_permission_gets_no_plan() {
    let tokens = Tokens::admin(ADMIN).with_names("glpat-reader", &["read_ai_gateway_timeout"]);
    let server = MockGitLab::start("19.6", fixture_at("19.6"), tokens);
    let decoded =
        fetch_live(&mut Http(server.client("glpat-reader"))).unwrap_or_else(|e| panic!("{e}"));
    let found = codes(&decoded.diagnostics);
    assert!(found.contains(&"live.field_null"), "{found:?}");
    let models = decoded
        .diagnostics
        .iter()
        .find(|d| d.path().to_string() == "aiSelfHostedModels")
        .unwrap_or_else(|| panic!("{:#?}", decoded.diagnostics));
    assert_eq!(
        models.param("permission"),
        Some(&duo_selfhosted::Param::Str(
            "manage_self_hosted_models_settings".into()
        ))
    );
    let config = Config::from_json(include_str!("../examples/duo-selfhosted.json"))
        .config
        .unwrap_or_else(|| panic!());
    let refused = plan(&config, &decoded.state)
        .err()
        .unwrap_or_else(|| panic!("planned"));
    assert!(codes(&refused.diagnostics).contains(&"plan.live_state_incomplete"));
    // Nothing was sent but the query.
    assert!(server.mutations().is_empty());
}

/// gitlab-update §7: QWEN is in GitLab's API from 19.4: a plan creates a
/// qwen model there, and refuses to at 19.3.
#[test]
fn qwen_models_by_version() {
    for (version, created) in [("19.3", false), ("19.4", true)] {
        let server = server(version, LiveFixture::empty());
        let live = live_of(&server);
        let doc = json!({
            "gitlab_version": version, "tier": "ultimate", "add_ons": ["duo_enterprise"],
            "beta_models_and_features": true,
            "ai_gateway": {"url": "http://10.0.1.7:5052"},
            "self_hosted_models": [{"name": "Qwen", "family": "qwen", "deployment": "vllm",
                "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/Qwen3-Coder"}],
            "features": {"code_completions": {"provider": "self_hosted", "model": "Qwen"}}
        });
        let config = Config::from_value(&doc).config.unwrap_or_else(|| panic!());
        match plan(&config, &live) {
            Ok(p) => {
                assert!(created, "{version}: {p}");
                let report = apply(&p, &mut Http(server.client(ADMIN)));
                assert!(report.complete, "{version}: {report}");
                let sent = server.mutations();
                let create = sent
                    .iter()
                    .find(|m| m.root_fields.iter().any(|f| f == "aiSelfHostedModelCreate"))
                    .unwrap_or_else(|| panic!("no create"));
                assert_eq!(create.variables["input"]["model"], "QWEN");
                assert_eq!(create.variables["input"]["provider"], "API");
            }
            Err(refused) => {
                assert!(!created, "{version}");
                assert_eq!(codes(&refused.diagnostics), ["plan.family_not_in_api"]);
            }
        }
    }
}

// ---------------------------------------------------------------- property

/// A model template: family, deployment, endpoint, identifier, AWS Region.
type Template = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
);

/// Model templates valid in every version from 18.11.
const TEMPLATES: &[Template] = &[
    (
        "mistral",
        "vllm",
        Some("http://10.0.2.1:8000/v1"),
        "custom_openai/Mistral-Small",
        None,
    ),
    (
        "codestral",
        "vllm",
        Some("http://10.0.2.2:8000/v1"),
        "custom_openai/Codestral-22B",
        None,
    ),
    (
        "claude_3",
        "bedrock",
        None,
        "bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        Some("us-east-1"),
    ),
    (
        "gpt",
        "azure_openai",
        Some("https://ex.openai.azure.com"),
        "azure/gpt-4o",
        None,
    ),
    (
        "mixtral",
        "vllm",
        Some("http://10.0.2.3:8000/v1"),
        "custom_openai/Mixtral-8x7B",
        None,
    ),
];

/// Feature keys of the stable set of 18.11 (present in every version
/// tested) that take a model of any template's family above.
const FEATURES: &[&str] = &[
    "code_generations",
    "code_completions",
    "duo_chat",
    "duo_chat_fix_code",
    "review_merge_request",
];

fn document(
    version: &str,
    models: &[(usize, usize)],
    features: &[(usize, u8, usize)],
    url: u8,
    timeout: u8,
) -> Value {
    let records: Vec<Value> = models
        .iter()
        .map(|(t, n)| {
            let (family, deployment, endpoint, identifier, region) = TEMPLATES[*t];
            let mut m = json!({"name": format!("m{n}-{family}"), "family": family, "deployment": deployment, "identifier": identifier});
            if let Some(e) = endpoint {
                m["endpoint"] = json!(e);
            }
            if let Some(r) = region {
                m["aws_region"] = json!(r);
                m["aws_region_name"] = json!(r);
            }
            m
        })
        .collect();
    let mut settings = serde_json::Map::new();
    for (f, provider, model) in features {
        let key = FEATURES[*f];
        let setting = match provider % 4 {
            0 if !records.is_empty() => {
                json!({"provider": "self_hosted", "model": records[model % records.len()]["name"]})
            }
            1 => json!({"provider": "disabled"}),
            2 => json!({"provider": "vendored"}),
            _ => continue,
        };
        settings.insert(key.to_owned(), setting);
    }
    let mut doc = json!({
        "gitlab_version": version, "tier": "ultimate", "add_ons": ["duo_enterprise"],
        "beta_models_and_features": true,
        "ai_gateway": {"url": format!("http://10.0.1.{}:5052", 7 + url % 3)},
        "self_hosted_models": records,
        "features": settings,
    });
    match timeout % 3 {
        0 => {}
        1 => doc["ai_gateway"]["timeout_seconds"] = json!(120),
        _ => doc["ai_gateway"]["timeout_seconds"] = json!(600),
    }
    doc
}

fn valid(doc: &Value) -> Option<Config> {
    let config = Config::from_value(doc).config?;
    duo_selfhosted::config::is_valid(&config).then_some(config)
}

/// The API-visible view of a document, with the model names and families
/// that feature settings point at (GitLab's ids differ between runs).
fn reached(config: &Config) -> Value {
    api_view(config)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn apply_of_plan_reaches_the_document(
        version in prop::sample::select(vec!["18.11", "19.0", "19.6"]),
        a_models in prop::collection::vec((0..TEMPLATES.len(), 0..4usize), 0..4),
        b_models in prop::collection::vec((0..TEMPLATES.len(), 0..4usize), 0..4),
        a_features in prop::collection::vec((0..FEATURES.len(), any::<u8>(), any::<usize>()), 0..5),
        b_features in prop::collection::vec((0..FEATURES.len(), any::<u8>(), any::<usize>()), 0..5),
        urls in (any::<u8>(), any::<u8>()),
        timeouts in (any::<u8>(), any::<u8>()),
    ) {
        let unique = |models: Vec<(usize, usize)>| {
            let mut seen = Vec::new();
            models.into_iter().filter(|m| { let keep = !seen.contains(&m.1); seen.push(m.1); keep }).collect::<Vec<_>>()
        };
        let a = valid(&document(version, &unique(a_models), &a_features, urls.0, timeouts.0));
        let b = valid(&document(version, &unique(b_models), &b_features, urls.1, timeouts.1));
        prop_assume!(a.is_some() && b.is_some());
        let (a, b) = (a.unwrap_or_else(|| unreachable!()), b.unwrap_or_else(|| unreachable!()));
        let server = server(version, LiveFixture::empty());
        // state(A): apply A to an empty GitLab.
        let first = plan(&a, &live_of(&server)).map_err(|r| TestCaseError::fail(format!("{:#?}", r.diagnostics)))?;
        let report = apply(&first, &mut Http(server.client(ADMIN)));
        prop_assert!(report.complete, "{}", report);
        // apply(plan(B, state(A))) reaches B.
        let p = plan(&b, &live_of(&server)).map_err(|r| TestCaseError::fail(format!("{:#?}", r.diagnostics)))?;
        let report = apply(&p, &mut Http(server.client(ADMIN)));
        prop_assert!(report.complete, "{}\n{}", p, report);
        let after = live_of(&server);
        let imported = import(&after, &GitLabVersion::new(19, 6)).config;
        prop_assert_eq!(reached(&imported), reached(&b));
        let again = plan(&b, &after).map_err(|r| TestCaseError::fail(format!("{:#?}", r.diagnostics)))?;
        prop_assert!(again.is_empty(), "{}", again);
    }
}
