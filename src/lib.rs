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
//! in the project's reference set: the GitLab 18.9 baseline, GitLab's code
//! snapshots from 18.11 to 19.5 development (compiled 2026-12-06), the
//! `gitlab-http` gem's URL blocker, LiteLLM's and the GitLab AI gateway's
//! reading of model identifiers, and AWS's Bedrock regions and inference
//! profiles. Where a rule follows the documentation rather than the code,
//! or is stricter than GitLab, its doc comment says so.
//!
//! **Releases covered: GitLab 17.9 to 19.6.** Every version-dependent rule
//! asks one table of dated changes, [`timeline`], generated with
//! the family and feature tables from the reference's JSON blocks by
//! `scripts/gen-gitlab-data.py`. Each change says how it was dated
//! ([`timeline::Basis`]): a migration's milestone is exact; a
//! change first seen in a development snapshot may have landed up to a
//! release or two earlier, and the rules then apply the reference's date
//! and report the window (`config.version_in_dating_window`). No GitLab
//! source from 19.6 was read: its rules are 19.5's, carried forward. A
//! version before 17.9 gets `config.version_out_of_range`; a version after
//! 19.6 is checked with the 19.6 rules and gets
//! `config.version_newer_than_rules`.
//!
//! API keys are wrapped in [`ApiKey`], which never prints its contents.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The areas (ARCHITECTURE.md): the ground (diagnostic, decode, version,
// secret, timeline) under url, model, feature and duo_settings, under
// config; wasm is a front end. `url` and `duo_settings` are reached through
// the public paths below.
pub mod config;
pub mod decode;
pub mod diagnostic;
mod duo_settings;
pub mod feature;
pub mod gitlab;
pub mod model;
pub mod secret;
pub mod timeline;
mod url;
pub mod version;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

// The old public paths, documented where users find them (and also under
// their areas, where the code lives).
#[doc(inline)]
pub use crate::model::{bedrock, family, region};
pub use crate::url::blocker::preset;
pub use crate::url::{address, allowlist, blocker, host};

pub mod settings {
    //! The instance settings around the AI gateway and the Agent Platform
    //! service: URL normalisation and limits, the Agent Platform `host:port`
    //! form, TLS by GitLab version, and the settings lines an admin adds.
    //!
    //! One public path over two areas: the service settings live in
    //! `src/duo_settings/`, the settings lines (which read the whole
    //! configuration) in `src/config/snippet.rs`.
    //!
    //! Source: the reference set's `duo-domain.md` §6.1, §6.3, §6.4 and the
    //! JSON data of §6.6 (GitLab 18.9.0-pre1, `ee/app/models/ai/setting.rb`,
    //! `ee/app/graphql/mutations/ai/duo_settings/update.rb`,
    //! `config/initializers/1_settings.rb`, `gems/gitlab-utils/lib/gitlab/utils.rb`;
    //! migrations dated '18.4' and '18.10'), compiled 2026-11-26.
    //!
    //! ```
    //! use duo_selfhosted::settings::{self, AgentPlatformTarget};
    //!
    //! assert_eq!(settings::normalize_url("http://gw:5052/").as_deref(), Some("http://gw:5052"));
    //! assert_eq!(settings::normalize_url("  "), None);
    //! let (target, diagnostics) = settings::check_agent_platform_url("gw.internal:50052");
    //! assert!(diagnostics.is_empty());
    //! assert_eq!(target, Some(AgentPlatformTarget { host: "gw.internal".into(), port: Some(50052) }));
    //! assert!(!settings::to_boolean("off", true));
    //! ```

    pub use crate::config::snippet::{effective_tls, environment, snippet, EnvValue, Snippet};
    pub use crate::duo_settings::*;
}

/// Model identifiers: the grammar and the checks per deployment method
/// ([`model::identifier`], which has the whole documentation), and
/// [`identifier_report_for_region`](model::bedrock::identifier_report_for_region),
/// which asks the Bedrock profile table and so lives in [`model::bedrock`].
pub mod identifier {
    #[doc(inline)]
    pub use crate::model::bedrock::identifier_report_for_region;
    #[doc(inline)]
    pub use crate::model::identifier::*;
}

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
