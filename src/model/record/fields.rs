//! The checks of the name, family, deployment method and API key fields,
//! with GitLab's backend and form messages.

use super::context::ModelContext;
use super::limits::{AI_GATEWAY_API_KEY_MAX_LEN, NAME_MAX_LEN};
use super::ModelRecord;
use crate::diagnostic::{nearest_names, Diagnostic, Diagnostics, Path};
use crate::model::family::{DeploymentMethod, Family};
use crate::version::GitLabVersion;

pub(super) fn check_name(record: &ModelRecord, path: &Path, out: &mut Diagnostics) {
    let path = path.key("name");
    if record.name.trim().is_empty() {
        out.push(
            Diagnostic::error("model.name_blank", path, "the deployment name is blank")
                .with("gitlab_message", "Name can't be blank")
                .with("gitlab_form_message", "Please enter a deployment name."),
        );
        return;
    }
    if record.name.trim() != record.name {
        out.push(
            Diagnostic::warning(
                "model.name_whitespace",
                path.clone(),
                format!(
                    "the deployment name {:?} starts or ends with whitespace, which GitLab keeps as part of the name",
                    record.name
                ),
            )
            .with("name", record.name.as_str())
            .with("suggestion", record.name.trim()),
        );
    }
    let length = record.name.chars().count();
    if length > NAME_MAX_LEN {
        out.push(
            Diagnostic::error(
                "model.name_too_long",
                path,
                format!("the deployment name is {length} characters long; GitLab's database allows at most {NAME_MAX_LEN}"),
            )
            .with("length", length)
            .with("max", NAME_MAX_LEN),
        );
    }
}

pub(super) fn check_family(
    record: &ModelRecord,
    context: &ModelContext,
    path: &Path,
    out: &mut Diagnostics,
) -> Option<&'static Family> {
    let path = path.key("family");
    let version = &context.gitlab_version;
    if record.family.is_empty() {
        out.push(
            Diagnostic::error("model.family_blank", path, "the model family is missing")
                .with("gitlab_message", "Model can't be blank")
                .with("gitlab_form_message", "Please select a model."),
        );
        return None;
    }
    let Some(family) = record.family() else {
        let suggestions = Family::nearest_keys(&record.family);
        let hint = suggestions
            .first()
            .map(|s| format!("; did you mean {s:?}?"))
            .unwrap_or_default();
        out.push(
            Diagnostic::error(
                "model.family_unknown",
                path,
                format!("unknown model family {:?}{hint}", record.family),
            )
            .with("family", record.family.as_str())
            .with("suggestions", suggestions)
            .with(
                "allowed",
                Family::keys().map(str::to_owned).collect::<Vec<_>>(),
            )
            .with(
                "gitlab_message",
                format!("'{}' is not a valid model", record.family),
            ),
        );
        return None;
    };
    if !family.exists_in(version) {
        // Before its window the family is certainly absent; inside it the
        // reference cannot tell, so the finding is a warning.
        let certain = family.since.certainly_absent_in(version);
        let message = if certain {
            format!(
                "the model family {:?} is not in GitLab {version}; it was added in {}",
                family.key,
                family.introduced_version()
            )
        } else {
            format!(
                "GitLab {version} may not have the model family {:?}: it was first seen in {} and may have landed from {}",
                family.key,
                family.introduced_version(),
                family.since.window_text().unwrap_or_default()
            )
        };
        let d = if certain {
            Diagnostic::error("model.family_not_in_version", path.clone(), message)
        } else {
            Diagnostic::warning("model.family_not_in_version", path.clone(), message)
        };
        out.push(
            d.with("family", family.key)
                .with("gitlab_version", version.to_string())
                .with("introduced", family.introduced_version().to_string())
                .with(
                    "gitlab_message",
                    format!("'{}' is not a valid model", family.key),
                ),
        );
    } else if let Some(gate) = family.form_gate_in(version) {
        let message = match gate.flag {
            Some(flag) => format!(
                "GitLab {version}'s model form offers the {} family only with the instance feature flag `{flag}` on (until {})",
                family.display_name,
                gate.until.version_text()
            ),
            None => format!(
                "GitLab {version} has the {} family in its database, but its model form and GraphQL API accept it only from {} (first seen there), so a model of this family cannot be created through them",
                family.display_name,
                gate.until.version_text()
            ),
        };
        out.push(
            Diagnostic::warning("model.family_not_in_form", path.clone(), message)
                .with("family", family.key)
                .with("until", gate.until.version_text())
                .with("flag", gate.flag),
        );
    }
    if family.deprecated_in(version) {
        let (major, minor) = family.deprecated.unwrap_or_default();
        out.push(
            Diagnostic::warning(
                "model.family_deprecated",
                path.clone(),
                format!(
                    "GitLab's documentation deprecates the {} family since {major}.{minor}; GitLab still accepts it",
                    family.display_name
                ),
            )
            .with("family", family.key)
            .with("deprecated", format!("{major}.{minor}")),
        );
    }
    let state = family.release_state(version);
    if state.needs_beta_setting() && !context.beta_models_enabled {
        out.push(
            Diagnostic::error(
                "model.family_needs_beta",
                path,
                format!(
                    "the model family {} is {} in GitLab {version}: the model form offers it only when \"Use beta models and features in GitLab Duo Self-Hosted\" is on",
                    family.display_name, state
                ),
            )
            .with("family", family.key)
            .with("release_state", state.as_str())
            .with(
                "gitlab_message",
                "More models are available in beta. You can turn on self-hosted model beta features.",
            ),
        );
    }
    Some(family)
}

pub(super) fn check_deployment(
    record: &ModelRecord,
    version: &GitLabVersion,
    path: &Path,
    out: &mut Diagnostics,
) -> Option<DeploymentMethod> {
    let path = path.key("deployment");
    let allowed: Vec<String> = DeploymentMethod::keys()
        .filter(|k| DeploymentMethod::from_key(k).is_some_and(|m| m.available_in(version)))
        .map(str::to_owned)
        .collect();
    if record.deployment.is_empty() {
        out.push(
            Diagnostic::error(
                "model.deployment_blank",
                path,
                format!(
                    "the deployment method is missing; expected one of: {}",
                    allowed.join(", ")
                ),
            )
            .with("allowed", allowed),
        );
        return None;
    }
    let Some(method) = record.deployment_method() else {
        let suggestions = nearest_names(&record.deployment, DeploymentMethod::keys());
        out.push(
            Diagnostic::error(
                "model.deployment_unknown",
                path,
                format!(
                    "unknown deployment method {:?}, expected one of: {}",
                    record.deployment,
                    allowed.join(", ")
                ),
            )
            .with("deployment", record.deployment.as_str())
            .with("allowed", allowed)
            .with("suggestions", suggestions),
        );
        return None;
    };
    if !method.available_in(version) {
        let since = method.info().since.version_text();
        out.push(
            Diagnostic::error(
                "model.deployment_not_in_version",
                path,
                format!(
                    "the deployment method {} needs GitLab {since} or later, not {version}",
                    method.key()
                ),
            )
            .with("deployment", method.key())
            .with("since", since)
            .with("gitlab_version", version.to_string()),
        );
    }
    Some(method)
}

pub(super) fn check_api_key(
    record: &ModelRecord,
    method: Option<DeploymentMethod>,
    path: &Path,
    out: &mut Diagnostics,
) {
    let Some(key) = &record.api_key else { return };
    let path = path.key("api_key");
    if key.is_blank() {
        return;
    }
    let length = key.expose().chars().count();
    if length > AI_GATEWAY_API_KEY_MAX_LEN {
        out.push(
            Diagnostic::error(
                "model.api_key_too_long",
                path.clone(),
                format!("the API key is {length} characters long; the AI gateway rejects keys over {AI_GATEWAY_API_KEY_MAX_LEN} characters"),
            )
            .with("length", length)
            .with("max", AI_GATEWAY_API_KEY_MAX_LEN),
        );
    }
    if method == Some(DeploymentMethod::Bedrock) {
        out.push(Diagnostic::warning(
            "model.api_key_unused",
            path,
            "Amazon Bedrock models take AWS credentials from the AI gateway's environment; GitLab's form sends an empty API key for them",
        ));
    }
}
