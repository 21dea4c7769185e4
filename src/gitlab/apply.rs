//! Running a plan, and reading the live state, through a transport the
//! caller provides: the library builds each request and reads each answer;
//! the caller's [`Transport`] sends it (the CLI's HTTP client, a portal's
//! `fetch`, a test's mock server). The library itself does no IO.
//!
//! A plan runs in order and stops at the first operation GitLab refuses (a
//! top-level GraphQL `errors` entry, a non-empty payload `errors`, or a
//! transport failure); the report says what was applied, what failed and
//! why, and what was not run.

use super::graphql::LIVE_STATE_QUERY;
use super::plan::{Operation, Plan};
use super::state::{model_id, DecodedLiveState, LiveState};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::secret::MASK;
use serde::Serialize;
use serde_json::Value;

/// Sends one GraphQL request to GitLab.
pub trait Transport {
    /// Run `document` with `variables`; GitLab's JSON answer
    /// (`{"data": …, "errors": […]}`), or why there is none (an HTTP or
    /// network failure, in words that name no secret).
    fn execute(&mut self, document: &str, variables: &Value) -> Result<Value, String>;
}

/// The top-level `errors` messages of a GraphQL answer.
fn top_level_errors(answer: &Value) -> Vec<String> {
    answer
        .get("errors")
        .and_then(Value::as_array)
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    e.get("message")
                        .and_then(Value::as_str)
                        .map_or_else(|| e.to_string(), str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Read the live state: run [`LIVE_STATE_QUERY`] and read its answer. A
/// top-level error becomes `live.graphql_error`; the fields it left `null`
/// are reported as usual.
pub fn fetch_live(transport: &mut impl Transport) -> Result<DecodedLiveState, String> {
    let answer = transport.execute(LIVE_STATE_QUERY, &Value::Object(Default::default()))?;
    let mut diagnostics = Diagnostics::new();
    for message in top_level_errors(&answer) {
        diagnostics.push(
            Diagnostic::warning(
                "live.graphql_error",
                Path::root(),
                format!("GitLab answered the live-state query with an error: {message}"),
            )
            .with("gitlab_message", message),
        );
    }
    let data = answer.get("data").cloned().unwrap_or(Value::Null);
    let state = if data.is_null() {
        diagnostics.push(Diagnostic::error(
            "live.no_data",
            Path::root(),
            "GitLab's answer has no data: the token cannot read the Duo settings (an administrator's token with the api scope is needed)",
        ));
        LiveState::default()
    } else {
        LiveState::from_value(&data, &mut diagnostics)
    };
    Ok(DecodedLiveState { state, diagnostics })
}

/// What became of one operation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OperationOutcome {
    /// The operation's summary.
    pub summary: String,
    /// The mutation.
    pub mutation: &'static str,
    /// `applied`, `failed` or `not_applied`.
    pub status: &'static str,
    /// GitLab's messages, for a failed operation.
    pub errors: Vec<String>,
}

/// What applying a plan did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ApplyReport {
    /// Whether every operation was applied.
    pub complete: bool,
    /// Every operation in plan order, with what became of it.
    pub operations: Vec<OperationOutcome>,
    /// The ids GitLab gave the models the plan created, by name.
    pub created: Vec<(String, u64)>,
}

impl ApplyReport {
    /// How many operations were applied.
    pub fn applied(&self) -> usize {
        self.operations
            .iter()
            .filter(|o| o.status == "applied")
            .count()
    }
}

impl std::fmt::Display for ApplyReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for op in &self.operations {
            let sign = match op.status {
                "applied" => "done",
                "failed" => "FAILED",
                _ => "not applied",
            };
            writeln!(f, "  [{sign}] {}", op.summary)?;
            for error in &op.errors {
                writeln!(f, "      GitLab: {error}")?;
            }
        }
        let total = self.operations.len();
        if self.complete {
            writeln!(f, "Applied {total} of {total} operations.")
        } else {
            writeln!(
                f,
                "Applied {} of {total} operations; stopped at the first failure, the rest was not applied.",
                self.applied()
            )
        }
    }
}

/// The payload `errors` of a mutation's answer, and the payload.
fn payload<'a>(answer: &'a Value, mutation: &str) -> (Option<&'a Value>, Vec<String>) {
    let payload = answer
        .get("data")
        .and_then(|d| d.get(mutation))
        .filter(|p| !p.is_null());
    let errors = payload
        .and_then(|p| p.get("errors"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|e| e.as_str().map_or_else(|| e.to_string(), str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    (payload, errors)
}

/// Remove the operation's secret from a message GitLab (or a transport)
/// may have echoed it in.
fn scrub(message: String, secret: Option<&str>) -> String {
    match secret.filter(|s| !s.is_empty()) {
        Some(secret) => message.replace(secret, MASK),
        None => message,
    }
}

fn run_one(
    op: &Operation,
    created: &[(String, u64)],
    transport: &mut impl Transport,
) -> Result<Option<u64>, Vec<String>> {
    let lookup = |name: &str| created.iter().find(|(n, _)| n == name).map(|(_, id)| *id);
    let Some(variables) = op.request_variables(lookup) else {
        return Err(vec![format!(
            "the model {:?} this operation uses was not created",
            op.model_id_from.as_deref().unwrap_or_default()
        )]);
    };
    let secret = variables
        .get("input")
        .and_then(|i| i.get("apiToken"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let answer = transport
        .execute(op.document, &variables)
        .map_err(|e| vec![scrub(e, secret.as_deref())])?;
    let mut errors = top_level_errors(&answer);
    let (payload, payload_errors) = payload(&answer, op.mutation);
    errors.extend(payload_errors);
    if payload.is_none() && errors.is_empty() {
        errors.push(format!("GitLab's answer has no {} result", op.mutation));
    }
    if !errors.is_empty() {
        return Err(errors
            .into_iter()
            .map(|e| scrub(e, secret.as_deref()))
            .collect());
    }
    if op.creates_model.is_none() {
        return Ok(None);
    }
    let id = payload
        .and_then(|p| p.get("selfHostedModel"))
        .and_then(|m| m.get("id"))
        .and_then(Value::as_str)
        .and_then(model_id);
    match id {
        Some(id) => Ok(Some(id)),
        None => Err(vec![
            "GitLab created the model but returned no id".to_owned()
        ]),
    }
}

/// Run `plan` through `transport`, in order, stopping at the first
/// operation GitLab refuses.
pub fn apply(plan: &Plan, transport: &mut impl Transport) -> ApplyReport {
    let mut outcomes = Vec::with_capacity(plan.operations.len());
    let mut created: Vec<(String, u64)> = Vec::new();
    let mut failed = false;
    for op in &plan.operations {
        let outcome = |status: &'static str, errors: Vec<String>| OperationOutcome {
            summary: op.summary.clone(),
            mutation: op.mutation,
            status,
            errors,
        };
        if failed {
            outcomes.push(outcome("not_applied", Vec::new()));
            continue;
        }
        match run_one(op, &created, transport) {
            Ok(id) => {
                if let (Some(id), Some(name)) = (id, &op.creates_model) {
                    created.push((name.clone(), id));
                }
                outcomes.push(outcome("applied", Vec::new()));
            }
            Err(errors) => {
                failed = true;
                outcomes.push(outcome("failed", errors));
            }
        }
    }
    ApplyReport {
        complete: !failed,
        operations: outcomes,
        created,
    }
}
