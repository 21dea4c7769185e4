//! The self-hosted model record (`ai_self_hosted_models`) and its checks.
//!
//! [`ModelRecord`] has the fields of a configuration document's
//! `self_hosted_models` entry. [`check_model`] checks one record the way
//! GitLab does (every GitLab message that applies is reproduced as the
//! parameter `gitlab_message`, the model form's as `gitlab_form_message`),
//! then what GitLab leaves to the admin: the AI gateway's limits, the
//! documented `/v1` suffix, the identifier's grammar for the deployment
//! method, the AWS Region and the Bedrock cross-region prefix.
//!
//! Facts: `duo-domain.md` §2 (18.9-pre record), §1 (families),
//! `gitlab-update-2026-12.md` §1 and §2 (the record to 19.5 development:
//! provider, endpoint rule, the form's platforms), `bedrock.md` §8 (Region
//! variables).
//!
//! Where each rule comes from (the messages say so too):
//! * GitLab's backend: name present and unique (case-sensitive), family
//!   present and known, endpoint present (up to 18.11 always, from 19.0 only
//!   for the `api` provider) and passing the URL blocker with the
//!   model-endpoint options, identifier at most 255 characters; the
//!   database limits (name 255, endpoint 2048); in 18.11 the stored provider
//!   derived from the identifier's prefix.
//! * GitLab's model form only: an identifier is required, the Bedrock and
//!   Vertex AI platforms' identifiers start with `bedrock/` and `vertex_ai/`,
//!   beta families are offered only with the beta setting on
//!   (`model.family_needs_beta` is an error because the form cannot select
//!   the family, although the API accepts it), `embedding` only behind an
//!   instance flag and `qwen` not at all before 19.4
//!   (`model.family_not_in_form`, a warning).
//! * Stricter than GitLab, from its documentation or the AI gateway: the
//!   vLLM `/v1` suffix (warning), the AI gateway's 255-character endpoint and
//!   2000-character key limits, the identifier grammar per deployment
//!   method, the AWS Region and the cross-region prefix.
//!
//! Codes: `model.name_blank`, `model.name_whitespace`, `model.name_taken`,
//! `model.name_too_long`,
//! `model.family_blank`, `model.family_unknown`, `model.family_not_in_version`,
//! `model.family_needs_beta`, `model.family_not_in_form`,
//! `model.family_deprecated`, `model.stored_provider_from_prefix`,
//! `model.family_method_undocumented`,
//! `model.deployment_blank`, `model.deployment_unknown`,
//! `model.deployment_not_in_version`, `model.endpoint_blank`,
//! `model.endpoint_placeholder`, `model.endpoint_too_long`,
//! `model.endpoint_too_long_for_ai_gateway`, `model.endpoint_missing_v1`,
//! `model.endpoint_unused`, `model.endpoint_blocked`,
//! `model.endpoint_depends_on_dns`,
//! `model.api_key_too_long`, `model.api_key_unused`, `model.region_missing`,
//! `model.region_from_arn`, `model.region_unused`, plus `identifier.empty`
//! (no identifier at all) and the `identifier.*`, `region.*` and
//! `bedrock.*` codes of those modules.

use crate::allowlist::Allowlist;
use crate::bedrock::{check_identifier_region, default_table, ProfileTable};
use crate::blocker::{check_url, Context, Policy};
use crate::decode::Fields;
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::family::{DeploymentMethod, Family};
use crate::feature::timeline;
use crate::identifier::{check_identifier, Identifier};
use crate::preset::Preset;
use crate::secret::ApiKey;
use crate::version::GitLabVersion;
use serde::Serialize;
use serde_json::Value;
use std::cell::OnceCell;
use std::sync::Arc;

/// GitLab's database limit on the deployment name (`CHECK char_length(name) <= 255`).
pub const NAME_MAX_LEN: usize = 255;
/// GitLab's database limit on the endpoint (`CHECK char_length(endpoint) <= 2048`).
pub const ENDPOINT_MAX_LEN: usize = 2048;
/// The AI gateway's limit on the endpoint (`ModelMetadata.endpoint`, `max_length=255`).
pub const AI_GATEWAY_ENDPOINT_MAX_LEN: usize = 255;
/// The AI gateway's limit on the API key (`max_length=2000`).
pub const AI_GATEWAY_API_KEY_MAX_LEN: usize = 2000;
pub use crate::family::{BEDROCK_DUMMY_ENDPOINT, VERTEX_DUMMY_ENDPOINT};

/// One self-hosted model, as a configuration document's
/// `self_hosted_models` entry describes it.
///
/// `family` and `deployment` keep the text the admin wrote, so that an
/// unknown value is reported by [`check_model`] rather than lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ModelRecord {
    /// The deployment name (GitLab's `name`); empty when absent.
    pub name: String,
    /// The model family key as written (`claude_3`); empty when absent.
    pub family: String,
    /// The deployment method as written (`vllm`, `bedrock`, `azure_openai`,
    /// `vertex_ai`); empty when absent.
    pub deployment: String,
    /// The endpoint URL, if given.
    pub endpoint: Option<String>,
    /// The API key, if given (never printed).
    pub api_key: Option<ApiKey>,
    /// The model identifier, if given.
    pub identifier: Option<String>,
    /// The AI gateway's `AWS_REGION` (Bedrock only).
    pub aws_region: Option<String>,
    /// The AI gateway's `AWS_REGION_NAME` (Bedrock only; LiteLLM prefers it
    /// over `AWS_REGION` for model calls).
    pub aws_region_name: Option<String>,
    /// GitLab's id of the model (`gid://gitlab/Ai::SelfHostedModel/<id>`),
    /// written by `import`: the stable key that lets `plan` see a rename as
    /// an update rather than a delete and a create. Not a rule input.
    pub gitlab_id: Option<u64>,
}

/// The field names of a record, in document order.
pub const FIELDS: &[&str] = &[
    "name",
    "family",
    "deployment",
    "endpoint",
    "api_key",
    "identifier",
    "aws_region",
    "aws_region_name",
    "gitlab_id",
];

impl ModelRecord {
    /// Read a record from a JSON object at `path`, reporting wrong types and
    /// unknown fields (`document.*` codes). Missing or unknown values are
    /// left for [`check_model`] to report with GitLab's messages.
    pub fn decode(value: &Value, path: &Path, diagnostics: &mut Diagnostics) -> Option<Self> {
        let mut fields = Fields::new(value, path, diagnostics)?;
        let mut text = |name: &'static str, diagnostics: &mut Diagnostics| {
            fields.take_str(name, diagnostics).map(str::to_owned)
        };
        let name = text("name", diagnostics).unwrap_or_default();
        let family = text("family", diagnostics).unwrap_or_default();
        let deployment = text("deployment", diagnostics).unwrap_or_default();
        let endpoint = text("endpoint", diagnostics);
        let api_key = text("api_key", diagnostics).map(ApiKey::new);
        let identifier = text("identifier", diagnostics);
        let aws_region = text("aws_region", diagnostics);
        let aws_region_name = text("aws_region_name", diagnostics);
        let id_path = fields.path_of("gitlab_id");
        let gitlab_id = match fields.take("gitlab_id") {
            None => None,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|id| id > 0) => n.as_u64(),
            Some(other) => {
                diagnostics.push(crate::decode::wrong_type(
                    &id_path,
                    "positive integer",
                    other,
                ));
                None
            }
        };
        fields.finish(diagnostics);
        Some(ModelRecord {
            name,
            family,
            deployment,
            endpoint,
            api_key,
            identifier,
            aws_region,
            aws_region_name,
            gitlab_id,
        })
    }

    /// The family, when `family` names one.
    pub fn family(&self) -> Option<&'static Family> {
        Family::by_key(&self.family)
    }

    /// The deployment method, when `deployment` names one.
    pub fn deployment_method(&self) -> Option<DeploymentMethod> {
        DeploymentMethod::from_key(&self.deployment)
    }

    /// The identifier, parsed, when there is one.
    pub fn parsed_identifier(&self) -> Option<Identifier> {
        self.identifier.as_deref().map(Identifier::parse)
    }
}

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
            gitlab_version: crate::preset::DEFAULT_VERSION,
            beta_models_enabled: false,
            deny_all_requests_except_allowed: false,
            outbound_allowlist: Vec::new(),
            allow_local_requests_from_web_hooks_and_services: false,
            profiles: None,
        }
    }
}

/// The report the CLI's `model` command prints: `{"valid", "diagnostics"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ModelReport {
    /// No error-severity diagnostic.
    pub valid: bool,
    /// Everything found.
    pub diagnostics: Diagnostics,
}

impl ModelReport {
    /// Decode one record from JSON text and check it.
    pub fn from_json(text: &str, context: &ModelContext) -> Self {
        let mut diagnostics = Diagnostics::new();
        if let Some(value) = crate::decode::parse_json(text, &mut diagnostics) {
            if let Some(record) = ModelRecord::decode(&value, &Path::root(), &mut diagnostics) {
                diagnostics.extend(check_model(&record, context));
            }
        }
        ModelReport {
            valid: diagnostics.is_valid(),
            diagnostics,
        }
    }
}

/// Check one record; paths are the field names (`identifier`).
pub fn check_model(record: &ModelRecord, context: &ModelContext) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    check_at(
        record,
        context,
        &OnceCell::new(),
        &Path::root(),
        &mut diagnostics,
    );
    diagnostics
}

/// Check several records, including that deployment names are unique
/// (case-sensitive, as GitLab's uniqueness validation on PostgreSQL);
/// paths are `self_hosted_models[i].field`.
pub fn check_models(records: &[ModelRecord], context: &ModelContext) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    let list = Path::root().key("self_hosted_models");
    // Sorted by name (a vector searched by bisection: no hash table code in
    // the wasm build).
    let mut first_index: Vec<(&str, usize)> = Vec::new();
    // One policy (and so one allowlist parse) for every record's endpoint,
    // built when the first endpoint needs it.
    let policy = OnceCell::new();
    for (i, record) in records.iter().enumerate() {
        let path = list.index(i);
        check_at(record, context, &policy, &path, &mut diagnostics);
        if record.name.is_empty() {
            continue;
        }
        let name = record.name.as_str();
        match first_index.binary_search_by(|(n, _)| (*n).cmp(name)) {
            Ok(at) => diagnostics.push({
                let first = first_index[at].1;
                Diagnostic::error(
                    "model.name_taken",
                    path.key("name"),
                    format!(
                        "the deployment name {:?} is already used by self_hosted_models[{first}]",
                        record.name
                    ),
                )
                .with("name", record.name.as_str())
                .with("first_index", first)
                .with("gitlab_message", "Name has already been taken")
                .with(
                    "gitlab_form_message",
                    "Please enter a unique deployment name.",
                )
            }),
            Err(at) => first_index.insert(at, (name, i)),
        }
    }
    diagnostics
}

fn check_at(
    record: &ModelRecord,
    context: &ModelContext,
    policy: &OnceCell<Policy>,
    path: &Path,
    out: &mut Diagnostics,
) {
    let version = &context.gitlab_version;
    check_name(record, path, out);
    let family = check_family(record, context, path, out);
    let method = check_deployment(record, version, path, out);
    if let (Some(family), Some(method)) = (family, method) {
        if !family.documents_method(method) {
            let documented: Vec<String> =
                family.methods.iter().map(|m| m.key().to_owned()).collect();
            out.push(
                Diagnostic::warning(
                    "model.family_method_undocumented",
                    path.key("deployment"),
                    format!(
                        "GitLab's documentation lists the {} family for {}, not for {}",
                        family.display_name,
                        documented.join(", "),
                        method.key()
                    ),
                )
                .with("family", family.key)
                .with("deployment", method.key())
                .with("documented", documented),
            );
        }
    }
    check_endpoint(record, method, context, policy, path, out);
    check_stored_provider(record, method, version, path, out);
    check_api_key(record, method, path, out);
    let identifier_path = path.key("identifier");
    let identifier = match record.identifier.as_deref() {
        Some(text) => Some(check_identifier(
            text,
            method,
            family,
            &identifier_path,
            out,
        )),
        None => {
            out.push(
                Diagnostic::error(
                    "identifier.empty",
                    identifier_path,
                    "the model identifier is missing; GitLab's form requires one",
                )
                .with("gitlab_message", crate::identifier::FORM_EMPTY),
            );
            None
        }
    };
    check_region_and_prefix(record, method, identifier.as_ref(), context, path, out);
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

fn check_name(record: &ModelRecord, path: &Path, out: &mut Diagnostics) {
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

fn check_family(
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

fn check_deployment(
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
        let suggestions =
            crate::diagnostic::nearest_names(&record.deployment, DeploymentMethod::keys());
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

fn check_endpoint(
    record: &ModelRecord,
    method: Option<DeploymentMethod>,
    context: &ModelContext,
    policy: &OnceCell<Policy>,
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
    let url_checked = method.map_or(true, |m| m.endpoint_required(version));
    if url_checked {
        let policy = policy.get_or_init(|| endpoint_policy(context));
        check_endpoint_url(endpoint, policy, &path, out);
    }
}

/// GitLab's URL blocker options for model endpoints: the model-endpoint
/// preset (`url-blocker.md` §3.3) with the instance's network settings.
/// Built once per check, so that the allowlist is parsed once, not once per
/// endpoint.
fn endpoint_policy(context: &ModelContext) -> Policy {
    let mut policy = Preset::ModelEndpoint.policy(&context.gitlab_version);
    policy.deny_all_requests_except_allowed = context.deny_all_requests_except_allowed;
    // The allowlist's own problems are reported where it is configured.
    let (allowlist, _) = Allowlist::from_entries(&context.outbound_allowlist);
    policy.outbound_local_requests_allowlist = allowlist;
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
        crate::family::DEPLOYMENT_METHODS
            .iter()
            .filter(|m| m.gitlab_provider != "api")
            .find(|m| identifier.starts_with(&format!("{}/", m.identifier_provider)))
            .map_or("api", |m| m.gitlab_provider),
    )
}

/// In 18.11 the stored provider follows the identifier, not the platform:
/// say so when the two disagree.
fn check_stored_provider(
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

fn check_api_key(
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

fn check_region_and_prefix(
    record: &ModelRecord,
    method: Option<DeploymentMethod>,
    identifier: Option<&Identifier>,
    context: &ModelContext,
    path: &Path,
    out: &mut Diagnostics,
) {
    let region_path = path.key("aws_region");
    let name_path = path.key("aws_region_name");
    let bedrock = method == Some(DeploymentMethod::Bedrock)
        || (method.is_none() && identifier.is_some_and(crate::bedrock::is_bedrock));
    if !bedrock {
        for (value, p, variable) in [
            (&record.aws_region, &region_path, "AWS_REGION"),
            (&record.aws_region_name, &name_path, "AWS_REGION_NAME"),
        ] {
            if value.is_some() {
                out.push(
                    Diagnostic::info(
                        "model.region_unused",
                        p.clone(),
                        format!("{variable} matters only for Amazon Bedrock models"),
                    )
                    .with("variable", variable),
                );
            }
        }
        return;
    }
    if record.aws_region.is_none() && record.aws_region_name.is_none() {
        let arn_region = identifier
            .and_then(Identifier::bedrock)
            .and_then(|m| match &m.target {
                crate::identifier::BedrockTarget::Arn(arn) => Some(arn.region.clone()),
                crate::identifier::BedrockTarget::Id { .. } => None,
            });
        if let Some(region) = arn_region {
            out.push(
                Diagnostic::info(
                    "model.region_from_arn",
                    region_path,
                    format!("no AWS Region given; LiteLLM calls Bedrock in {region:?}, the Region the ARN names"),
                )
                .with("region", region),
            );
            return;
        }
        out.push(Diagnostic::warning(
            "model.region_missing",
            region_path,
            "no AWS Region given for this Bedrock model: the cross-region prefix cannot be checked, and LiteLLM falls back to the AWS SDK's default Region or us-west-2",
        ));
        return;
    }
    let region = crate::region::check_region_variables(
        record.aws_region.as_deref(),
        record.aws_region_name.as_deref(),
        &region_path,
        &name_path,
        out,
    );
    let (Some(region), Some(model)) = (region, identifier.and_then(Identifier::bedrock)) else {
        return;
    };
    let table = context
        .profiles
        .as_deref()
        .unwrap_or_else(|| default_table());
    check_identifier_region(table, &region.code, model, &path.key("identifier"), out);
}
