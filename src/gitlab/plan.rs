//! What would change: the operations that bring the live set-up to the
//! document, as GitLab GraphQL mutations, in an order GitLab accepts.
//!
//! Order: the Duo settings; model updates (renames first, so that a freed
//! name can be taken); model creates; feature settings (a feature may use a
//! model created just before; its id is filled in when the plan is
//! applied); model deletions last, once no feature uses them.
//!
//! Models are matched by a stable key, never by position: GitLab's id
//! (`gitlab_id`, which `import` writes), then the name, then, for what is
//! left, the identity of the deployment (family, platform, identifier and
//! endpoint), so that a renamed model is an update, not a delete and a
//! create.
//!
//! A document with error-severity findings gets no plan. Codes:
//! `plan.version_not_supported`, `plan.version_mismatch`,
//! `plan.live_state_incomplete`, `plan.family_not_in_api`,
//! `plan.feature_not_in_api`, `plan.timeout_unreadable`,
//! `plan.gitlab_model_unverifiable`,
//! `plan.api_key_unverifiable`, `plan.model_id_not_found`,
//! `plan.beta_models_hidden`, `plan.name_conflict`.

use super::graphql::{
    feature_provider_value, feature_value, method_of, provider_value, DUO_SETTINGS_UPDATE,
    FEATURE_SETTING_UPDATE, MODEL_CREATE, MODEL_DELETE, MODEL_UPDATE,
};
use super::import::document_endpoint;
use super::state::{model_gid, LiveFeatureSetting, LiveModel, LiveState};
use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::duo_settings::normalize_url;
use crate::feature::{self, timeline, Provider};
use crate::model::family::{DeploymentMethod, Family, ReleaseState};
use crate::model::ModelRecord;
use crate::secret::{ApiKey, MASK};
use crate::version::GitLabVersion;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::fmt;

/// What an operation does to its object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// A new model.
    Create,
    /// A changed setting, model or feature setting.
    Update,
    /// A model that is no longer in the document.
    Delete,
}

impl Action {
    fn sign(self) -> char {
        match self {
            Action::Create => '+',
            Action::Update => '~',
            Action::Delete => '-',
        }
    }
}

/// One GraphQL mutation of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Operation {
    /// Create, update or delete.
    pub action: Action,
    /// The mutation's field name (`aiSelfHostedModelCreate`, …).
    pub mutation: &'static str,
    /// What it does, in English.
    pub summary: String,
    /// The GraphQL document.
    pub document: &'static str,
    /// The variables, with any API key masked ([`MASK`]); see
    /// [`Operation::request_variables`] for what is sent.
    pub variables: Value,
    /// For a feature setting that uses a model created earlier in the same
    /// plan: that model's name, whose id fills `input.aiSelfHostedModelId`.
    pub model_id_from: Option<String>,
    /// For a model create: the name the created model's id is known by.
    pub creates_model: Option<String>,
    #[serde(skip)]
    api_key: Option<ApiKey>,
}

impl Operation {
    /// The variables to send: the API key unmasked, and the id of a model
    /// created earlier in the plan (`created(name)`) filled in. `None` when
    /// that id is not known (its create failed or has not run).
    pub fn request_variables(&self, created: impl Fn(&str) -> Option<u64>) -> Option<Value> {
        let mut variables = self.variables.clone();
        let input = variables.get_mut("input")?.as_object_mut()?;
        if let Some(key) = &self.api_key {
            input.insert("apiToken".to_owned(), key.expose().into());
        }
        if let Some(name) = &self.model_id_from {
            input.insert(
                "aiSelfHostedModelId".to_owned(),
                model_gid(created(name)?).into(),
            );
        }
        Some(variables)
    }
}

/// How many things a plan leaves as they are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Unchanged {
    /// Duo settings (0 or 1).
    pub settings: usize,
    /// Self-hosted models.
    pub models: usize,
    /// Feature settings.
    pub features: usize,
}

/// The operations that make the live set-up the document's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The GitLab version the plan is for.
    pub gitlab_version: GitLabVersion,
    /// In the order they must run.
    pub operations: Vec<Operation>,
    /// What stays.
    pub unchanged: Unchanged,
    /// What the admin should know (warnings and notes; never errors).
    pub diagnostics: Diagnostics,
}

impl Plan {
    /// Whether the plan changes nothing.
    pub fn is_empty(&self) -> bool {
        self.operations.is_empty()
    }

    /// How many operations of each action.
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |a| self.operations.iter().filter(|o| o.action == a).count();
        (
            count(Action::Create),
            count(Action::Update),
            count(Action::Delete),
        )
    }
}

impl fmt::Display for Plan {
    /// A diff in the manner of `terraform plan`: `+ create`, `~ update`,
    /// `- delete`, then the counts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "GitLab Duo Self-Hosted plan for GitLab {}",
            self.gitlab_version
        )?;
        for op in &self.operations {
            writeln!(f, "  {} {}", op.action.sign(), op.summary)?;
        }
        let (create, update, delete) = self.counts();
        let u = self.unchanged;
        writeln!(
            f,
            "Plan: {create} to create, {update} to update, {delete} to delete; unchanged: {} settings, {} models, {} features.",
            u.settings, u.models, u.features
        )
    }
}

/// How to plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlanOptions {
    /// Send the document's API keys for every existing model too. GitLab
    /// never returns a key, so a changed key cannot be seen; by default a
    /// key is sent only when a model is created or GitLab holds none.
    pub rotate_api_keys: bool,
}

/// Why there is no plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    /// The error-severity findings, and the reasons the live state cannot
    /// be planned against.
    pub diagnostics: Diagnostics,
}

/// [`plan_with`] with the default options.
pub fn plan(desired: &Config, live: &LiveState) -> Result<Plan, Refused> {
    plan_with(desired, live, PlanOptions::default())
}

/// The operations that make `live` what `desired` describes. Refused when
/// the document has error-severity findings ([`crate::config::validate`]),
/// when the live state is incomplete, or for a GitLab older than 18.11
/// (whose API the plan's documents do not fit).
pub fn plan_with(
    desired: &Config,
    live: &LiveState,
    options: PlanOptions,
) -> Result<Plan, Refused> {
    let mut refusal = Diagnostics::new();
    let report = config::validate(desired);
    refusal.extend(report.diagnostics.iter().filter(|d| d.is_error()).cloned());
    let version = desired.gitlab_version.clone();
    if !timeline::SELF_HOSTED_MODEL_PROVIDER_COLUMN.reached(&version) {
        refusal.push(
            Diagnostic::error(
                "plan.version_not_supported",
                Path::root().key("gitlab_version"),
                format!(
                    "plans are for GitLab {} and later, whose API has the model provider; GitLab {version} is older",
                    timeline::SELF_HOSTED_MODEL_PROVIDER_COLUMN.version_text()
                ),
            )
            .with("since", timeline::SELF_HOSTED_MODEL_PROVIDER_COLUMN.version_text()),
        );
    }
    if let Some(live_version) = &live.gitlab_version {
        if live_version != &version {
            refusal.push(
                Diagnostic::error(
                    "plan.version_mismatch",
                    Path::root().key("gitlab_version"),
                    format!("the document is for GitLab {version}, the instance runs {live_version}: update gitlab_version so the rules match the instance"),
                )
                .with("document", version.to_string())
                .with("instance", live_version.to_string()),
            );
        }
    }
    let (Some(settings), Some(models), Some(features)) = (
        live.duo_settings.as_ref(),
        live.models.as_ref(),
        live.feature_settings.as_ref(),
    ) else {
        for (part, missing) in [
            ("duoSettings", live.duo_settings.is_none()),
            ("aiSelfHostedModels", live.models.is_none()),
            ("aiFeatureSettings", live.feature_settings.is_none()),
        ] {
            if missing {
                refusal.push(
                    Diagnostic::error(
                        "plan.live_state_incomplete",
                        Path::root(),
                        format!("the live state has no {part} (the token may lack the permission): nothing can be planned against an unknown part"),
                    )
                    .with("field", part),
                );
            }
        }
        return Err(Refused {
            diagnostics: refusal,
        });
    };
    for (i, record) in desired.self_hosted_models.iter().enumerate() {
        if let Some(family) = record.family() {
            if let Some(gate) = family.form_gate_in(&version).filter(|g| g.flag.is_none()) {
                refusal.push(
                    Diagnostic::error(
                        "plan.family_not_in_api",
                        Path::root().key("self_hosted_models").index(i).key("family"),
                        format!(
                            "GitLab {version}'s API has no {} value for the model family (first seen in {}): the model cannot be created through it",
                            family.graphql_value,
                            gate.until.version_text()
                        ),
                    )
                    .with("family", family.key),
                );
            }
        }
    }
    if refusal.has_errors() {
        return Err(Refused {
            diagnostics: refusal,
        });
    }
    let mut planner = Planner {
        desired,
        version: &version,
        options,
        operations: Vec::new(),
        unchanged: Unchanged::default(),
        diagnostics: Diagnostics::new(),
    };
    planner.settings(settings);
    let matches = planner.match_models(models);
    planner.models(models, &matches);
    planner.features(features, models, &matches);
    planner.deletions(models, &matches);
    let (operations, unchanged, diagnostics) =
        (planner.operations, planner.unchanged, planner.diagnostics);
    Ok(Plan {
        gitlab_version: version,
        operations,
        unchanged,
        diagnostics,
    })
}

/// The differences between the document and the instance, as warnings
/// (`drift.settings`, `drift.model`, `drift.feature`), for `check
/// --gitlab`. A document with errors, or an incomplete live state, gives
/// the reasons instead.
pub fn drift(desired: &Config, live: &LiveState) -> Diagnostics {
    match plan(desired, live) {
        Err(refused) => refused
            .diagnostics
            .iter()
            .filter(|d| !d.code().starts_with("config.") && !desired_finding(d))
            .cloned()
            .collect(),
        Ok(plan) => {
            let mut out = plan.diagnostics;
            for op in &plan.operations {
                let (code, path) = match op.mutation {
                    "duoSettingsUpdate" => ("drift.settings", Path::root()),
                    "aiFeatureSettingUpdate" => ("drift.feature", Path::root().key("features")),
                    _ => ("drift.model", Path::root().key("self_hosted_models")),
                };
                out.push(
                    Diagnostic::warning(
                        code,
                        path,
                        format!("GitLab differs from the document: {}", op.summary),
                    )
                    .with("action", format!("{:?}", op.action).to_ascii_lowercase())
                    .with("mutation", op.mutation),
                );
            }
            out
        }
    }
}

/// Whether a refusal reason is the document's own finding (already
/// reported by `check`).
fn desired_finding(d: &Diagnostic) -> bool {
    !d.code().starts_with("plan.")
}

/// A desired model's counterpart in the live state.
struct Matches {
    /// For each desired model (document order): the live model's index.
    desired: Vec<Option<usize>>,
    /// For each live model: whether a desired model took it.
    taken: Vec<bool>,
}

struct Planner<'a> {
    desired: &'a Config,
    version: &'a GitLabVersion,
    options: PlanOptions,
    operations: Vec<Operation>,
    unchanged: Unchanged,
    diagnostics: Diagnostics,
}

fn text_or_none(text: &Option<String>) -> String {
    text.as_deref()
        .map_or_else(|| "(none)".to_owned(), |t| format!("{t:?}"))
}

fn method_of_record(record: &ModelRecord) -> DeploymentMethod {
    record.deployment_method().unwrap_or(DeploymentMethod::Vllm)
}

/// Whether two identifiers are the same (GitLab reads a blank one as `""`).
fn same_identifier(a: Option<&str>, b: Option<&str>) -> bool {
    a.unwrap_or_default() == b.unwrap_or_default()
}

impl Planner<'_> {
    fn push(
        &mut self,
        action: Action,
        mutation: &'static str,
        document: &'static str,
        summary: String,
        input: Map<String, Value>,
    ) -> &mut Operation {
        self.operations.push(Operation {
            action,
            mutation,
            summary,
            document,
            variables: json!({ "input": input }),
            model_id_from: None,
            creates_model: None,
            api_key: None,
        });
        let last = self.operations.len() - 1;
        &mut self.operations[last]
    }

    fn settings(&mut self, live: &super::state::LiveDuoSettings) {
        let desired = self.desired;
        let mut input = Map::new();
        let mut changes = Vec::new();
        let urls = [
            (
                "aiGatewayUrl",
                "AI gateway URL",
                desired.ai_gateway.url.as_deref().and_then(normalize_url),
                &live.ai_gateway_url,
            ),
            (
                "duoAgentPlatformServiceUrl",
                "Agent Platform service URL",
                desired
                    .agent_platform
                    .url
                    .as_deref()
                    .and_then(normalize_url),
                &live.duo_agent_platform_service_url,
            ),
        ];
        for (name, label, want, have) in urls {
            let have = have.clone().flatten().as_deref().and_then(normalize_url);
            if want != have {
                // A blank URL unsets the setting (`duoSettingsUpdate`).
                input.insert(name.to_owned(), want.clone().unwrap_or_default().into());
                changes.push(format!(
                    "{label} {} \u{2192} {}",
                    text_or_none(&have),
                    text_or_none(&want)
                ));
            }
        }
        let want_secure = match &desired.agent_platform.tls {
            Some(config::TlsInput::Flag(b)) => *b,
            _ => crate::duo_settings::TLS_DEFAULT,
        };
        if let Some(have) = live.self_hosted_duo_agent_platform_service_secure {
            if have != want_secure {
                input.insert(
                    "selfHostedDuoAgentPlatformServiceSecure".to_owned(),
                    want_secure.into(),
                );
                changes.push(format!("Agent Platform TLS {have} \u{2192} {want_secure}"));
            }
        }
        // Unset means GitLab's 60 seconds; from 19.2 it may be stored as
        // null, before it is stored as 60.
        let default = config::TIMEOUT_MIN;
        let want = desired.ai_gateway.timeout_seconds;
        match live.ai_gateway_timeout_seconds {
            None if want.is_some() => self.diagnostics.push(
                Diagnostic::warning(
                    "plan.timeout_unreadable",
                    Path::root().key("ai_gateway").key("timeout_seconds"),
                    "GitLab did not return the AI Gateway request timeout (the token needs read_ai_gateway_timeout), so the plan leaves it as it is",
                )
                .with("permission", "read_ai_gateway_timeout"),
            ),
            None => {}
            Some(have) if want.unwrap_or(default) != have.unwrap_or(default) => {
                let value = match want {
                    Some(seconds) => Value::from(seconds),
                    None if timeline::TIMEOUT_NIL_ALLOWED.reached(self.version) => Value::Null,
                    None => Value::from(default),
                };
                input.insert("aiGatewayTimeoutSeconds".to_owned(), value);
                let show =
                    |t: Option<i64>| t.map_or_else(|| "unset".to_owned(), |t| format!("{t} s"));
                changes.push(format!(
                    "AI gateway timeout {} \u{2192} {}",
                    show(have),
                    show(want)
                ));
            }
            Some(_) => {}
        }
        if changes.is_empty() {
            self.unchanged.settings += 1;
        } else {
            let summary = format!("update Duo settings: {}", changes.join(", "));
            self.push(
                Action::Update,
                "duoSettingsUpdate",
                DUO_SETTINGS_UPDATE,
                summary,
                input,
            );
        }
    }

    fn match_models(&mut self, live: &[LiveModel]) -> Matches {
        let desired = &self.desired.self_hosted_models;
        let mut m = Matches {
            desired: vec![None; desired.len()],
            taken: vec![false; live.len()],
        };
        // 1. GitLab's id.
        for (d, record) in desired.iter().enumerate() {
            let Some(id) = record.gitlab_id else { continue };
            match live.iter().position(|l| l.id == id) {
                Some(l) if !m.taken[l] => {
                    m.desired[d] = Some(l);
                    m.taken[l] = true;
                }
                _ => self.diagnostics.push(
                    Diagnostic::warning(
                        "plan.model_id_not_found",
                        Path::root().key("self_hosted_models").index(d).key("gitlab_id"),
                        format!("GitLab has no self-hosted model {id} (deleted there?): {:?} is matched by its name or created", record.name),
                    )
                    .with("gitlab_id", id),
                ),
            }
        }
        // 2. The name.
        for (d, record) in desired.iter().enumerate() {
            if m.desired[d].is_some() {
                continue;
            }
            if let Some(l) = (0..live.len()).find(|&l| !m.taken[l] && live[l].name == record.name) {
                m.desired[d] = Some(l);
                m.taken[l] = true;
            }
        }
        // 3. The deployment's identity, when it is unique on both sides.
        let identity = |family: &str,
                        method: DeploymentMethod,
                        identifier: Option<&str>,
                        endpoint: Option<String>| {
            (
                family.to_owned(),
                method,
                identifier.unwrap_or_default().to_owned(),
                endpoint,
            )
        };
        let desired_key = |r: &ModelRecord| {
            let method = method_of_record(r);
            identity(
                &r.family,
                method,
                r.identifier.as_deref(),
                document_endpoint(method, r.endpoint.as_deref()),
            )
        };
        let live_key = |l: &LiveModel| {
            let method = method_of(l.provider.as_deref(), l.identifier.as_deref());
            identity(
                &l.family,
                method,
                l.identifier.as_deref(),
                document_endpoint(method, l.endpoint.as_deref()),
            )
        };
        for d in 0..desired.len() {
            if m.desired[d].is_some() {
                continue;
            }
            let key = desired_key(&desired[d]);
            let same_desired = (0..desired.len())
                .filter(|&o| m.desired[o].is_none() && desired_key(&desired[o]) == key)
                .count();
            let candidates: Vec<usize> = (0..live.len())
                .filter(|&l| !m.taken[l] && live_key(&live[l]) == key)
                .collect();
            if let ([l], 1) = (candidates.as_slice(), same_desired) {
                m.desired[d] = Some(*l);
                m.taken[*l] = true;
            }
        }
        m
    }

    /// The `input` of a model create or update.
    fn model_input(&self, record: &ModelRecord) -> Map<String, Value> {
        let method = method_of_record(record);
        let family = record.family().map_or_else(
            || record.family.to_ascii_uppercase(),
            |f| f.graphql_value.to_owned(),
        );
        let mut input = Map::new();
        input.insert("name".to_owned(), record.name.clone().into());
        input.insert("model".to_owned(), family.into());
        let endpoint = document_endpoint(method, record.endpoint.as_deref());
        match (endpoint, method.info().form_dummy_endpoint) {
            (Some(endpoint), _) => {
                input.insert("endpoint".to_owned(), endpoint.into());
            }
            // What GitLab's form sends for a cloud platform, in every
            // version: the API takes no endpoint from 19.4 (first seen), but
            // `AiSelfHostedModel.endpoint` stays non-null, so a model saved
            // without one could not be read back (gitlab-update §7.2,
            // inferred there). The safer rule.
            (None, Some(placeholder)) => {
                input.insert("endpoint".to_owned(), placeholder.into());
            }
            (None, _) => {}
        }
        input.insert(
            "identifier".to_owned(),
            record.identifier.clone().unwrap_or_default().into(),
        );
        input.insert("provider".to_owned(), provider_value(method).into());
        input
    }

    fn models(&mut self, live: &[LiveModel], matches: &Matches) {
        let desired = &self.desired.self_hosted_models;
        let mut creates = Vec::new();
        for (d, record) in desired.iter().enumerate() {
            let key = record.api_key.clone().filter(|k| !k.is_blank());
            let Some(l) = matches.desired[d] else {
                creates.push((record, key));
                continue;
            };
            let have = &live[l];
            let method = method_of_record(record);
            let mut changes = Vec::new();
            if have.name != record.name {
                changes.push(format!("renamed from {:?}", have.name));
            }
            if have.family != record.family {
                changes.push(format!("family {} \u{2192} {}", have.family, record.family));
            }
            let have_method = method_of(have.provider.as_deref(), have.identifier.as_deref());
            if provider_value(have_method) != provider_value(method) {
                changes.push(format!(
                    "platform {} \u{2192} {}",
                    have_method.key(),
                    method.key()
                ));
            }
            let want_endpoint = document_endpoint(method, record.endpoint.as_deref());
            if document_endpoint(have_method, have.endpoint.as_deref()) != want_endpoint {
                changes.push("endpoint".to_owned());
            }
            if !same_identifier(have.identifier.as_deref(), record.identifier.as_deref()) {
                changes.push("identifier".to_owned());
            }
            let send_key = match &key {
                Some(_) if self.options.rotate_api_keys || !have.has_api_token => {
                    changes.push("API key".to_owned());
                    true
                }
                Some(_) => {
                    self.diagnostics.push(
                        Diagnostic::info(
                            "plan.api_key_unverifiable",
                            Path::root().key("self_hosted_models").index(d).key("api_key"),
                            format!("GitLab never returns API keys, so whether {:?}'s stored key is the document's cannot be seen; the plan keeps it (rotate_api_keys sends it)", record.name),
                        )
                        .with("model", record.name.as_str()),
                    );
                    false
                }
                None => false,
            };
            if changes.is_empty() {
                self.unchanged.models += 1;
                continue;
            }
            let mut input = self.model_input(record);
            input.insert("id".to_owned(), model_gid(have.id).into());
            if send_key {
                input.insert("apiToken".to_owned(), MASK.into());
            }
            let summary = format!("update model {:?}: {}", record.name, changes.join(", "));
            let op = self.push(
                Action::Update,
                "aiSelfHostedModelUpdate",
                MODEL_UPDATE,
                summary,
                input,
            );
            op.api_key = key.filter(|_| send_key);
        }
        let hidden = live.iter().all(|m| {
            Family::by_key(&m.family)
                .is_some_and(|f| f.release_state(self.version) == ReleaseState::Ga)
        });
        for (record, key) in creates {
            let mut input = self.model_input(record);
            if key.is_some() {
                input.insert("apiToken".to_owned(), MASK.into());
            }
            let method = method_of_record(record);
            let summary = format!(
                "create model {:?} ({}, {})",
                record.name,
                record.family,
                method.key()
            );
            let beta = record
                .family()
                .is_some_and(|f| f.release_state(self.version) != ReleaseState::Ga);
            if beta && hidden {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "plan.beta_models_hidden",
                        Path::root().key("self_hosted_models"),
                        format!("GitLab lists beta-family models only once the beta terms are accepted and lists none: if {:?} already exists there, creating it fails with \"Name has already been taken\"; accept the terms first (Use beta models and features)", record.name),
                    )
                    .with("model", record.name.as_str()),
                );
            }
            if let Some(l) = live.iter().position(|m| m.name == record.name) {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "plan.name_conflict",
                        Path::root().key("self_hosted_models"),
                        format!("the new model {:?} takes the name of GitLab's model {}, which the plan deletes only at the end: GitLab refuses the create (\"Name has already been taken\"); rename one of them", record.name, live[l].id),
                    )
                    .with("model", record.name.as_str()),
                );
            }
            let op = self.push(
                Action::Create,
                "aiSelfHostedModelCreate",
                MODEL_CREATE,
                summary,
                input,
            );
            op.api_key = key;
            op.creates_model = Some(record.name.clone());
        }
    }

    fn features(&mut self, live: &[LiveFeatureSetting], models: &[LiveModel], matches: &Matches) {
        let desired = self.desired;
        let listed: Vec<&'static feature::Feature> = {
            let mut keys: Vec<&'static feature::Feature> = live.iter().map(|s| s.feature).collect();
            keys.extend(desired.features.iter().map(|s| s.feature));
            keys.sort_by_key(|f| f.id);
            keys.dedup_by_key(|f| f.id);
            keys
        };
        for feature in listed {
            let want = desired.setting(feature.key);
            let have = live.iter().find(|s| s.feature.id == feature.id);
            let want_provider = want.map_or(Provider::Unassigned, |s| s.provider);
            let have_provider = have.map_or(Provider::Unassigned, |s| s.provider);
            let want_model = want
                .and_then(|s| s.model.clone())
                .filter(|m| !m.trim().is_empty());
            // The desired self-hosted model, as a live id when it exists.
            let (want_id, created) = match (want_provider, &want_model) {
                (Provider::SelfHosted, Some(name)) => {
                    let d = desired
                        .self_hosted_models
                        .iter()
                        .position(|r| &r.name == name);
                    match d.and_then(|d| matches.desired[d]) {
                        Some(l) => (Some(models[l].id), None),
                        None => (None, Some(name.clone())),
                    }
                }
                _ => (None, None),
            };
            let same = want_provider == have_provider
                && match want_provider {
                    Provider::SelfHosted => {
                        created.is_none()
                            && have
                                .and_then(|s| s.self_hosted_model.as_ref())
                                .map(|(id, _)| *id)
                                == want_id
                    }
                    // The pinned GitLab-managed model is not read back
                    // (see `graphql`): a vendored setting stays as it is.
                    Provider::Vendored => {
                        if want_model.is_some() {
                            self.diagnostics.push(
                                Diagnostic::info(
                                    "plan.gitlab_model_unverifiable",
                                    Path::root().key("features").key(feature.key).key("model"),
                                    format!("whether {} uses the GitLab-managed model {:?} cannot be read through GitLab's API; the plan sets it only when the feature changes to vendored", feature.title(self.version), want_model.clone().unwrap_or_default()),
                                )
                                .with("feature", feature.key),
                            );
                        }
                        true
                    }
                    Provider::Disabled | Provider::Unassigned => true,
                };
            if same {
                self.unchanged.features += 1;
                continue;
            }
            if !feature.in_graphql {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "plan.feature_not_in_api",
                        Path::root().key("features").key(feature.key),
                        format!("{} is not in GitLab's GraphQL API (it is managed through the Semantic Search settings): the plan cannot set it", feature.title(self.version)),
                    )
                    .with("feature", feature.key),
                );
                continue;
            }
            let mut input = Map::new();
            input.insert("features".to_owned(), json!([feature_value(feature)]));
            input.insert(
                "provider".to_owned(),
                feature_provider_value(want_provider).into(),
            );
            let target = match want_provider {
                Provider::SelfHosted => {
                    if let Some(id) = want_id {
                        input.insert("aiSelfHostedModelId".to_owned(), model_gid(id).into());
                    } else {
                        // Filled in from the create's answer when applied.
                        input.insert("aiSelfHostedModelId".to_owned(), Value::Null);
                    }
                    format!("self_hosted {:?}", want_model.clone().unwrap_or_default())
                }
                Provider::Vendored => match &want_model {
                    Some(reference) => {
                        input.insert("offeredModelRef".to_owned(), reference.clone().into());
                        format!("vendored {reference:?}")
                    }
                    None => {
                        input.insert("offeredModelRef".to_owned(), "".into());
                        "vendored (GitLab default model)".to_owned()
                    }
                },
                other => other.key().to_owned(),
            };
            let summary = format!("set {} \u{2192} {target}", feature.title(self.version));
            let op = self.push(
                Action::Update,
                "aiFeatureSettingUpdate",
                FEATURE_SETTING_UPDATE,
                summary,
                input,
            );
            op.model_id_from = created;
        }
    }

    fn deletions(&mut self, live: &[LiveModel], matches: &Matches) {
        for (l, model) in live.iter().enumerate() {
            if matches.taken[l] {
                continue;
            }
            let method = method_of(model.provider.as_deref(), model.identifier.as_deref());
            let mut input = Map::new();
            input.insert("id".to_owned(), model_gid(model.id).into());
            let summary = format!(
                "delete model {:?} ({}, {})",
                model.name,
                model.family,
                method.key()
            );
            self.push(
                Action::Delete,
                "aiSelfHostedModelDelete",
                MODEL_DELETE,
                summary,
                input,
            );
        }
    }
}

/// How many operations of each action a plan has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Creates.
    pub create: usize,
    /// Updates.
    pub update: usize,
    /// Deletes.
    pub delete: usize,
}

/// The JSON answer of `plan --format json` and the npm package's
/// `planChanges`: the plan, or (with `planned: false`) why there is none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanReport {
    /// Whether a plan exists (the document has no error and the live state
    /// is complete).
    pub planned: bool,
    /// The GitLab version the plan is for, when the document says.
    pub gitlab_version: Option<String>,
    /// The operations, in order (empty when not planned).
    pub operations: Vec<Operation>,
    /// Counts of the operations.
    pub counts: Counts,
    /// What stays as it is.
    pub unchanged: Unchanged,
    /// Every finding: the document's and the live state's reading problems,
    /// the refusal's reasons, the plan's notes.
    pub diagnostics: Diagnostics,
}

impl PlanReport {
    /// Read a document and a live state and plan, collecting every problem.
    pub fn new(
        desired: crate::config::Decoded,
        live: super::DecodedLiveState,
        options: PlanOptions,
    ) -> Self {
        let mut diagnostics = desired.diagnostics;
        diagnostics.extend_under(&Path::root().key("live"), live.diagnostics);
        let Some(config) = desired.config else {
            return PlanReport {
                planned: false,
                gitlab_version: None,
                operations: Vec::new(),
                counts: Counts::default(),
                unchanged: Unchanged::default(),
                diagnostics,
            };
        };
        let gitlab_version = Some(config.gitlab_version.to_string());
        match plan_with(&config, &live.state, options) {
            Ok(plan) => {
                let (create, update, delete) = plan.counts();
                diagnostics.extend(plan.diagnostics);
                PlanReport {
                    planned: true,
                    gitlab_version,
                    operations: plan.operations,
                    counts: Counts {
                        create,
                        update,
                        delete,
                    },
                    unchanged: plan.unchanged,
                    diagnostics,
                }
            }
            Err(refused) => {
                diagnostics.extend(refused.diagnostics);
                PlanReport {
                    planned: false,
                    gitlab_version,
                    operations: Vec::new(),
                    counts: Counts::default(),
                    unchanged: Unchanged::default(),
                    diagnostics,
                }
            }
        }
    }

    /// [`PlanReport::new`] for JSON texts.
    pub fn from_json(config_json: &str, live_json: &str) -> Self {
        Self::new(
            crate::config::Config::from_json(config_json),
            super::LiveState::from_json(live_json),
            PlanOptions::default(),
        )
    }
}
