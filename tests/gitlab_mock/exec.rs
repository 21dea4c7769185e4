//! Executing a validated operation against the store: apollo-compiler's
//! executor walks the selection sets (aliases, fragments, `__typename`,
//! variables, null propagation); the objects here answer its field calls.

use std::cell::RefCell;

use apollo_compiler::resolvers::{FieldError, ObjectValue, ResolveInfo, ResolvedValue};
use apollo_compiler::response::JsonValue;
use serde_json::{json, Map, Value};

use super::auth::{Permission, Perms};
use super::catalog;
use super::faults::Faults;
use super::mutations;
use super::store::{parse_gid, Model, Settings, Store};
use super::version::Version;

/// GitLab's error for a resource the user may not see or change
/// (`Gitlab::Graphql::Errors::ResourceNotAvailable`, the message of
/// `raise_resource_not_available_error!`).
pub const NOT_AVAILABLE: &str = "The resource that you are attempting to access does not exist or you don't have permission to perform this action";

/// A whole request that ends outside GraphQL execution (an exception in
/// GitLab's controller), with the HTTP status and the message of GitLab's
/// `render_error`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Abort {
    pub status: u16,
    pub message: String,
}

impl Abort {
    /// An unrescued exception: `500 {"errors":[{"message":"Internal server error"}]}`.
    pub fn internal() -> Abort {
        Abort {
            status: 500,
            message: "Internal server error".into(),
        }
    }
}

/// How a mutation ends when it does not return its payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    /// A GraphQL field error (the payload is null, the message is in the
    /// response's top-level `errors` with the mutation's path).
    Field(String),
    /// The request ends with an HTTP error.
    Abort(Abort),
}

/// What one request executes with.
pub struct Ctx {
    pub version: Version,
    pub perms: Perms,
    pub store: RefCell<Store>,
    pub faults: RefCell<Faults>,
    pub abort: RefCell<Option<Abort>>,
}

/// A response object built eagerly from the store.
#[derive(Clone, Debug)]
pub struct Obj {
    pub type_name: &'static str,
    pub fields: Vec<(&'static str, Node)>,
}

/// A value in a response object.
#[derive(Clone, Debug)]
pub enum Node {
    Leaf(Value),
    Obj(Obj),
    List(Vec<Node>),
    /// A field error (e.g. a field the token may not read).
    Error(String),
}

impl Obj {
    pub fn new(type_name: &'static str) -> Obj {
        Obj {
            type_name,
            fields: Vec::new(),
        }
    }

    pub fn leaf(mut self, name: &'static str, value: impl Into<Value>) -> Obj {
        self.fields.push((name, Node::Leaf(value.into())));
        self
    }

    pub fn node(mut self, name: &'static str, node: Node) -> Obj {
        self.fields.push((name, node));
        self
    }
}

fn to_json_bytes(value: Value) -> JsonValue {
    serde_json::from_value(value).unwrap_or(JsonValue::Null)
}

fn into_resolved<'a>(node: Node) -> Result<ResolvedValue<'a>, FieldError> {
    match node {
        // A list of leaves (`errors: [String!]!`) is a list for the executor.
        Node::Leaf(Value::Array(items)) => {
            into_resolved(Node::List(items.into_iter().map(Node::Leaf).collect()))
        }
        Node::Leaf(v) => Ok(ResolvedValue::leaf(to_json_bytes(v))),
        Node::Obj(o) => Ok(ResolvedValue::object(o)),
        Node::List(items) => {
            let items: Box<dyn Iterator<Item = Result<ResolvedValue<'a>, FieldError>> + 'a> =
                Box::new(items.into_iter().map(into_resolved));
            Ok(ResolvedValue::List(items))
        }
        Node::Error(message) => Err(FieldError { message }),
    }
}

impl ObjectValue for Obj {
    fn type_name(&self) -> &str {
        self.type_name
    }

    fn resolve_field<'a>(
        &'a self,
        info: &'a ResolveInfo<'a>,
    ) -> Result<ResolvedValue<'a>, FieldError> {
        match self
            .fields
            .iter()
            .find(|(name, _)| *name == info.field_name())
        {
            Some((_, node)) => into_resolved(node.clone()),
            None => Err(self.unknown_field_error(info)),
        }
    }
}

/// `AiSelfHostedModel` (ref §7.2). `apiToken` is never returned.
pub fn model_obj(m: &Model) -> Obj {
    let display_name = catalog::family_by_key(&m.family)
        .map_or_else(|| m.family.clone(), |f| f.display_name.to_owned());
    Obj::new("AiSelfHostedModel")
        .leaf("apiToken", Value::Null)
        .leaf("createdAt", m.created_at.clone())
        // `String!` in the type: a model without an endpoint (Bedrock or
        // Vertex AI from 19.0) fails to serialize, as ref §7.2 infers.
        .leaf(
            "endpoint",
            m.endpoint.clone().map_or(Value::Null, Value::from),
        )
        .leaf("hasApiToken", m.has_api_token())
        .leaf("id", m.gid())
        // Reads back '' when nil (ref §2).
        .leaf("identifier", m.identifier.clone().unwrap_or_default())
        .leaf("model", m.family.clone())
        .leaf("modelDisplayName", display_name)
        .leaf("name", m.name.clone())
        .leaf("provider", m.provider.graphql())
        .leaf("releaseState", m.release_state())
        .leaf("updatedAt", m.updated_at.clone())
}

/// `AiFeatureSetting` (ref §7.2).
pub fn feature_obj(feature: &str, provider: &str, model: Option<&Model>) -> Obj {
    Obj::new("AiFeatureSetting")
        .leaf("feature", feature)
        .leaf("provider", provider)
        .node(
            "selfHostedModel",
            model.map_or(Node::Leaf(Value::Null), |m| Node::Obj(model_obj(m))),
        )
}

/// `DuoSettings` (ref §7.2): each field null without its read permission.
pub fn settings_obj(s: &Settings, perms: &Perms) -> Obj {
    let guarded = |permission: Permission, value: Value| {
        if perms.has(permission) {
            value
        } else {
            Value::Null
        }
    };
    let read = Permission::ReadSelfHostedModelsSettings;
    Obj::new("DuoSettings")
        .leaf("aiGatewayUrl", guarded(read, json!(s.ai_gateway_url)))
        .leaf(
            "aiGatewayTimeoutSeconds",
            guarded(Permission::ReadAiGatewayTimeout, json!(s.timeout)),
        )
        .leaf(
            "duoAgentPlatformServiceUrl",
            guarded(read, json!(s.duo_agent_platform_service_url)),
        )
        .leaf(
            "selfHostedDuoAgentPlatformServiceSecure",
            guarded(read, json!(s.secure)),
        )
        .leaf("updatedAt", s.updated_at.clone())
}

fn connection(type_name: &'static str, nodes: Vec<Obj>) -> Obj {
    Obj::new(type_name).node(
        "nodes",
        Node::List(nodes.into_iter().map(Node::Obj).collect()),
    )
}

/// The arguments of the field being resolved, as serde_json.
pub fn arguments(info: &ResolveInfo<'_>) -> Map<String, Value> {
    match serde_json::to_value(info.arguments()) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// The `Query` root (ref §7.1).
pub struct QueryRoot<'c>(pub &'c Ctx);

impl ObjectValue for QueryRoot<'_> {
    fn type_name(&self) -> &str {
        "Query"
    }

    fn resolve_field<'a>(
        &'a self,
        info: &'a ResolveInfo<'a>,
    ) -> Result<ResolvedValue<'a>, FieldError> {
        let ctx = self.0;
        let args = arguments(info);
        let store = ctx.store.borrow();
        let node = match info.field_name() {
            "aiSelfHostedModels" => ai_self_hosted_models(ctx, &store, &args)?,
            "aiFeatureSettings" => ai_feature_settings(ctx, &store, &args)?,
            "duoSettings" => Node::Obj(settings_obj(&store.settings, &ctx.perms)),
            _ => return Err(self.unknown_field_error(info)),
        };
        into_resolved(node)
    }
}

fn gid_arg(args: &Map<String, Value>, name: &str) -> Result<Option<u64>, FieldError> {
    match args.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => parse_gid(v)
            .map(Some)
            .map_err(|message| FieldError { message }),
    }
}

/// ref §7.1: nil unless `:manage_self_hosted_models_settings`; with `id`
/// that model; otherwise all models if the beta terms are accepted, else
/// only GA-family models.
fn ai_self_hosted_models(
    ctx: &Ctx,
    store: &Store,
    args: &Map<String, Value>,
) -> Result<Node, FieldError> {
    if !ctx.perms.has(Permission::ManageSelfHostedModelsSettings) {
        return Ok(Node::Leaf(Value::Null));
    }
    let models: Vec<Obj> = match gid_arg(args, "id")? {
        Some(id) => store.model(id).map(model_obj).into_iter().collect(),
        None => store
            .models
            .iter()
            .filter(|m| store.beta_terms_accepted || m.release_state() == "GA")
            .map(model_obj)
            .collect(),
    };
    Ok(Node::Obj(connection("AiSelfHostedModelConnection", models)))
}

/// ref §7.1: nil unless `:manage_instance_model_selection` or
/// `:manage_self_hosted_models_settings`. Lists every offered feature
/// (STABLE, plus FLAGGED when the beta terms are accepted; duo-domain §3.3)
/// with its saved setting, or an unsaved `unassigned` one. With
/// `selfHostedModelId`: the saved settings that use that model.
fn ai_feature_settings(
    ctx: &Ctx,
    store: &Store,
    args: &Map<String, Value>,
) -> Result<Node, FieldError> {
    if !ctx.perms.has(Permission::ManageSelfHostedModelsSettings)
        && !ctx.perms.has(Permission::ManageInstanceModelSelection)
    {
        return Ok(Node::Leaf(Value::Null));
    }
    let row = |key: &str| match store.feature(key) {
        Some(saved) => feature_obj(
            &saved.feature,
            &saved.provider,
            saved.model_id.and_then(|id| store.model(id)),
        ),
        None => feature_obj(key, "unassigned", None),
    };
    let nodes: Vec<Obj> = match gid_arg(args, "selfHostedModelId")? {
        Some(id) => listed_features(ctx.version, store.beta_terms_accepted)
            .filter(|f| store.feature(f.key).is_some_and(|s| s.model_id == Some(id)))
            .map(|f| row(f.key))
            .collect(),
        None => listed_features(ctx.version, store.beta_terms_accepted)
            .map(|f| row(f.key))
            .collect(),
    };
    Ok(Node::Obj(connection("AiFeatureSettingConnection", nodes)))
}

/// The features `aiFeatureSettings` lists in `version`: STABLE ones, then
/// FLAGGED ones when the beta terms are accepted. `embeddings_code` is left
/// out with the `AiFeatures` enum (it is managed through the Semantic Search
/// settings, ref §3.1 row 23).
pub fn listed_features(
    version: Version,
    beta: bool,
) -> impl Iterator<Item = &'static catalog::Feature> {
    let present = catalog::FEATURES
        .iter()
        .filter(move |f| f.exists(version) && f.in_graphql_enum());
    let stable = present.clone().filter(move |f| f.stable(version));
    let flagged = present.filter(move |f| beta && !f.stable(version));
    stable.chain(flagged)
}

/// The `Mutation` root (ref §7.3): each field runs the fault hooks, then the
/// mutation.
pub struct MutationRoot<'c>(pub &'c Ctx);

impl ObjectValue for MutationRoot<'_> {
    fn type_name(&self) -> &str {
        "Mutation"
    }

    fn resolve_field<'a>(
        &'a self,
        info: &'a ResolveInfo<'a>,
    ) -> Result<ResolvedValue<'a>, FieldError> {
        let ctx = self.0;
        let args = arguments(info);
        let input = match args.get("input") {
            Some(Value::Object(input)) => input.clone(),
            _ => Map::new(),
        };
        let field = info.field_name();
        let outcome = {
            let fault = {
                let store = ctx.store.borrow();
                ctx.faults.borrow_mut().check(field, &input, &store)
            };
            match fault {
                Some(failure) => mutations::failed(ctx, field, &input, failure),
                None => mutations::run(ctx, field, &input),
            }
        };
        match outcome {
            Ok(payload) => into_resolved(Node::Obj(payload)),
            Err(Stop::Field(message)) => Err(FieldError { message }),
            Err(Stop::Abort(abort)) => {
                ctx.abort.borrow_mut().get_or_insert(abort);
                Ok(ResolvedValue::null())
            }
        }
    }
}
