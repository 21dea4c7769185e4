//! What a model check needs to know about the GitLab instance.

use crate::model::bedrock::ProfileTable;
use crate::url::blocker::preset::DEFAULT_VERSION;
use crate::version::GitLabVersion;
use std::sync::Arc;

/// What a model check needs to know about the GitLab instance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelContext {
    /// The GitLab version the rules follow.
    pub gitlab_version: GitLabVersion,
    /// Whether "Use beta models and features in GitLab Duo Self-Hosted" is on.
    pub beta_models_enabled: bool,
    /// The instance setting `deny_all_requests_except_allowed`.
    pub deny_all_requests_except_allowed: bool,
    /// The outbound allowlist entries (`outbound_local_requests_whitelist`).
    pub outbound_allowlist: Vec<String>,
    /// The instance setting `allow_local_requests_from_web_hooks_and_services`.
    pub allow_local_requests_from_web_hooks_and_services: bool,
    /// A newer Bedrock profile table to use instead of the embedded one.
    pub profiles: Option<Arc<ProfileTable>>,
}

impl Default for ModelContext {
    /// The newest GitLab release the rules cover
    /// ([`crate::preset::DEFAULT_VERSION`]), beta off, GitLab's network
    /// defaults (no deny-all, empty allowlist, local requests off).
    fn default() -> Self {
        ModelContext {
            gitlab_version: DEFAULT_VERSION,
            beta_models_enabled: false,
            deny_all_requests_except_allowed: false,
            outbound_allowlist: Vec::new(),
            allow_local_requests_from_web_hooks_and_services: false,
            profiles: None,
        }
    }
}
