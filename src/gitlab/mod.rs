//! Configuration as code: the live set-up read from GitLab's GraphQL API,
//! a document imported from it, and the plan that makes GitLab what a
//! document describes (`gitlab-update-2026-12.md` §7).
//!
//! The library stays pure: it builds the GraphQL documents and variables
//! and reads GitLab's answers; a front end (the CLI's `gitlab-api` feature,
//! or a portal with the npm package) sends them.
//!
//! ```
//! use duo_selfhosted::config::Config;
//! use duo_selfhosted::gitlab::{plan, LiveState};
//!
//! let live = LiveState::from_json(r#"{
//!   "gitlab_version": "19.6",
//!   "duoSettings": {"aiGatewayUrl": null, "aiGatewayTimeoutSeconds": 60,
//!                   "duoAgentPlatformServiceUrl": null, "selfHostedDuoAgentPlatformServiceSecure": true},
//!   "aiSelfHostedModels": {"nodes": []},
//!   "aiFeatureSettings": {"nodes": []}
//! }"#).state;
//! let desired = Config::from_json(r#"{
//!   "gitlab_version": "19.6", "tier": "ultimate",
//!   "ai_gateway": {"url": "http://10.0.1.7:5052"},
//!   "self_hosted_models": [{"name": "Mistral", "family": "mistral", "deployment": "vllm",
//!     "endpoint": "http://10.0.1.8:8000/v1", "identifier": "custom_openai/Mistral-Small"}],
//!   "features": {"duo_chat": {"provider": "self_hosted", "model": "Mistral"}}
//! }"#).config.ok_or("unreadable")?;
//! let plan = plan(&desired, &live).map_err(|r| format!("{:?}", r.diagnostics))?;
//! let summaries: Vec<&str> = plan.operations.iter().map(|o| o.summary.as_str()).collect();
//! assert_eq!(summaries, [
//!     "update Duo settings: AI gateway URL (none) \u{2192} \"http://10.0.1.7:5052\"",
//!     "create model \"Mistral\" (mistral, vllm)",
//!     "set General Chat \u{2192} self_hosted \"Mistral\"",
//! ]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod apply;
pub mod graphql;
mod import;
mod plan;
mod state;

pub use apply::{apply, fetch_live, ApplyReport, OperationOutcome, Transport};
pub use import::{import, Imported, NOT_IN_API};
pub use plan::{
    drift, plan, plan_with, Action, Counts, Operation, Plan, PlanOptions, PlanReport, Refused,
    Unchanged,
};
pub use state::{
    model_gid, model_id, DecodedLiveState, LiveDuoSettings, LiveFeatureSetting, LiveModel,
    LiveState, FIELD_PERMISSIONS, MODEL_GID_PREFIX,
};
