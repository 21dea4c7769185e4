//! AWS Regions: the table, `AWS_REGION` / `AWS_REGION_NAME` checks.

mod util;

use duo_selfhosted::region::{check_region, check_region_variables, lookup, regions};
use duo_selfhosted::{Diagnostics, Path};
use util::{codes, only};

#[track_caller]
fn check(value: &str) -> (bool, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let ok = check_region(
        value,
        "AWS_REGION",
        &Path::root().key("aws_region"),
        &mut diagnostics,
    )
    .is_some();
    (ok, diagnostics)
}

#[test]
fn region_table_rows() {
    // (code, partition, name, bedrock endpoint) — bedrock.md §4 table rows.
    let rows: &[(&str, &str, &str, bool)] = &[
        ("ap-northeast-1", "aws", "Asia Pacific (Tokyo)", true),
        ("eu-west-2", "aws", "Europe (London)", true),
        ("ap-east-1", "aws", "Asia Pacific (Hong Kong)", false),
        ("me-west-1", "aws", "Middle East (Saudi Arabia)", false),
        ("sa-west-1", "aws", "South America (Chile)", false),
        ("cn-north-1", "aws-cn", "China (Beijing)", false),
        (
            "us-gov-west-1",
            "aws-us-gov",
            "AWS GovCloud (US-West)",
            true,
        ),
        ("ap-southeast-6", "aws", "Asia Pacific (New Zealand)", true),
        (
            "eusc-de-east-1",
            "aws-eusc",
            "AWS European Sovereign Cloud (Germany)",
            true,
        ),
        ("us-iso-west-1", "aws-iso", "US ISO WEST", false),
    ];
    for (code, partition, name, bedrock) in rows {
        let Some(region) = lookup(code) else {
            panic!("{code}")
        };
        assert_eq!(
            (
                region.partition.as_str(),
                region.name.as_str(),
                region.bedrock_endpoint
            ),
            (*partition, *name, *bedrock),
            "{code}"
        );
    }
    // bedrock.md §4: 40 Regions in the main table, 8 in other partitions.
    assert_eq!(regions().regions.len(), 40);
    assert_eq!(regions().other_partitions_regions.len(), 8);
    assert_eq!(regions().meta.generated, "2026-11-20");
}

#[test]
fn region_checks() {
    // (value, accepted, codes, source)
    let rows: &[(&str, bool, &[&str], &str)] = &[
        ("ap-northeast-1", true, &[], "seed Tokyo"),
        ("eu-west-2", true, &[], "seed eu-west-2"),
        ("", false, &["region.blank"], "issue rule 4"),
        (
            " eu-west-2",
            true,
            &["region.whitespace"],
            "LiteLLM ^[a-z0-9-]+$",
        ),
        (
            "EU-WEST-2",
            false,
            &["region.upper_case"],
            "LiteLLM ^[a-z0-9-]+$",
        ),
        (
            "eu-west-4",
            false,
            &["region.not_in_table"],
            "botocore 1.44.8 table",
        ),
        (
            "europe-west2",
            false,
            &["region.unknown"],
            "not an AWS pattern (GCP style)",
        ),
        ("ap-east-1", false, &["region.no_bedrock"], "bedrock.md §4"),
        ("cn-north-1", false, &["region.no_bedrock"], "bedrock.md §4"),
        ("us-gov-east-1", true, &[], "bedrock.md §4"),
    ];
    for (value, accepted, expected, source) in rows {
        let (ok, d) = check(value);
        assert_eq!(
            (ok, codes(&d).as_slice()),
            (*accepted, *expected),
            "{value:?} ({source})"
        );
    }
    let (_, d) = check("eu-west-4");
    assert_eq!(
        only(&d, "region.not_in_table").message(),
        "AWS_REGION \"eu-west-4\" looks like a Region of partition aws but is not in the Region table dated 2026-11-20; did you mean \"eu-west-1\"?"
    );
    let json = serde_json::to_value(only(&d, "region.not_in_table")).unwrap_or_default();
    assert_eq!(
        json["params"]["suggestions"],
        serde_json::json!(["eu-west-1", "eu-west-2", "eu-west-3"])
    );
    let (_, d) = check("europe-west2");
    assert_eq!(
        only(&d, "region.unknown").message(),
        "AWS_REGION \"europe-west2\" is not an AWS Region"
    );
    let (_, d) = check("cn-north-1");
    assert_eq!(
        only(&d, "region.no_bedrock").message(),
        "AWS_REGION \"cn-north-1\" (China (Beijing)) has no Amazon Bedrock endpoint"
    );
    let (_, d) = check("me-west-1");
    assert_eq!(
        only(&d, "region.no_bedrock").message(),
        "AWS_REGION \"me-west-1\" (Middle East (Saudi Arabia)) has no Amazon Bedrock endpoint; Bedrock Regions nearby: il-central-1, me-central-1, me-south-1"
    );
}

#[test]
fn region_variables() {
    let check = |a: Option<&str>, b: Option<&str>| {
        let mut d = Diagnostics::new();
        let r = check_region_variables(
            a,
            b,
            &Path::root().key("aws_region"),
            &Path::root().key("aws_region_name"),
            &mut d,
        );
        (
            r.map(|r| r.code.clone()),
            codes(&d)
                .iter()
                .map(|c| (*c).to_owned())
                .collect::<Vec<_>>(),
        )
    };
    // bedrock.md §6: AWS_REGION_NAME wins over AWS_REGION for model calls.
    assert_eq!(
        check(Some("eu-west-1"), Some("eu-west-2")),
        (
            Some("eu-west-2".to_owned()),
            vec!["region.variables_differ".to_owned()]
        )
    );
    assert_eq!(
        check(Some("eu-west-1"), Some("eu-west-1")),
        (Some("eu-west-1".to_owned()), vec![])
    );
    // bedrock.md §8: the troubleshoot script requires AWS_REGION_NAME.
    assert_eq!(
        check(Some("eu-west-1"), None),
        (
            Some("eu-west-1".to_owned()),
            vec!["region.name_variable_missing".to_owned()]
        )
    );
    assert_eq!(
        check(None, Some("us-east-1")),
        (Some("us-east-1".to_owned()), vec![])
    );
    assert_eq!(check(None, None), (None, vec![]));
}

#[test]
fn no_bedrock_gives_nearest_names_too() {
    let (_, d) = check("ap-east-1");
    let json = serde_json::to_value(only(&d, "region.no_bedrock")).unwrap_or_default();
    assert_eq!(json["params"]["nearest_names"][0], "ap-east-2");
}
