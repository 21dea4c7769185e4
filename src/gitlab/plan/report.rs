//! `plan --format json` and the npm package's `planChanges`: the plan or
//! why there is none, with every finding.

use super::{plan_with, Operation, PlanOptions, Unchanged};
use crate::diagnostic::{Diagnostics, Path};
use serde::Serialize;

/// How many operations of each action a plan has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Creates.
    pub create: usize,
    /// Updates.
    pub update: usize,
    /// Deletes.
    pub delete: usize,
}

/// The JSON answer of `plan --format json` and the npm package's
/// `planChanges`: the plan, or (with `planned: false`) why there is none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanReport {
    /// Whether a plan exists (the document has no error and the live state
    /// is complete).
    pub planned: bool,
    /// The GitLab version the plan is for, when the document says.
    pub gitlab_version: Option<String>,
    /// The operations, in order (empty when not planned).
    pub operations: Vec<Operation>,
    /// Counts of the operations.
    pub counts: Counts,
    /// What stays as it is.
    pub unchanged: Unchanged,
    /// Every finding: the document's and the live state's reading problems,
    /// the refusal's reasons, the plan's notes.
    pub diagnostics: Diagnostics,
}

impl PlanReport {
    /// Read a document and a live state and plan, collecting every problem.
    pub fn new(
        desired: crate::config::Decoded,
        live: crate::gitlab::DecodedLiveState,
        options: PlanOptions,
    ) -> Self {
        let mut diagnostics = desired.diagnostics;
        diagnostics.extend_under(&Path::root().key("live"), live.diagnostics);
        let Some(config) = desired.config else {
            return PlanReport {
                planned: false,
                gitlab_version: None,
                operations: Vec::new(),
                counts: Counts::default(),
                unchanged: Unchanged::default(),
                diagnostics,
            };
        };
        let gitlab_version = Some(config.gitlab_version.to_string());
        match plan_with(&config, &live.state, options) {
            Ok(plan) => {
                let (create, update, delete) = plan.counts();
                diagnostics.extend(plan.diagnostics);
                PlanReport {
                    planned: true,
                    gitlab_version,
                    operations: plan.operations,
                    counts: Counts {
                        create,
                        update,
                        delete,
                    },
                    unchanged: plan.unchanged,
                    diagnostics,
                }
            }
            Err(refused) => {
                diagnostics.extend(refused.diagnostics);
                PlanReport {
                    planned: false,
                    gitlab_version,
                    operations: Vec::new(),
                    counts: Counts::default(),
                    unchanged: Unchanged::default(),
                    diagnostics,
                }
            }
        }
    }

    /// [`PlanReport::new`] for JSON texts.
    pub fn from_json(config_json: &str, live_json: &str) -> Self {
        Self::new(
            crate::config::Config::from_json(config_json),
            crate::gitlab::LiveState::from_json(live_json),
            PlanOptions::default(),
        )
    }
}
