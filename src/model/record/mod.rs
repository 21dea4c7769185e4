//! The self-hosted model record (`ai_self_hosted_models`) and its checks.
//!
//! [`ModelRecord`] has the fields of a configuration document's
//! `self_hosted_models` entry. [`check_model`] checks one record the way
//! GitLab does (every GitLab message that applies is reproduced as the
//! parameter `gitlab_message`, the model form's as `gitlab_form_message`),
//! then what GitLab leaves to the admin: the AI gateway's limits, the
//! documented `/v1` suffix, the identifier's grammar for the deployment
//! method, the AWS Region and the Bedrock cross-region prefix.
//!
//! Facts: `duo-domain.md` §2 (18.9-pre record), §1 (families),
//! `gitlab-update-2026-12.md` §1 and §2 (the record to 19.5 development:
//! provider, endpoint rule, the form's platforms), `bedrock.md` §8 (Region
//! variables).
//!
//! Where each rule comes from (the messages say so too):
//! * GitLab's backend: name present and unique (case-sensitive), family
//!   present and known, endpoint present (up to 18.11 always, from 19.0 only
//!   for the `api` provider) and passing the URL blocker with the
//!   model-endpoint options, identifier at most 255 characters; the
//!   database limits (name 255, endpoint 2048); in 18.11 the stored provider
//!   derived from the identifier's prefix.
//! * GitLab's model form only: an identifier is required, the Bedrock and
//!   Vertex AI platforms' identifiers start with `bedrock/` and `vertex_ai/`,
//!   beta families are offered only with the beta setting on
//!   (`model.family_needs_beta` is an error because the form cannot select
//!   the family, although the API accepts it), `embedding` only behind an
//!   instance flag and `qwen` not at all before 19.4
//!   (`model.family_not_in_form`, a warning).
//! * Stricter than GitLab, from its documentation or the AI gateway: the
//!   vLLM `/v1` suffix (warning), the AI gateway's 255-character endpoint and
//!   2000-character key limits, the identifier grammar per deployment
//!   method, the AWS Region and the cross-region prefix.
//!
//! Codes: `model.name_blank`, `model.name_whitespace`, `model.name_taken`,
//! `model.name_too_long`,
//! `model.family_blank`, `model.family_unknown`, `model.family_not_in_version`,
//! `model.family_needs_beta`, `model.family_not_in_form`,
//! `model.family_deprecated`, `model.stored_provider_from_prefix`,
//! `model.family_method_undocumented`,
//! `model.deployment_blank`, `model.deployment_unknown`,
//! `model.deployment_not_in_version`, `model.endpoint_blank`,
//! `model.endpoint_placeholder`, `model.endpoint_too_long`,
//! `model.endpoint_too_long_for_ai_gateway`, `model.endpoint_missing_v1`,
//! `model.endpoint_unused`, `model.endpoint_blocked`,
//! `model.endpoint_depends_on_dns`,
//! `model.api_key_too_long`, `model.api_key_unused`, `model.region_missing`,
//! `model.region_from_arn`, `model.region_unused`, plus `identifier.empty`
//! (no identifier at all) and the `identifier.*`, `region.*` and
//! `bedrock.*` codes of those modules.
//!
//! This file holds the record and its decoding; the checks are in `check`
//! (the entry points), `fields`, `endpoint`, `provider` and `region`.

mod check;
mod context;
mod endpoint;
mod fields;
mod limits;
mod provider;
mod region;
mod report;

pub use check::{check_model, check_models, check_models_with_allowlist};
pub use context::ModelContext;
pub use limits::{
    AI_GATEWAY_API_KEY_MAX_LEN, AI_GATEWAY_ENDPOINT_MAX_LEN, ENDPOINT_MAX_LEN, NAME_MAX_LEN,
};
pub use provider::stored_provider;
pub use report::ModelReport;

use crate::decode::Fields;
use crate::diagnostic::{Diagnostics, Path};
use crate::model::family::{DeploymentMethod, Family};
use crate::model::identifier::Identifier;
use crate::secret::ApiKey;
use serde::Serialize;
use serde_json::Value;

/// One self-hosted model, as a configuration document's
/// `self_hosted_models` entry describes it.
///
/// `family` and `deployment` keep the text the admin wrote, so that an
/// unknown value is reported by [`check_model`] rather than lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ModelRecord {
    /// The deployment name (GitLab's `name`); empty when absent.
    pub name: String,
    /// The model family key as written (`claude_3`); empty when absent.
    pub family: String,
    /// The deployment method as written (`vllm`, `bedrock`, `azure_openai`,
    /// `vertex_ai`); empty when absent.
    pub deployment: String,
    /// The endpoint URL, if given.
    pub endpoint: Option<String>,
    /// The API key, if given (never printed).
    pub api_key: Option<ApiKey>,
    /// The model identifier, if given.
    pub identifier: Option<String>,
    /// The AI gateway's `AWS_REGION` (Bedrock only).
    pub aws_region: Option<String>,
    /// The AI gateway's `AWS_REGION_NAME` (Bedrock only; LiteLLM prefers it
    /// over `AWS_REGION` for model calls).
    pub aws_region_name: Option<String>,
    /// GitLab's id of the model (`gid://gitlab/Ai::SelfHostedModel/<id>`),
    /// written by `import`: the stable key that lets `plan` see a rename as
    /// an update rather than a delete and a create. Not a rule input.
    pub gitlab_id: Option<u64>,
}

/// The field names of a record, in document order.
pub const FIELDS: &[&str] = &[
    "name",
    "family",
    "deployment",
    "endpoint",
    "api_key",
    "identifier",
    "aws_region",
    "aws_region_name",
    "gitlab_id",
];

impl ModelRecord {
    /// Read a record from a JSON object at `path`, reporting wrong types and
    /// unknown fields (`document.*` codes). Missing or unknown values are
    /// left for [`check_model`] to report with GitLab's messages.
    pub fn decode(value: &Value, path: &Path, diagnostics: &mut Diagnostics) -> Option<Self> {
        let mut fields = Fields::new(value, path, diagnostics)?;
        let mut text = |name: &'static str, diagnostics: &mut Diagnostics| {
            fields.take_str(name, diagnostics).map(str::to_owned)
        };
        let name = text("name", diagnostics).unwrap_or_default();
        let family = text("family", diagnostics).unwrap_or_default();
        let deployment = text("deployment", diagnostics).unwrap_or_default();
        let endpoint = text("endpoint", diagnostics);
        let api_key = text("api_key", diagnostics).map(ApiKey::new);
        let identifier = text("identifier", diagnostics);
        let aws_region = text("aws_region", diagnostics);
        let aws_region_name = text("aws_region_name", diagnostics);
        let id_path = fields.path_of("gitlab_id");
        let gitlab_id = match fields.take("gitlab_id") {
            None => None,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|id| id > 0) => n.as_u64(),
            Some(other) => {
                diagnostics.push(crate::decode::wrong_type(
                    &id_path,
                    "positive integer",
                    other,
                ));
                None
            }
        };
        fields.finish(diagnostics);
        Some(ModelRecord {
            name,
            family,
            deployment,
            endpoint,
            api_key,
            identifier,
            aws_region,
            aws_region_name,
            gitlab_id,
        })
    }

    /// The family, when `family` names one.
    pub fn family(&self) -> Option<&'static Family> {
        Family::by_key(&self.family)
    }

    /// The deployment method, when `deployment` names one.
    pub fn deployment_method(&self) -> Option<DeploymentMethod> {
        DeploymentMethod::from_key(&self.deployment)
    }

    /// The identifier, parsed, when there is one.
    pub fn parsed_identifier(&self) -> Option<Identifier> {
        self.identifier.as_deref().map(Identifier::parse)
    }
}
