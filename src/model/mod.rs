//! Self-hosted models: the model families and deployment methods
//! ([`family`]), the model identifier ([`identifier`]), AWS Regions
//! ([`region`]) and Bedrock's cross-region inference profiles
//! ([`bedrock`]), and the model record the admin saves in GitLab with its
//! checks (`record/`, whose items are this module's own:
//! [`ModelRecord`], [`check_model`], …).
//!
//! The identifier grammar knows nothing of the Bedrock tables: whether an
//! identifier fits an AWS Region is [`bedrock`]'s reverse check, which asks
//! both.

pub mod bedrock;
pub mod family;
pub mod identifier;
pub mod region;

pub(crate) mod record;

pub use family::{BEDROCK_DUMMY_ENDPOINT, VERTEX_DUMMY_ENDPOINT};
pub use record::{
    check_model, check_models, check_models_with_allowlist, stored_provider, ModelContext,
    ModelRecord, ModelReport, AI_GATEWAY_API_KEY_MAX_LEN, AI_GATEWAY_ENDPOINT_MAX_LEN,
    ENDPOINT_MAX_LEN, FIELDS, NAME_MAX_LEN,
};
