//! The JSON Schema of the configuration document: the checked-in file is
//! the generated one, the examples are valid against it, and every member
//! it lists is one the decoder reads.
//!
//! Regenerate with `UPDATE_SCHEMA=1 cargo test --test schema`.

use duo_selfhosted::config::schema::{self, Kind, OBJECT_SPECS};
use duo_selfhosted::config::{self, Config};
use duo_selfhosted::GitLabVersion;
use serde_json::{json, Map, Value};

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/config.schema.json");

#[test]
fn checked_in_schema_is_generated() {
    let generated = schema::json_schema_text();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &generated).unwrap_or_else(|e| panic!("{e}"));
    }
    let checked_in = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        checked_in == generated,
        "schema/config.schema.json is stale: run UPDATE_SCHEMA=1 cargo test --test schema"
    );
}

/// A validator for the subset of JSON Schema the generator emits.
fn errors(schema: &Value, root: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/$defs/");
        return errors(&root["$defs"][name], root, value, at, out);
    }
    if let Some(options) = schema["oneOf"].as_array() {
        let matching = options
            .iter()
            .filter(|o| {
                let mut e = Vec::new();
                errors(o, root, value, at, &mut e);
                e.is_empty()
            })
            .count();
        if matching != 1 {
            out.push(format!("{at}: {matching} oneOf branches match"));
        }
        return;
    }
    let type_ok = |t: &str| match t {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        other => panic!("unexpected type {other}"),
    };
    match &schema["type"] {
        Value::String(t) if !type_ok(t) => return out.push(format!("{at}: not {t}")),
        Value::Array(ts) if !ts.iter().filter_map(Value::as_str).any(type_ok) => {
            return out.push(format!("{at}: none of {ts:?}"))
        }
        _ => {}
    }
    if let Some(allowed) = schema["enum"].as_array() {
        if !allowed.contains(value) {
            out.push(format!("{at}: {value} not in enum"));
        }
    }
    if let Some(pattern) = schema["pattern"].as_str() {
        // The one pattern is the GitLab version grammar.
        assert!(pattern.starts_with("^(0|[1-9][0-9]*)"));
        if value
            .as_str()
            .map(str::parse::<GitLabVersion>)
            .is_none_or(|r| r.is_err())
        {
            out.push(format!("{at}: does not match the version pattern"));
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            errors(items, root, item, &format!("{at}/{i}"), out);
        }
        if schema["uniqueItems"] == json!(true) {
            let mut seen = Vec::new();
            for item in array {
                if seen.contains(&item) {
                    out.push(format!("{at}: duplicate item"));
                }
                seen.push(item);
            }
        }
    }
    if let Some(object) = value.as_object() {
        let properties = schema["properties"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        for name in schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !object.contains_key(name) {
                out.push(format!("{at}: missing {name}"));
            }
        }
        for (name, member) in object {
            match properties.get(name) {
                Some(s) => errors(s, root, member, &format!("{at}/{name}"), out),
                None if schema["additionalProperties"] == json!(false) => {
                    out.push(format!("{at}: unexpected {name}"))
                }
                None => {}
            }
        }
    }
}

fn validate(value: &Value) -> Vec<String> {
    let schema = schema::json_schema();
    let mut out = Vec::new();
    errors(&schema, &schema, value, "", &mut out);
    out
}

#[test]
fn examples_are_valid_against_the_schema() {
    let json: Value = serde_json::from_str(config::EXAMPLE_JSON).unwrap_or_default();
    assert_eq!(validate(&json), Vec::<String>::new());
    #[cfg(feature = "toml")]
    {
        let toml: toml::Table = config::EXAMPLE_TOML.parse().unwrap_or_default();
        let toml = serde_json::to_value(toml).unwrap_or_default();
        assert_eq!(validate(&toml), Vec::<String>::new());
    }
    // The validator is not vacuous.
    let mut bad = json.clone();
    bad["tier"] = json!("gold");
    bad["features"]["duo_chat"]["modle"] = json!("x");
    bad["gitlab_version"] = json!("18.x");
    assert_eq!(validate(&bad).len(), 3, "{:?}", validate(&bad));
}

/// A value of the wrong type for `kind`.
fn wrong_value(kind: Kind) -> Value {
    match kind {
        Kind::Bool
        | Kind::Str
        | Kind::Version
        | Kind::Enum(_)
        | Kind::BoolOrStr
        | Kind::Integer => {
            json!([1])
        }
        _ => json!(7),
    }
}

/// Every member the schema lists is read by the decoder: putting a wrong
/// value there yields a diagnostic at exactly that path, never
/// `document.unknown_field`.
#[test]
fn every_schema_member_is_decoded() {
    let example: Value = serde_json::from_str(config::EXAMPLE_JSON).unwrap_or_default();
    // Where each object spec lives in the example document.
    let homes: [(&str, &str); 6] = [
        ("config", ""),
        ("network", "/network"),
        ("ai_gateway", "/ai_gateway"),
        ("agent_platform", "/agent_platform"),
        ("self_hosted_model", "/self_hosted_models/0"),
        ("feature_setting", "/features/duo_chat"),
    ];
    for spec in OBJECT_SPECS {
        let home = homes
            .iter()
            .find(|(name, _)| *name == spec.name)
            .map(|(_, p)| *p);
        let home = home.unwrap_or_else(|| panic!("no home for {}", spec.name));
        for field in spec.fields {
            let mut doc = example.clone();
            let Some(Value::Object(object)) = doc.pointer_mut(home) else {
                panic!("{home} is not an object");
            };
            object.insert(field.name.to_owned(), wrong_value(field.kind));
            let decoded = Config::from_value(&doc);
            let pointer = format!("{home}/{}", field.name);
            let at_field: Vec<&str> = decoded
                .diagnostics
                .iter()
                .filter(|d| d.path().pointer().starts_with(&pointer))
                .map(|d| d.code())
                .collect();
            assert!(!at_field.is_empty(), "{pointer}: no diagnostic");
            assert!(
                !at_field.contains(&"document.unknown_field"),
                "{pointer}: {at_field:?}"
            );
        }
    }
    // The model record's members are exactly the model module's.
    let model_spec = OBJECT_SPECS.iter().find(|s| s.name == "self_hosted_model");
    let names: Vec<&str> = model_spec
        .map(|s| s.fields.iter().map(|f| f.name).collect())
        .unwrap_or_default();
    assert_eq!(names, duo_selfhosted::model::FIELDS);
    // Feature keys: every catalog key is a schema property the decoder accepts.
    let schema = schema::json_schema();
    let keys: Map<String, Value> = schema["properties"]["features"]["properties"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    assert_eq!(keys.len(), duo_selfhosted::feature::FEATURES.len());
}
