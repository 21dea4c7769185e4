//! The `provider` GitLab stores for a record, by version (18.11 derives it
//! from the identifier's prefix).

use super::ModelRecord;
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::model::family::{DeploymentMethod, DEPLOYMENT_METHODS};
use crate::timeline;
use crate::version::GitLabVersion;

/// The `provider` GitLab stores for a record in `version`: none before
/// 18.11 (no column); in 18.11 what a `before_save` hook derives from the
/// identifier's prefix (`bedrock/`, `vertex_ai/`, otherwise `api`); from 19.0
/// the platform chosen, i.e. the deployment method's
/// (`gitlab-update-2026-12.md` §2).
pub fn stored_provider(record: &ModelRecord, version: &GitLabVersion) -> Option<&'static str> {
    if !timeline::SELF_HOSTED_MODEL_PROVIDER_COLUMN.reached(version) {
        return None;
    }
    if timeline::PROVIDER_HOOK_REMOVED.reached(version) {
        return record.deployment_method().map(|m| m.info().gitlab_provider);
    }
    let identifier = record.identifier.as_deref().unwrap_or_default();
    Some(
        DEPLOYMENT_METHODS
            .iter()
            .filter(|m| m.gitlab_provider != "api")
            .find(|m| identifier.starts_with(&format!("{}/", m.identifier_provider)))
            .map_or("api", |m| m.gitlab_provider),
    )
}

/// In 18.11 the stored provider follows the identifier, not the platform:
/// say so when the two disagree.
pub(super) fn check_stored_provider(
    record: &ModelRecord,
    method: Option<DeploymentMethod>,
    version: &GitLabVersion,
    path: &Path,
    out: &mut Diagnostics,
) {
    if !timeline::PROVIDER_FROM_IDENTIFIER_PREFIX_HOOK.reached(version)
        || timeline::PROVIDER_HOOK_REMOVED.reached(version)
    {
        return;
    }
    let (Some(method), Some(stored)) = (method, stored_provider(record, version)) else {
        return;
    };
    let expected = method.info().gitlab_provider;
    if stored != expected {
        out.push(
            Diagnostic::warning(
                "model.stored_provider_from_prefix",
                path.key("identifier"),
                format!(
                    "GitLab {version} derives the stored provider from the identifier's prefix, so this {} model is stored with provider `{stored}`, not `{expected}`",
                    method.info().display_name
                ),
            )
            .with("stored_provider", stored)
            .with("expected_provider", expected),
        );
    }
}
