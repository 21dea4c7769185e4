//! A plan's operations, one GraphQL mutation each with the variables it
//! sends, and what stays unchanged.

use crate::diagnostic::Diagnostics;
use crate::gitlab::state::model_gid;
use crate::secret::ApiKey;
use crate::version::GitLabVersion;
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// What an operation does to its object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// A new model.
    Create,
    /// A changed setting, model or feature setting.
    Update,
    /// A model that is no longer in the document.
    Delete,
}

impl Action {
    fn sign(self) -> char {
        match self {
            Action::Create => '+',
            Action::Update => '~',
            Action::Delete => '-',
        }
    }
}

/// One GraphQL mutation of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Operation {
    /// Create, update or delete.
    pub action: Action,
    /// The mutation's field name (`aiSelfHostedModelCreate`, …).
    pub mutation: &'static str,
    /// What it does, in English.
    pub summary: String,
    /// The GraphQL document.
    pub document: &'static str,
    /// The variables, with any API key masked ([`MASK`](crate::secret::MASK)); see
    /// [`Operation::request_variables`] for what is sent.
    pub variables: Value,
    /// For a feature setting that uses a model created earlier in the same
    /// plan: that model's name, whose id fills `input.aiSelfHostedModelId`.
    pub model_id_from: Option<String>,
    /// For a model create: the name the created model's id is known by.
    pub creates_model: Option<String>,
    #[serde(skip)]
    pub(super) api_key: Option<ApiKey>,
}

impl Operation {
    /// The variables to send: the API key unmasked, and the id of a model
    /// created earlier in the plan (`created(name)`) filled in. `None` when
    /// that id is not known (its create failed or has not run).
    pub fn request_variables(&self, created: impl Fn(&str) -> Option<u64>) -> Option<Value> {
        let mut variables = self.variables.clone();
        let input = variables.get_mut("input")?.as_object_mut()?;
        if let Some(key) = &self.api_key {
            input.insert("apiToken".to_owned(), key.expose().into());
        }
        if let Some(name) = &self.model_id_from {
            input.insert(
                "aiSelfHostedModelId".to_owned(),
                model_gid(created(name)?).into(),
            );
        }
        Some(variables)
    }
}

/// How many things a plan leaves as they are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Unchanged {
    /// Duo settings (0 or 1).
    pub settings: usize,
    /// Self-hosted models.
    pub models: usize,
    /// Feature settings.
    pub features: usize,
}

/// The operations that make the live set-up the document's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The GitLab version the plan is for.
    pub gitlab_version: GitLabVersion,
    /// In the order they must run.
    pub operations: Vec<Operation>,
    /// What stays.
    pub unchanged: Unchanged,
    /// What the admin should know (warnings and notes; never errors).
    pub diagnostics: Diagnostics,
}

impl Plan {
    /// Whether the plan changes nothing.
    pub fn is_empty(&self) -> bool {
        self.operations.is_empty()
    }

    /// How many operations of each action.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |a| self.operations.iter().filter(|o| o.action == a).count();
        (
            count(Action::Create),
            count(Action::Update),
            count(Action::Delete),
        )
    }
}

impl fmt::Display for Plan {
    /// A diff in the manner of `terraform plan`: `+ create`, `~ update`,
    /// `- delete`, then the counts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "GitLab Duo Self-Hosted plan for GitLab {}",
            self.gitlab_version
        )?;
        for op in &self.operations {
            writeln!(f, "  {} {}", op.action.sign(), op.summary)?;
        }
        let (create, update, delete) = self.counts();
        let u = self.unchanged;
        writeln!(
            f,
            "Plan: {create} to create, {update} to update, {delete} to delete; unchanged: {} settings, {} models, {} features.",
            u.settings, u.models, u.features
        )
    }
}
