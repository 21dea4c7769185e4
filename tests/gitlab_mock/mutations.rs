//! The six mutations with GitLab's rules (ref §2, §5, §6, §7.3).
//!
//! Messages GitLab builds from Rails validations are its full messages
//! ("Name has already been taken"); where the reference gives no exact text,
//! the message is Rails' default for the validation the reference names
//! (listed in tests/data/gitlab-graphql/README.md).

use serde_json::{Map, Value};

use super::auth::Permission;
use super::catalog;
use super::exec::{
    feature_obj, model_obj, settings_obj, Abort, Ctx, Node, Obj, Stop, NOT_AVAILABLE,
};
use super::faults::Failure;
use super::store::{parse_gid, FeatureSetting, Model, Provider, Store};
use super::version::Version;

/// Runs mutation `field` with its `input` object.
pub fn run(ctx: &Ctx, field: &str, input: &Map<String, Value>) -> Result<Obj, Stop> {
    match field {
        "duoSettingsUpdate" => duo_settings_update(ctx, input),
        "aiSelfHostedModelCreate" => model_save(ctx, input, None),
        "aiSelfHostedModelUpdate" => {
            require(ctx, Permission::ManageSelfHostedModelsSettings)?;
            let id = gid_input(input, "id")?.ok_or_else(|| Stop::Field(NOT_AVAILABLE.into()))?;
            if ctx.store.borrow().model(id).is_none() {
                // `GitlabSchema.object_from_id` finds nothing; the mock
                // answers as GitLab does for an object the user cannot see.
                return Err(Stop::Field(NOT_AVAILABLE.into()));
            }
            model_save(ctx, input, Some(id))
        }
        "aiSelfHostedModelDelete" => model_delete(ctx, input),
        "aiSelfHostedModelConnectionCheck" => connection_check(ctx, input),
        "aiFeatureSettingUpdate" => feature_setting_update(ctx, input),
        other => Err(Stop::Field(format!("mock GitLab: no mutation {other}"))),
    }
}

/// The payload of mutation `field` when a fault rule makes it fail.
pub fn failed(
    ctx: &Ctx,
    field: &str,
    input: &Map<String, Value>,
    failure: Failure,
) -> Result<Obj, Stop> {
    let message = match failure {
        Failure::Errors(message) => message,
        Failure::TopLevel(message) => return Err(Stop::Field(message)),
        Failure::Http(status) => {
            return Err(Stop::Abort(Abort {
                status,
                ..Abort::internal()
            }))
        }
    };
    let payload = match field {
        "duoSettingsUpdate" => payload("DuoSettingsUpdatePayload", input, vec![message]).node(
            "duoSettings",
            Node::Obj(settings_obj(&ctx.store.borrow().settings, &ctx.perms)),
        ),
        "aiSelfHostedModelCreate" | "aiSelfHostedModelUpdate" => {
            let name = if field == "aiSelfHostedModelCreate" {
                "AiSelfHostedModelCreatePayload"
            } else {
                "AiSelfHostedModelUpdatePayload"
            };
            payload(name, input, vec![message]).leaf("selfHostedModel", Value::Null)
        }
        "aiSelfHostedModelDelete" => {
            payload("AiSelfHostedModelDeletePayload", input, vec![message])
        }
        "aiSelfHostedModelConnectionCheck" => payload(
            "AiSelfHostedModelConnectionCheckPayload",
            input,
            vec![message],
        )
        .leaf("result", Value::Null),
        _ => payload("AiFeatureSettingUpdatePayload", input, vec![message])
            .node("aiFeatureSettings", Node::List(Vec::new())),
    };
    Ok(payload)
}

/// A payload with the two BaseMutation fields.
fn payload(type_name: &'static str, input: &Map<String, Value>, errors: Vec<String>) -> Obj {
    Obj::new(type_name)
        .leaf(
            "clientMutationId",
            input
                .get("clientMutationId")
                .cloned()
                .unwrap_or(Value::Null),
        )
        .leaf("errors", errors)
}

fn require(ctx: &Ctx, permission: Permission) -> Result<(), Stop> {
    if ctx.perms.has(permission) {
        Ok(())
    } else {
        Err(Stop::Field(NOT_AVAILABLE.into()))
    }
}

/// `raise_argument_not_available_if!` / `raise_resource_not_available_error!(attribute)`:
/// a `Gitlab::Graphql::Errors::ArgumentError`, a field error.
fn no_permission_for(attribute: &str) -> Stop {
    Stop::Field(format!(
        "You don't have permission to update the setting {attribute}."
    ))
}

fn gid_input(input: &Map<String, Value>, key: &str) -> Result<Option<u64>, Stop> {
    match input.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => parse_gid(v).map(Some).map_err(Stop::Field),
    }
}

/// Ruby's `blank?` on a string.
fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// The URL blocker's scheme check, the only part of it the mock runs (the
/// library checks the rest; the mock does no DNS).
fn scheme_allowed(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Field `key` of the input: absent (`None`), null (`Some(None)`) or a value.
fn opt_field<'i>(input: &'i Map<String, Value>, key: &str) -> Option<Option<&'i Value>> {
    input
        .get(key)
        .map(|v| if v.is_null() { None } else { Some(v) })
}

fn opt_str(value: Option<&Value>) -> Option<String> {
    value.and_then(Value::as_str).map(str::to_owned)
}

// ------------------------------------------------------------ duoSettingsUpdate

/// ref §7.3 `duoSettingsUpdate`, §6 (rules), §5 (timeout permissions).
fn duo_settings_update(ctx: &Ctx, input: &Map<String, Value>) -> Result<Obj, Stop> {
    let v = ctx.version;
    if v.at_least(19, 2) {
        // `authorize :admin_all_resources` (from S4).
        require(ctx, Permission::AdminAllResources)?;
    }
    // `check_self_hosted_settings!`, in its order.
    for (key, attribute) in [
        ("aiGatewayUrl", "ai_gateway_url"),
        (
            "duoAgentPlatformServiceUrl",
            "duo_agent_platform_service_url",
        ),
        (
            "selfHostedDuoAgentPlatformServiceSecure",
            "self_hosted_duo_agent_platform_service_secure",
        ),
    ] {
        if input.contains_key(key) && !ctx.perms.has(Permission::ManageSelfHostedModelsSettings) {
            return Err(no_permission_for(attribute));
        }
    }
    if input.contains_key("aiGatewayTimeoutSeconds") {
        // Before 19.2 the timeout is one of the self-hosted settings; from
        // the S4 mutation it needs :update_ai_gateway_timeout (ref §5, §7.3).
        let needed = if v.at_least(19, 2) {
            Permission::UpdateAiGatewayTimeout
        } else {
            Permission::ManageSelfHostedModelsSettings
        };
        if !ctx.perms.has(needed) {
            return Err(no_permission_for("ai_gateway_timeout_seconds"));
        }
    }

    let mut store = ctx.store.borrow_mut();
    let mut next = store.settings.clone();
    // `permitted_params`: one trailing '/' removed, blank → nil.
    let normalize = |value: Option<&Value>| {
        opt_str(value)
            .map(|s| s.strip_suffix('/').map_or(s.clone(), str::to_owned))
            .filter(|s| !blank(s))
    };
    if let Some(value) = opt_field(input, "aiGatewayUrl") {
        next.ai_gateway_url = normalize(value);
    }
    if let Some(value) = opt_field(input, "duoAgentPlatformServiceUrl") {
        next.duo_agent_platform_service_url = normalize(value);
    }
    if let Some(value) = opt_field(input, "selfHostedDuoAgentPlatformServiceSecure") {
        match value.and_then(Value::as_bool) {
            Some(b) => next.secure = Some(b),
            // `boolean NOT NULL` from 19.2 (ref §6): the save raises.
            None if v.at_least(19, 2) => return Err(Stop::Abort(Abort::internal())),
            None => next.secure = None,
        }
    }
    if let Some(value) = opt_field(input, "aiGatewayTimeoutSeconds") {
        next.timeout = value.and_then(Value::as_i64);
    }

    let errors = settings_errors(&next, v);
    if !errors.is_empty() {
        // "on error returns the current settings plus errors" (ref §7.3).
        return Ok(payload("DuoSettingsUpdatePayload", input, errors).node(
            "duoSettings",
            Node::Obj(settings_obj(&store.settings, &ctx.perms)),
        ));
    }
    next.updated_at = store.tick();
    store.settings = next;
    Ok(payload("DuoSettingsUpdatePayload", input, Vec::new()).node(
        "duoSettings",
        Node::Obj(settings_obj(&store.settings, &ctx.perms)),
    ))
}

/// The settings' validations (ref §6; `ee/app/models/ai/setting.rb`).
fn settings_errors(s: &super::store::Settings, v: Version) -> Vec<String> {
    let mut errors = Vec::new();
    if let Some(url) = &s.ai_gateway_url {
        if url.chars().count() > 2048 {
            errors.push("Ai gateway url is too long (maximum is 2048 characters)".to_owned());
        }
    }
    if let Some(url) = &s.duo_agent_platform_service_url {
        if url.chars().count() > 2048 {
            errors.push(
                "Duo agent platform service url is too long (maximum is 2048 characters)"
                    .to_owned(),
            );
        }
    }
    match s.timeout {
        // nil allowed from 19.2 (ref §6).
        None if !v.at_least(19, 2) => {
            errors.push("Ai gateway timeout seconds is not a number".to_owned())
        }
        None => {}
        Some(t) if t < 60 => {
            errors.push("Ai gateway timeout seconds must be greater than or equal to 60".to_owned())
        }
        Some(t) if t > 600 => {
            errors.push("Ai gateway timeout seconds must be less than or equal to 600".to_owned())
        }
        Some(_) => {}
    }
    if let Some(url) = &s.ai_gateway_url {
        if !scheme_allowed(url) {
            // The blocker's message added to `ai_gateway_url` (url-blocker.md §3.1).
            errors.push("Ai gateway url Only allowed schemes are http, https".to_owned());
        }
    }
    errors
}

// ------------------------------------------------------- self-hosted models

/// `aiSelfHostedModelCreate` (`id: None`) and `aiSelfHostedModelUpdate`.
fn model_save(ctx: &Ctx, input: &Map<String, Value>, id: Option<u64>) -> Result<Obj, Stop> {
    require(ctx, Permission::ManageSelfHostedModelsSettings)?;
    let v = ctx.version;
    let mut store = ctx.store.borrow_mut();
    let (payload_name, mut model) = match id.and_then(|id| store.model(id)) {
        Some(existing) => ("AiSelfHostedModelUpdatePayload", existing.clone()),
        None => (
            "AiSelfHostedModelCreatePayload",
            Model {
                id: 0,
                name: String::new(),
                family: String::new(),
                endpoint: None,
                identifier: None,
                api_token: None,
                // `provider smallint NOT NULL DEFAULT 0` (api), ref §2.
                provider: Provider::Api,
                created_at: String::new(),
                updated_at: String::new(),
            },
        ),
    };
    // Only the arguments given change the record (graphql-ruby passes the
    // given keyword arguments to `update`); `null` sets nil.
    if let Some(name) = input.get("name").and_then(Value::as_str) {
        model.name = name.to_owned();
    }
    if let Some(family) = input.get("model").and_then(Value::as_str) {
        model.family = family.to_ascii_lowercase();
    }
    if let Some(endpoint) = opt_field(input, "endpoint") {
        // Stripped of surrounding whitespace and written back (duo-domain §2.2).
        model.endpoint = opt_str(endpoint).map(|e| e.trim().to_owned());
    }
    if let Some(token) = opt_field(input, "apiToken") {
        model.api_token = opt_str(token);
    }
    if let Some(identifier) = opt_field(input, "identifier") {
        model.identifier = opt_str(identifier);
    }
    if let Some(provider) = opt_field(input, "provider") {
        match provider
            .and_then(Value::as_str)
            .and_then(Provider::from_graphql)
        {
            Some(p) => model.provider = p,
            // nil into `NOT NULL` (optional argument before 19.4): the save raises.
            None => return Err(Stop::Abort(Abort::internal())),
        }
    }
    if v == Version::new(18, 11) {
        // The S1 `before_save` hook (ref §2): the provider from the prefix.
        model.provider = Provider::from_identifier_prefix(model.identifier.as_deref());
    }

    let errors = model_errors(&model, &store, v);
    if !errors.is_empty() {
        // `ServiceResponse.error(message: …)`; errors = [message] (ref §7.3).
        return Ok(payload(payload_name, input, vec![errors.join(", ")])
            .leaf("selfHostedModel", Value::Null));
    }
    let now = store.tick();
    if id.is_none() {
        model.id = store.next_id;
        store.next_id += 1;
        model.created_at = now.clone();
        model.updated_at = now;
        store.models.push(model.clone());
    } else {
        model.updated_at = now;
        if let Some(slot) = store.models.iter_mut().find(|m| m.id == model.id) {
            *slot = model.clone();
        }
    }
    Ok(payload(payload_name, input, Vec::new())
        .node("selfHostedModel", Node::Obj(model_obj(&model))))
}

/// `Ai::SelfHostedModel` validations (ref §2; duo-domain §2.1, §2.2).
fn model_errors(m: &Model, store: &Store, v: Version) -> Vec<String> {
    let mut errors = Vec::new();
    if blank(&m.name) {
        errors.push("Name can't be blank".to_owned());
    } else if store
        .models
        .iter()
        .any(|o| o.id != m.id && o.name == m.name)
    {
        // Unique, case-sensitive (duo-domain §2.1).
        errors.push("Name has already been taken".to_owned());
    }
    // Required for every provider before 19.0; from 19.0 only for `api`,
    // and URL-checked only then (ref §2).
    let endpoint_checked = !v.at_least(19, 0) || m.provider == Provider::Api;
    if endpoint_checked {
        match m.endpoint.as_deref() {
            None => errors.push("Endpoint must be a valid URL".to_owned()),
            Some(e) if blank(e) => errors.push("Endpoint must be a valid URL".to_owned()),
            Some(e) if !scheme_allowed(e) => {
                errors.push("Endpoint is blocked: Only allowed schemes are http, https".to_owned())
            }
            Some(_) => {}
        }
    }
    if m.identifier
        .as_deref()
        .is_some_and(|i| i.chars().count() > 255)
    {
        errors.push("Identifier is too long (maximum is 255 characters)".to_owned());
    }
    errors
}

/// ref §7.3 `aiSelfHostedModelDelete`.
fn model_delete(ctx: &Ctx, input: &Map<String, Value>) -> Result<Obj, Stop> {
    require(ctx, Permission::ManageSelfHostedModelsSettings)?;
    let id = gid_input(input, "id")?;
    let mut store = ctx.store.borrow_mut();
    let Some(id) = id.filter(|id| store.model(*id).is_some()) else {
        return Ok(payload(
            "AiSelfHostedModelDeletePayload",
            input,
            vec!["Self-hosted model not found".to_owned()],
        ));
    };
    store.models.retain(|m| m.id != id);
    // `ai_feature_settings.ai_self_hosted_model_id` is `ON DELETE CASCADE`
    // (duo-domain §2.1): the settings that used the model go with it.
    store.features.retain(|f| f.model_id != Some(id));
    Ok(payload("AiSelfHostedModelDeletePayload", input, Vec::new()))
}

/// ref §7.3 `aiSelfHostedModelConnectionCheck`: there is no AI gateway here,
/// so the probe is not run; the result says so and counts as a success.
fn connection_check(ctx: &Ctx, input: &Map<String, Value>) -> Result<Obj, Stop> {
    require(ctx, Permission::ManageSelfHostedModelsSettings)?;
    let result = Obj::new("CloudConnectorProbeResult")
        .leaf("name", "self_hosted_model_configuration")
        .leaf("success", true)
        .leaf(
            "message",
            "mock GitLab: no AI gateway to probe; the model configuration was not tested",
        );
    Ok(
        payload("AiSelfHostedModelConnectionCheckPayload", input, Vec::new())
            .node("result", Node::Obj(result)),
    )
}

// -------------------------------------------------------- feature settings

/// ref §7.3 `aiFeatureSettingUpdate` (@ 52d0d30b).
fn feature_setting_update(ctx: &Ctx, input: &Map<String, Value>) -> Result<Obj, Stop> {
    let perms = &ctx.perms;
    if !perms.has(Permission::ManageSelfHostedModelsSettings)
        && !perms.has(Permission::ManageInstanceModelSelection)
    {
        return Err(Stop::Field(NOT_AVAILABLE.into()));
    }
    let features: Vec<&'static catalog::Feature> = input
        .get("features")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .filter_map(|f| catalog::feature_by_key(&f.to_ascii_lowercase()))
                .collect()
        })
        .unwrap_or_default();
    if !matches!(input.get("aiSelfHostedModelId"), None | Some(Value::Null)) {
        let dap = features.iter().any(|f| f.agent_platform_permission());
        let classic = features.iter().any(|f| !f.agent_platform_permission());
        if (dap && !perms.has(Permission::UpdateDapSelfHostedModel))
            || (classic && !perms.has(Permission::ManageSelfHostedModelsSettings))
        {
            return Err(no_permission_for("ai_self_hosted_model_id"));
        }
    }
    if !matches!(input.get("offeredModelRef"), None | Some(Value::Null))
        && !perms.has(Permission::ManageInstanceModelSelection)
    {
        return Err(no_permission_for("offered_model_ref"));
    }
    if features.is_empty() {
        return Ok(payload(
            "AiFeatureSettingUpdatePayload",
            input,
            vec!["At least one feature is required".to_owned()],
        )
        .node("aiFeatureSettings", Node::List(Vec::new())));
    }
    let model_id = gid_input(input, "aiSelfHostedModelId")?;
    let provider = input
        .get("provider")
        .and_then(Value::as_str)
        .unwrap_or("UNASSIGNED")
        .to_ascii_lowercase();

    let mut store = ctx.store.borrow_mut();
    let mut errors = Vec::new();
    let mut saved = Vec::new();
    // One service call per feature; errors collected (ref §7.3).
    for feature in features {
        let model = model_id.and_then(|id| store.model(id)).cloned();
        if provider == "self_hosted" {
            match &model {
                None => {
                    errors.push("Self hosted model can't be blank".to_owned());
                    continue;
                }
                Some(m) if !feature.compatible(&m.family, ctx.version) => {
                    // duo-domain §3.2, ref §3.1: unchanged message.
                    errors.push(format!(
                        "{} is incompatible with the {} feature",
                        catalog::capitalized(&m.family),
                        feature.title(ctx.version)
                    ));
                    continue;
                }
                Some(_) => {}
            }
        }
        let setting = FeatureSetting {
            feature: feature.key.to_owned(),
            provider: provider.clone(),
            model_id,
        };
        match store.features.iter_mut().find(|f| f.feature == feature.key) {
            Some(slot) => *slot = setting,
            None => store.features.push(setting),
        }
        saved.push(Node::Obj(feature_obj(
            feature.key,
            &provider,
            model.as_ref(),
        )));
    }
    Ok(payload("AiFeatureSettingUpdatePayload", input, errors)
        .node("aiFeatureSettings", Node::List(saved)))
}
