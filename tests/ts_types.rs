//! The TypeScript declarations of the npm package that come from the
//! library's tables (`pkg/src/generated.d.ts`, re-exported by
//! `pkg/src/index.d.ts`): the literal unions of model families, feature
//! keys, providers, deployment methods and the document's other closed
//! sets; the configuration document's interfaces, generated from the same
//! field specs as the JSON Schema (`src/config/schema.rs`), so that the two
//! cannot disagree; and from the diagnostics catalog
//! (`src/diagnostic/catalog.rs`) the codes with each code's severities and
//! parameters, which `index.d.ts` makes a union discriminated by `code`.
//! The checked-in file is the generated one.
//!
//! Regenerate with `UPDATE_TYPES=1 cargo test --test ts_types`.

use duo_selfhosted::config::schema::{FieldSpec, Kind, ObjectSpec, CONFIG_SPEC, OBJECT_SPECS};
use duo_selfhosted::config::{AddOn, Installation, License, Offering, Tier};
use duo_selfhosted::diagnostic::catalog::{ParamSpec, ParamType, CATALOG};
use duo_selfhosted::feature::{Provider, FEATURES};
use duo_selfhosted::{DeploymentMethod, Family, GitLabVersion};
use std::fmt::Write as _;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg/src/generated.d.ts");

/// A named literal union.
struct Union {
    name: &'static str,
    doc: &'static str,
    values: Vec<&'static str>,
}

fn keys<T>(all: &[(&'static str, T)]) -> Vec<&'static str> {
    all.iter().map(|(key, _)| *key).collect()
}

/// Every union, in the file's order. A schema enum names one of them by
/// having exactly its values.
fn unions() -> Vec<Union> {
    vec![
        Union {
            name: "Family",
            doc: "A model family key (GitLab's enum key) of any covered release; which families a GitLab version offers is checked by the rules (`model.family_not_in_version`). Table rows: new families come in compatible releases.",
            values: Family::keys().collect(),
        },
        Union {
            name: "FeatureKey",
            doc: "GitLab's key of a feature of any covered release; which features a GitLab version has is checked by the rules (`feature.not_in_version`). Table rows: new features come in compatible releases.",
            values: FEATURES.iter().map(|f| f.key).collect(),
        },
        Union {
            name: "Provider",
            doc: "A feature's provider. Closed: a new one comes only in a breaking release.",
            values: keys(&Provider::keyed()),
        },
        Union {
            name: "DeploymentMethod",
            doc: "GitLab's deployment methods (`vertex_ai` where the GitLab version has it). Closed: a new one comes only in a breaking release.",
            values: DeploymentMethod::keys().collect(),
        },
        Union {
            name: "Offering",
            doc: "Where GitLab runs. Closed.",
            values: keys(Offering::ALL),
        },
        Union {
            name: "Tier",
            doc: "The subscription tier. Closed.",
            values: keys(Tier::ALL),
        },
        Union {
            name: "AddOn",
            doc: "A GitLab Duo add-on. Closed.",
            values: keys(AddOn::ALL),
        },
        Union {
            name: "License",
            doc: "How the licence is activated. Closed.",
            values: keys(License::ALL),
        },
        Union {
            name: "Installation",
            doc: "How GitLab is installed: decides where the settings lines of `snippet` go. Closed.",
            values: keys(Installation::ALL),
        },
    ]
}

/// The TypeScript name of each object of the document.
fn interface_name(object: &ObjectSpec) -> &'static str {
    match object.name {
        "config" => "ConfigDocument",
        "network" => "NetworkSettings",
        "ai_gateway" => "AiGatewaySettings",
        "agent_platform" => "AgentPlatformSettings",
        "self_hosted_model" => "SelfHostedModel",
        "feature_setting" => "FeatureSetting",
        other => panic!("no TypeScript name for the schema object {other:?}: add one here"),
    }
}

fn literal(value: &str) -> String {
    assert!(
        value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b)),
        "{value:?} needs escaping"
    );
    format!("'{value}'")
}

fn doc(out: &mut String, indent: &str, text: &str) {
    let _ = writeln!(out, "{indent}/** {} */", text.replace("*/", "*\\/"));
}

/// The union whose values are exactly `values`.
fn union_named(unions: &[Union], values: &[&str]) -> &'static str {
    unions
        .iter()
        .find(|u| u.values == values)
        .map(|u| u.name)
        .unwrap_or_else(|| panic!("no named union has exactly {values:?}: add one to unions()"))
}

fn field_type(unions: &[Union], field: &FieldSpec) -> String {
    match field.kind {
        Kind::Str | Kind::Version => "string".to_owned(),
        Kind::Bool => "boolean".to_owned(),
        Kind::Integer => "number".to_owned(),
        Kind::Enum(values) => union_named(unions, &values()).to_owned(),
        Kind::EnumList(values) => format!("{}[]", union_named(unions, &values())),
        Kind::StrList | Kind::IpList => "string[]".to_owned(),
        Kind::StrOrList => "string | string[]".to_owned(),
        Kind::BoolOrStr => "boolean | string".to_owned(),
        Kind::Object(object) => interface_name(object).to_owned(),
        Kind::ObjectArray(object) => format!("{}[]", interface_name(object)),
        Kind::FeatureMap => "FeatureSettings".to_owned(),
    }
}

fn interface(out: &mut String, unions: &[Union], object: &ObjectSpec) {
    doc(out, "", object.description);
    let _ = writeln!(out, "export interface {} {{", interface_name(object));
    for field in object.fields {
        doc(out, "  ", field.description);
        let optional = if field.required { "" } else { "?" };
        let _ = writeln!(
            out,
            "  {}{optional}: {};",
            field.name,
            field_type(unions, field)
        );
    }
    out.push_str("}\n\n");
}

/// A parameter's member in `params`.
fn param_member(param: &ParamSpec) -> String {
    let ty = match param.ty {
        ParamType::String => "string",
        ParamType::Integer => "number",
        ParamType::Boolean => "boolean",
        ParamType::StringList => "readonly string[]",
    };
    let optional = if param.optional { "?" } else { "" };
    let null = if param.nullable { " | null" } else { "" };
    format!("readonly {}{optional}: {ty}{null}", param.name)
}

/// The catalog's part: the codes, each code's parameters and severities.
fn diagnostics(out: &mut String) {
    doc(
        out,
        "",
        "A diagnostic code (the diagnostics catalog; `duo-selfhosted explain CODE` says what each means). Table rows: new codes come in compatible releases; a released code is never removed, renamed or reused.",
    );
    out.push_str("export type DiagnosticCode =\n");
    for (i, entry) in CATALOG.iter().enumerate() {
        let end = if i + 1 == CATALOG.len() { ";" } else { "" };
        let _ = writeln!(out, "  | {}{end}", literal(entry.code));
    }
    out.push('\n');
    doc(
        out,
        "",
        "Each code's `params`, with their JSON types (`| null` where the value may be null, `?` where the parameter is present only in some situations). Compatible releases may add parameters to a code.",
    );
    out.push_str("export interface DiagnosticParams {\n");
    for entry in CATALOG {
        doc(out, "  ", entry.title);
        let members: Vec<String> = entry.params.iter().map(param_member).collect();
        let params = if members.is_empty() {
            "{}".to_owned()
        } else {
            format!("{{ {}; }}", members.join("; "))
        };
        let _ = writeln!(out, "  {}: {params};", literal(entry.code));
    }
    out.push_str("}\n\n");
    doc(out, "", "The severities each code can have.");
    out.push_str("export interface DiagnosticSeverities {\n");
    for entry in CATALOG {
        let severities: Vec<String> = entry
            .severities
            .iter()
            .map(|s| literal(s.as_str()))
            .collect();
        let _ = writeln!(
            out,
            "  {}: {};",
            literal(entry.code),
            severities.join(" | ")
        );
    }
    out.push_str("}\n");
}

/// The whole generated file.
fn declarations() -> String {
    let unions = unions();
    let mut out = String::from(
        "// Generated from the library's tables by `UPDATE_TYPES=1 cargo test --test\n\
         // ts_types` (tests/ts_types.rs): the same tables and field specs the JSON\n\
         // Schema (schema/config.schema.json) is generated from. Do not edit: CI\n\
         // fails when this file is stale. Re-exported by index.d.ts.\n\n",
    );
    for union in &unions {
        doc(&mut out, "", union.doc);
        let _ = writeln!(out, "export type {} =", union.name);
        for (i, value) in union.values.iter().enumerate() {
            let end = if i + 1 == union.values.len() { ";" } else { "" };
            let _ = writeln!(out, "  | {}{end}", literal(value));
        }
        out.push('\n');
    }
    for object in OBJECT_SPECS {
        interface(&mut out, &unions, object);
    }
    // The features map: one optional member per feature key, with the
    // newest release's title and section, and the release it came in.
    let newest = GitLabVersion::new(
        duo_selfhosted::timeline::NEWEST.since.0,
        duo_selfhosted::timeline::NEWEST.since.1,
    );
    doc(
        &mut out,
        "",
        "A setting per feature, keyed by GitLab's feature key; a feature left out is unassigned.",
    );
    out.push_str("export interface FeatureSettings {\n");
    for feature in FEATURES {
        let (major, minor) = feature.since.since;
        doc(
            &mut out,
            "  ",
            &format!(
                "{} ({}), GitLab {major}.{minor} and later.",
                feature.title(&newest),
                feature.group(&newest).title()
            ),
        );
        let _ = writeln!(out, "  {}?: FeatureSetting;", feature.key);
    }
    out.push_str("}\n\n");
    diagnostics(&mut out);
    out
}

#[test]
fn checked_in_declarations_are_generated() {
    let generated = declarations();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(PATH, &generated).unwrap_or_else(|e| panic!("{e}"));
    }
    let checked_in = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        checked_in == generated,
        "pkg/src/generated.d.ts is stale: run UPDATE_TYPES=1 cargo test --test ts_types"
    );
}

/// The document's top level is the first object, as the schema has it.
#[test]
fn the_document_is_the_first_interface() {
    assert_eq!(OBJECT_SPECS[0].name, CONFIG_SPEC.name);
    assert!(declarations().contains("export interface ConfigDocument {"));
}

/// Each union's values are distinct, and each schema enum has its union.
#[test]
fn unions_are_sets_and_cover_the_schema() {
    let unions = unions();
    for union in &unions {
        let mut sorted = union.values.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), union.values.len(), "{}", union.name);
        assert!(!union.values.is_empty(), "{}", union.name);
    }
    for object in OBJECT_SPECS {
        for field in object.fields {
            // Panics for an enum without its named union.
            field_type(&unions, field);
        }
    }
}
