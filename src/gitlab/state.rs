//! The live set-up as GitLab's GraphQL API returns it: the values of the
//! three query fields `duoSettings`, `aiSelfHostedModels` and
//! `aiFeatureSettings` (`gitlab-update-2026-12.md` §7.1, §7.2).
//!
//! A field GitLab returns as `null` is not an error of the reader: GitLab
//! answers `null` when the token's user lacks the permission the field needs,
//! so the reader says which permission, and the field is left unknown.
//! Codes: `live.invalid_json`, `live.wrong_type`, `live.field_null`,
//! `live.unknown_family`, `live.unknown_feature`, `live.unknown_provider`,
//! `live.bad_id`.

use crate::decode::type_name;
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::feature::{self, Feature, Provider};
use crate::model::family::Family;
use crate::version::GitLabVersion;
use serde_json::{Map, Value};

/// The prefix of a self-hosted model's global id.
pub const MODEL_GID_PREFIX: &str = "gid://gitlab/Ai::SelfHostedModel/";

/// `DuoSettings`: the instance's AI gateway and Agent Platform settings.
/// `None` in a field: GitLab did not say (no permission, or an older
/// GitLab without the field).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LiveDuoSettings {
    /// `aiGatewayUrl`; `Some(None)`: set to nothing.
    pub ai_gateway_url: Option<Option<String>>,
    /// `aiGatewayTimeoutSeconds` (needs `:read_ai_gateway_timeout`).
    pub ai_gateway_timeout_seconds: Option<Option<i64>>,
    /// `duoAgentPlatformServiceUrl`.
    pub duo_agent_platform_service_url: Option<Option<String>>,
    /// `selfHostedDuoAgentPlatformServiceSecure` (18.11+).
    pub self_hosted_duo_agent_platform_service_secure: Option<bool>,
}

/// One `AiSelfHostedModel`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveModel {
    /// The numeric part of `gid://gitlab/Ai::SelfHostedModel/<id>`.
    pub id: u64,
    /// The deployment name.
    pub name: String,
    /// The family key (`model`, lower case).
    pub family: String,
    /// The endpoint (non-null in the type; may be a platform's placeholder).
    pub endpoint: Option<String>,
    /// The identifier (GitLab reads a blank one back as `""`).
    pub identifier: Option<String>,
    /// Whether GitLab holds an API key (it never returns the key).
    pub has_api_token: bool,
    /// `API`, `BEDROCK` or `VERTEX_AI` (18.11+).
    pub provider: Option<String>,
}

/// One `AiFeatureSetting`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveFeatureSetting {
    /// The feature.
    pub feature: &'static Feature,
    /// Its provider.
    pub provider: Provider,
    /// The self-hosted model's id and name, for `self_hosted`.
    pub self_hosted_model: Option<(u64, String)>,
}

/// The live set-up: what the three queries answered. A `None` part was
/// `null` (no permission) or absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LiveState {
    /// The GitLab version, when the file says.
    pub gitlab_version: Option<GitLabVersion>,
    /// `duoSettings`.
    pub duo_settings: Option<LiveDuoSettings>,
    /// `aiSelfHostedModels.nodes`.
    pub models: Option<Vec<LiveModel>>,
    /// `aiFeatureSettings.nodes`.
    pub feature_settings: Option<Vec<LiveFeatureSetting>>,
}

/// A read live state and what was wrong with it.
#[derive(Clone, Debug)]
pub struct DecodedLiveState {
    /// The state (parts GitLab did not give are `None`).
    pub state: LiveState,
    /// Every problem found.
    pub diagnostics: Diagnostics,
}

/// The permission each query field needs (`gitlab-update-2026-12.md` §7.1,
/// §7.2), named in `live.field_null`.
pub const FIELD_PERMISSIONS: &[(&str, &str)] = &[
    ("duoSettings", "read_self_hosted_models_settings"),
    (
        "duoSettings.aiGatewayUrl",
        "read_self_hosted_models_settings",
    ),
    (
        "duoSettings.aiGatewayTimeoutSeconds",
        "read_ai_gateway_timeout",
    ),
    (
        "duoSettings.duoAgentPlatformServiceUrl",
        "read_self_hosted_models_settings",
    ),
    (
        "duoSettings.selfHostedDuoAgentPlatformServiceSecure",
        "read_self_hosted_models_settings",
    ),
    ("aiSelfHostedModels", "manage_self_hosted_models_settings"),
    (
        "aiFeatureSettings",
        "manage_self_hosted_models_settings or manage_instance_model_selection",
    ),
];

fn permission_for(field: &str) -> &'static str {
    FIELD_PERMISSIONS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("an administrator", |(_, p)| p)
}

fn field_null(field: &str, path: Path) -> Diagnostic {
    let permission = permission_for(field);
    Diagnostic::warning(
        "live.field_null",
        path,
        format!("GitLab returned no {field}: the token's user needs the {permission} permission (an administrator on a licence with self-hosted models), or this GitLab version has no such field; it is left unknown"),
    )
    .with("field", field)
    .with("permission", permission)
}

fn wrong(path: &Path, expected: &'static str, found: &Value) -> Diagnostic {
    Diagnostic::error(
        "live.wrong_type",
        path.clone(),
        format!(
            "GitLab's answer has {} where {expected} belongs",
            type_name(found)
        ),
    )
    .with("expected", expected)
    .with("found", type_name(found))
}

/// The numeric id of a `gid://gitlab/Ai::SelfHostedModel/<id>`.
pub fn model_id(gid: &str) -> Option<u64> {
    gid.strip_prefix(MODEL_GID_PREFIX)?
        .parse()
        .ok()
        .filter(|id| *id > 0)
}

/// The global id of model `id`.
pub fn model_gid(id: u64) -> String {
    format!("{MODEL_GID_PREFIX}{id}")
}

struct Reader<'a> {
    diagnostics: &'a mut Diagnostics,
}

impl Reader<'_> {
    fn object<'v>(&mut self, value: &'v Value, path: &Path) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.diagnostics.push(wrong(path, "an object", other));
                None
            }
        }
    }

    /// A nullable string member: `None` absent, `Some(None)` null.
    fn text(
        &mut self,
        map: &Map<String, Value>,
        name: &'static str,
        path: &Path,
    ) -> Option<Option<String>> {
        match map.get(name)? {
            Value::Null => Some(None),
            Value::String(s) => Some(Some(s.clone())),
            other => {
                self.diagnostics
                    .push(wrong(&path.key(name), "a string", other));
                None
            }
        }
    }

    fn boolean(
        &mut self,
        map: &Map<String, Value>,
        name: &'static str,
        path: &Path,
    ) -> Option<bool> {
        match map.get(name)? {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            other => {
                self.diagnostics
                    .push(wrong(&path.key(name), "a boolean", other));
                None
            }
        }
    }

    fn id(&mut self, map: &Map<String, Value>, path: &Path) -> Option<u64> {
        let path = path.key("id");
        match map.get("id") {
            Some(Value::String(gid)) => {
                let id = model_id(gid);
                if id.is_none() {
                    self.diagnostics.push(
                        Diagnostic::error(
                            "live.bad_id",
                            path,
                            format!("{gid:?} is not a self-hosted model's global id ({MODEL_GID_PREFIX}<n>)"),
                        )
                        .with("id", gid.as_str()),
                    );
                }
                id
            }
            Some(other) => {
                self.diagnostics
                    .push(wrong(&path, "a global id string", other));
                None
            }
            None => {
                self.diagnostics
                    .push(wrong(&path, "a global id string", &Value::Null));
                None
            }
        }
    }

    fn duo_settings(&mut self, value: &Value, path: &Path) -> Option<LiveDuoSettings> {
        let map = self.object(value, path)?;
        let mut settings = LiveDuoSettings {
            ai_gateway_url: self.text(map, "aiGatewayUrl", path),
            ai_gateway_timeout_seconds: None,
            duo_agent_platform_service_url: self.text(map, "duoAgentPlatformServiceUrl", path),
            self_hosted_duo_agent_platform_service_secure: self.boolean(
                map,
                "selfHostedDuoAgentPlatformServiceSecure",
                path,
            ),
        };
        settings.ai_gateway_timeout_seconds = match map.get("aiGatewayTimeoutSeconds") {
            None => None,
            Some(Value::Null) => Some(None),
            Some(Value::Number(n)) if n.as_i64().is_some() => Some(n.as_i64()),
            Some(other) => {
                self.diagnostics.push(wrong(
                    &path.key("aiGatewayTimeoutSeconds"),
                    "an integer",
                    other,
                ));
                None
            }
        };
        // A null answer for a field the user may not read is said once per
        // field; `aiGatewayTimeoutSeconds` has its own permission.
        for (field, present) in [
            (
                "aiGatewayTimeoutSeconds",
                settings.ai_gateway_timeout_seconds.is_some(),
            ),
            (
                "selfHostedDuoAgentPlatformServiceSecure",
                settings
                    .self_hosted_duo_agent_platform_service_secure
                    .is_some(),
            ),
        ] {
            if !present {
                self.diagnostics
                    .push(field_null(&format!("duoSettings.{field}"), path.key(field)));
            }
        }
        Some(settings)
    }

    fn nodes<'v>(&mut self, value: &'v Value, path: &Path) -> Option<&'v Vec<Value>> {
        let map = self.object(value, path)?;
        match map.get("nodes") {
            Some(Value::Array(nodes)) => Some(nodes),
            Some(other) => {
                self.diagnostics
                    .push(wrong(&path.key("nodes"), "an array", other));
                None
            }
            None => {
                self.diagnostics
                    .push(wrong(&path.key("nodes"), "an array", &Value::Null));
                None
            }
        }
    }

    fn model(&mut self, value: &Value, path: &Path) -> Option<LiveModel> {
        let map = self.object(value, path)?;
        let id = self.id(map, path)?;
        let name = self.text(map, "name", path).flatten().unwrap_or_default();
        let family = self.text(map, "model", path).flatten().unwrap_or_default();
        if Family::by_key(&family).is_none() {
            self.diagnostics.push(
                Diagnostic::warning(
                    "live.unknown_family",
                    path.key("model"),
                    format!(
                        "GitLab has a model of family {family:?}, which these rules do not know"
                    ),
                )
                .with("family", family.as_str()),
            );
        }
        Some(LiveModel {
            id,
            name,
            family,
            endpoint: self.text(map, "endpoint", path).flatten(),
            identifier: self.text(map, "identifier", path).flatten(),
            has_api_token: self.boolean(map, "hasApiToken", path).unwrap_or(false),
            provider: self.text(map, "provider", path).flatten(),
        })
    }

    fn feature_setting(&mut self, value: &Value, path: &Path) -> Option<LiveFeatureSetting> {
        let map = self.object(value, path)?;
        let key = self
            .text(map, "feature", path)
            .flatten()
            .unwrap_or_default();
        let Some(feature) = feature::lookup(&key) else {
            self.diagnostics.push(
                Diagnostic::warning(
                    "live.unknown_feature",
                    path.key("feature"),
                    format!("GitLab has a setting for the feature {key:?}, which these rules do not know; it is left out"),
                )
                .with("feature", key.as_str()),
            );
            return None;
        };
        let provider_text = self
            .text(map, "provider", path)
            .flatten()
            .unwrap_or_default();
        let Some(provider) = Provider::keyed()
            .into_iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(&provider_text))
            .map(|(_, p)| p)
        else {
            self.diagnostics.push(
                Diagnostic::error(
                    "live.unknown_provider",
                    path.key("provider"),
                    format!("GitLab gave the provider {provider_text:?} for {key}"),
                )
                .with("provider", provider_text.as_str()),
            );
            return None;
        };
        let model_path = path.key("selfHostedModel");
        let self_hosted_model = match map.get("selfHostedModel") {
            Some(Value::Object(model)) => {
                let id = self.id(model, &model_path);
                let name = self
                    .text(model, "name", &model_path)
                    .flatten()
                    .unwrap_or_default();
                id.map(|id| (id, name))
            }
            Some(Value::Null) | None => None,
            Some(other) => {
                self.diagnostics
                    .push(wrong(&model_path, "an object", other));
                None
            }
        };
        Some(LiveFeatureSetting {
            feature,
            provider,
            self_hosted_model,
        })
    }
}

impl LiveState {
    /// Read a live-state file: one JSON object with the three query
    /// fields' values (as GitLab returns them under `data.<field>`), and
    /// optionally `gitlab_version`. A whole GraphQL response
    /// (`{"data": {…}}`) is read too.
    pub fn from_json(text: &str) -> DecodedLiveState {
        let mut diagnostics = Diagnostics::new();
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                diagnostics.push(
                    Diagnostic::error(
                        "live.invalid_json",
                        Path::root(),
                        format!(
                            "the live state is not JSON: line {} column {}",
                            e.line(),
                            e.column()
                        ),
                    )
                    .with("line", e.line())
                    .with("column", e.column()),
                );
                return DecodedLiveState {
                    state: LiveState::default(),
                    diagnostics,
                };
            }
        };
        let state = Self::from_value(&value, &mut diagnostics);
        DecodedLiveState { state, diagnostics }
    }

    /// Read an already parsed live state (see [`LiveState::from_json`]).
    pub fn from_value(value: &Value, diagnostics: &mut Diagnostics) -> LiveState {
        let mut reader = Reader { diagnostics };
        let root = Path::root();
        let Some(mut map) = reader.object(value, &root) else {
            return LiveState::default();
        };
        if let Some(Value::Object(data)) = map.get("data") {
            map = data;
        }
        let mut state = LiveState::default();
        match map.get("gitlab_version") {
            None | Some(Value::Null) => {}
            Some(Value::String(text)) => match text.parse() {
                Ok(v) => state.gitlab_version = Some(v),
                Err(e) => reader.diagnostics.push(
                    Diagnostic::error(
                        "live.wrong_type",
                        root.key("gitlab_version"),
                        format!("invalid GitLab version {text:?}: {e}"),
                    )
                    .with("expected", "a GitLab version")
                    .with("found", "string"),
                ),
            },
            Some(other) => {
                reader
                    .diagnostics
                    .push(wrong(&root.key("gitlab_version"), "a string", other))
            }
        }
        for field in ["duoSettings", "aiSelfHostedModels", "aiFeatureSettings"] {
            let path = root.key(field);
            let value = match map.get(field) {
                None | Some(Value::Null) => {
                    reader.diagnostics.push(field_null(field, path));
                    continue;
                }
                Some(v) => v,
            };
            match field {
                "duoSettings" => state.duo_settings = reader.duo_settings(value, &path),
                "aiSelfHostedModels" => {
                    state.models = reader.nodes(value, &path).map(|nodes| {
                        let list = path.key("nodes");
                        nodes
                            .iter()
                            .enumerate()
                            .filter_map(|(i, n)| reader.model(n, &list.index(i)))
                            .collect()
                    });
                }
                _ => {
                    state.feature_settings = reader.nodes(value, &path).map(|nodes| {
                        let list = path.key("nodes");
                        nodes
                            .iter()
                            .enumerate()
                            .filter_map(|(i, n)| reader.feature_setting(n, &list.index(i)))
                            .collect()
                    });
                }
            }
        }
        state
    }

    /// The live state as the file `import --save-live` writes: the three
    /// query fields in GitLab's shape, and `gitlab_version` when known.
    pub fn to_value(&self) -> Value {
        let mut out = Map::new();
        if let Some(v) = &self.gitlab_version {
            out.insert("gitlab_version".to_owned(), v.to_string().into());
        }
        let settings = self.duo_settings.as_ref().map(|s| {
            let mut m = Map::new();
            if let Some(url) = &s.ai_gateway_url {
                m.insert("aiGatewayUrl".to_owned(), url.clone().into());
            }
            if let Some(timeout) = s.ai_gateway_timeout_seconds {
                m.insert("aiGatewayTimeoutSeconds".to_owned(), timeout.into());
            }
            if let Some(url) = &s.duo_agent_platform_service_url {
                m.insert("duoAgentPlatformServiceUrl".to_owned(), url.clone().into());
            }
            if let Some(secure) = s.self_hosted_duo_agent_platform_service_secure {
                m.insert(
                    "selfHostedDuoAgentPlatformServiceSecure".to_owned(),
                    secure.into(),
                );
            }
            Value::Object(m)
        });
        out.insert("duoSettings".to_owned(), settings.unwrap_or(Value::Null));
        let models = self.models.as_ref().map(|models| {
            let nodes: Vec<Value> = models
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "id": model_gid(m.id), "name": m.name, "model": m.family,
                        "endpoint": m.endpoint, "identifier": m.identifier,
                        "hasApiToken": m.has_api_token, "provider": m.provider,
                    })
                })
                .collect();
            serde_json::json!({ "nodes": nodes })
        });
        out.insert(
            "aiSelfHostedModels".to_owned(),
            models.unwrap_or(Value::Null),
        );
        let settings = self.feature_settings.as_ref().map(|list| {
            let nodes: Vec<Value> = list
                .iter()
                .map(|s| {
                    serde_json::json!({
                        "feature": s.feature.key,
                        "provider": s.provider.key(),
                        "selfHostedModel": s.self_hosted_model.as_ref().map(|(id, name)| serde_json::json!({"id": model_gid(*id), "name": name})),
                    })
                })
                .collect();
            serde_json::json!({ "nodes": nodes })
        });
        out.insert(
            "aiFeatureSettings".to_owned(),
            settings.unwrap_or(Value::Null),
        );
        Value::Object(out)
    }

    /// The live model with GitLab id `id`.
    pub fn model(&self, id: u64) -> Option<&LiveModel> {
        self.models.as_ref()?.iter().find(|m| m.id == id)
    }
}
