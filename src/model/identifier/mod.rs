//! Model identifiers (`custom_openai/…`, `bedrock/…`, `azure/…`,
//! `vertex_ai/…`): a typed parse that displays back to exactly the text it
//! came from, and the checks per deployment method.
//!
//! How the text is read follows GitLab's AI gateway (`ModelMetadata.to_params`,
//! `bedrock.md` §8, `duo-domain.md` §2.5): split at the **first** `/`; a
//! non-empty rest makes the part before it the LiteLLM provider and the rest
//! the model (which may itself contain `/`); otherwise the provider is
//! `custom_openai` and the model is the whole identifier. Inside a Bedrock
//! model the grammar is LiteLLM's (route prefixes such as `converse/`, the
//! `<region>/<model>` form, ARNs) and AWS's (model IDs, inference-profile
//! IDs `<prefix>.<model id>`), `bedrock.md` §5 and §6.
//!
//! Codes: `identifier.empty`, `identifier.too_long`, `identifier.whitespace`,
//! `identifier.no_provider`, `identifier.provider_mismatch`,
//! `identifier.bedrock_prefix_required`, `identifier.empty_model`,
//! `identifier.bedrock_model_id_invalid`, `identifier.bedrock_model_name`,
//! `identifier.bedrock_unknown_prefix`,
//! `identifier.bedrock_arn_invalid`, `identifier.bedrock_arn_needs_converse`,
//! `identifier.bedrock_context_suffix`, `identifier.bedrock_region_path`,
//! `identifier.azure_deployment_has_slash`, `identifier.family_mismatch`.
//!
//! The grammar (`provider`, `prefix`, `model_id`, `arn`, `bedrock_model`,
//! `parse`, and the word lists in `tables`) knows nothing of the Bedrock
//! profile tables; the checks (`aws`, `check`) and the `report` build on it.
//! Whether an identifier fits an AWS Region is
//! [`identifier_report_for_region`](crate::bedrock::identifier_report_for_region),
//! in the Bedrock module, which asks both.

mod arn;
mod aws;
mod bedrock_model;
mod check;
mod model_id;
mod parse;
mod prefix;
mod provider;
mod report;
mod tables;

pub use arn::Arn;
pub use aws::{arn_problem, is_provisioned_model_name, model_id_problem};
pub use bedrock_model::{BedrockModel, BedrockTarget};
pub use check::{
    check_identifier, FORM_BEDROCK_PREFIX, FORM_EMPTY, FORM_TOO_LONG, GITLAB_TOO_LONG, MAX_LEN,
};
pub use model_id::ModelId;
pub use parse::{Identifier, ModelPart};
pub use prefix::{CrossRegionPrefix, PrefixPart, CROSS_REGION_PREFIXES};
pub use provider::Provider;
pub use report::{identifier_report, IdentifierReport};
pub use tables::{
    BEDROCK_ROUTES, FAMILY_BEDROCK_NAMESPACES, LITELLM_PATH_REGIONS, MODEL_NAMESPACES,
};
