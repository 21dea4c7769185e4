//! Making chosen mutations fail, to test a partial apply.

use serde_json::{Map, Value};

use super::store::{parse_gid, Store};

/// Which mutation fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FailWhen {
    /// The n-th mutation field the server executes (1-based, counted over
    /// the server's life, including mutations that fail).
    NthMutation(usize),
    /// Every mutation field with this name (`"aiSelfHostedModelCreate"`, …).
    Mutation(String),
    /// Every mutation touching this name: a model's `name` in the input, the
    /// model an `id` or `aiSelfHostedModelId` designates, or a feature key
    /// (lower-case, `"duo_chat"`) in `features`.
    Touching(String),
}

/// How it fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The mutation returns its payload with `errors: [message]` and changes
    /// nothing (how GitLab reports a failed save).
    Errors(String),
    /// A GraphQL field error: the payload is null and the message is in the
    /// response's top-level `errors` (how GitLab reports a permission error).
    TopLevel(String),
    /// The request ends with this HTTP status and GitLab's
    /// `{"errors":[{"message":"Internal server error"}]}`.
    Http(u16),
}

/// The rules, and the count of mutation fields seen.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    pub rules: Vec<(FailWhen, Failure)>,
    pub mutations_seen: usize,
}

impl Faults {
    /// Counts one mutation field and returns the failure of the first rule
    /// that matches it.
    pub fn check(
        &mut self,
        field: &str,
        input: &Map<String, Value>,
        store: &Store,
    ) -> Option<Failure> {
        self.mutations_seen += 1;
        let seen = self.mutations_seen;
        self.rules
            .iter()
            .find(|(when, _)| match when {
                FailWhen::NthMutation(n) => *n == seen,
                FailWhen::Mutation(name) => name == field,
                FailWhen::Touching(name) => touched(input, store).iter().any(|t| t == name),
            })
            .map(|(_, failure)| failure.clone())
    }
}

/// The model names and feature keys a mutation's input touches.
fn touched(input: &Map<String, Value>, store: &Store) -> Vec<String> {
    let mut names = Vec::new();
    if let Some(Value::String(name)) = input.get("name") {
        names.push(name.clone());
    }
    for key in ["id", "aiSelfHostedModelId"] {
        if let Some(id) = input.get(key).and_then(|v| parse_gid(v).ok()) {
            if let Some(model) = store.model(id) {
                names.push(model.name.clone());
            }
        }
    }
    if let Some(Value::Array(features)) = input.get("features") {
        names.extend(
            features
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_ascii_lowercase),
        );
    }
    names
}
