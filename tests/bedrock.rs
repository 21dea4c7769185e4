//! Prefix derivation, `bedrock_identifier`, the reverse check and the
//! replaceable table.

mod util;

use duo_selfhosted::bedrock::{
    bedrock_identifier, bedrock_identifier_with, check_identifier_region, default_table, derive,
    DeriveError, Prefer, ProfileTable,
};
use duo_selfhosted::identifier::Identifier;
use duo_selfhosted::{Diagnostics, Path};
use util::{codes, only};

#[track_caller]
fn derived(region: &str, model: &str, prefer: Prefer) -> Option<String> {
    bedrock_identifier_with(default_table(), region, model, prefer).identifier
}

#[test]
fn seed_documentation_examples() {
    // Seed "Set the model identifier for Amazon Bedrock models": Claude 3.5
    // v2 in Tokyo → AWS_REGION ap-northeast-1, prefix apac., identifier
    // bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0.
    let tokyo = bedrock_identifier(
        "ap-northeast-1",
        "anthropic.claude-3-5-sonnet-20241022-v2:0",
    );
    assert_eq!(
        tokyo.identifier.as_deref(),
        Some("bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0")
    );
    assert_eq!(tokyo.prefix.as_deref(), Some("apac"));
    assert_eq!(tokyo.data_date, "2026-11-26");
    // The model is past its Bedrock end of life (bedrock-update §1.5).
    assert_eq!(
        only(&tokyo.diagnostics, "bedrock.model_retired").message(),
        "Claude 3.5 Sonnet v2 (anthropic.claude-3-5-sonnet-20241022-v2:0) reached its Bedrock end of life on 2026-07-30; AWS rejects requests after that date (table dated 2026-11-26)"
    );
    // Seed: "The AWS_REGION is eu-west-2. The model identifier is
    // bedrock/anthropic.claude-3-7-sonnet-20250219-v1:0" (no prefix).
    let london = bedrock_identifier("eu-west-2", "anthropic.claude-3-7-sonnet-20250219-v1:0");
    assert_eq!(
        london.identifier.as_deref(),
        Some("bedrock/anthropic.claude-3-7-sonnet-20250219-v1:0")
    );
    assert_eq!(london.prefix, None);
    assert_eq!(
        codes(&london.diagnostics),
        ["bedrock.model_retired", "bedrock.on_demand_unverified"]
    );
    let json = serde_json::to_value(&london).unwrap_or_default();
    assert_eq!(json["prefix"], serde_json::Value::Null);
    assert_eq!(json["data_date"], "2026-11-26");
}

#[test]
fn derivation_table() {
    use Prefer::{Global, Regional};
    let rows: &[(&str, &str, Prefer, Option<&str>, &str)] = &[
        // bedrock.md §0 item 2: eu-west-2 is a source of eu. Sonnet 4.5.
        (
            "eu-west-2",
            "anthropic.claude-sonnet-4-5-20250929-v1:0",
            Regional,
            Some("bedrock/eu.anthropic.claude-sonnet-4-5-20250929-v1:0"),
            "bedrock.md §0.2",
        ),
        // bedrock.md §0 item 2: ca-central-1 → us. for Sonnet 4.5.
        (
            "ca-central-1",
            "anthropic.claude-sonnet-4-5-20250929-v1:0",
            Regional,
            Some("bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0"),
            "bedrock.md §0.2",
        ),
        // bedrock.md §0 item 2: il-central-1 → eu. for Sonnet 4.
        (
            "il-central-1",
            "anthropic.claude-sonnet-4-20250514-v1:0",
            Regional,
            Some("bedrock/eu.anthropic.claude-sonnet-4-20250514-v1:0"),
            "bedrock.md §0.2",
        ),
        // bedrock-update §1.6: ap-south-1 + Haiku 4.5 → in.
        (
            "ap-south-1",
            "anthropic.claude-haiku-4-5-20251001-v1:0",
            Regional,
            Some("bedrock/in.anthropic.claude-haiku-4-5-20251001-v1:0"),
            "update §1.6",
        ),
        // bedrock-update §1.6: ap-southeast-6 + Sonnet 4.6 → au.
        (
            "ap-southeast-6",
            "anthropic.claude-sonnet-4-6",
            Regional,
            Some("bedrock/au.anthropic.claude-sonnet-4-6"),
            "update §1.6",
        ),
        // bedrock-update §1.6: ap-southeast-6 + Opus 4.7 → global. only.
        (
            "ap-southeast-6",
            "anthropic.claude-opus-4-7",
            Regional,
            Some("bedrock/global.anthropic.claude-opus-4-7"),
            "update §1.6",
        ),
        // bedrock-update §1.6: ca-west-1 + Sonnet 4.6 → us.
        (
            "ca-west-1",
            "anthropic.claude-sonnet-4-6",
            Regional,
            Some("bedrock/us.anthropic.claude-sonnet-4-6"),
            "update §1.6",
        ),
        // bedrock-update §1.6: ca-west-1 + Sonnet 4.5 → global. only.
        (
            "ca-west-1",
            "anthropic.claude-sonnet-4-5-20250929-v1:0",
            Regional,
            Some("bedrock/global.anthropic.claude-sonnet-4-5-20250929-v1:0"),
            "update §1.6",
        ),
        // bedrock-update §1.6: Tokyo + Opus 4.6 → global. only (no jp.).
        (
            "ap-northeast-1",
            "anthropic.claude-opus-4-6-v1",
            Regional,
            Some("bedrock/global.anthropic.claude-opus-4-6-v1"),
            "update §1.6",
        ),
        // bedrock-update §1.6: Tokyo + Opus 4.7 → jp.
        (
            "ap-northeast-1",
            "anthropic.claude-opus-4-7",
            Regional,
            Some("bedrock/jp.anthropic.claude-opus-4-7"),
            "update §1.6",
        ),
        // bedrock-update §1.6: Seoul + Sonnet 4.5 → global. only (no apac.).
        (
            "ap-northeast-2",
            "anthropic.claude-sonnet-4-5-20250929-v1:0",
            Regional,
            Some("bedrock/global.anthropic.claude-sonnet-4-5-20250929-v1:0"),
            "update §1.6",
        ),
        // bedrock-update §1.6: GovCloud + Sonnet 5.5 → us-gov.
        (
            "us-gov-west-1",
            "anthropic.claude-sonnet-5-5",
            Regional,
            Some("bedrock/us-gov.anthropic.claude-sonnet-5-5"),
            "update §1.6",
        ),
        // Prefer global: the global. profile first when the Region may call it.
        (
            "eu-west-2",
            "anthropic.claude-sonnet-4-5-20250929-v1:0",
            Global,
            Some("bedrock/global.anthropic.claude-sonnet-4-5-20250929-v1:0"),
            "issue policy",
        ),
        // Prefer global without a global profile: the geographic one.
        (
            "ap-northeast-1",
            "anthropic.claude-3-5-sonnet-20241022-v2:0",
            Global,
            Some("bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0"),
            "issue policy",
        ),
        // bedrock.md §3 notes: Mixtral has no profile anywhere → bare ID.
        (
            "us-east-1",
            "mistral.mixtral-8x7b-instruct-v0:1",
            Regional,
            Some("bedrock/mistral.mixtral-8x7b-instruct-v0:1"),
            "bedrock.md §3",
        ),
        // Nova Lite from ca-central-1: the only ca. profile (narrower than none).
        (
            "ca-central-1",
            "amazon.nova-lite-v1:0",
            Regional,
            Some("bedrock/ca.amazon.nova-lite-v1:0"),
            "bedrock.md §2.2",
        ),
        // Haiku 4.5 needs a profile (update §3.13) and GovCloud has none.
        (
            "us-gov-west-1",
            "anthropic.claude-haiku-4-5-20251001-v1:0",
            Regional,
            None,
            "update §3.7, §3.13",
        ),
        // Hong Kong has no Bedrock endpoint (bedrock.md §4).
        (
            "ap-east-1",
            "anthropic.claude-sonnet-4-6",
            Regional,
            None,
            "bedrock.md §4",
        ),
    ];
    for (region, model, prefer, expected, source) in rows {
        assert_eq!(
            derived(region, model, *prefer).as_deref(),
            *expected,
            "{region} {model} ({source})"
        );
    }
}

#[test]
fn unknown_model_names_the_table_date() {
    let report = bedrock_identifier("us-east-1", "anthropic.claude-sonnet-9");
    assert_eq!(report.identifier, None);
    let d = only(&report.diagnostics, "bedrock.unknown_model");
    assert_eq!(
        d.message(),
        "unknown model: anthropic.claude-sonnet-9 is not in the table dated 2026-11-26; did you mean \"anthropic.claude-sonnet-5\"?"
    );
    match derive(default_table(), "us-east-1", "x.y", Prefer::Regional) {
        Err(DeriveError::UnknownModel { table_date, .. }) => assert_eq!(table_date, "2026-11-26"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn no_route_lists_where_the_model_can_be_called() {
    let report = bedrock_identifier("us-gov-west-1", "anthropic.claude-haiku-4-5-20251001-v1:0");
    let d = only(&report.diagnostics, "bedrock.no_route");
    assert!(d.message().starts_with(
        "anthropic.claude-haiku-4-5-20251001-v1:0 cannot be called from us-gov-west-1: it needs an inference profile and none lists us-gov-west-1; it can be called as us.anthropic.claude-haiku-4-5-20251001-v1:0 (ca-central-1, us-east-1, us-east-2, us-west-1, us-west-2); "
    ));
}

#[track_caller]
fn reverse(region: &str, identifier: &str) -> Diagnostics {
    let id = Identifier::parse(identifier);
    let Some(model) = id.bedrock() else {
        panic!("{identifier} is not bedrock");
    };
    let mut diagnostics = Diagnostics::new();
    check_identifier_region(
        default_table(),
        region,
        model,
        &Path::root().key("identifier"),
        &mut diagnostics,
    );
    diagnostics
}

#[test]
fn reverse_check_table() {
    let rows: &[(&str, &str, &[&str], &str)] = &[
        // The seed's Tokyo identifier is right for Tokyo (retired since 2026-07-30).
        ("ap-northeast-1", "bedrock/apac.anthropic.claude-3-5-sonnet-20241022-v2:0", &["bedrock.model_retired"], "seed"),
        // bedrock.md §0.2: eu-west-2 is not a source of eu. Claude 3.7 Sonnet.
        ("eu-west-2", "bedrock/eu.anthropic.claude-3-7-sonnet-20250219-v1:0", &["bedrock.model_retired", "bedrock.region_not_source"], "bedrock.md §0.2"),
        // bedrock.md §2.2: Claude 3.5 v2 has no eu. profile.
        ("eu-west-1", "bedrock/eu.anthropic.claude-3-5-sonnet-20241022-v2:0", &["bedrock.model_retired", "bedrock.profile_not_found"], "bedrock.md §3 notes"),
        // update §3.1: apac. Haiku 4.5 is unconfirmed (LiteLLM only).
        ("ap-southeast-1", "bedrock/apac.anthropic.claude-haiku-4-5-20251001-v1:0", &["bedrock.profile_unconfirmed"], "update §3.1"),
        // bedrock.md §8 (S7): bare Sonnet 4.6 from us-east-1 → 400; us. works.
        ("us-east-1", "bedrock/anthropic.claude-sonnet-4-6", &["bedrock.profile_required"], "bedrock.md §8 S7"),
        // update §1.6: the Sonnet 4.6 card marks In-Region support in eu-west-2.
        ("eu-west-2", "bedrock/anthropic.claude-sonnet-4-6", &["bedrock.prefix_alternative"], "update §1.6"),
        // Nova Pro bare from eu-west-1: an eu. profile exists, in-Region unknown.
        ("eu-west-1", "bedrock/amazon.nova-pro-v1:0", &["bedrock.prefix_recommended"], "bedrock.md §3"),
        // update §3.13: Haiku 4.5 is In-Region nowhere → a profile is required.
        ("us-east-1", "bedrock/anthropic.claude-haiku-4-5-20251001-v1:0", &["bedrock.profile_required"], "update §3.13"),
        // Mixtral: no profile; the bare ID is GitLab's own example.
        ("us-west-2", "bedrock/mistral.mixtral-8x7b-instruct-v0:1", &["bedrock.model_end_of_life_scheduled"], "seed format table"),
        // An unknown model cannot be checked: a warning, not an error.
        ("us-east-1", "bedrock/us.acme.model-v1:0", &["bedrock.model_not_in_table"], "issue"),
        // A profile ARN pins its own Region (bedrock.md §5.3).
        ("us-east-1", "bedrock/arn:aws:bedrock:us-west-2:935064898258:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0", &["bedrock.arn_region_differs", "bedrock.model_retired"], "bedrock.md §5.3"),
        // Third-party row (update §3.2).
        ("us-east-1", "bedrock/us.anthropic.claude-haiku-5-5", &["bedrock.profile_third_party"], "update §3.2"),
    ];
    for (region, identifier, expected, source) in rows {
        let diagnostics = reverse(region, identifier);
        assert_eq!(
            codes(&diagnostics),
            *expected,
            "{identifier} from {region} ({source})"
        );
    }
    let d = reverse(
        "eu-west-2",
        "bedrock/eu.anthropic.claude-3-7-sonnet-20250219-v1:0",
    );
    assert_eq!(
        only(&d, "bedrock.region_not_source").message(),
        "eu.anthropic.claude-3-7-sonnet-20250219-v1:0 cannot be called from eu-west-2; its source Regions are eu-central-1, eu-north-1, eu-west-1, eu-west-3; from eu-west-2 use bedrock/anthropic.claude-3-7-sonnet-20250219-v1:0"
    );
}

#[test]
fn replacement_table_changes_the_answer() {
    // A newer table in the same JSON shape, where Claude 3.7 Sonnet's eu.
    // profile gained eu-west-2 as a source.
    let text = r#"{"meta":{"generated":"2027-01-15"},"prefixes":{"eu":{"profiles":{
        "anthropic.claude-3-7-sonnet-20250219-v1:0":{"profile_id":"eu.anthropic.claude-3-7-sonnet-20250219-v1:0",
        "source_regions":["eu-west-1","eu-west-2"]}}},
        "zz":{"profiles":{}}},"models":{}}"#;
    let mut diagnostics = Diagnostics::new();
    let Some(table) = ProfileTable::load(text, &mut diagnostics) else {
        panic!("{diagnostics:#?}");
    };
    assert_eq!(codes(&diagnostics), ["bedrock.table_unknown_prefix"]);
    let report = bedrock_identifier_with(
        &table,
        "eu-west-2",
        "anthropic.claude-3-7-sonnet-20250219-v1:0",
        Prefer::Regional,
    );
    assert_eq!(
        report.identifier.as_deref(),
        Some("bedrock/eu.anthropic.claude-3-7-sonnet-20250219-v1:0")
    );
    assert_eq!(report.data_date, "2027-01-15");
    let mut diagnostics = Diagnostics::new();
    assert!(ProfileTable::load(
        "{\"meta\":{\"generated\":\"soon\"},\"prefixes\":{}}",
        &mut diagnostics
    )
    .is_none());
    assert_eq!(codes(&diagnostics), ["bedrock.table_invalid"]);
}

mod laws {
    use super::*;
    use proptest::prelude::*;

    fn region_strategy() -> impl Strategy<Value = String> {
        let known: Vec<String> = duo_selfhosted::region::regions()
            .all()
            .map(|r| r.code.clone())
            .collect();
        prop_oneof![proptest::sample::select(known), "[a-z]{2}-[a-z]{4,9}-[0-9]",]
    }

    fn model_strategy() -> impl Strategy<Value = String> {
        let known: Vec<String> = default_table().model_ids().map(str::to_owned).collect();
        prop_oneof![
            proptest::sample::select(known),
            "[a-z]{2,8}\\.[a-z0-9-]{2,20}"
        ]
    }

    proptest! {
        #[test]
        fn derivation_only_uses_profiles_that_list_the_region(
            region in region_strategy(),
            model in model_strategy(),
            global in any::<bool>(),
        ) {
            let prefer = if global { Prefer::Global } else { Prefer::Regional };
            if let Ok(d) = derive(default_table(), &region, &model, prefer) {
                if let Some(profile) = d.profile {
                    prop_assert!(profile.source_regions.contains(&region));
                    prop_assert_eq!(d.identifier(), format!("bedrock/{}.{}", profile.prefix, model));
                }
                for alternative in &d.alternatives {
                    prop_assert!(alternative.source_regions.contains(&region));
                }
            }
            let report = bedrock_identifier_with(default_table(), &region, &model, prefer);
            if let (Some(identifier), Some(prefix)) = (&report.identifier, &report.prefix) {
                let id = Identifier::parse(identifier);
                prop_assert_eq!(id.cross_region_prefix(), Some(prefix.clone()));
                let reverse = reverse(&region, identifier);
                prop_assert!(reverse.is_valid(), "{}: {:?}", identifier, reverse);
            }
        }

        #[test]
        fn bedrock_identifier_never_panics(region in "\\PC{0,30}", model in "\\PC{0,80}") {
            let _ = bedrock_identifier(&region, &model);
        }
    }
}

#[test]
fn table_loader_reports_unusable_rows() {
    // (table JSON, loads?, codes, why)
    let rows: &[(&str, bool, &[&str], &str)] = &[
        ("not json", false, &["bedrock.table_invalid"], "not JSON"),
        (
            r#"{"prefixes":{}}"#,
            false,
            &["bedrock.table_invalid"],
            "no meta.generated",
        ),
        (
            r#"{"meta":{"generated":"2027-01-01"}}"#,
            false,
            &["bedrock.table_invalid"],
            "no prefixes",
        ),
        (
            r#"{"meta":{"generated":"2027-01-01"},"prefixes":{"us":{"profiles":{"a.bb-v1:0":{"profile_id":"eu.a.bb-v1:0","source_regions":["us-east-1"]}}}}}"#,
            true,
            &["bedrock.table_profile_id_mismatch"],
            "profile_id must be <prefix>.<model>",
        ),
        (
            r#"{"meta":{"generated":"2027-01-01"},"prefixes":{"us":{"profiles":{"a.bb-v1:0":{"profile_id":"us.a.bb-v1:0","source_regions":[]}}}}}"#,
            true,
            &["bedrock.table_no_source_regions"],
            "a profile nobody can call",
        ),
        (
            r#"{"meta":{"generated":"2027-01-01"},"prefixes":{"us":{"profiles":{"a.bb-v1:0":{"profile_id":"us.a.bb-v1:0","source_regions":["us-east-1"],"confidence":"sure"}}}}}"#,
            true,
            &["bedrock.table_unknown_confidence"],
            "update §2 row_fields",
        ),
        (
            r#"{"meta":{"generated":"2027-01-01"},"prefixes":{"us":{"profiles":[]}}}"#,
            true,
            &["bedrock.table_invalid"],
            "profiles must be an object",
        ),
    ];
    for (text, loads, expected, why) in rows {
        let mut diagnostics = Diagnostics::new();
        let table = ProfileTable::load(text, &mut diagnostics);
        assert_eq!(table.is_some(), *loads, "{why}");
        assert_eq!(codes(&diagnostics), *expected, "{why}");
    }
}
