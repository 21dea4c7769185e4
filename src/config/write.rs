//! Writing a [`Config`] back as a document, in the schema's member order:
//! what `import` and `init` print. JSON and TOML are written by hand so
//! that the order is the schema's and no map type decides it.
//!
//! API keys are never written (a document with keys is one the admin
//! wrote; a written one is for review and version control). Members at
//! their defaults are left out, except the header.

use super::{AllowlistInput, Config, TlsInput};
use crate::feature::Provider;

/// One member's value.
enum Item {
    Str(String),
    Bool(bool),
    Int(i64),
    List(Vec<String>),
    /// A nested object, in order.
    Object(Vec<(&'static str, Item)>),
    /// An array of objects.
    Objects(Vec<Vec<(&'static str, Item)>>),
    /// The feature map: key, provider, model.
    Features(Vec<(&'static str, &'static str, Option<String>)>),
}

fn document(config: &Config) -> Vec<(&'static str, Item)> {
    let mut out = vec![
        (
            "gitlab_version",
            Item::Str(config.gitlab_version.to_string()),
        ),
        ("offering", Item::Str(config.offering.key().to_owned())),
        ("tier", Item::Str(config.tier.key().to_owned())),
        (
            "add_ons",
            Item::List(config.add_ons.iter().map(|a| a.key().to_owned()).collect()),
        ),
        ("license", Item::Str(config.license.key().to_owned())),
        (
            "installation",
            Item::Str(config.installation.key().to_owned()),
        ),
        (
            "beta_models_and_features",
            Item::Bool(config.beta_models_and_features),
        ),
    ];
    let network = &config.network;
    let mut n = Vec::new();
    if network.allow_local_requests_from_web_hooks_and_services {
        n.push((
            "allow_local_requests_from_web_hooks_and_services",
            Item::Bool(true),
        ));
    }
    if network.deny_all_requests_except_allowed {
        n.push(("deny_all_requests_except_allowed", Item::Bool(true)));
    }
    match &network.outbound_allowlist {
        AllowlistInput::Text(text) if !text.is_empty() => {
            n.push(("outbound_allowlist", Item::Str(text.clone())))
        }
        AllowlistInput::Entries(entries) if !entries.is_empty() => {
            n.push(("outbound_allowlist", Item::List(entries.clone())))
        }
        _ => {}
    }
    if !network.gitlab_server_addresses.is_empty() {
        n.push((
            "gitlab_server_addresses",
            Item::List(
                network
                    .gitlab_server_addresses
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            ),
        ));
    }
    if !n.is_empty() {
        out.push(("network", Item::Object(n)));
    }
    let gateway = &config.ai_gateway;
    let mut g = Vec::new();
    if let Some(url) = &gateway.url {
        g.push(("url", Item::Str(url.clone())));
    }
    if let Some(addresses) = &gateway.resolved_addresses {
        g.push((
            "resolved_addresses",
            Item::List(addresses.iter().map(ToString::to_string).collect()),
        ));
    }
    if let Some(seconds) = gateway.timeout_seconds {
        g.push(("timeout_seconds", Item::Int(seconds)));
    }
    if !g.is_empty() {
        out.push(("ai_gateway", Item::Object(g)));
    }
    let platform = &config.agent_platform;
    let mut p = Vec::new();
    if let Some(url) = &platform.url {
        p.push(("url", Item::Str(url.clone())));
    }
    match &platform.tls {
        Some(TlsInput::Flag(b)) => p.push(("tls", Item::Bool(*b))),
        Some(TlsInput::EnvValue(text)) => p.push(("tls", Item::Str(text.clone()))),
        None => {}
    }
    if !p.is_empty() {
        out.push(("agent_platform", Item::Object(p)));
    }
    if !config.self_hosted_models.is_empty() {
        let models = config
            .self_hosted_models
            .iter()
            .map(|m| {
                let mut fields = vec![
                    ("name", Item::Str(m.name.clone())),
                    ("family", Item::Str(m.family.clone())),
                    ("deployment", Item::Str(m.deployment.clone())),
                ];
                let optional = [
                    ("endpoint", &m.endpoint),
                    ("identifier", &m.identifier),
                    ("aws_region", &m.aws_region),
                    ("aws_region_name", &m.aws_region_name),
                ];
                for (name, value) in optional {
                    if let Some(v) = value {
                        fields.push((name, Item::Str(v.clone())));
                    }
                }
                if let Some(id) = m.gitlab_id {
                    fields.push((
                        "gitlab_id",
                        Item::Int(i64::try_from(id).unwrap_or(i64::MAX)),
                    ));
                }
                fields
            })
            .collect();
        out.push(("self_hosted_models", Item::Objects(models)));
    }
    let features = config
        .features
        .iter()
        .map(|s| {
            let model = s
                .model
                .clone()
                .filter(|_| matches!(s.provider, Provider::SelfHosted | Provider::Vendored));
            (s.feature.key, s.provider.key(), model)
        })
        .collect();
    out.push(("features", Item::Features(features)));
    out
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

fn json_list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| json_string(s)).collect();
    format!("[{}]", inner.join(", "))
}

fn json_scalar(item: &Item) -> Option<String> {
    Some(match item {
        Item::Str(s) => json_string(s),
        Item::Bool(b) => b.to_string(),
        Item::Int(i) => i.to_string(),
        Item::List(items) => json_list(items),
        _ => return None,
    })
}

fn json_object(fields: &[(&'static str, Item)], indent: usize, out: &mut String) {
    let pad = " ".repeat(indent + 2);
    out.push_str("{\n");
    for (i, (name, item)) in fields.iter().enumerate() {
        out.push_str(&format!("{pad}{}: ", json_string(name)));
        match item {
            Item::Object(inner) => json_object(inner, indent + 2, out),
            Item::Objects(list) => {
                out.push_str("[\n");
                for (j, object) in list.iter().enumerate() {
                    out.push_str(&" ".repeat(indent + 4));
                    json_object(object, indent + 4, out);
                    out.push_str(if j + 1 < list.len() { ",\n" } else { "\n" });
                }
                out.push_str(&format!("{pad}]"));
            }
            Item::Features(features) => {
                out.push_str("{\n");
                for (j, (key, provider, model)) in features.iter().enumerate() {
                    let model = model
                        .as_ref()
                        .map(|m| format!(", \"model\": {}", json_string(m)))
                        .unwrap_or_default();
                    out.push_str(&format!(
                        "{pad}  {}: {{ \"provider\": {}{model} }}",
                        json_string(key),
                        json_string(provider)
                    ));
                    out.push_str(if j + 1 < features.len() { ",\n" } else { "\n" });
                }
                out.push_str(&format!("{pad}}}"));
            }
            scalar => out.push_str(&json_scalar(scalar).unwrap_or_default()),
        }
        out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
    }
    out.push_str(&" ".repeat(indent));
    out.push('}');
}

impl Config {
    /// The document as JSON text, in the schema's member order, without API
    /// keys.
    pub fn to_json_text(&self) -> String {
        let mut out = String::new();
        json_object(&document(self), 0, &mut out);
        out.push('\n');
        out
    }

    /// The document as TOML text (the same structure), without API keys.
    pub fn to_toml_text(&self) -> String {
        // TOML's basic strings take JSON's escapes, and also forbid a raw
        // DEL, which JSON allows.
        self.toml_unescaped().replace('\u{7f}', "\\u007F")
    }

    fn toml_unescaped(&self) -> String {
        let doc = document(self);
        let mut out = String::new();
        for (name, item) in &doc {
            if let Some(value) = json_scalar(item) {
                out.push_str(&format!("{name} = {value}\n"));
            }
        }
        for (name, item) in &doc {
            match item {
                Item::Object(fields) => {
                    out.push_str(&format!("\n[{name}]\n"));
                    for (field, value) in fields {
                        out.push_str(&format!(
                            "{field} = {}\n",
                            json_scalar(value).unwrap_or_default()
                        ));
                    }
                }
                Item::Objects(list) => {
                    for object in list {
                        out.push_str(&format!("\n[[{name}]]\n"));
                        for (field, value) in object {
                            out.push_str(&format!(
                                "{field} = {}\n",
                                json_scalar(value).unwrap_or_default()
                            ));
                        }
                    }
                }
                Item::Features(features) => {
                    out.push_str(&format!("\n[{name}]\n"));
                    for (key, provider, model) in features {
                        let model = model
                            .as_ref()
                            .map(|m| format!(", model = {}", json_string(m)))
                            .unwrap_or_default();
                        out.push_str(&format!(
                            "{key} = {{ provider = {}{model} }}\n",
                            json_string(provider)
                        ));
                    }
                }
                _ => {}
            }
        }
        out
    }
}
