//! The embedded Bedrock tables checked against the machine-readable blocks
//! of the reference (`bedrock-update-2026-11.md` §2, `bedrock.md` Appendix
//! A), so that a typo in a table fails CI. The blocks are verbatim copies in
//! `tests/data/reference/` (made by `scripts/gen-gitlab-data.py`), so the
//! test runs in a clone anywhere.

use duo_selfhosted::bedrock::{default_table, ProfileTable, PROFILES_JSON};
use duo_selfhosted::identifier::{CrossRegionPrefix, CROSS_REGION_PREFIXES, MODEL_NAMESPACES};
use duo_selfhosted::region::{pattern_matches, regions, RegionTable, REGIONS_JSON};
use duo_selfhosted::Diagnostics;
use serde_json::{json, Value};

/// The reference's machine-readable block, as `scripts/gen-gitlab-data.py`
/// copies it verbatim into `tests/data/reference/`.
fn block(text: &str, name: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `bedrock-update-2026-11.md` §2.
fn update() -> Value {
    block(
        include_str!("data/reference/bedrock-update-2026-11.table.json"),
        "bedrock-update-2026-11.md §2",
    )
}

/// `bedrock.md` Appendix A.
fn appendix_a() -> Value {
    block(
        include_str!("data/reference/bedrock.appendix-a.json"),
        "bedrock.md Appendix A",
    )
}

fn embedded(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("embedded JSON: {e}"))
}

fn pick(value: &Value, fields: &[&str]) -> Value {
    let mut out = serde_json::Map::new();
    for f in fields {
        if let Some(v) = value.get(*f) {
            out.insert((*f).to_owned(), v.clone());
        }
    }
    Value::Object(out)
}

const ROW_FIELDS: &[&str] = &[
    "profile_id",
    "source_regions",
    "routes",
    "confidence",
    "eol_date",
    "inferred_source_regions",
];

#[test]
fn embedded_profiles_equal_the_reference() {
    let reference = update();
    let ours = embedded(PROFILES_JSON);
    assert_eq!(ours["meta"]["generated"], reference["meta"]["generated"]);
    assert_eq!(ours["meta"]["data_date"], reference["meta"]["data_date"]);
    let (Some(ref_prefixes), Some(our_prefixes)) = (
        reference["prefixes"].as_object(),
        ours["prefixes"].as_object(),
    ) else {
        panic!("prefixes missing");
    };
    let keys = |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(our_prefixes), keys(ref_prefixes));
    let mut rows = 0;
    for (prefix, entry) in ref_prefixes {
        let Some(ref_rows) = entry["profiles"].as_object() else {
            panic!("{prefix}: no profiles");
        };
        let Some(our_rows) = our_prefixes[prefix]["profiles"].as_object() else {
            panic!("{prefix}: no embedded profiles");
        };
        assert_eq!(keys(our_rows), keys(ref_rows), "{prefix}");
        for (model, row) in ref_rows {
            assert_eq!(
                pick(&our_rows[model], ROW_FIELDS),
                pick(row, ROW_FIELDS),
                "{prefix}.{model}"
            );
            rows += 1;
        }
    }
    // bedrock-update-2026-11.md §2: "194 profile rows".
    assert_eq!(rows, 194);
    assert_eq!(
        ours["unconfirmed_profiles"],
        reference["unconfirmed_profiles"]
    );
    let (Some(ref_models), Some(our_models)) =
        (reference["models"].as_object(), ours["models"].as_object())
    else {
        panic!("models missing");
    };
    assert_eq!(keys(our_models), keys(ref_models));
    for (id, model) in ref_models {
        assert_eq!(
            our_models[id],
            pick(model, &["provider", "name", "eol_date"]),
            "{id}"
        );
    }
}

#[test]
fn loaded_table_equals_the_reference() {
    let reference = update();
    let table = default_table();
    assert_eq!(table.date(), "2026-11-26");
    let mut seen = 0;
    for (prefix, entry) in reference["prefixes"].as_object().into_iter().flatten() {
        let Some(p) = CrossRegionPrefix::from_text(prefix) else {
            panic!("unknown prefix {prefix}");
        };
        for (model, row) in entry["profiles"].as_object().into_iter().flatten() {
            let Some(profile) = table.profile(p, model) else {
                panic!("{prefix}.{model} not loaded");
            };
            assert_eq!(json!(profile.profile_id), row["profile_id"]);
            assert_eq!(json!(profile.source_regions), row["source_regions"]);
            let routes: serde_json::Map<String, serde_json::Value> = profile
                .routes
                .iter()
                .map(|(source, to)| (source.clone(), json!(to)))
                .collect();
            assert_eq!(json!(routes), row["routes"]);
            assert_eq!(
                profile.confidence.map(|c| c.as_str()),
                row["confidence"].as_str()
            );
            assert_eq!(profile.eol_date.as_deref(), row["eol_date"].as_str());
            seen += 1;
        }
    }
    assert_eq!(seen, table.all_profiles().count());
    for (id, model) in reference["models"].as_object().into_iter().flatten() {
        let Some(info) = table.model(id) else {
            panic!("model {id} not loaded");
        };
        assert_eq!(info.name.as_deref(), model["name"].as_str(), "{id}");
        assert_eq!(info.eol_date.as_deref(), model["eol_date"].as_str(), "{id}");
    }
}

#[test]
fn embedded_table_loads_without_diagnostics() {
    let mut diagnostics = Diagnostics::new();
    let table = ProfileTable::load(PROFILES_JSON, &mut diagnostics);
    assert!(table.is_some());
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn generated_constants_equal_the_embedded_json() {
    // default_table() is built from src/data/bedrock_profiles.rs, which
    // scripts/gen-bedrock-data.py generates from the same JSON: regenerate
    // both together. This fails if either is edited alone.
    let mut diagnostics = Diagnostics::new();
    let Some(loaded) = ProfileTable::load(PROFILES_JSON, &mut diagnostics) else {
        panic!("the embedded JSON does not load");
    };
    assert_eq!(default_table(), &loaded);
    assert_eq!(
        default_table().all_profiles().count(),
        loaded.all_profiles().count()
    );
}

#[test]
fn generated_region_constants_equal_the_embedded_json() {
    // regions() is built from src/data/aws_regions.rs, which
    // scripts/gen-bedrock-data.py generates from the same JSON.
    let Some(loaded) = RegionTable::from_json(REGIONS_JSON) else {
        panic!("the embedded Region JSON does not load");
    };
    assert_eq!(regions(), &loaded);
}

#[test]
fn both_reference_shapes_load_as_replacement_tables() {
    // bedrock-update-2026-11.md §2: "a loader of Appendix A can load it as a
    // replacement"; the older Appendix A shape must load too.
    for (name, value) in [("update", update()), ("appendix A", appendix_a())] {
        let mut diagnostics = Diagnostics::new();
        let text = value.to_string();
        let table = ProfileTable::load(&text, &mut diagnostics);
        assert!(table.is_some(), "{name}");
        assert!(diagnostics.is_empty(), "{name}: {diagnostics:#?}");
    }
}

#[test]
fn prefixes_and_namespaces_equal_the_reference() {
    let reference = update();
    let keys: Vec<&str> = reference["prefixes"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, _)| k.as_str())
        .collect();
    let mut ours: Vec<&str> = CROSS_REGION_PREFIXES.iter().map(|(k, _)| *k).collect();
    ours.sort_unstable();
    assert_eq!(ours, keys);
    for (id, model) in reference["models"].as_object().into_iter().flatten() {
        let provider = model["provider"].as_str().unwrap_or_default();
        assert!(MODEL_NAMESPACES.contains(&provider), "{id}: {provider}");
    }
}

#[test]
fn embedded_regions_equal_the_reference() {
    let ours = embedded(REGIONS_JSON);
    for reference in [update(), appendix_a()] {
        let project = |list: &Value, fields: &[&str]| -> Vec<Value> {
            list.as_array()
                .into_iter()
                .flatten()
                .map(|r| pick(r, fields))
                .collect()
        };
        let fields = ["code", "partition", "geo", "name", "bedrock_endpoint"];
        assert_eq!(
            project(&ours["regions"], &fields),
            project(&reference["regions"], &fields)
        );
        let fields = ["code", "partition", "name", "bedrock_endpoint"];
        assert_eq!(
            project(&ours["other_partitions_regions"], &fields),
            project(&reference["other_partitions_regions"], &fields)
        );
        assert_eq!(ours["partitions"], reference["partitions"]);
    }
    // Every Region matches its partition's pattern, and no other partition's.
    let table = regions();
    for region in table.all() {
        let matching: Vec<&str> = table
            .partitions
            .iter()
            .filter(|p| pattern_matches(&p.region_regex, &region.code))
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(matching, [region.partition.as_str()], "{}", region.code);
    }
}
