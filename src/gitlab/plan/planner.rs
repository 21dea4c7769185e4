//! The planner: matches the document's models to the live ones, then
//! writes the operations section by section (settings, models, features,
//! deletions) in the order the module documentation gives.

use super::{Action, Operation, PlanOptions, Unchanged};
use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::duo_settings::normalize_url;
use crate::feature::{self, timeline, Provider};
use crate::gitlab::graphql::{
    feature_provider_value, feature_value, method_of, provider_value, DUO_SETTINGS_UPDATE,
    FEATURE_SETTING_UPDATE, MODEL_CREATE, MODEL_DELETE, MODEL_UPDATE,
};
use crate::gitlab::import::document_endpoint;
use crate::gitlab::state::{model_gid, LiveFeatureSetting, LiveModel};
use crate::model::family::{DeploymentMethod, Family, ReleaseState};
use crate::model::ModelRecord;
use crate::secret::MASK;
use crate::version::GitLabVersion;
use serde_json::{json, Map, Value};

/// A desired model's counterpart in the live state.
pub(super) struct Matches {
    /// For each desired model (document order): the live model's index.
    desired: Vec<Option<usize>>,
    /// For each live model: whether a desired model took it.
    taken: Vec<bool>,
}

pub(super) struct Planner<'a> {
    pub(super) desired: &'a Config,
    pub(super) version: &'a GitLabVersion,
    pub(super) options: PlanOptions,
    pub(super) operations: Vec<Operation>,
    pub(super) unchanged: Unchanged,
    pub(super) diagnostics: Diagnostics,
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

    pub(super) fn settings(&mut self, live: &crate::gitlab::state::LiveDuoSettings) {
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

    pub(super) fn match_models(&mut self, live: &[LiveModel]) -> Matches {
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

    pub(super) fn models(&mut self, live: &[LiveModel], matches: &Matches) {
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

    pub(super) fn features(
        &mut self,
        live: &[LiveFeatureSetting],
        models: &[LiveModel],
        matches: &Matches,
    ) {
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

    pub(super) fn deletions(&mut self, live: &[LiveModel], matches: &Matches) {
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
