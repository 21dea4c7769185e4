//! [`ProfileTable::load`]: a newer table read at run time from JSON in the
//! shape of `bedrock-update-2026-11.md` §2 or `bedrock.md` Appendix A.

use super::table::{model_key, pair_key, search, Confidence, ModelInfo, Profile, ProfileTable};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::model::identifier::CrossRegionPrefix;
use serde_json::Value;

/// A string member of a JSON object.
fn text_of<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// A list-of-strings member (non-strings are skipped).
fn strings_of(value: &Value, key: &str) -> Vec<String> {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// `document.wrong_type`-style report for a table member of the wrong shape.
fn table_shape(path: Path, expected: &str, diagnostics: &mut Diagnostics) {
    diagnostics.push(
        Diagnostic::error(
            "bedrock.table_invalid",
            path.clone(),
            format!("not a profile table: {path} must be {expected}"),
        )
        .with("expected", expected),
    );
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

impl ProfileTable {
    /// Read a table in the JSON shape of `bedrock-update-2026-11.md` §2 or
    /// `bedrock.md` Appendix A (unknown fields are ignored). Rows that
    /// cannot be used are reported and skipped; `None` when the text is not
    /// such a table at all. Paths point into the table.
    pub fn load(text: &str, diagnostics: &mut Diagnostics) -> Option<Self> {
        // Walking a `serde_json::Value` (which the document decoder needs
        // anyway) keeps the wasm build small: derived deserializers for
        // these nested maps cost tens of kilobytes.
        let root: Value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(e) => {
                diagnostics.push(
                    Diagnostic::error(
                        "bedrock.table_invalid",
                        Path::root(),
                        format!("not a profile table: {e}"),
                    )
                    .with("line", e.line())
                    .with("column", e.column()),
                );
                return None;
            }
        };
        let generated = root
            .get("meta")
            .and_then(|m| text_of(m, "generated"))
            .unwrap_or_default();
        if !is_date(generated) {
            diagnostics.push(
                Diagnostic::error(
                    "bedrock.table_invalid",
                    Path::root().key("meta").key("generated"),
                    format!(
                        "not a profile table: meta.generated {generated:?} is not a YYYY-MM-DD date"
                    ),
                )
                .with("generated", generated),
            );
            return None;
        }
        let Some(prefixes) = root.get("prefixes").and_then(Value::as_object) else {
            table_shape(Path::root().key("prefixes"), "an object", diagnostics);
            return None;
        };
        let mut table = ProfileTable {
            generated: generated.to_owned(),
            data_date: root
                .get("meta")
                .and_then(|m| text_of(m, "data_date"))
                .map(str::to_owned),
            models: Vec::new(),
            profiles: Vec::new(),
            unconfirmed: Vec::new(),
        };
        for u in root
            .get("unconfirmed_profiles")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(id) = text_of(u, "profile_id") else {
                continue;
            };
            let why = text_of(u, "why_not_in_table")
                .unwrap_or_default()
                .to_owned();
            // A repeated profile ID: the last row wins.
            match search(&table.unconfirmed, id, pair_key) {
                Ok(at) => table.unconfirmed[at].1 = why,
                Err(at) => table.unconfirmed.insert(at, (id.to_owned(), why)),
            }
        }
        for (id, model) in root
            .get("models")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let info = ModelInfo {
                id: id.clone(),
                name: text_of(model, "name").map(str::to_owned),
                eol_date: text_of(model, "eol_date")
                    .filter(|d| is_date(d))
                    .map(str::to_owned),
            };
            match search(&table.models, id, model_key) {
                Ok(at) => table.models[at] = info,
                Err(at) => table.models.insert(at, info),
            }
        }
        for (prefix_text, prefix_entry) in prefixes {
            let path = Path::root().key("prefixes").key(prefix_text.clone());
            let Some(prefix) = CrossRegionPrefix::from_text(prefix_text) else {
                diagnostics.push(
                    Diagnostic::warning(
                        "bedrock.table_unknown_prefix",
                        path,
                        format!("the table has profiles for prefix {prefix_text:?}, which this version of duo-selfhosted does not know; they are skipped"),
                    )
                    .with("prefix", prefix_text.as_str()),
                );
                continue;
            };
            let Some(rows) = prefix_entry.get("profiles").and_then(Value::as_object) else {
                table_shape(path.key("profiles"), "an object", diagnostics);
                continue;
            };
            for (model, row) in rows {
                let row_path = path.key("profiles").key(model.clone());
                let expected = format!("{prefix_text}.{model}");
                let profile_id = text_of(row, "profile_id").unwrap_or_default();
                let source_regions = strings_of(row, "source_regions");
                if profile_id != expected {
                    diagnostics.push(
                        Diagnostic::error(
                            "bedrock.table_profile_id_mismatch",
                            row_path.key("profile_id"),
                            format!(
                                "profile_id {profile_id:?} should be {expected:?}; the row is skipped"
                            ),
                        )
                        .with("profile_id", profile_id)
                        .with("expected", expected),
                    );
                    continue;
                }
                if source_regions.is_empty() {
                    diagnostics.push(
                        Diagnostic::warning(
                            "bedrock.table_no_source_regions",
                            row_path.key("source_regions"),
                            format!("{expected} lists no source Region; the row is skipped"),
                        )
                        .with("profile_id", expected),
                    );
                    continue;
                }
                let confidence = match text_of(row, "confidence") {
                    None => None,
                    Some(text) => {
                        let c = Confidence::from_text(text);
                        if c.is_none() {
                            diagnostics.push(
                                Diagnostic::warning(
                                    "bedrock.table_unknown_confidence",
                                    row_path.key("confidence"),
                                    format!("unknown confidence {text:?}"),
                                )
                                .with("confidence", text),
                            );
                        }
                        c
                    }
                };
                if let Err(at) = search(&table.models, model, model_key) {
                    table.models.insert(
                        at,
                        ModelInfo {
                            id: model.clone(),
                            name: None,
                            eol_date: None,
                        },
                    );
                }
                let mut routes: Vec<(String, Vec<String>)> = Vec::new();
                for (source, _) in row
                    .get("routes")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    if let Err(at) = search(&routes, source, pair_key) {
                        routes.insert(at, (source.clone(), strings_of(&row["routes"], source)));
                    }
                }
                let at = match search(&table.profiles, model, pair_key) {
                    Ok(at) => at,
                    Err(at) => {
                        table.profiles.insert(at, (model.clone(), Vec::new()));
                        at
                    }
                };
                table.profiles[at].1.push(Profile {
                    prefix,
                    model: model.clone(),
                    profile_id: expected,
                    source_regions,
                    routes,
                    confidence,
                    eol_date: text_of(row, "eol_date")
                        .filter(|d| is_date(d))
                        .map(str::to_owned),
                    inferred_source_regions: strings_of(row, "inferred_source_regions"),
                });
            }
        }
        for (_, list) in &mut table.profiles {
            list.sort_by_key(|p| p.prefix);
        }
        Some(table)
    }
}
