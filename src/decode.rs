//! Reading JSON documents (configurations, model records, policies) into
//! typed values while collecting every problem as a diagnostic.
//!
//! serde's derive stops at the first unknown or mistyped field; an admin
//! wants all of them, each with a path and, for an unknown field, the
//! nearest valid name. [`Fields`] walks one JSON object: each `take_*` call
//! reads one known member and records what is wrong with it, and
//! [`Fields::finish`] reports the members nobody asked for.
//!
//! Codes: `document.wrong_type`, `document.missing_field`,
//! `document.unknown_field`, `document.unknown_value`, `document.invalid_json`.

use crate::diagnostic::{nearest_names, Diagnostic, Diagnostics, Path};
use serde_json::{Map, Value};

/// The JSON type names used in messages, as JSON Schema spells them.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// `document.wrong_type`: `path` holds a `found` where `expected` belongs.
pub fn wrong_type(path: &Path, expected: &'static str, found: &Value) -> Diagnostic {
    let found = type_name(found);
    Diagnostic::error(
        "document.wrong_type",
        path.clone(),
        format!("expected {expected}, found {found}"),
    )
    .with("expected", expected)
    .with("found", found)
}

/// Parse JSON text, or report `document.invalid_json` with line and column.
pub fn parse_json(text: &str, diagnostics: &mut Diagnostics) -> Option<Value> {
    match serde_json::from_str(text) {
        Ok(value) => Some(value),
        Err(e) => {
            diagnostics.push(
                Diagnostic::error(
                    "document.invalid_json",
                    Path::root(),
                    format!(
                        "invalid JSON at line {} column {}: {}",
                        e.line(),
                        e.column(),
                        strip_position(&e)
                    ),
                )
                .with("line", e.line())
                .with("column", e.column()),
            );
            None
        }
    }
}

/// serde_json's message without its trailing " at line L column C".
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// One JSON object being read field by field.
pub struct Fields<'a> {
    object: &'a Map<String, Value>,
    path: Path,
    known: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    /// Start reading `value` at `path`; `None` (with `document.wrong_type`)
    /// when it is not an object.
    pub fn new(value: &'a Value, path: &Path, diagnostics: &mut Diagnostics) -> Option<Self> {
        match value {
            Value::Object(object) => Some(Fields {
                object,
                path: path.clone(),
                known: Vec::new(),
            }),
            other => {
                diagnostics.push(wrong_type(path, "object", other));
                None
            }
        }
    }

    /// The path of this object.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path of member `name`.
    pub fn path_of(&self, name: &'static str) -> Path {
        self.path.key(name)
    }

    /// The raw value of a known member (`null` counts as absent).
    pub fn take(&mut self, name: &'static str) -> Option<&'a Value> {
        self.known.push(name);
        self.object.get(name).filter(|v| !v.is_null())
    }

    /// A member that must be present; reports `document.missing_field`.
    pub fn require(
        &mut self,
        name: &'static str,
        diagnostics: &mut Diagnostics,
    ) -> Option<&'a Value> {
        let value = self.take(name);
        if value.is_none() {
            diagnostics.push(
                Diagnostic::error(
                    "document.missing_field",
                    self.path.key(name),
                    format!("missing required field `{name}`"),
                )
                .with("field", name),
            );
        }
        value
    }

    /// A string member.
    pub fn take_str(
        &mut self,
        name: &'static str,
        diagnostics: &mut Diagnostics,
    ) -> Option<&'a str> {
        let path = self.path.key(name);
        match self.take(name)? {
            Value::String(s) => Some(s),
            other => {
                diagnostics.push(wrong_type(&path, "string", other));
                None
            }
        }
    }

    /// A boolean member.
    pub fn take_bool(&mut self, name: &'static str, diagnostics: &mut Diagnostics) -> Option<bool> {
        let path = self.path.key(name);
        match self.take(name)? {
            Value::Bool(b) => Some(*b),
            other => {
                diagnostics.push(wrong_type(&path, "boolean", other));
                None
            }
        }
    }

    /// An array-of-strings member; wrong elements are reported and skipped.
    pub fn take_str_list(
        &mut self,
        name: &'static str,
        diagnostics: &mut Diagnostics,
    ) -> Option<Vec<(usize, &'a str)>> {
        let path = self.path.key(name);
        match self.take(name)? {
            Value::Array(items) => Some(string_items(items, &path, diagnostics)),
            other => {
                diagnostics.push(wrong_type(&path, "array", other));
                None
            }
        }
    }

    /// A string member that must be one of `allowed`; reports
    /// `document.unknown_value` with the nearest allowed names.
    pub fn take_enum<T: Copy>(
        &mut self,
        name: &'static str,
        allowed: &[(&'static str, T)],
        diagnostics: &mut Diagnostics,
    ) -> Option<T> {
        let path = self.path.key(name);
        let text = self.take_str(name, diagnostics)?;
        enum_value(text, allowed, &path, diagnostics)
    }

    /// Report every member that no `take*` call asked for as
    /// `document.unknown_field`, with the nearest known names.
    pub fn finish(self, diagnostics: &mut Diagnostics) {
        for name in self.object.keys() {
            if self.known.contains(&name.as_str()) {
                continue;
            }
            let suggestions = nearest_names(name, self.known.iter().copied());
            let hint = match suggestions.first() {
                Some(best) => format!("; did you mean `{best}`?"),
                None => String::new(),
            };
            diagnostics.push(
                Diagnostic::error(
                    "document.unknown_field",
                    self.path.key(name.clone()),
                    format!("unknown field `{name}`{hint}"),
                )
                .with("field", name.as_str())
                .with("suggestions", suggestions),
            );
        }
    }
}

/// The string elements of a JSON array, with their indexes; others are
/// reported as `document.wrong_type` and skipped.
pub fn string_items<'a>(
    items: &'a [Value],
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Vec<(usize, &'a str)> {
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            Value::String(s) => Some((i, s.as_str())),
            other => {
                diagnostics.push(wrong_type(&path.index(i), "string", other));
                None
            }
        })
        .collect()
}

/// `text` looked up in `allowed`, or `document.unknown_value` at `path`.
pub fn enum_value<T: Copy>(
    text: &str,
    allowed: &[(&'static str, T)],
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<T> {
    if let Some((_, value)) = allowed.iter().find(|(key, _)| *key == text) {
        return Some(*value);
    }
    let names: Vec<&'static str> = allowed.iter().map(|(key, _)| *key).collect();
    unknown_value(text, &names, path, diagnostics);
    None
}

/// The `document.unknown_value` report of [`enum_value`], compiled once
/// rather than once per enum.
fn unknown_value(text: &str, names: &[&'static str], path: &Path, diagnostics: &mut Diagnostics) {
    let suggestions = nearest_names(text, names.iter().copied());
    let names: Vec<String> = names.iter().map(|key| (*key).to_owned()).collect();
    diagnostics.push(
        Diagnostic::error(
            "document.unknown_value",
            path.clone(),
            format!(
                "unknown value {text:?}, expected one of: {}",
                names.join(", ")
            ),
        )
        .with("value", text)
        .with("allowed", names)
        .with("suggestions", suggestions),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_every_problem() {
        let value: Value = serde_json::json!({
            "tier": "ultimat", "beta": "yes", "teir": 1, "list": ["a", 2]
        });
        let mut diagnostics = Diagnostics::new();
        let Some(mut fields) = Fields::new(&value, &Path::root(), &mut diagnostics) else {
            panic!("object expected");
        };
        let tier = fields.take_enum("tier", &[("premium", 1), ("ultimate", 2)], &mut diagnostics);
        let beta = fields.take_bool("beta", &mut diagnostics);
        let list = fields.take_str_list("list", &mut diagnostics);
        let name = fields.require("name", &mut diagnostics);
        fields.finish(&mut diagnostics);
        assert_eq!((tier, beta, name.is_none()), (None, None, true));
        assert_eq!(list, Some(vec![(0, "a")]));
        let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "error[document.unknown_value] tier: unknown value \"ultimat\", expected one of: premium, ultimate",
                "error[document.wrong_type] beta: expected boolean, found string",
                "error[document.wrong_type] list[1]: expected string, found integer",
                "error[document.missing_field] name: missing required field `name`",
                "error[document.unknown_field] teir: unknown field `teir`; did you mean `tier`?",
            ]
        );
    }

    #[test]
    fn invalid_json_has_position() {
        let mut diagnostics = Diagnostics::new();
        assert!(parse_json("{\n  \"a\": }", &mut diagnostics).is_none());
        assert_eq!(
            diagnostics.as_slice()[0].message(),
            "invalid JSON at line 2 column 8: expected value"
        );
    }
}
