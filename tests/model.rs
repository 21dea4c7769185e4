//! The self-hosted model record: decoding and every check.

mod util;

use duo_selfhosted::model::{check_model, check_models, ModelContext, ModelRecord, ModelReport};
use duo_selfhosted::{Diagnostics, GitLabVersion, Path};
use serde_json::json;
use util::{codes, none_with, only};

fn record(value: serde_json::Value) -> ModelRecord {
    let mut diagnostics = Diagnostics::new();
    let Some(record) = ModelRecord::decode(&value, &Path::root(), &mut diagnostics) else {
        panic!("{diagnostics:#?}");
    };
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    record
}

fn vllm() -> serde_json::Value {
    json!({
        "name": "Mixtral-8x7B-it-v0.1 on GCP",
        "family": "mistral",
        "deployment": "vllm",
        "endpoint": "http://vllm.internal:8000/v1",
        "identifier": "custom_openai/Mixtral-8x7B-Instruct-v0.1"
    })
}

fn with(mut base: serde_json::Value, key: &str, value: serde_json::Value) -> serde_json::Value {
    if let Some(object) = base.as_object_mut() {
        if value.is_null() {
            object.remove(key);
        } else {
            object.insert(key.to_owned(), value);
        }
    }
    base
}

fn context(version: (u16, u16), beta: bool) -> ModelContext {
    ModelContext {
        gitlab_version: GitLabVersion::new(version.0, version.1),
        beta_models_enabled: beta,
        ..ModelContext::default()
    }
}

#[test]
fn seed_examples_are_valid() {
    // Seed format table: vLLM custom_openai/Mixtral-8x7B-Instruct-v0.1.
    let d = check_model(&record(vllm()), &ModelContext::default());
    assert!(d.is_empty(), "{d:#?}");
    // Seed: Tokyo and Claude 3.5 v2 (retired since 2026-07-30: a warning).
    let tokyo = record(json!({
        "name": "Claude on Bedrock", "family": "claude_3", "deployment": "bedrock",
        "identifier": "bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0",
        "aws_region": "ap-northeast-1", "aws_region_name": "ap-northeast-1"
    }));
    let d = check_model(&tokyo, &ModelContext::default());
    assert_eq!(codes(&d), ["bedrock.model_retired"]);
    // Up to 18.11 GitLab stores the form's placeholder endpoint too.
    let d = check_model(&tokyo, &context((18, 11), false));
    assert_eq!(
        codes(&d),
        ["model.endpoint_placeholder", "bedrock.model_retired"]
    );
    assert!(d.is_valid());
    // Seed: eu-west-2 and Claude 3.7 Sonnet without a prefix.
    let london = record(json!({
        "name": "Claude 3.7", "family": "claude_3", "deployment": "bedrock",
        "identifier": "bedrock/anthropic.claude-3-7-sonnet-20250219-v1:0",
        "aws_region_name": "eu-west-2"
    }));
    let d = check_model(&london, &ModelContext::default());
    assert_eq!(codes(&d), ["bedrock.model_retired"]);
    // Seed format table: Azure OpenAI azure/gpt-35-turbo.
    let azure = record(json!({
        "name": "GPT on Azure", "family": "gpt", "deployment": "azure_openai",
        "endpoint": "https://myres.openai.azure.com/", "identifier": "azure/gpt-35-turbo",
        "api_key": "sk-secret"
    }));
    assert!(check_model(&azure, &ModelContext::default()).is_empty());
}

#[test]
fn record_rules() {
    // (record, context, expected codes, source)
    let ctx = ModelContext::default();
    let rows: Vec<(serde_json::Value, ModelContext, Vec<&str>, &str)> = vec![
        // duo-domain §2.1: name present.
        (
            with(vllm(), "name", json!("  ")),
            ctx.clone(),
            vec!["model.name_blank"],
            "§2.1 name",
        ),
        // duo-domain §2.1: DB CHECK char_length(name) <= 255.
        (
            with(vllm(), "name", json!("n".repeat(256))),
            ctx.clone(),
            vec!["model.name_too_long"],
            "§2.1 name",
        ),
        // duo-domain §2.1: model present and an enum key.
        (
            with(vllm(), "family", json!(null)),
            ctx.clone(),
            vec!["model.family_blank"],
            "§2.1 model",
        ),
        (
            with(vllm(), "family", json!("mistrall")),
            ctx.clone(),
            vec!["model.family_unknown"],
            "§1.1 enum",
        ),
        // duo-domain §1.3: BETA families need the beta setting.
        (
            with(vllm(), "family", json!("llama3")),
            ctx.clone(),
            vec!["model.family_needs_beta"],
            "§1.3",
        ),
        (
            with(vllm(), "family", json!("llama3")),
            context((18, 9), true),
            vec![],
            "§1.3",
        ),
        // duo-domain §7: general was added in 18.3 (beta).
        (
            with(vllm(), "family", json!("general")),
            context((18, 2), true),
            vec!["model.family_not_in_version"],
            "§7 18.3",
        ),
        // duo-domain §7: mixtral was BETA in 17.x.
        (
            with(vllm(), "family", json!("mixtral")),
            context((17, 9), false),
            vec!["model.family_needs_beta"],
            "§1.2, §7",
        ),
        // duo-domain §1.1: Mixtral is deprecated in the docs since 18.3 (GA in code).
        (
            with(vllm(), "family", json!("mixtral")),
            ctx.clone(),
            vec!["model.family_deprecated"],
            "§1.1, §7 18.3",
        ),
        // duo-domain §1.1: claude_3 is documented for Bedrock only.
        (
            with(vllm(), "family", json!("claude_3")),
            ctx.clone(),
            vec!["model.family_method_undocumented"],
            "§1.1 platforms",
        ),
        (
            with(vllm(), "deployment", json!(null)),
            ctx.clone(),
            vec!["model.deployment_blank"],
            "issue rule 2",
        ),
        (
            with(vllm(), "deployment", json!("vlm")),
            ctx.clone(),
            vec!["model.deployment_unknown"],
            "issue rule 2",
        ),
        // duo-domain §2.4/§7: vertex_ai from 18.11.
        (
            with(
                with(
                    with(vllm(), "deployment", json!("vertex_ai")),
                    "family",
                    json!("gemini"),
                ),
                "identifier",
                json!("vertex_ai/gemini-2.5-pro"),
            ),
            context((18, 9), true),
            vec![
                "model.family_not_in_version",
                "model.deployment_not_in_version",
                "model.endpoint_unused",
            ],
            "§2.4",
        ),
        // duo-domain §2.1: endpoint required (API platform).
        (
            with(vllm(), "endpoint", json!(null)),
            ctx.clone(),
            vec!["model.endpoint_blank"],
            "§2.1 endpoint",
        ),
        // duo-domain §2.2: AIGW endpoint max_length=255.
        (
            with(
                vllm(),
                "endpoint",
                json!(format!("http://h/{}/v1", "a".repeat(250))),
            ),
            ctx.clone(),
            vec!["model.endpoint_too_long_for_ai_gateway"],
            "§2.2",
        ),
        // duo-domain §2.1: DB CHECK char_length(endpoint) <= 2048.
        (
            with(
                vllm(),
                "endpoint",
                json!(format!("http://h/{}/v1", "a".repeat(2050))),
            ),
            ctx.clone(),
            vec!["model.endpoint_too_long"],
            "§2.1",
        ),
        // duo-domain §2.2: docs "The URL must be suffixed with /v1".
        (
            with(vllm(), "endpoint", json!("http://vllm:8000")),
            ctx.clone(),
            vec!["model.endpoint_missing_v1"],
            "§2.2 docs",
        ),
        // AIGW removes one trailing '/': …/v1/ is fine.
        (
            with(vllm(), "endpoint", json!("http://vllm:8000/v1/")),
            ctx.clone(),
            vec![],
            "§2.2 AIGW",
        ),
        // duo-domain §2.1: identifier required in the form; ≤ 255.
        (
            with(vllm(), "identifier", json!(null)),
            ctx.clone(),
            vec!["identifier.empty"],
            "§2.1 identifier",
        ),
        (
            with(
                vllm(),
                "identifier",
                json!(format!("custom_openai/{}", "m".repeat(250))),
            ),
            ctx.clone(),
            vec!["identifier.too_long"],
            "§2.1 identifier",
        ),
        // duo-domain §2.6: AIGW api_key ≤ 2000.
        (
            with(vllm(), "api_key", json!("k".repeat(2001))),
            ctx.clone(),
            vec!["model.api_key_too_long"],
            "§2.6",
        ),
        // bedrock.md §8: the Region matters only for Bedrock.
        (
            with(vllm(), "aws_region", json!("us-east-1")),
            ctx.clone(),
            vec!["model.region_unused"],
            "bedrock.md §8",
        ),
    ];
    for (value, context, expected, source) in rows {
        let d = check_model(&record(value.clone()), &context);
        assert_eq!(codes(&d), expected, "{value} ({source})");
    }
}

#[test]
fn gitlab_messages_are_reproduced() {
    let ctx = ModelContext::default();
    let msg = |value: serde_json::Value, code: &str| {
        let d = check_model(&record(value), &ctx);
        let diag = only(&d, code).clone();
        serde_json::to_value(&diag).unwrap_or_default()["params"].clone()
    };
    assert_eq!(
        msg(with(vllm(), "name", json!("")), "model.name_blank")["gitlab_message"],
        "Name can't be blank"
    );
    assert_eq!(
        msg(with(vllm(), "family", json!(null)), "model.family_blank")["gitlab_message"],
        "Model can't be blank"
    );
    assert_eq!(
        msg(
            with(vllm(), "family", json!("CLAUDE_3")),
            "model.family_unknown"
        )["suggestions"],
        json!(["claude_3"])
    );
    assert_eq!(
        msg(with(vllm(), "endpoint", json!("")), "model.endpoint_blank")["gitlab_message"],
        "Endpoint can't be blank"
    );
    let long = msg(
        with(vllm(), "identifier", json!("x".repeat(256))),
        "identifier.too_long",
    );
    assert_eq!(
        long["gitlab_message"],
        "Identifier is too long (maximum is 255 characters)"
    );
    assert_eq!(
        long["gitlab_form_message"],
        "Model identifier must be less than 255 characters."
    );
    let bedrock = json!({"name": "b", "family": "claude_3", "deployment": "bedrock",
        "identifier": "anthropic.claude-sonnet-4-6", "aws_region": "us-east-1"});
    assert_eq!(
        msg(bedrock, "identifier.bedrock_prefix_required")["gitlab_message"],
        "Model identifier must start with \"bedrock/\""
    );
}

#[test]
fn names_are_unique_case_sensitively() {
    let a = record(vllm());
    let mut b = record(vllm());
    let mut c = record(vllm());
    c.name = c.name.to_uppercase();
    b.identifier = Some("custom_openai/other".to_owned());
    let d = check_models(&[a, c, b], &ModelContext::default());
    let taken = only(&d, "model.name_taken");
    assert_eq!(taken.path().to_string(), "self_hosted_models[2].name");
    assert_eq!(
        taken.message(),
        "the deployment name \"Mixtral-8x7B-it-v0.1 on GCP\" is already used by self_hosted_models[0]"
    );
}

#[test]
fn decoding_reports_unknown_fields_and_never_prints_the_key() {
    let mut diagnostics = Diagnostics::new();
    let value = json!({"name": "a", "famly": "gpt", "api_key": "sk-live-abc123", "endpoint": 5});
    let record = ModelRecord::decode(
        &value,
        &Path::root().key("self_hosted_models").index(0),
        &mut diagnostics,
    );
    assert!(record.is_some());
    let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "error[document.wrong_type] self_hosted_models[0].endpoint: expected string, found integer",
            "error[document.unknown_field] self_hosted_models[0].famly: unknown field `famly`; did you mean `family`?",
        ]
    );
    let report = ModelReport::from_json(&value.to_string(), &ModelContext::default());
    let text = serde_json::to_string(&report).unwrap_or_default();
    assert!(!text.contains("sk-live-abc123"));
    assert!(!report.valid);
    let debug = format!("{record:?}");
    assert!(!debug.contains("sk-live-abc123"));
}

#[test]
fn bedrock_record_checks_region_and_prefix() {
    let base = json!({"name": "b", "family": "claude_3", "deployment": "bedrock",
        "identifier": "bedrock/eu.anthropic.claude-3-7-sonnet-20250219-v1:0"});
    // No Region at all.
    let d = check_model(&record(base.clone()), &ModelContext::default());
    none_with(&d, "bedrock.region_not_source");
    assert_eq!(
        only(&d, "model.region_missing").path().to_string(),
        "aws_region"
    );
    // A misspelt Region gets the nearest names.
    let d = check_model(
        &record(with(base.clone(), "aws_region", json!("eu-west-22"))),
        &ModelContext::default(),
    );
    assert_eq!(
        only(&d, "region.not_in_table").message(),
        "AWS_REGION \"eu-west-22\" looks like a Region of partition aws but is not in the Region table dated 2026-11-20; did you mean \"eu-west-2\"?"
    );
    // AWS_REGION_NAME wins over AWS_REGION (LiteLLM), bedrock.md §6.
    let d = check_model(
        &record(with(
            with(base, "aws_region", json!("eu-west-1")),
            "aws_region_name",
            json!("eu-west-2"),
        )),
        &ModelContext::default(),
    );
    assert_eq!(
        codes(&d),
        [
            "region.variables_differ",
            "bedrock.model_retired",
            "bedrock.region_not_source"
        ]
    );
    assert_eq!(
        only(&d, "bedrock.region_not_source").path().to_string(),
        "identifier"
    );
}

#[test]
fn endpoint_goes_through_the_model_endpoint_preset() {
    let ctx = |deny_all: bool, allowlist: &[&str], version: (u16, u16)| ModelContext {
        gitlab_version: GitLabVersion::new(version.0, version.1),
        deny_all_requests_except_allowed: deny_all,
        outbound_allowlist: allowlist.iter().map(|s| (*s).to_owned()).collect(),
        ..ModelContext::default()
    };
    // (endpoint, context, blocked?, gitlab_message, source)
    let rows: Vec<(&str, ModelContext, Option<&str>, &str)> = vec![
        // url-blocker §3.3: localhost and private addresses are allowed, no DNS.
        ("http://localhost:8000/v1", ctx(false, &[], (18, 9)), None, "§3.3"),
        ("http://10.0.0.5/v1", ctx(false, &[], (18, 9)), None, "§3.3"),
        // url-blocker §2.2: schemes http, https.
        ("ftp://models.internal/v1", ctx(false, &[], (18, 9)), Some("Endpoint is blocked: Only allowed schemes are http, https"), "§2.2"),
        // url-blocker §2.2: cloud metadata (newest gem).
        ("http://169.254.169.254/v1", ctx(false, &[], (18, 9)), Some("Endpoint is blocked: Requests to cloud metadata endpoints are not allowed"), "§2.2"),
        // url-blocker §3.3: deny-all on → must be allowlisted.
        ("http://10.0.0.5:8000/v1", ctx(true, &[], (18, 9)), Some("Endpoint is blocked: Requests to hosts and IP addresses not on the Allow List are denied"), "§3.3"),
        ("http://10.0.0.5:8000/v1", ctx(true, &["10.0.0.0/8"], (18, 9)), None, "§3.3"),
    ];
    for (endpoint, context, gitlab, source) in rows {
        let value = with(vllm(), "endpoint", json!(endpoint));
        let d = check_model(&record(value), &context);
        match gitlab {
            None => none_with(&d, "model.endpoint_blocked"),
            Some(message) => {
                let blocked =
                    serde_json::to_value(only(&d, "model.endpoint_blocked")).unwrap_or_default();
                assert_eq!(
                    blocked["params"]["gitlab_message"], message,
                    "{endpoint} ({source})"
                );
                assert_eq!(
                    blocked["params"]["gitlab_form_message"],
                    "Please add a valid endpoint."
                );
            }
        }
    }
    // gitlab-update §2: from 19.0 a Bedrock endpoint is not URL-checked;
    // 18.11 still checks it.
    let bedrock = json!({"name": "b", "family": "claude_3", "deployment": "bedrock", "endpoint": "ftp://x",
        "identifier": "bedrock/us.anthropic.claude-sonnet-4-6", "aws_region": "us-east-1", "aws_region_name": "us-east-1"});
    let d = check_model(&record(bedrock.clone()), &ctx(false, &[], (19, 0)));
    assert_eq!(codes(&d), ["model.endpoint_unused"]);
    let d = check_model(&record(bedrock), &ctx(false, &[], (18, 11)));
    assert_eq!(
        codes(&d),
        [
            "model.endpoint_unused",
            "model.endpoint_blocked",
            "url.no_allowlist_entry"
        ]
    );
}

#[test]
fn more_record_rules() {
    let ctx = ModelContext::default();
    // duo-domain §2.1: the name is not stripped.
    let d = check_model(&record(with(vllm(), "name", json!("Mixtral "))), &ctx);
    assert_eq!(codes(&d), ["model.name_whitespace"]);
    // duo-domain §2.2, gitlab-update §2: blank endpoint → "can't be blank"
    // and, before 19.0, the URL validator's "must be a valid URL".
    let blank = |version: (u16, u16)| {
        let d = check_model(
            &record(with(vllm(), "endpoint", json!(""))),
            &context(version, false),
        );
        serde_json::to_value(only(&d, "model.endpoint_blank")).unwrap_or_default()["params"]
            ["gitlab_messages"]
            .clone()
    };
    assert_eq!(
        blank((18, 9)),
        json!(["Endpoint can't be blank", "Endpoint must be a valid URL"])
    );
    assert_eq!(
        blank((18, 11)),
        json!(["Endpoint can't be blank", "Endpoint must be a valid URL"])
    );
    assert_eq!(blank((19, 0)), json!(["Endpoint can't be blank"]));
    // bedrock.md §6: the Region inside an ARN is the one LiteLLM uses.
    let arn = json!({"name": "b", "family": "claude_3", "deployment": "bedrock",
        "identifier": "bedrock/converse/arn:aws:bedrock:us-east-2:123456789012:application-inference-profile/oitsuvtb0pij"});
    let d = check_model(&record(arn), &ctx);
    assert_eq!(codes(&d), ["model.region_from_arn"]);
}

#[test]
fn an_allowlist_read_once_gives_the_same_answers() {
    // `check_models_with_allowlist` (what a configuration check uses, with
    // the list it read itself) answers as `check_models` reading the
    // context's entries.
    let entries = [
        "10.0.0.0/8",
        "vllm.internal:8000",
        "*.example.com",
        "Example.COM",
    ];
    let context = ModelContext {
        deny_all_requests_except_allowed: true,
        outbound_allowlist: entries.iter().map(|s| (*s).to_owned()).collect(),
        ..ModelContext::default()
    };
    let records: Vec<ModelRecord> = [
        "http://10.1.2.3:8000/v1",
        "http://vllm.internal:8000/v1",
        "http://172.16.0.9/v1",
        "http://gw.example.com/v1",
        "http://169.254.169.254/v1",
    ]
    .iter()
    .map(|endpoint| record(with(vllm(), "endpoint", json!(endpoint))))
    .collect();
    let list = duo_selfhosted::allowlist::Allowlist::from_entries(entries).0;
    let without = ModelContext {
        outbound_allowlist: Vec::new(),
        ..context.clone()
    };
    assert_eq!(
        duo_selfhosted::model::check_models_with_allowlist(&records, &without, &list),
        check_models(&records, &context)
    );
}
