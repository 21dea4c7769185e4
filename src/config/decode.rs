//! Reading the document with [`Fields`]: every problem is reported, unknown
//! members get the nearest valid name. The header (version, tier, offering,
//! licence, installation, beta setting) must be readable for the rules to
//! run; a broken feature setting, model record or address is reported and
//! left out, so the rest is still checked.

use super::document::{
    AddOn, AgentPlatform, AiGateway, AllowlistInput, Config, FeatureSetting, Installation, License,
    Network, Offering, Tier,
};
use super::schema::{self, FieldSpec};
use crate::decode::parse_json;
use crate::decode::{enum_value, string_items, wrong_type, Fields};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::duo_settings::TlsInput;
use crate::feature::{Provider, FEATURES};
use crate::model::record::ModelRecord;
use crate::timeline;
use crate::version::GitLabVersion;
use serde_json::Value;
use std::net::IpAddr;

/// A decoded document: the configuration when its header could be read,
/// and every problem found while reading.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The configuration; `None` when a header field is missing or wrong.
    pub config: Option<Config>,
    /// Every decoding problem.
    pub diagnostics: Diagnostics,
    /// When `config` is `None` but the document is an object: the rest of
    /// the document with stand-ins for the header fields that could not be
    /// read ([`Assumed`]), so that every part that could be read is still
    /// checked ([`check_json`](super::check_json) does). Not a
    /// configuration to resolve or to print settings for.
    pub partial: Option<(Config, Assumed)>,
}

/// The header fields a [`Decoded::partial`] configuration could not read,
/// and the stand-in given to each: the value that asks least of the rest
/// of the document (the newest release the rules cover, Ultimate, the beta
/// setting on, and the defaults of the optional fields).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assumed {
    /// `(field, stand-in)` pairs, in document order.
    pub fields: Vec<(&'static str, String)>,
}

impl Config {
    /// Read a JSON document, reporting every problem.
    pub fn from_json(text: &str) -> Decoded {
        let mut diagnostics = Diagnostics::new();
        match parse_json(text, &mut diagnostics) {
            Some(value) => from_value(&value, Some(text)),
            None => Decoded {
                config: None,
                diagnostics,
                partial: None,
            },
        }
    }

    /// Read a TOML document with the same structure as the JSON one.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Decoded {
        from_toml(text)
    }

    /// Read an already parsed JSON value.
    pub fn from_value(value: &serde_json::Value) -> Decoded {
        from_value(value, None)
    }
}

/// Read an optional enum member; `Err(())` when present but wrong.
fn optional_enum<T: Copy>(
    fields: &mut Fields<'_>,
    spec: &FieldSpec,
    all: &[(&'static str, T)],
    default: T,
    diagnostics: &mut Diagnostics,
) -> Result<T, ()> {
    if fields.take(spec.name).is_none() {
        return Ok(default);
    }
    fields.take_enum(spec.name, all, diagnostics).ok_or(())
}

fn version(
    fields: &mut Fields<'_>,
    source: Option<&str>,
    diagnostics: &mut Diagnostics,
) -> Option<GitLabVersion> {
    let path = fields.path_of(schema::GITLAB_VERSION.name);
    match fields.require(schema::GITLAB_VERSION.name, diagnostics)? {
        Value::String(text) => match text.trim().parse::<GitLabVersion>() {
            Ok(v) => Some(v),
            Err(e) => {
                diagnostics.push(
                    Diagnostic::error(
                        "config.invalid_version",
                        path,
                        format!("invalid GitLab version {text:?}: {e}"),
                    )
                    .with("value", text.as_str())
                    .with("reason", e.to_string()),
                );
                None
            }
        },
        Value::Number(n) => {
            let read_as = n.to_string();
            let written = source
                .and_then(|text| written_number(text, schema::GITLAB_VERSION.name, n))
                .unwrap_or_else(|| read_as.clone());
            let why = if written == read_as {
                "as a number, 18.10 would read as 18.1".to_owned()
            } else {
                format!("as a number, {written} reads as {read_as}")
            };
            diagnostics.push(
                Diagnostic::error(
                    "config.version_is_number",
                    path,
                    format!("write the GitLab version as a string, \"{written}\": {why}"),
                )
                .with("value", written)
                .with("read_as", read_as),
            );
            None
        }
        other => {
            diagnostics.push(wrong_type(&path, "string", other));
            None
        }
    }
}

/// How the number `n` of member `key` is written in the document's text
/// (`18.10`, where the parsed number says `18.1`): after the first `key`
/// (bare or quoted) and its `:` or `=`, the number as serde_json shows it
/// followed only by zeros. Compared as text (float parsing would bring
/// the standard library's float tables into the npm package).
fn written_number(text: &str, key: &str, n: &serde_json::Number) -> Option<String> {
    let shown = n.to_string();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find(key) {
        from += found + key.len();
        // Skip a closing quote and blanks, then `:` or `=`, then blanks.
        let mut at = from;
        let mut separator = false;
        while let Some(&b) = bytes.get(at) {
            match b {
                b'"' | b' ' | b'\t' => at += 1,
                b':' | b'=' if !separator => {
                    separator = true;
                    at += 1;
                }
                _ => break,
            }
        }
        let start = at;
        while bytes
            .get(at)
            .is_some_and(|b| b.is_ascii_digit() || *b == b'.')
        {
            at += 1;
        }
        let written = &text[start..at];
        if separator
            && written.starts_with(shown.as_str())
            && written.bytes().skip(shown.len()).all(|b| b == b'0')
        {
            return Some(written.to_owned());
        }
    }
    None
}

fn ip_list(value: &Value, path: &Path, diagnostics: &mut Diagnostics) -> Option<Vec<IpAddr>> {
    let Value::Array(items) = value else {
        diagnostics.push(wrong_type(path, "array", value));
        return None;
    };
    let mut out = Vec::new();
    for (i, text) in string_items(items, path, diagnostics) {
        match text.trim().parse::<IpAddr>() {
            Ok(ip) => out.push(ip),
            Err(_) => diagnostics.push(
                Diagnostic::error(
                    "config.invalid_ip_address",
                    path.index(i),
                    format!("{text:?} is not an IP address"),
                )
                .with("value", text),
            ),
        }
    }
    Some(out)
}

fn network(value: &Value, path: &Path, diagnostics: &mut Diagnostics) -> Network {
    let mut network = Network::default();
    let Some(mut fields) = Fields::new(value, path, diagnostics) else {
        return network;
    };
    if let Some(b) = fields.take_bool(schema::ALLOW_LOCAL.name, diagnostics) {
        network.allow_local_requests_from_web_hooks_and_services = b;
    }
    if let Some(b) = fields.take_bool(schema::DENY_ALL.name, diagnostics) {
        network.deny_all_requests_except_allowed = b;
    }
    let list_path = fields.path_of(schema::ALLOWLIST.name);
    match fields.take(schema::ALLOWLIST.name) {
        None => {}
        Some(Value::String(text)) => {
            network.outbound_allowlist = AllowlistInput::Text(text.clone())
        }
        Some(Value::Array(items)) => {
            network.outbound_allowlist = AllowlistInput::Entries(
                string_items(items, &list_path, diagnostics)
                    .into_iter()
                    .map(|(_, s)| s.to_owned())
                    .collect(),
            );
        }
        Some(other) => diagnostics.push(wrong_type(&list_path, "array or string", other)),
    }
    let addresses_path = fields.path_of(schema::SERVER_ADDRESSES.name);
    if let Some(value) = fields.take(schema::SERVER_ADDRESSES.name) {
        network.gitlab_server_addresses =
            ip_list(value, &addresses_path, diagnostics).unwrap_or_default();
    }
    fields.finish(diagnostics);
    network
}

fn ai_gateway(value: &Value, path: &Path, diagnostics: &mut Diagnostics) -> AiGateway {
    let mut gateway = AiGateway::default();
    let Some(mut fields) = Fields::new(value, path, diagnostics) else {
        return gateway;
    };
    gateway.url = fields
        .take_str(schema::URL.name, diagnostics)
        .map(str::to_owned);
    let resolved_path = fields.path_of(schema::RESOLVED.name);
    if let Some(value) = fields.take(schema::RESOLVED.name) {
        gateway.resolved_addresses = ip_list(value, &resolved_path, diagnostics);
    }
    let timeout_path = fields.path_of(schema::TIMEOUT.name);
    match fields.take(schema::TIMEOUT.name) {
        None => {}
        Some(Value::Number(n)) if n.as_i64().is_some() => gateway.timeout_seconds = n.as_i64(),
        Some(other) => diagnostics.push(wrong_type(&timeout_path, "integer", other)),
    }
    fields.finish(diagnostics);
    gateway
}

fn agent_platform(value: &Value, path: &Path, diagnostics: &mut Diagnostics) -> AgentPlatform {
    let mut platform = AgentPlatform::default();
    let Some(mut fields) = Fields::new(value, path, diagnostics) else {
        return platform;
    };
    platform.url = fields
        .take_str(schema::DAP_URL.name, diagnostics)
        .map(str::to_owned);
    let tls_path = fields.path_of(schema::TLS.name);
    platform.tls = match fields.take(schema::TLS.name) {
        None => None,
        Some(Value::Bool(b)) => Some(TlsInput::Flag(*b)),
        Some(Value::String(s)) => Some(TlsInput::EnvValue(s.clone())),
        Some(other) => {
            diagnostics.push(wrong_type(&tls_path, "boolean or string", other));
            None
        }
    };
    fields.finish(diagnostics);
    platform
}

fn deployments(value: &Value, path: &Path, diagnostics: &mut Diagnostics) -> Vec<ModelRecord> {
    let Value::Array(items) = value else {
        diagnostics.push(wrong_type(path, "array", value));
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| ModelRecord::decode(item, &path.index(i), diagnostics))
        .collect()
}

fn features(value: &Value, path: &Path, diagnostics: &mut Diagnostics) -> Vec<FeatureSetting> {
    let Some(mut fields) = Fields::new(value, path, diagnostics) else {
        return Vec::new();
    };
    let providers = Provider::keyed();
    let mut out = Vec::new();
    for feature in FEATURES {
        let Some(value) = fields.take(feature.key) else {
            continue;
        };
        let setting_path = path.key(feature.key);
        let Some(mut setting) = Fields::new(value, &setting_path, diagnostics) else {
            continue;
        };
        let provider_path = setting.path_of(schema::PROVIDER.name);
        let provider = match setting.require(schema::PROVIDER.name, diagnostics) {
            Some(Value::String(text)) => enum_value(text, &providers, &provider_path, diagnostics),
            Some(other) => {
                diagnostics.push(wrong_type(&provider_path, "string", other));
                None
            }
            None => None,
        };
        let model = setting
            .take_str(schema::MODEL.name, diagnostics)
            .map(str::to_owned);
        setting.finish(diagnostics);
        if let Some(provider) = provider {
            out.push(FeatureSetting {
                feature,
                provider,
                model,
            });
        }
    }
    fields.finish(diagnostics);
    out
}

fn add_ons(value: &Value, path: &Path, diagnostics: &mut Diagnostics) -> Vec<AddOn> {
    let Value::Array(items) = value else {
        diagnostics.push(wrong_type(path, "array", value));
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, text) in string_items(items, path, diagnostics) {
        if let Some(add_on) = enum_value(text, AddOn::ALL, &path.index(i), diagnostics) {
            if out.contains(&add_on) {
                diagnostics.push(
                    Diagnostic::warning(
                        "config.duplicate_add_on",
                        path.index(i),
                        format!("add-on `{text}` is listed twice"),
                    )
                    .with("add_on", text),
                );
            } else {
                out.push(add_on);
            }
        }
    }
    out
}

/// Decode a parsed document.
fn from_value(value: &Value, source: Option<&str>) -> Decoded {
    let mut diagnostics = Diagnostics::new();
    let root = Path::root();
    let Some(mut fields) = Fields::new(value, &root, &mut diagnostics) else {
        return Decoded {
            config: None,
            diagnostics,
            partial: None,
        };
    };
    let d = &mut diagnostics;
    let gitlab_version = version(&mut fields, source, d);
    let offering = optional_enum(
        &mut fields,
        &schema::OFFERING,
        Offering::ALL,
        Offering::SelfManaged,
        d,
    );
    let tier = match fields.require(schema::TIER.name, d) {
        Some(_) => fields.take_enum(schema::TIER.name, Tier::ALL, d),
        None => None,
    };
    let add_ons = match fields.take(schema::ADD_ONS.name) {
        Some(value) => add_ons(value, &root.key(schema::ADD_ONS.name), d),
        None => Vec::new(),
    };
    let license = optional_enum(
        &mut fields,
        &schema::LICENSE,
        License::ALL,
        License::Online,
        d,
    );
    let installation = optional_enum(
        &mut fields,
        &schema::INSTALLATION,
        Installation::ALL,
        Installation::LinuxPackage,
        d,
    );
    let beta = match fields.take(schema::BETA.name) {
        None => Ok(false),
        Some(_) => fields.take_bool(schema::BETA.name, d).ok_or(()),
    };
    let network = match fields.take(schema::NETWORK.name) {
        Some(value) => network(value, &root.key(schema::NETWORK.name), d),
        None => Network::default(),
    };
    let ai_gateway = match fields.take(schema::AI_GATEWAY.name) {
        Some(value) => ai_gateway(value, &root.key(schema::AI_GATEWAY.name), d),
        None => AiGateway::default(),
    };
    let agent_platform = match fields.take(schema::AGENT_PLATFORM.name) {
        Some(value) => agent_platform(value, &root.key(schema::AGENT_PLATFORM.name), d),
        None => AgentPlatform::default(),
    };
    let self_hosted_models = match fields.take(schema::MODELS.name) {
        Some(value) => deployments(value, &root.key(schema::MODELS.name), d),
        None => Vec::new(),
    };
    let features = match fields.take(schema::FEATURES_FIELD.name) {
        Some(value) => features(value, &root.key(schema::FEATURES_FIELD.name), d),
        None => Vec::new(),
    };
    fields.finish(d);
    // A header field that could not be read gets the value that asks least
    // of the rest of the document (see `Assumed`).
    let newest = GitLabVersion::new(timeline::NEWEST.since.0, timeline::NEWEST.since.1);
    let failed = [
        gitlab_version.is_none(),
        offering.is_err(),
        tier.is_none(),
        license.is_err(),
        installation.is_err(),
        beta.is_err(),
    ];
    let mut assumed = Assumed::default();
    for (i, field) in [
        &schema::GITLAB_VERSION,
        &schema::OFFERING,
        &schema::TIER,
        &schema::LICENSE,
        &schema::INSTALLATION,
        &schema::BETA,
    ]
    .into_iter()
    .enumerate()
    {
        if failed[i] {
            let text = match i {
                0 => newest.to_string(),
                _ => [
                    "",
                    "self_managed",
                    "ultimate",
                    "online",
                    "linux_package",
                    "true",
                ][i]
                    .to_owned(),
            };
            assumed.fields.push((field.name, text));
        }
    }
    let gitlab_version = gitlab_version.unwrap_or(newest);
    let offering = offering.unwrap_or(Offering::SelfManaged);
    let tier = tier.unwrap_or(Tier::Ultimate);
    let license = license.unwrap_or(License::Online);
    let installation = installation.unwrap_or(Installation::LinuxPackage);
    let beta = beta.unwrap_or(true);
    let config = Config {
        gitlab_version,
        offering,
        tier,
        add_ons,
        license,
        installation,
        beta_models_and_features: beta,
        network,
        ai_gateway,
        agent_platform,
        self_hosted_models,
        features,
    };
    if assumed.fields.is_empty() {
        Decoded {
            config: Some(config),
            diagnostics,
            partial: None,
        }
    } else {
        Decoded {
            config: None,
            diagnostics,
            partial: Some((config, assumed)),
        }
    }
}

/// Decode a TOML document: parsed by the `toml` crate, then read exactly as
/// the JSON document is.
#[cfg(feature = "toml")]
fn from_toml(text: &str) -> Decoded {
    let mut diagnostics = Diagnostics::new();
    let value = match text.parse::<toml::Table>() {
        Ok(table) => serde_json::to_value(table),
        Err(e) => {
            let (line, column) = e
                .span()
                .map(|span| line_column(text, span.start))
                .unwrap_or((1, 1));
            diagnostics.push(
                Diagnostic::error(
                    "document.invalid_toml",
                    Path::root(),
                    format!(
                        "invalid TOML at line {line} column {column}: {}",
                        e.message().trim_end()
                    ),
                )
                .with("line", line)
                .with("column", column),
            );
            return Decoded {
                config: None,
                diagnostics,
                partial: None,
            };
        }
    };
    match value {
        Ok(value) => from_value(&value, Some(text)),
        Err(e) => {
            diagnostics.push(Diagnostic::error(
                "document.invalid_toml",
                Path::root(),
                format!("TOML value cannot be read as JSON: {e}"),
            ));
            Decoded {
                config: None,
                diagnostics,
                partial: None,
            }
        }
    }
}

#[cfg(feature = "toml")]
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
