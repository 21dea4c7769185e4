//! What the mock GitLab holds: self-hosted models, saved feature settings,
//! the instance's Duo settings and the beta terms, and how a fixture in the
//! live-state shape loads into it.

use serde_json::{json, Map, Value};

use super::catalog;
use super::version::Version;

/// `AiSelfHostedModelProvider` (ref §7.2; stored `api: 0`, `bedrock: 1`,
/// `vertex_ai: 2`, ref §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provider {
    Api,
    Bedrock,
    VertexAi,
}

impl Provider {
    pub fn graphql(self) -> &'static str {
        match self {
            Provider::Api => "API",
            Provider::Bedrock => "BEDROCK",
            Provider::VertexAi => "VERTEX_AI",
        }
    }

    pub fn from_graphql(text: &str) -> Option<Provider> {
        match text {
            "API" => Some(Provider::Api),
            "BEDROCK" => Some(Provider::Bedrock),
            "VERTEX_AI" => Some(Provider::VertexAi),
            _ => None,
        }
    }

    /// The 18.11 `before_save` hook: the provider from the identifier's
    /// prefix (ref §2, "provider from identifier prefix", S1 only).
    pub fn from_identifier_prefix(identifier: Option<&str>) -> Provider {
        match identifier {
            Some(i) if i.starts_with("bedrock/") => Provider::Bedrock,
            Some(i) if i.starts_with("vertex_ai/") => Provider::VertexAi,
            _ => Provider::Api,
        }
    }
}

/// An `ai_self_hosted_models` row.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub id: u64,
    pub name: String,
    /// The family key (`mistral`, `claude_3`, …).
    pub family: String,
    pub endpoint: Option<String>,
    pub identifier: Option<String>,
    /// Never returned by the API; kept so tests can see what was sent.
    pub api_token: Option<String>,
    pub provider: Provider,
    pub created_at: String,
    pub updated_at: String,
}

impl Model {
    pub fn gid(&self) -> String {
        gid(self.id)
    }

    pub fn release_state(&self) -> &'static str {
        catalog::family_by_key(&self.family).map_or("EXPERIMENTAL", |f| f.release_state)
    }

    pub fn has_api_token(&self) -> bool {
        self.api_token.as_deref().is_some_and(|t| !t.is_empty())
    }
}

/// An `ai_feature_settings` row (one per feature).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureSetting {
    pub feature: String,
    /// `disabled`, `vendored`, `self_hosted` or `unassigned`.
    pub provider: String,
    pub model_id: Option<u64>,
}

/// The instance's AI infrastructure settings (ref §6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub ai_gateway_url: Option<String>,
    pub duo_agent_platform_service_url: Option<String>,
    /// `boolean NOT NULL DEFAULT true` from 19.2; nil was possible before.
    pub secure: Option<bool>,
    /// Default 60; nil-able from 19.2.
    pub timeout: Option<i64>,
    pub updated_at: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            ai_gateway_url: None,
            duo_agent_platform_service_url: None,
            secure: Some(true),
            timeout: Some(60),
            updated_at: timestamp(0),
        }
    }
}

/// Everything the mock holds.
#[derive(Clone, Debug)]
pub struct Store {
    pub models: Vec<Model>,
    pub features: Vec<FeatureSetting>,
    pub settings: Settings,
    /// The beta checkbox (`Ai::TestingTermsAcceptance`): shows BETA-family
    /// models in `aiSelfHostedModels` and FLAGGED features in
    /// `aiFeatureSettings`. Not in GraphQL (ref §7.3, last paragraph).
    pub beta_terms_accepted: bool,
    pub next_id: u64,
    pub clock: u64,
}

impl Default for Store {
    fn default() -> Self {
        Store {
            models: Vec::new(),
            features: Vec::new(),
            settings: Settings::default(),
            beta_terms_accepted: false,
            // Database ids start at 1.
            next_id: 1,
            clock: 0,
        }
    }
}

/// `gid://gitlab/Ai::SelfHostedModel/<id>`.
pub fn gid(id: u64) -> String {
    format!("gid://gitlab/Ai::SelfHostedModel/{id}")
}

/// Why a global id is not a self-hosted model's, in GitLab's words
/// (GlobalIDType coercion; see the README of tests/data/gitlab-graphql).
pub fn parse_gid(value: &Value) -> Result<u64, String> {
    let Some(text) = value.as_str() else {
        return Err(format!("{value} is not a valid Global ID"));
    };
    let Some(rest) = text.strip_prefix("gid://gitlab/") else {
        return Err(format!("\"{text}\" is not a valid Global ID"));
    };
    let Some((class, id)) = rest.rsplit_once('/') else {
        return Err(format!("\"{text}\" is not a valid Global ID"));
    };
    if class != "Ai::SelfHostedModel" {
        return Err(format!(
            "\"{text}\" does not represent an instance of Ai::SelfHostedModel"
        ));
    }
    id.parse()
        .map_err(|_| format!("\"{text}\" is not a valid Global ID"))
}

/// A deterministic ISO 8601 time: 2026-12-06T12:00:00Z plus `tick` seconds.
pub fn timestamp(tick: u64) -> String {
    let seconds = 12 * 3600 + tick % (12 * 3600);
    format!(
        "2026-12-06T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

impl Store {
    pub fn tick(&mut self) -> String {
        self.clock += 1;
        timestamp(self.clock)
    }

    pub fn model(&self, id: u64) -> Option<&Model> {
        self.models.iter().find(|m| m.id == id)
    }

    pub fn model_named(&self, name: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.name == name)
    }

    pub fn feature(&self, key: &str) -> Option<&FeatureSetting> {
        self.features.iter().find(|f| f.feature == key)
    }

    /// Everything stored, in the live-state shape, without GitLab's filters
    /// (every model whatever its release state; only saved feature settings).
    pub fn to_stored_json(&self, version: Version) -> Value {
        let models: Vec<Value> = self.models.iter().map(model_json).collect();
        let features: Vec<Value> = self
            .features
            .iter()
            .map(|f| {
                let model = f
                    .model_id
                    .and_then(|id| self.model(id))
                    .map(|m| json!({"id": m.gid(), "name": m.name}));
                json!({"feature": f.feature, "provider": f.provider, "selfHostedModel": model})
            })
            .collect();
        json!({
            "duoSettings": {
                "aiGatewayUrl": self.settings.ai_gateway_url,
                "duoAgentPlatformServiceUrl": self.settings.duo_agent_platform_service_url,
                "selfHostedDuoAgentPlatformServiceSecure": self.settings.secure,
                "aiGatewayTimeoutSeconds": self.settings.timeout,
            },
            "aiSelfHostedModels": {"nodes": models},
            "aiFeatureSettings": {"nodes": features},
            "gitlab_version": version.to_string(),
        })
    }
}

/// A model as in the live-state file (the fields `LIVE_STATE_QUERY` selects).
pub fn model_json(m: &Model) -> Value {
    json!({
        "id": m.gid(),
        "name": m.name,
        "model": m.family,
        "endpoint": m.endpoint,
        "identifier": m.identifier.clone().unwrap_or_default(),
        "hasApiToken": m.has_api_token(),
        "provider": m.provider.graphql(),
        "releaseState": m.release_state(),
    })
}

/// The starting state of a mock GitLab, loadable from the live-state shape
/// (the contract with the library, issue 15):
///
/// ```json
/// {"duoSettings": {"aiGatewayUrl": "…", "duoAgentPlatformServiceUrl": "…",
///                  "selfHostedDuoAgentPlatformServiceSecure": true, "aiGatewayTimeoutSeconds": 60},
///  "aiSelfHostedModels": {"nodes": [{"id": "gid://gitlab/Ai::SelfHostedModel/1", "name": "…",
///     "model": "mistral", "endpoint": "…", "identifier": "…", "hasApiToken": true,
///     "provider": "API", "releaseState": "GA"}]},
///  "aiFeatureSettings": {"nodes": [{"feature": "duo_chat", "provider": "self_hosted",
///     "selfHostedModel": {"id": "gid://gitlab/Ai::SelfHostedModel/1", "name": "…"}}]},
///  "gitlab_version": "19.6"}
/// ```
///
/// Every key is optional; `null` sections (what a token without permission
/// reads) load as empty. A model with `hasApiToken: true` gets the API key
/// `fixture-api-key`. Feature rows `unassigned` without a model are what
/// GitLab lists for unsaved features and are not stored.
#[derive(Clone, Debug, Default)]
pub struct LiveFixture {
    pub(crate) store: Store,
    gitlab_version: Option<String>,
}

impl LiveFixture {
    /// No models, no feature settings, default settings (timeout 60, TLS on,
    /// no URLs), beta terms not accepted.
    pub fn empty() -> Self {
        LiveFixture::default()
    }

    /// Loads the live-state JSON text.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| format!("live state is not JSON: {e}"))?;
        LiveFixture::from_value(&value)
    }

    /// Loads the live-state JSON value.
    pub fn from_value(value: &Value) -> Result<Self, String> {
        let object = value
            .as_object()
            .ok_or("live state: expected a JSON object")?;
        let mut store = Store::default();
        if let Some(settings) = section(object, "duoSettings")? {
            load_settings(&mut store.settings, settings)?;
        }
        if let Some(models) = section(object, "aiSelfHostedModels")? {
            for (i, node) in nodes(models, "aiSelfHostedModels")?.iter().enumerate() {
                let model =
                    load_model(node).map_err(|e| format!("aiSelfHostedModels.nodes[{i}]: {e}"))?;
                if store.model(model.id).is_some() {
                    return Err(format!(
                        "aiSelfHostedModels.nodes[{i}]: duplicate id {}",
                        model.id
                    ));
                }
                if store.model_named(&model.name).is_some() {
                    return Err(format!(
                        "aiSelfHostedModels.nodes[{i}]: duplicate name {:?}",
                        model.name
                    ));
                }
                store.models.push(model);
            }
        }
        if let Some(features) = section(object, "aiFeatureSettings")? {
            for (i, node) in nodes(features, "aiFeatureSettings")?.iter().enumerate() {
                let setting = load_feature(node, &store)
                    .map_err(|e| format!("aiFeatureSettings.nodes[{i}]: {e}"))?;
                if setting.provider == "unassigned" && setting.model_id.is_none() {
                    continue;
                }
                if store.feature(&setting.feature).is_some() {
                    return Err(format!(
                        "aiFeatureSettings.nodes[{i}]: duplicate feature {}",
                        setting.feature
                    ));
                }
                store.features.push(setting);
            }
        }
        store.next_id = store.models.iter().map(|m| m.id).max().unwrap_or(0) + 1;
        let gitlab_version = match object.get("gitlab_version") {
            None | Some(Value::Null) => None,
            Some(Value::String(v)) => Some(v.clone()),
            Some(other) => return Err(format!("gitlab_version: expected a string, got {other}")),
        };
        Ok(LiveFixture {
            store,
            gitlab_version,
        })
    }

    /// Sets the beta checkbox (`aiSelfHostedModels` shows BETA families and
    /// `aiFeatureSettings` FLAGGED features only when it is on).
    pub fn beta_terms_accepted(mut self, accepted: bool) -> Self {
        self.store.beta_terms_accepted = accepted;
        self
    }

    /// The `gitlab_version` key of the loaded file, if any.
    pub fn gitlab_version(&self) -> Option<&str> {
        self.gitlab_version.as_deref()
    }
}

fn section<'v>(
    object: &'v Map<String, Value>,
    key: &str,
) -> Result<Option<&'v Map<String, Value>>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(o)) => Ok(Some(o)),
        Some(other) => Err(format!("{key}: expected an object, got {other}")),
    }
}

fn nodes<'v>(connection: &'v Map<String, Value>, key: &str) -> Result<&'v [Value], String> {
    match connection.get("nodes") {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(other) => Err(format!("{key}.nodes: expected an array, got {other}")),
    }
}

fn opt_string(o: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("{key}: expected a string, got {other}")),
    }
}

fn string(o: &Map<String, Value>, key: &str) -> Result<String, String> {
    opt_string(o, key)?.ok_or_else(|| format!("{key}: missing"))
}

fn load_settings(settings: &mut Settings, o: &Map<String, Value>) -> Result<(), String> {
    if o.contains_key("aiGatewayUrl") {
        settings.ai_gateway_url = opt_string(o, "aiGatewayUrl")?;
    }
    if o.contains_key("duoAgentPlatformServiceUrl") {
        settings.duo_agent_platform_service_url = opt_string(o, "duoAgentPlatformServiceUrl")?;
    }
    match o.get("selfHostedDuoAgentPlatformServiceSecure") {
        None => {}
        Some(Value::Null) => settings.secure = None,
        Some(Value::Bool(b)) => settings.secure = Some(*b),
        Some(other) => {
            return Err(format!(
                "selfHostedDuoAgentPlatformServiceSecure: expected a boolean, got {other}"
            ))
        }
    }
    match o.get("aiGatewayTimeoutSeconds") {
        None => {}
        Some(Value::Null) => settings.timeout = None,
        Some(Value::Number(n)) if n.as_i64().is_some() => settings.timeout = n.as_i64(),
        Some(other) => {
            return Err(format!(
                "aiGatewayTimeoutSeconds: expected an integer, got {other}"
            ))
        }
    }
    Ok(())
}

fn load_model(node: &Value) -> Result<Model, String> {
    let o = node.as_object().ok_or("expected an object")?;
    let id = parse_gid(o.get("id").unwrap_or(&Value::Null)).map_err(|e| format!("id: {e}"))?;
    let family = string(o, "model")?;
    let known = catalog::family_by_key(&family)
        .ok_or_else(|| format!("model: unknown family {family:?}"))?;
    if let Some(state) = opt_string(o, "releaseState")? {
        if state != known.release_state {
            return Err(format!(
                "releaseState: {state} but GitLab derives {} for {family}",
                known.release_state
            ));
        }
    }
    let provider = match opt_string(o, "provider")? {
        None => Provider::Api,
        Some(p) => Provider::from_graphql(&p).ok_or_else(|| format!("provider: unknown {p:?}"))?,
    };
    let has_api_token = match o.get("hasApiToken") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => return Err(format!("hasApiToken: expected a boolean, got {other}")),
    };
    Ok(Model {
        id,
        name: string(o, "name")?,
        family,
        endpoint: opt_string(o, "endpoint")?,
        identifier: opt_string(o, "identifier")?.filter(|i| !i.is_empty()),
        api_token: has_api_token.then(|| "fixture-api-key".to_owned()),
        provider,
        created_at: timestamp(0),
        updated_at: timestamp(0),
    })
}

fn load_feature(node: &Value, store: &Store) -> Result<FeatureSetting, String> {
    let o = node.as_object().ok_or("expected an object")?;
    let feature = string(o, "feature")?;
    if catalog::feature_by_key(&feature).is_none() {
        return Err(format!("feature: unknown {feature:?}"));
    }
    let provider = string(o, "provider")?;
    if !matches!(
        provider.as_str(),
        "disabled" | "vendored" | "self_hosted" | "unassigned"
    ) {
        return Err(format!("provider: unknown {provider:?}"));
    }
    let model_id = match o.get("selfHostedModel") {
        None | Some(Value::Null) => None,
        Some(Value::Object(m)) => {
            let id = parse_gid(m.get("id").unwrap_or(&Value::Null))
                .map_err(|e| format!("selfHostedModel.id: {e}"))?;
            if store.model(id).is_none() {
                return Err(format!(
                    "selfHostedModel: no model with id {id} in aiSelfHostedModels"
                ));
            }
            Some(id)
        }
        Some(other) => return Err(format!("selfHostedModel: expected an object, got {other}")),
    };
    Ok(FeatureSetting {
        feature,
        provider,
        model_id,
    })
}
