//! Model identifiers: the AI gateway's split, the Bedrock grammar, the
//! checks per deployment method, and the parse/display laws.

mod util;

use duo_selfhosted::family::{DeploymentMethod, Family};
use duo_selfhosted::identifier::{
    check_identifier, identifier_report, model_id_problem, BedrockTarget, Identifier, ModelPart,
    PrefixPart, Provider,
};
use duo_selfhosted::{Diagnostics, Path};
use proptest::prelude::*;
use util::{codes, only};

#[track_caller]
fn check(text: &str, method: Option<DeploymentMethod>, family: Option<&str>) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    let family = family.and_then(Family::by_key);
    check_identifier(
        text,
        method,
        family,
        &Path::root().key("identifier"),
        &mut diagnostics,
    );
    diagnostics
}

#[test]
fn ai_gateway_split() {
    // (identifier, provider, explicit, LiteLLM model, source)
    let rows: &[(&str, &str, bool, &str, &str)] = &[
        // bedrock.md §7 AI gateway parameter mapping table, one row each.
        ("bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0", "bedrock", true, "apac.anthropic.claude-3-5-sonnet-20241022-v2:0", "bedrock.md §7"),
        ("bedrock/converse/arn:aws:bedrock:us-east-2:123456789012:application-inference-profile/oitsuvtb0pij", "bedrock", true, "converse/arn:aws:bedrock:us-east-2:123456789012:application-inference-profile/oitsuvtb0pij", "bedrock.md §7"),
        ("custom_openai/mistralai/Mixtral-8x7B-Instruct-v0.1", "custom_openai", true, "mistralai/Mixtral-8x7B-Instruct-v0.1", "bedrock.md §7"),
        ("azure/gpt-35-turbo", "azure", true, "gpt-35-turbo", "bedrock.md §7"),
        ("Mixtral-8x7B-Instruct-v0.1", "custom_openai", false, "Mixtral-8x7B-Instruct-v0.1", "bedrock.md §7"),
        // duo-domain §2.5: "custom_openai/" becomes model "custom_openai/".
        ("custom_openai/", "custom_openai", false, "custom_openai/", "duo-domain §2.5"),
        // bedrock.md §8 gateway tests.
        ("custom_provider/model/identifier", "custom_provider", true, "model/identifier", "bedrock.md §8"),
        ("bedrock/model/identifier", "bedrock", true, "model/identifier", "bedrock.md §8"),
        ("vertex_ai/gemini-2.5-pro", "vertex_ai", true, "gemini-2.5-pro", "duo-domain §2.7"),
    ];
    for (text, provider, explicit, model, source) in rows {
        let id = Identifier::parse(text);
        assert_eq!(id.provider().as_str(), *provider, "{text} ({source})");
        assert_eq!(id.has_explicit_provider(), *explicit, "{text}");
        assert_eq!(id.litellm_model(), *model, "{text}");
        assert_eq!(id.to_string(), *text);
    }
}

#[test]
fn bedrock_grammar() {
    // (identifier, prefix, base model, source)
    let rows: &[(&str, Option<&str>, &str, &str)] = &[
        ("bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0", Some("apac"), "anthropic.claude-3-5-sonnet-20241022-v2:0", "seed"),
        ("bedrock/anthropic.claude-3-7-sonnet-20250219-v1:0", None, "anthropic.claude-3-7-sonnet-20250219-v1:0", "seed"),
        ("bedrock/mistral.mixtral-8x7b-instruct-v0:1", None, "mistral.mixtral-8x7b-instruct-v0:1", "seed format table"),
        // bedrock.md §6 examples.
        ("bedrock/us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0", Some("us-gov"), "anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock.md §6"),
        ("bedrock/ca.amazon.nova-lite-v1:0", Some("ca"), "amazon.nova-lite-v1:0", "bedrock.md §6"),
        ("bedrock/converse/us.anthropic.claude-3-7-sonnet-20250219-v1:0", Some("us"), "anthropic.claude-3-7-sonnet-20250219-v1:0", "bedrock.md §6"),
        ("bedrock/arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0", Some("us"), "anthropic.claude-3-7-sonnet-20250219-v1:0", "bedrock.md §6"),
        ("bedrock/us-east-1/anthropic.claude-3-haiku-20240307-v1:0", None, "anthropic.claude-3-haiku-20240307-v1:0", "bedrock.md §6"),
        ("bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0:51k", None, "anthropic.claude-3-5-sonnet-20241022-v2:0", "bedrock.md §6"),
        ("bedrock/us.anthropic.claude-opus-4-6-v1[1m]", Some("us"), "anthropic.claude-opus-4-6-v1", "bedrock.md §6"),
        // bedrock-update §1.2: the in. prefix.
        ("bedrock/in.moonshotai.kimi-k3", Some("in"), "moonshotai.kimi-k3", "update §1.2"),
        ("bedrock/global.openai.gpt-5.5", Some("global"), "openai.gpt-5.5", "update §2"),
        // bedrock.md §2.2: sa. is invented by third-party tools.
        ("bedrock/sa.anthropic.claude-sonnet-4-20250514-v1:0", Some("sa"), "anthropic.claude-sonnet-4-20250514-v1:0", "bedrock.md §2.2"),
    ];
    for (text, prefix, base, source) in rows {
        let report = identifier_report(text, None);
        assert_eq!(
            report.cross_region_prefix.as_deref(),
            *prefix,
            "{text} ({source})"
        );
        assert_eq!(report.model, *base, "{text} ({source})");
        assert_eq!(report.provider, "bedrock");
    }
    let id = Identifier::parse("bedrock/converse/arn:aws:bedrock:us-east-2:123456789012:application-inference-profile/oitsuvtb0pij");
    let Some(model) = id.bedrock() else {
        panic!("bedrock")
    };
    assert_eq!(model.routes, ["converse"]);
    let BedrockTarget::Arn(arn) = &model.target else {
        panic!("arn")
    };
    assert_eq!(
        (
            arn.region.as_str(),
            arn.resource_type.as_str(),
            arn.resource_id.as_str()
        ),
        ("us-east-2", "application-inference-profile", "oitsuvtb0pij")
    );
    let id = Identifier::parse("bedrock/uk.anthropic.claude-sonnet-4-6");
    let Some(ModelPart::Bedrock(model)) = Some(id.model_part().clone()) else {
        panic!()
    };
    assert_eq!(model.prefix(), Some(PrefixPart::Unknown("uk".to_owned())));
}

#[test]
fn aws_model_id_pattern() {
    // bedrock.md §5.1 full-match table (control-plane BedrockModelId).
    let valid = [
        "anthropic.claude-3-5-sonnet-20241022-v2:0",
        "anthropic.claude-sonnet-4-6",
        "anthropic.claude-opus-4-6-v1",
        "openai.gpt-oss-120b-1:0",
        "openai.gpt-5.5",
        "moonshotai.kimi-k3.1",
        "apac.anthropic.claude-3-5-sonnet-20241022-v2:0",
        "us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "anthropic.claude-3-5-sonnet-20241022-v2:0:18k",
        "eu.deepseek.v3.2",
    ];
    for id in valid {
        assert_eq!(model_id_problem(id), None, "{id}");
    }
    let invalid: &[(&str, &str)] = &[
        (
            "Anthropic.claude",
            "unexpected character 'A' (upper-case letters are never valid)",
        ),
        (
            "anthropic claude",
            "unexpected character ' ' (only a-z, 0-9, '-', '.' and ':' are valid)",
        ),
        (
            "anthropic_claude",
            "unexpected character '_' (only a-z, 0-9, '-', '.' and ':' are valid)",
        ),
        ("claude-sonnet", "expected <provider>.<model>, found no '.'"),
        ("a.b", "the model name \"b\" must be 2 to 126 characters"),
        ("a.bb:1:2:3", "more than two ':' segments"),
        ("a.bb.c.d.e", "more than three '.' after the provider"),
        (
            "a.bb:",
            "the ':' segment \"\" must be 1 to 63 characters of a-z, 0-9 and '-'",
        ),
    ];
    for (id, problem) in invalid {
        assert_eq!(model_id_problem(id).as_deref(), Some(*problem), "{id}");
    }
    assert_eq!(
        model_id_problem(&format!("a.{}", "b".repeat(140))).as_deref(),
        Some("it is 142 characters long, AWS allows at most 140")
    );
}

#[test]
fn checks_per_deployment_method() {
    use DeploymentMethod::{AzureOpenai, Bedrock, Vllm};
    // (identifier, method, family, expected codes, source)
    type Row<'a> = (
        &'a str,
        Option<DeploymentMethod>,
        Option<&'a str>,
        &'a [&'a str],
        &'a str,
    );
    let rows: &[Row] = &[
        ("custom_openai/Mixtral-8x7B-Instruct-v0.1", Some(Vllm), Some("mixtral"), &[], "seed format table"),
        ("bedrock/mistral.mixtral-8x7b-instruct-v0:1", Some(Bedrock), Some("mixtral"), &[], "seed format table"),
        ("azure/gpt-35-turbo", Some(AzureOpenai), Some("gpt"), &[], "seed format table"),
        ("", Some(Vllm), None, &["identifier.empty"], "duo-domain §2.1 form"),
        ("Mixtral-8x7B", Some(Vllm), None, &["identifier.no_provider"], "duo-domain §2.5"),
        ("gpt-35-turbo", Some(AzureOpenai), None, &["identifier.no_provider"], "duo-domain §2.5"),
        ("custom_openai/", Some(Vllm), None, &["identifier.empty_model"], "duo-domain §2.5"),
        // duo-domain §2.1: the form requires bedrock/ for the Bedrock platform.
        ("anthropic.claude-sonnet-4-6", Some(Bedrock), None, &["identifier.bedrock_prefix_required"], "duo-domain §2.1"),
        ("custom_openai/anthropic.claude-sonnet-4-6", Some(Bedrock), None, &["identifier.bedrock_prefix_required"], "duo-domain §2.1"),
        ("bedrock/meta.llama3-3-70b-instruct-v1:0", Some(Vllm), None, &["identifier.provider_mismatch"], "issue rule 3"),
        ("hosted_vllm/Mixtral", Some(Vllm), None, &["identifier.provider_mismatch"], "duo-domain §2.5"),
        (" custom_openai/Mixtral", Some(Vllm), None, &["identifier.whitespace", "identifier.provider_mismatch"], "AIGW keeps whitespace"),
        ("bedrock/sa.anthropic.claude-sonnet-4-20250514-v1:0", Some(Bedrock), None, &["identifier.bedrock_unknown_prefix"], "bedrock.md §2.2"),
        ("bedrock/anthropic.Claude-v2", Some(Bedrock), None, &["identifier.bedrock_model_id_invalid"], "bedrock.md §5.1"),
        ("bedrock/us.anthropic.claude-opus-4-6-v1[1m]", Some(Bedrock), None, &["identifier.bedrock_context_suffix"], "bedrock.md §5.2"),
        ("bedrock/arn:aws:bedrock:us-east-2:681816819199:application-inference-profile/oitsuvtb0pij", Some(Bedrock), None, &["identifier.bedrock_arn_needs_converse"], "bedrock.md §5.3 (S7)"),
        ("bedrock/converse/arn:aws:bedrock:us-east-2:681816819199:application-inference-profile/oitsuvtb0pij", Some(Bedrock), None, &[], "bedrock.md §5.3 (S7)"),
        ("bedrock/arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2", Some(Bedrock), None, &[], "bedrock.md §5.3"),
        ("bedrock/arn:aws:bedrock:us-east-1:123:provisioned-model/abc", Some(Bedrock), None, &["identifier.bedrock_arn_invalid"], "bedrock.md §5.1"),
        ("bedrock/ARN:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2", Some(Bedrock), None, &["identifier.bedrock_arn_invalid"], "bedrock.md §5.1 (lower-case arn)"),
        ("bedrock/us-east-1/anthropic.claude-3-haiku-20240307-v1:0", Some(Bedrock), None, &["identifier.bedrock_region_path"], "bedrock.md §6"),
        // issue rule 3: the family does not fit the model.
        ("bedrock/meta.llama3-3-70b-instruct-v1:0", Some(Bedrock), Some("claude_3"), &["identifier.family_mismatch"], "duo-domain §1.1"),
        ("azure/my/deployment", Some(AzureOpenai), None, &["identifier.azure_deployment_has_slash"], "bedrock.md §7"),
        // bedrock.md §5.1: ([0-9a-zA-Z][_-]?)+ is a provisioned/imported model name.
        ("bedrock/MyProvisioned-Model_1", Some(Bedrock), None, &["identifier.bedrock_model_name"], "bedrock.md §5.1"),
        ("bedrock/my--model", Some(Bedrock), None, &["identifier.bedrock_model_id_invalid"], "bedrock.md §5.1"),
        // Method inferred from the provider.
        ("bedrock/sa.anthropic.claude-v2", None, None, &["identifier.bedrock_unknown_prefix"], "bedrock.md §2.2"),
    ];
    for (text, method, family, expected, source) in rows {
        let d = check(text, *method, *family);
        assert_eq!(codes(&d), *expected, "{text:?} ({source})");
    }
    let d = check(&"x".repeat(256), Some(Vllm), None);
    assert_eq!(
        only(&d, "identifier.too_long").message(),
        "the model identifier is 256 characters long; GitLab allows at most 255"
    );
    let d = check("gpt-35-turbo", Some(AzureOpenai), None);
    assert_eq!(
        only(&d, "identifier.no_provider").message(),
        "the model identifier has no provider prefix, so the AI gateway uses custom_openai; write \"azure/gpt-35-turbo\""
    );
}

#[test]
fn report_json_shape() {
    let report = identifier_report(
        "bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0",
        Some(DeploymentMethod::Bedrock),
    );
    assert_eq!(
        serde_json::to_string(&report).unwrap_or_default(),
        r#"{"provider":"bedrock","model":"anthropic.claude-3-5-sonnet-20241022-v2:0","cross_region_prefix":"apac","diagnostics":[]}"#
    );
    let report = identifier_report("custom_openai/Mixtral", None);
    assert_eq!(report.cross_region_prefix, None);
    assert_eq!(
        Provider::for_method(DeploymentMethod::AzureOpenai),
        Provider::Azure
    );
}

fn identifier_strategy() -> impl Strategy<Value = String> {
    let provider = prop_oneof![
        Just("bedrock/".to_owned()),
        Just("custom_openai/".to_owned()),
        Just("azure/".to_owned()),
        Just(String::new()),
        "[a-z_]{0,6}/",
    ];
    let route = prop_oneof![
        Just(String::new()),
        Just("converse/".to_owned()),
        Just("invoke/".to_owned()),
        Just("us-east-1/".to_owned())
    ];
    let prefix = prop_oneof![
        Just(String::new()),
        Just("apac.".to_owned()),
        Just("us-gov.".to_owned()),
        Just("sa.".to_owned()),
        "[a-z]{2,4}\\."
    ];
    let model = prop_oneof![
        "[a-z]{2,9}\\.[a-z0-9-]{1,20}(:[0-9k]{1,3}){0,3}(\\[[a-z0-9]{1,3}\\])?",
        "arn:aws(-gov)?:bedrock:[a-z0-9-]{0,12}:[0-9]{0,12}:[a-z-]{0,20}/[A-Za-z0-9.:/-]{0,20}",
        ".{0,30}",
    ];
    (provider, route, prefix, model).prop_map(|(a, b, c, d)| format!("{a}{b}{c}{d}"))
}

proptest! {
    #[test]
    fn parse_display_parse_is_identity(text in identifier_strategy()) {
        let parsed = Identifier::parse(&text);
        let shown = parsed.to_string();
        prop_assert_eq!(&shown, &text);
        prop_assert_eq!(Identifier::parse(&shown), parsed);
    }

    #[test]
    fn checks_never_panic(text in "\\PC{0,300}", method in 0usize..5) {
        let method = [None, Some(DeploymentMethod::Vllm), Some(DeploymentMethod::Bedrock), Some(DeploymentMethod::AzureOpenai), Some(DeploymentMethod::VertexAi)][method];
        let _ = identifier_report(&text, method);
        let _ = model_id_problem(&text);
    }
}

#[test]
fn report_with_region_checks_the_prefix() {
    use duo_selfhosted::bedrock::default_table;
    use duo_selfhosted::identifier::identifier_report_for_region;
    // bedrock.md §0.2: eu-west-2 is not a source of eu. Claude 3.7 Sonnet.
    let report = identifier_report_for_region(
        "bedrock/eu.anthropic.claude-3-7-sonnet-20250219-v1:0",
        Some(DeploymentMethod::Bedrock),
        "eu-west-2",
        default_table(),
    );
    assert_eq!(
        codes(&report.diagnostics),
        ["bedrock.model_retired", "bedrock.region_not_source"]
    );
    // The seed's Tokyo example.
    let report = identifier_report_for_region(
        "bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0",
        None,
        "ap-northeast-1",
        default_table(),
    );
    assert_eq!(codes(&report.diagnostics), ["bedrock.model_retired"]);
    let report =
        identifier_report_for_region("custom_openai/M", None, "eu-west-9", default_table());
    assert_eq!(
        only(&report.diagnostics, "region.not_in_table")
            .path()
            .to_string(),
        "region"
    );
}
