//! The configuration document's fields, and the JSON Schema generated from
//! them.
//!
//! The decoder reads every member by the names in these tables and checks
//! enum values against the same `ALL` tables the schema lists, so the
//! schema cannot drift from what [`Config::from_json`](super::Config::from_json)
//! accepts. The checked-in `schema/config.schema.json` is [`json_schema`]'s
//! output (a test compares them). The model record's members are
//! [`crate::model::ModelRecord`]'s, read by its own decoder; a test checks
//! that this table lists exactly [`crate::model::FIELDS`].

use super::document::{AddOn, Installation, License, Offering, Tier};
use crate::feature::{Provider, FEATURES};
use crate::model::family::{DeploymentMethod, Family};
use serde_json::{json, Map, Value};

/// What a member holds.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// A string.
    Str,
    /// A boolean.
    Bool,
    /// A whole number; the range is checked by the rules, not the schema's
    /// reader, so that an admin gets GitLab's message.
    Integer,
    /// A GitLab version string (`18.9`, `18.10.2`).
    Version,
    /// One of a fixed set of strings.
    Enum(fn() -> Vec<&'static str>),
    /// An array of distinct values from a fixed set of strings.
    EnumList(fn() -> Vec<&'static str>),
    /// An array of strings.
    StrList,
    /// An array of strings, or one string (GitLab's text area).
    StrOrList,
    /// An array of IP address strings.
    IpList,
    /// A boolean, or the text of an environment variable.
    BoolOrStr,
    /// A nested object.
    Object(&'static ObjectSpec),
    /// An array of objects.
    ObjectArray(&'static ObjectSpec),
    /// An object with one optional member per feature key.
    FeatureMap,
}

/// One member of an object.
#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    /// The member name.
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Whether it must be present.
    pub required: bool,
    /// What it means (the schema's `description`).
    pub description: &'static str,
}

/// An object of the document.
#[derive(Clone, Copy, Debug)]
pub struct ObjectSpec {
    /// Its name in the schema's `$defs`.
    pub name: &'static str,
    /// What it is.
    pub description: &'static str,
    /// Its members, in document order.
    pub fields: &'static [FieldSpec],
}

fn keys<T: Copy>(all: &'static [(&'static str, T)]) -> Vec<&'static str> {
    all.iter().map(|(key, _)| *key).collect()
}

const fn field(
    name: &'static str,
    kind: Kind,
    required: bool,
    description: &'static str,
) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        required,
        description,
    }
}

pub(crate) const GITLAB_VERSION: FieldSpec = field(
    "gitlab_version",
    Kind::Version,
    true,
    "The GitLab version (major.minor[.patch]); every rule that changed between releases follows it. Write it as a string: 18.10 as a number reads as 18.1.",
);
pub(crate) const OFFERING: FieldSpec = field(
    "offering",
    Kind::Enum(|| keys(Offering::ALL)),
    false,
    "Where GitLab runs. Default: self_managed.",
);
pub(crate) const TIER: FieldSpec = field(
    "tier",
    Kind::Enum(|| keys(Tier::ALL)),
    true,
    "The subscription tier.",
);
pub(crate) const ADD_ONS: FieldSpec = field(
    "add_ons",
    Kind::EnumList(|| keys(AddOn::ALL)),
    false,
    "The GitLab Duo add-ons purchased. Default: none.",
);
pub(crate) const LICENSE: FieldSpec = field(
    "license",
    Kind::Enum(|| keys(License::ALL)),
    false,
    "Online or offline cloud licence. Default: online.",
);
pub(crate) const INSTALLATION: FieldSpec = field(
    "installation",
    Kind::Enum(|| keys(Installation::ALL)),
    false,
    "How GitLab is installed; decides where generated settings lines go. Default: linux_package.",
);
pub(crate) const BETA: FieldSpec = field(
    "beta_models_and_features",
    Kind::Bool,
    false,
    "\"Use beta models and features in GitLab Duo Self-Hosted\" (accepts the GitLab Testing Agreement). Default: false.",
);

pub(crate) const ALLOW_LOCAL: FieldSpec = field(
    "allow_local_requests_from_web_hooks_and_services",
    Kind::Bool,
    false,
    "\"Allow requests to the local network from webhooks and integrations\". Default: false.",
);
pub(crate) const DENY_ALL: FieldSpec = field(
    "deny_all_requests_except_allowed",
    Kind::Bool,
    false,
    "\"Block all requests, except those on the allowlist\". Default: false.",
);
pub(crate) const ALLOWLIST: FieldSpec = field(
    "outbound_allowlist",
    Kind::StrOrList,
    false,
    "The outbound allowlist: one entry per element, or one string as typed in GitLab's text area.",
);
pub(crate) const SERVER_ADDRESSES: FieldSpec = field(
    "gitlab_server_addresses",
    Kind::IpList,
    false,
    "The GitLab server's own IP addresses, if known (GitLab treats them as localhost).",
);
pub(crate) const NETWORK_SPEC: ObjectSpec = ObjectSpec {
    name: "network",
    description:
        "The instance's outbound request settings (Admin > Settings > Network > Outbound requests).",
    fields: &[ALLOW_LOCAL, DENY_ALL, ALLOWLIST, SERVER_ADDRESSES],
};
pub(crate) const NETWORK: FieldSpec = field(
    "network",
    Kind::Object(&NETWORK_SPEC),
    false,
    "Outbound request settings.",
);

pub(crate) const URL: FieldSpec = field("url", Kind::Str, false, "The URL as typed in GitLab.");
pub(crate) const RESOLVED: FieldSpec = field(
    "resolved_addresses",
    Kind::IpList,
    false,
    "What the URL's host resolves to on the GitLab server, in resolver order; absent when unknown, empty when it does not resolve.",
);
pub(crate) const TIMEOUT: FieldSpec = field(
    "timeout_seconds",
    Kind::Integer,
    false,
    "\"AI Gateway request timeout\" in seconds (GitLab 18.7+): 60 to 600. Absent: unset, which GitLab reads as 60.",
);
pub(crate) const AI_GATEWAY_SPEC: ObjectSpec = ObjectSpec {
    name: "ai_gateway",
    description: "The Local AI Gateway settings.",
    fields: &[URL, RESOLVED, TIMEOUT],
};
pub(crate) const AI_GATEWAY: FieldSpec = field(
    "ai_gateway",
    Kind::Object(&AI_GATEWAY_SPEC),
    false,
    "The self-hosted AI gateway.",
);

pub(crate) const DAP_URL: FieldSpec = field(
    "url",
    Kind::Str,
    false,
    "\"Local URL for the GitLab Duo Agent Platform service\": host:port, without http:// or https://.",
);
pub(crate) const TLS: FieldSpec = field(
    "tls",
    Kind::BoolOrStr,
    false,
    "TLS for the Agent Platform service. 18.10+: the \"Use TLS for the GitLab Duo Agent Platform service\" checkbox (boolean). 18.4-18.9: the value of DUO_AGENT_PLATFORM_SERVICE_SECURE (boolean or its text). Default: true.",
);
pub(crate) const AGENT_PLATFORM_SPEC: ObjectSpec = ObjectSpec {
    name: "agent_platform",
    description: "The GitLab Duo Agent Platform service settings (18.4+).",
    fields: &[DAP_URL, TLS],
};
pub(crate) const AGENT_PLATFORM: FieldSpec = field(
    "agent_platform",
    Kind::Object(&AGENT_PLATFORM_SPEC),
    false,
    "The self-hosted Agent Platform service.",
);

pub(crate) const MODEL_NAME: FieldSpec = field(
    "name",
    Kind::Str,
    true,
    "\"Deployment name\", unique (case-sensitive); features refer to it.",
);
pub(crate) const MODEL_FAMILY: FieldSpec = field(
    "family",
    Kind::Enum(|| Family::keys().collect()),
    true,
    "\"Model family\" key (GitLab's enum key, e.g. mistral, claude_3, gpt); which families a version offers is checked by the model rules.",
);
pub(crate) const MODEL_DEPLOYMENT: FieldSpec = field(
    "deployment",
    Kind::Enum(|| DeploymentMethod::keys().collect()),
    true,
    "Deployment method; which methods a version offers is checked by the model rules.",
);
pub(crate) const MODEL_ENDPOINT: FieldSpec = field(
    "endpoint",
    Kind::Str,
    false,
    "\"Endpoint\" URL of the model server.",
);
pub(crate) const MODEL_API_KEY: FieldSpec = field(
    "api_key",
    Kind::Str,
    false,
    "\"API Key (optional)\"; never printed.",
);
pub(crate) const MODEL_IDENTIFIER: FieldSpec = field(
    "identifier",
    Kind::Str,
    false,
    "\"Model identifier\", e.g. custom_openai/<served model>, bedrock/<model id>, azure/<deployment>.",
);
pub(crate) const MODEL_AWS_REGION: FieldSpec = field(
    "aws_region",
    Kind::Str,
    false,
    "Bedrock: the AI gateway's AWS_REGION.",
);
pub(crate) const MODEL_AWS_REGION_NAME: FieldSpec = field(
    "aws_region_name",
    Kind::Str,
    false,
    "Bedrock: the AI gateway's AWS_REGION_NAME (LiteLLM prefers it over AWS_REGION).",
);
pub(crate) const MODEL_GITLAB_ID: FieldSpec = field(
    "gitlab_id",
    Kind::Integer,
    false,
    "GitLab's id of the model, written by `import`; lets `plan` see a rename as an update. Not checked by the rules.",
);
pub(crate) const MODEL_SPEC: ObjectSpec = ObjectSpec {
    name: "self_hosted_model",
    description: "A self-hosted model deployment.",
    fields: &[
        MODEL_NAME,
        MODEL_FAMILY,
        MODEL_DEPLOYMENT,
        MODEL_ENDPOINT,
        MODEL_API_KEY,
        MODEL_IDENTIFIER,
        MODEL_AWS_REGION,
        MODEL_AWS_REGION_NAME,
        MODEL_GITLAB_ID,
    ],
};
pub(crate) const MODELS: FieldSpec = field(
    "self_hosted_models",
    Kind::ObjectArray(&MODEL_SPEC),
    false,
    "The self-hosted model deployments.",
);

pub(crate) const PROVIDER: FieldSpec = field(
    "provider",
    Kind::Enum(|| Provider::keyed().into_iter().map(|(key, _)| key).collect()),
    true,
    "self_hosted (with model = a deployment name), vendored (the GitLab AI vendor model; model = an optional GitLab-managed model, default the GitLab default model), disabled, or unassigned (a saved unassigned setting; leave the feature out for none).",
);
pub(crate) const MODEL: FieldSpec = field(
    "model",
    Kind::Str,
    false,
    "self_hosted: the deployment name. vendored: the GitLab-managed model reference (absent: GitLab default model).",
);
pub(crate) const FEATURE_SETTING_SPEC: ObjectSpec = ObjectSpec {
    name: "feature_setting",
    description: "One feature's setting.",
    fields: &[PROVIDER, MODEL],
};
pub(crate) const FEATURES_FIELD: FieldSpec = field(
    "features",
    Kind::FeatureMap,
    false,
    "A setting per feature, keyed by GitLab's feature key. A feature left out is unassigned.",
);

/// The top level of the document.
pub const CONFIG_SPEC: ObjectSpec = ObjectSpec {
    name: "config",
    description: "A GitLab Duo Self-Hosted configuration, checked by duo-selfhosted.",
    fields: &[
        GITLAB_VERSION,
        OFFERING,
        TIER,
        ADD_ONS,
        LICENSE,
        INSTALLATION,
        BETA,
        NETWORK,
        AI_GATEWAY,
        AGENT_PLATFORM,
        MODELS,
        FEATURES_FIELD,
    ],
};

/// Every object spec, for tests that probe the decoder with each member.
pub const OBJECT_SPECS: &[&ObjectSpec] = &[
    &CONFIG_SPEC,
    &NETWORK_SPEC,
    &AI_GATEWAY_SPEC,
    &AGENT_PLATFORM_SPEC,
    &MODEL_SPEC,
    &FEATURE_SETTING_SPEC,
];

fn kind_schema(spec: &FieldSpec) -> Value {
    let string_list = json!({"type": "array", "items": {"type": "string"}});
    let mut schema = match spec.kind {
        Kind::Str => json!({"type": "string"}),
        Kind::Bool => json!({"type": "boolean"}),
        Kind::Integer => json!({"type": "integer"}),
        Kind::Version => json!({
            "type": "string",
            "pattern": "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?(-[0-9A-Za-z.]+)?$"
        }),
        Kind::EnumList(values) => {
            json!({"type": "array", "items": {"type": "string", "enum": values()}, "uniqueItems": true})
        }
        Kind::Enum(values) => json!({"type": "string", "enum": values()}),
        Kind::StrList | Kind::IpList => string_list,
        Kind::StrOrList => json!({"oneOf": [{"type": "string"}, string_list]}),
        Kind::BoolOrStr => json!({"type": ["boolean", "string"]}),
        Kind::Object(object) => json!({"$ref": format!("#/$defs/{}", object.name)}),
        Kind::ObjectArray(object) => {
            json!({"type": "array", "items": {"$ref": format!("#/$defs/{}", object.name)}})
        }
        Kind::FeatureMap => {
            let mut properties = Map::new();
            for feature in FEATURES {
                properties.insert(
                    feature.key.to_owned(),
                    json!({"$ref": format!("#/$defs/{}", FEATURE_SETTING_SPEC.name)}),
                );
            }
            json!({"type": "object", "properties": properties, "additionalProperties": false})
        }
    };
    if let Value::Object(map) = &mut schema {
        map.insert("description".to_owned(), spec.description.into());
    }
    schema
}

fn object_schema(object: &ObjectSpec) -> Value {
    let mut properties = Map::new();
    for field in object.fields {
        properties.insert(field.name.to_owned(), kind_schema(field));
    }
    let required: Vec<&str> = object
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    let mut schema = json!({
        "type": "object",
        "description": object.description,
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        if let Value::Object(map) = &mut schema {
            map.insert("required".to_owned(), json!(required));
        }
    }
    schema
}

/// The JSON Schema (draft 2020-12) of the configuration document.
pub fn json_schema() -> Value {
    let mut schema = object_schema(&CONFIG_SPEC);
    let mut defs = Map::new();
    for object in OBJECT_SPECS.iter().skip(1) {
        defs.insert(object.name.to_owned(), object_schema(object));
    }
    if let Value::Object(map) = &mut schema {
        map.insert(
            "$schema".to_owned(),
            "https://json-schema.org/draft/2020-12/schema".into(),
        );
        map.insert("title".to_owned(), "duo-selfhosted configuration".into());
        map.insert("$defs".to_owned(), Value::Object(defs));
    }
    schema
}

/// [`json_schema`] as the checked-in file's text: pretty JSON and a final
/// new line.
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    text.push('\n');
    text
}
