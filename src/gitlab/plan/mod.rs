//! What would change: the operations that bring the live set-up to the
//! document, as GitLab GraphQL mutations, in an order GitLab accepts.
//!
//! Order: the Duo settings; model updates (renames first, so that a freed
//! name can be taken); model creates; feature settings (a feature may use a
//! model created just before; its id is filled in when the plan is
//! applied); model deletions last, once no feature uses them.
//!
//! Models are matched by a stable key, never by position: GitLab's id
//! (`gitlab_id`, which `import` writes), then the name, then, for what is
//! left, the identity of the deployment (family, platform, identifier and
//! endpoint), so that a renamed model is an update, not a delete and a
//! create.
//!
//! A document with error-severity findings gets no plan. Codes:
//! `plan.version_not_supported`, `plan.version_mismatch`,
//! `plan.live_state_incomplete`, `plan.family_not_in_api`,
//! `plan.feature_not_in_api`, `plan.timeout_unreadable`,
//! `plan.gitlab_model_unverifiable`,
//! `plan.api_key_unverifiable`, `plan.model_id_not_found`,
//! `plan.beta_models_hidden`, `plan.name_conflict`.

mod operation;
mod planner;
mod report;

pub use operation::{Action, Operation, Plan, Unchanged};
pub use report::{Counts, PlanReport};

use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::feature::timeline;
use crate::gitlab::state::LiveState;
use planner::Planner;

/// How to plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlanOptions {
    /// Send the document's API keys for every existing model too. GitLab
    /// never returns a key, so a changed key cannot be seen; by default a
    /// key is sent only when a model is created or GitLab holds none.
    pub rotate_api_keys: bool,
}

/// Why there is no plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    /// The error-severity findings, and the reasons the live state cannot
    /// be planned against.
    pub diagnostics: Diagnostics,
}

/// [`plan_with`] with the default options.
pub fn plan(desired: &Config, live: &LiveState) -> Result<Plan, Refused> {
    plan_with(desired, live, PlanOptions::default())
}

/// The operations that make `live` what `desired` describes. Refused when
/// the document has error-severity findings ([`crate::config::validate`]),
/// when the live state is incomplete, or for a GitLab older than 18.11
/// (whose API the plan's documents do not fit).
pub fn plan_with(
    desired: &Config,
    live: &LiveState,
    options: PlanOptions,
) -> Result<Plan, Refused> {
    let mut refusal = Diagnostics::new();
    let report = config::validate(desired);
    refusal.extend(report.diagnostics.iter().filter(|d| d.is_error()).cloned());
    let version = desired.gitlab_version.clone();
    if !timeline::SELF_HOSTED_MODEL_PROVIDER_COLUMN.reached(&version) {
        refusal.push(
            Diagnostic::error(
                "plan.version_not_supported",
                Path::root().key("gitlab_version"),
                format!(
                    "plans are for GitLab {} and later, whose API has the model provider; GitLab {version} is older",
                    timeline::SELF_HOSTED_MODEL_PROVIDER_COLUMN.version_text()
                ),
            )
            .with("since", timeline::SELF_HOSTED_MODEL_PROVIDER_COLUMN.version_text()),
        );
    }
    if let Some(live_version) = &live.gitlab_version {
        if live_version != &version {
            refusal.push(
                Diagnostic::error(
                    "plan.version_mismatch",
                    Path::root().key("gitlab_version"),
                    format!("the document is for GitLab {version}, the instance runs {live_version}: update gitlab_version so the rules match the instance"),
                )
                .with("document", version.to_string())
                .with("instance", live_version.to_string()),
            );
        }
    }
    let (Some(settings), Some(models), Some(features)) = (
        live.duo_settings.as_ref(),
        live.models.as_ref(),
        live.feature_settings.as_ref(),
    ) else {
        for (part, missing) in [
            ("duoSettings", live.duo_settings.is_none()),
            ("aiSelfHostedModels", live.models.is_none()),
            ("aiFeatureSettings", live.feature_settings.is_none()),
        ] {
            if missing {
                refusal.push(
                    Diagnostic::error(
                        "plan.live_state_incomplete",
                        Path::root(),
                        format!("the live state has no {part} (the token may lack the permission): nothing can be planned against an unknown part"),
                    )
                    .with("field", part),
                );
            }
        }
        return Err(Refused {
            diagnostics: refusal,
        });
    };
    for (i, record) in desired.self_hosted_models.iter().enumerate() {
        if let Some(family) = record.family() {
            if let Some(gate) = family.form_gate_in(&version).filter(|g| g.flag.is_none()) {
                refusal.push(
                    Diagnostic::error(
                        "plan.family_not_in_api",
                        Path::root().key("self_hosted_models").index(i).key("family"),
                        format!(
                            "GitLab {version}'s API has no {} value for the model family (first seen in {}): the model cannot be created through it",
                            family.graphql_value,
                            gate.until.version_text()
                        ),
                    )
                    .with("family", family.key),
                );
            }
        }
    }
    if refusal.has_errors() {
        return Err(Refused {
            diagnostics: refusal,
        });
    }
    let mut planner = Planner {
        desired,
        version: &version,
        options,
        operations: Vec::new(),
        unchanged: Unchanged::default(),
        diagnostics: Diagnostics::new(),
    };
    planner.settings(settings);
    let matches = planner.match_models(models);
    planner.models(models, &matches);
    planner.features(features, models, &matches);
    planner.deletions(models, &matches);
    let (operations, unchanged, diagnostics) =
        (planner.operations, planner.unchanged, planner.diagnostics);
    Ok(Plan {
        gitlab_version: version,
        operations,
        unchanged,
        diagnostics,
    })
}

/// The differences between the document and the instance, as warnings
/// (`drift.settings`, `drift.model`, `drift.feature`), for `check
/// --gitlab`. A document with errors, or an incomplete live state, gives
/// the reasons instead.
pub fn drift(desired: &Config, live: &LiveState) -> Diagnostics {
    match plan(desired, live) {
        Err(refused) => refused
            .diagnostics
            .iter()
            .filter(|d| !d.code().starts_with("config.") && !desired_finding(d))
            .cloned()
            .collect(),
        Ok(plan) => {
            let mut out = plan.diagnostics;
            for op in &plan.operations {
                let (code, path) = match op.mutation {
                    "duoSettingsUpdate" => ("drift.settings", Path::root()),
                    "aiFeatureSettingUpdate" => ("drift.feature", Path::root().key("features")),
                    _ => ("drift.model", Path::root().key("self_hosted_models")),
                };
                out.push(
                    Diagnostic::warning(
                        code,
                        path,
                        format!("GitLab differs from the document: {}", op.summary),
                    )
                    .with("action", format!("{:?}", op.action).to_ascii_lowercase())
                    .with("mutation", op.mutation),
                );
            }
            out
        }
    }
}

/// Whether a refusal reason is the document's own finding (already
/// reported by `check`).
fn desired_finding(d: &Diagnostic) -> bool {
    !d.code().starts_with("plan.")
}
