//! The configuration document: one admin's whole Duo Self-Hosted set-up
//! (GitLab version, licence, the AI gateway, the Agent Platform service, the
//! self-hosted models and a choice for every feature), read from JSON or
//! TOML with the same structure, checked as a whole and resolved.
//!
//! - [`Config::from_json`] / `Config::from_toml` (TOML with the `toml`
//!   feature) read a document, reporting every problem; unknown fields get
//!   the nearest valid name.
//! - [`validate`] reports every rule the configuration breaks; [`is_valid`]
//!   is the quick yes/no; [`check_json`] does both steps for a text.
//! - [`resolve`] says what each feature will actually use, and why.
//!
//! ```
//! use duo_selfhosted::config::{self, Config};
//!
//! let doc = r#"{
//!   "gitlab_version": "18.9", "tier": "ultimate", "add_ons": ["duo_enterprise"],
//!   "ai_gateway": { "url": "http://10.0.1.7:5052" },
//!   "self_hosted_models": [
//!     { "name": "Mistral", "family": "mistral", "deployment": "vllm",
//!       "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/Mistral-Small-24B" }
//!   ],
//!   "features": { "duo_chat": { "provider": "self_hosted", "model": "Mistral" } }
//! }"#;
//! let decoded = Config::from_json(doc);
//! let config = decoded.config.ok_or("the header is unreadable")?;
//! let resolution = config::resolve(&config);
//! let fix_code = resolution
//!     .feature("duo_chat_fix_code")
//!     .ok_or("Fix Code is not offered")?;
//! assert_eq!(fix_code.model.as_deref(), Some("Mistral"));
//! assert_eq!(fix_code.via, config::Via::GeneralChatFallback);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Files: `document` (the types), `decode` and `schema` (reading it),
//! `validate` (every rule), `prerequisite`, `resolve`, `snippet` (the
//! settings lines), `report` and `lines` (the output), `check` (the
//! one-step entry points).

mod check;
mod decode;
mod document;
mod init;
mod lines;
pub mod listing;
pub mod prerequisite;
mod report;
mod resolve;
pub mod schema;
pub(crate) mod snippet;
mod validate;
mod write;

pub use check::check_json;
#[cfg(feature = "toml")]
pub use check::check_toml;
pub use decode::{Assumed, Decoded};
pub use document::{
    AddOn, AgentPlatform, AiGateway, AllowlistInput, Config, FeatureSetting, Installation, License,
    Network, Offering, Tier, EXAMPLE_JSON, EXAMPLE_TOML,
};
pub use init::starting_document;
pub use lines::{SourceFormat, SourceMap, Span};
pub use report::{CodeQualityIssue, Report};
pub use resolve::{resolve, Resolution, ResolvedFeature, Via};
pub use validate::{is_valid, validate, TIMEOUT_MAX, TIMEOUT_MIN};

pub use crate::duo_settings::TlsInput;
