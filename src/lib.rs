//! # duo-selfhosted
//!
//! The configuration rules of GitLab Duo Self-Hosted, as a pure library: no
//! IO, no DNS, no clock. Whatever the rules need to know about the world (the
//! addresses a host resolves to, the GitLab server's own addresses, the
//! GitLab version) is an input.
//!
//! Every check reports [`Diagnostic`]s: a stable dotted code, a severity, a
//! path into the input, typed parameters and an English message. Checks
//! collect every problem rather than stopping at the first.
//!
//! A whole set-up is one [`config::Config`] document: [`config::check_json`]
//! reports every problem at once and [`config::resolve`] says what each
//! feature will actually use.
//!
//! ```
//! let report = duo_selfhosted::config::check_json(duo_selfhosted::config::EXAMPLE_JSON);
//! assert!(report.valid);
//! ```
//!
//! ## Scope of this crate
//!
//! The rules follow GitLab's code (not only its documentation) as recorded
//! in the project's reference set: the GitLab 18.9 baseline with the changes
//! before and after it that the reference dates, the `gitlab-http` gem's URL
//! blocker, LiteLLM's and the GitLab AI gateway's reading of model
//! identifiers, and AWS's Bedrock regions and inference profiles. Where a
//! rule follows the documentation rather than the code, or is stricter than
//! GitLab, its doc comment says so. GitLab versions 17.9 to 19.5 are
//! covered ([`feature::timeline`]); a configuration naming another version
//! gets `config.version_out_of_range`.
//!
//! API keys are wrapped in [`ApiKey`], which never prints its contents.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod address;
pub mod allowlist;
pub mod bedrock;
pub mod blocker;
pub mod config;
pub mod decode;
pub mod diagnostic;
pub mod family;
pub mod feature;
pub mod host;
pub mod identifier;
pub mod model;
pub mod preset;
pub mod region;
pub mod secret;
pub mod settings;
pub mod version;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use address::{classify, AddressClass, Classification};
pub use allowlist::Allowlist;
pub use bedrock::{bedrock_identifier, BedrockIdentifierReport, ProfileTable};
pub use blocker::{check_url, Context, Policy, UrlVerdict};
pub use diagnostic::{Diagnostic, Diagnostics, Param, Path, PathSegment, Severity};
pub use family::{DeploymentMethod, Family, FAMILIES};
pub use host::Host;
pub use model::{check_model, check_models, ModelContext, ModelRecord};
pub use preset::Preset;
pub use secret::ApiKey;
pub use version::GitLabVersion;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
