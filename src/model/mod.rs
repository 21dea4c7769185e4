//! Self-hosted models: the model families and deployment methods
//! ([`family`]), the model identifier ([`identifier`]), AWS Regions
//! ([`region`]) and Bedrock's cross-region inference profiles
//! ([`bedrock`]), and the model record the admin saves in GitLab with its
//! checks (this module's own items).
//!
//! The identifier grammar knows nothing of the Bedrock tables: whether an
//! identifier fits an AWS Region is [`bedrock`]'s reverse check, which asks
//! both.

pub mod bedrock;
pub mod family;
pub mod identifier;
pub mod region;

pub(crate) mod record;

pub use record::*;
