//! The endpoint field: required by version and deployment method, its
//! length limits, the documented `/v1` suffix, and GitLab's URL blocker with
//! the model-endpoint preset.

use super::context::ModelContext;
use super::limits::{AI_GATEWAY_ENDPOINT_MAX_LEN, ENDPOINT_MAX_LEN};
use super::ModelRecord;
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::model::family::DeploymentMethod;
use crate::timeline;
use crate::url::allowlist::Allowlist;
use crate::url::blocker::preset::Preset;
use crate::url::blocker::{check_url, Context, Policy};
use crate::version::GitLabVersion;
use std::cell::OnceCell;

/// What the records of one check share: the endpoint policy (so that the
/// outbound allowlist is read once, not once per endpoint) and, when the
/// caller read the allowlist already, that list.
pub(super) struct Shared<'a> {
    /// The outbound allowlist read by the caller; `None`: read the
    /// context's entries when the first endpoint needs them.
    pub(super) allowlist: Option<&'a Allowlist>,
    /// The model-endpoint policy, built when the first endpoint needs it.
    pub(super) policy: OnceCell<Policy>,
}

impl Shared<'_> {
    pub(super) fn new(allowlist: Option<&Allowlist>) -> Shared<'_> {
        Shared {
            allowlist,
            policy: OnceCell::new(),
        }
    }
}

/// Every message GitLab gives for a blank endpoint: up to 18.11 the
/// presence check and `AddressableUrlValidator` both run (`validates
/// :endpoint, presence: true, addressable_url: true`); from 19.0 the URL
/// check runs only when the endpoint is present.
fn blank_endpoint_messages(version: &GitLabVersion) -> Vec<String> {
    let mut messages = vec!["Endpoint can't be blank".to_owned()];
    if !timeline::ENDPOINT_NULLABLE_AND_ONLY_FOR_API.reached(version) {
        messages.push("Endpoint must be a valid URL".to_owned());
    }
    messages
}

pub(super) fn check_endpoint(
    record: &ModelRecord,
    method: Option<DeploymentMethod>,
    context: &ModelContext,
    shared: &Shared,
    path: &Path,
    out: &mut Diagnostics,
) {
    let path = path.key("endpoint");
    let version = &context.gitlab_version;
    let endpoint = record
        .endpoint
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    let Some(endpoint) = endpoint else {
        match method {
            Some(m) if m.endpoint_required(version) => match m.info().form_dummy_endpoint {
                Some(placeholder) => out.push(
                    Diagnostic::info(
                        "model.endpoint_placeholder",
                        path,
                        format!("GitLab {version} stores an endpoint for every model; for {} the model form sends the placeholder {placeholder}, which the AI gateway ignores", m.info().display_name),
                    )
                    .with("placeholder", placeholder),
                ),
                None => out.push(
                    Diagnostic::error(
                        "model.endpoint_blank",
                        path,
                        format!("an endpoint is required for {}", m.info().display_name),
                    )
                    .with("deployment", m.key())
                    .with("gitlab_message", "Endpoint can't be blank")
                    .with("gitlab_messages", blank_endpoint_messages(version))
                    .with("gitlab_form_message", "Please enter an endpoint."),
                ),
            },
            _ => {}
        }
        return;
    };
    let length = endpoint.chars().count();
    if length > ENDPOINT_MAX_LEN {
        out.push(
            Diagnostic::error(
                "model.endpoint_too_long",
                path.clone(),
                format!("the endpoint is {length} characters long; GitLab's database allows at most {ENDPOINT_MAX_LEN}"),
            )
            .with("length", length)
            .with("max", ENDPOINT_MAX_LEN),
        );
    } else if length > AI_GATEWAY_ENDPOINT_MAX_LEN
        && method != Some(DeploymentMethod::Bedrock)
        && method != Some(DeploymentMethod::VertexAi)
    {
        out.push(
            Diagnostic::error(
                "model.endpoint_too_long_for_ai_gateway",
                path.clone(),
                format!("the endpoint is {length} characters long; GitLab accepts it but the AI gateway rejects endpoints over {AI_GATEWAY_ENDPOINT_MAX_LEN} characters"),
            )
            .with("length", length)
            .with("max", AI_GATEWAY_ENDPOINT_MAX_LEN),
        );
    }
    match method {
        Some(DeploymentMethod::Vllm) => {
            // The AI gateway strips one trailing '/', so `…/v1/` works too.
            let trimmed = endpoint.strip_suffix('/').unwrap_or(endpoint);
            let path_part = trimmed.split(['?', '#']).next().unwrap_or(trimmed);
            if !path_part.ends_with("/v1") {
                out.push(
                    Diagnostic::warning(
                        "model.endpoint_missing_v1",
                        path.clone(),
                        "GitLab's documentation requires the endpoint of an OpenAI-compatible server such as vLLM to end with /v1 (GitLab does not check it)",
                    )
                    .with("endpoint", endpoint)
                    .with("suggestion", format!("{trimmed}/v1")),
                );
            }
        }
        Some(m @ (DeploymentMethod::Bedrock | DeploymentMethod::VertexAi))
            if Some(endpoint) != m.info().form_dummy_endpoint =>
        {
            out.push(
                Diagnostic::info(
                    "model.endpoint_unused",
                    path.clone(),
                    format!(
                        "the AI gateway ignores the endpoint for {} models",
                        m.info().display_name
                    ),
                )
                .with("deployment", m.key()),
            );
        }
        _ => {}
    }
    // Up to 18.11: `validates :endpoint, addressable_url: true` for every
    // model (the cloud platforms' placeholders pass it); from 19.0 only when
    // the provider is `api` (`validate_api_endpoint?`).
    let url_checked = method.is_none_or(|m| m.endpoint_required(version));
    if url_checked {
        let policy = shared
            .policy
            .get_or_init(|| endpoint_policy(context, shared.allowlist));
        check_endpoint_url(endpoint, policy, &path, out);
    }
}

/// GitLab's URL blocker options for model endpoints: the model-endpoint
/// preset (`url-blocker.md` §3.3) with the instance's network settings.
/// Built once per check, with the allowlist the caller read (shared, not
/// copied) or else the context's entries read once, not once per endpoint.
fn endpoint_policy(context: &ModelContext, allowlist: Option<&Allowlist>) -> Policy {
    let mut policy = Preset::ModelEndpoint.policy(&context.gitlab_version);
    policy.deny_all_requests_except_allowed = context.deny_all_requests_except_allowed;
    // The allowlist's own problems are reported where it is configured.
    policy.outbound_local_requests_allowlist = match allowlist {
        Some(list) => list.clone(),
        None => Allowlist::from_entries(&context.outbound_allowlist).0,
    };
    if context.allow_local_requests_from_web_hooks_and_services {
        policy.allow_localhost = true;
        policy.allow_local_network = true;
    }
    policy
}

/// The endpoint through GitLab's URL blocker with [`endpoint_policy`].
fn check_endpoint_url(endpoint: &str, policy: &Policy, path: &Path, out: &mut Diagnostics) {
    let verdict = check_url(endpoint, policy, &Context::default());
    match verdict.blocked {
        Some(true) => {
            let gitlab = verdict.gitlab_message.clone().unwrap_or_default();
            out.push(
                Diagnostic::error(
                    "model.endpoint_blocked",
                    path.clone(),
                    verdict.message.clone(),
                )
                .with("endpoint", endpoint)
                .with("url_code", verdict.code)
                .with(
                    "suggested_allowlist_entry",
                    verdict.suggested_allowlist_entry.clone(),
                )
                .with("gitlab_message", gitlab)
                .with("gitlab_form_message", "Please add a valid endpoint."),
            );
        }
        None => out.push(
            Diagnostic::warning(
                "model.endpoint_depends_on_dns",
                path.clone(),
                format!(
                    "whether GitLab accepts the endpoint depends on what its host resolves to: {}",
                    verdict.message
                ),
            )
            .with("endpoint", endpoint)
            .with(
                "suggested_allowlist_entry",
                verdict.suggested_allowlist_entry.clone(),
            ),
        ),
        Some(false) => {}
    }
    // The block itself is `model.endpoint_blocked` (with the model's
    // wrapping of GitLab's message); keep the blocker's other findings.
    let block_code = verdict.code;
    out.extend_under(
        path,
        verdict
            .diagnostics
            .into_iter()
            .filter(|d| Some(d.code()) != block_code),
    );
}
