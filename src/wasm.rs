//! The WebAssembly bindings of the npm package `duo-selfhosted` (`pkg/`).
//!
//! Only compiled for `wasm32`. Like the CLI, this is a front end that only
//! translates: every function takes the inputs of the matching CLI command,
//! calls the library, and returns the library report serialised with
//! `serde_json::to_string`, the very bytes the CLI prints with
//! `--format json`. JSON crosses the boundary as text (the package's JS
//! parses it), which keeps the output byte-identical to the CLI's and costs
//! less than a structured bridge such as `serde-wasm-bindgen`.
//!
//! Where the CLI answers with a usage error (exit code 2), the binding
//! returns `Err` with the same message, which the JS wrapper throws as a
//! `TypeError`: a wrong preset name or a policy with an unknown key is a
//! programming error, not an input to diagnose. `pkg/test/parity.test.mjs`
//! holds both front ends to the same bytes and the same usage errors.
//!
//! Three builds bind three sets: the URL functions (classify, the URL check,
//! the allowlist) with the `wasm-url` feature, the other rules with
//! `wasm-rules` (both default: the main entry point), and `planChanges`
//! with `plan` alone (the `duo-selfhosted/plan` entry point). The URL-only
//! entry point is built with `wasm-url` alone.

use wasm_bindgen::prelude::*;
#[cfg(feature = "wasm-url")]
use {
    crate::allowlist::{parse_report, Allowlist},
    crate::blocker::{check_url_request, UrlRequest},
    crate::classify,
};
#[cfg(feature = "wasm-rules")]
use {
    crate::bedrock::{bedrock_identifier_with, default_table, Prefer},
    crate::config::{self, Config},
    crate::diagnostic::Diagnostics,
    crate::family::DeploymentMethod,
    crate::identifier::identifier_report,
    crate::model::{ModelContext, ModelReport},
};

/// Serialise a library report as the CLI does (`args::print_json`).
#[cfg(any(feature = "wasm-url", feature = "wasm-rules", feature = "plan"))]
fn to_json(value: &impl serde::Serialize) -> String {
    // The library's report types only hold strings, numbers, booleans,
    // sequences and string-keyed maps, which serde_json always serialises;
    // `null` is an explicit, visible answer should that ever change.
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

/// The crate version the package was built from (the npm package carries
/// the same version).
#[wasm_bindgen]
pub fn crate_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// `duo-selfhosted classify <INPUT> --format json`.
#[cfg(feature = "wasm-url")]
#[wasm_bindgen]
pub fn classify_json(input: &str) -> String {
    to_json(&classify(input))
}

/// `duo-selfhosted url <URL> [--preset P] [--policy JSON] [--gitlab-version V]
/// --format json`; `undefined` stands for an option not given. The CLI and
/// this binding share [`check_url_request`]; a caller's mistake comes back
/// as the CLI's usage-error lines.
#[cfg(feature = "wasm-url")]
#[wasm_bindgen]
pub fn check_url_json(
    url: &str,
    preset: Option<String>,
    policy_json: Option<String>,
    gitlab_version: Option<String>,
) -> Result<String, String> {
    let request = UrlRequest {
        url,
        preset: preset.as_deref(),
        policy_json: policy_json.as_deref(),
        gitlab_version: gitlab_version.as_deref(),
    };
    match check_url_request(request) {
        Ok(verdict) => Ok(to_json(&verdict)),
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            Err(lines.join("\n"))
        }
    }
}

/// `duo-selfhosted allowlist parse <TEXT> --format json`.
#[cfg(feature = "wasm-url")]
#[wasm_bindgen]
pub fn parse_allowlist_json(text: &str) -> String {
    to_json(&parse_report(text))
}

/// `duo-selfhosted allowlist match <TEXT> <HOST_OR_IP> [--port N] --format
/// json`; `port` is `undefined` when not given (the JS wrapper checks that a
/// given port is an integer from 0 to 65535).
#[cfg(feature = "wasm-url")]
#[wasm_bindgen]
pub fn match_allowlist_json(text: &str, host: &str, port: Option<u16>) -> String {
    CompiledAllowlist::new(text).match_json(host, port)
}

/// An allowlist parsed and indexed once, for matching many hosts
/// (`compileAllowlist(text)` in the package). `match_allowlist_json` parses
/// the whole text on every call, about 2.5 ms for 1000 entries in Node; a
/// compiled list answers in about 5 µs. The JS object owns the Rust value: the
/// wrapper's `free()` releases it at once, the garbage collector otherwise.
#[cfg(feature = "wasm-url")]
#[wasm_bindgen]
pub struct CompiledAllowlist {
    list: Allowlist,
}

#[cfg(feature = "wasm-url")]
#[wasm_bindgen]
impl CompiledAllowlist {
    /// Parse and index `text` as `allowlist match` does (the diagnostics of
    /// the text are `parse_allowlist_json`'s business).
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> CompiledAllowlist {
        CompiledAllowlist {
            list: Allowlist::parse(text).0,
        }
    }

    /// `match_allowlist_json(text, host, port)` for the compiled text.
    pub fn match_json(&self, host: &str, port: Option<u16>) -> String {
        to_json(&self.list.match_host_text(host, port))
    }
}

/// `duo-selfhosted identifier <IDENTIFIER> [--method M] --format json`;
/// `undefined` stands for no method given.
#[cfg(feature = "wasm-rules")]
#[wasm_bindgen]
pub fn parse_identifier_json(identifier: &str, method: Option<String>) -> Result<String, String> {
    let method = match method {
        None => None,
        Some(method) => Some(DeploymentMethod::from_key(&method).ok_or_else(|| {
            let keys: Vec<&str> = DeploymentMethod::keys().collect();
            format!(
                "--method: unknown deployment method {method:?}, expected one of: {}",
                keys.join(", ")
            )
        })?),
    };
    Ok(to_json(&identifier_report(identifier, method)))
}

/// `duo-selfhosted bedrock --region R --model M [--prefer P] --format json`
/// with the embedded profile table; `undefined` stands for no preference.
#[cfg(feature = "wasm-rules")]
#[wasm_bindgen]
pub fn bedrock_identifier_json(
    region: &str,
    model: &str,
    prefer: Option<String>,
) -> Result<String, String> {
    let prefer = match prefer.as_deref() {
        None | Some("regional") => Prefer::Regional,
        Some("global") => Prefer::Global,
        Some(other) => {
            return Err(format!(
                "--prefer: expected regional or global, got {other:?}"
            ))
        }
    };
    Ok(to_json(&bedrock_identifier_with(
        default_table(),
        region,
        model,
        prefer,
    )))
}

/// `duo-selfhosted model --format json < record.json` (default context).
#[cfg(feature = "wasm-rules")]
#[wasm_bindgen]
pub fn check_model_json(record_json: &str) -> String {
    to_json(&ModelReport::from_json(
        record_json,
        &ModelContext::default(),
    ))
}

/// `duo-selfhosted check FILE --format json` for a JSON document.
#[cfg(feature = "wasm-rules")]
#[wasm_bindgen]
pub fn validate_config_json(config_json: &str) -> String {
    to_json(&config::check_json(config_json))
}

/// What `resolve_features_json` answers for a document that cannot be read
/// at all (where the CLI's `resolve` stops with a usage error listing the
/// same diagnostics): no features, and why.
#[cfg(feature = "wasm-rules")]
#[derive(serde::Serialize)]
struct Unreadable {
    features: [(); 0],
    diagnostics: Diagnostics,
}

/// `duo-selfhosted resolve FILE --format json` for a JSON document.
#[cfg(feature = "wasm-rules")]
#[wasm_bindgen]
pub fn resolve_features_json(config_json: &str) -> String {
    let decoded = Config::from_json(config_json);
    match decoded.config {
        Some(config) => to_json(&config::resolve(&config)),
        None => to_json(&Unreadable {
            features: [],
            diagnostics: decoded.diagnostics,
        }),
    }
}

/// `duo-selfhosted snippet FILE --format json` for a JSON document, for the
/// document's installation type or `installation` when given (the key of
/// the document's `installation` member; another text is the caller's
/// mistake, as an unknown deployment method is). A document that cannot be
/// read at all gets the `check` report's `{valid, diagnostics}` saying why,
/// which the CLI prints with exit code 1.
#[cfg(feature = "wasm-rules")]
#[wasm_bindgen]
pub fn snippet_json(config_json: &str, installation: Option<String>) -> Result<String, String> {
    use crate::config::Installation;
    let installation = match installation {
        None => None,
        Some(key) => Some(
            Installation::ALL
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, value)| *value)
                .ok_or_else(|| {
                    let keys: Vec<&str> = Installation::ALL.iter().map(|(k, _)| *k).collect();
                    format!(
                        "installation: unknown installation type {key:?}, expected one of: {}",
                        keys.join(", ")
                    )
                })?,
        ),
    };
    let decoded = Config::from_json(config_json);
    Ok(match decoded.config {
        Some(mut config) => {
            if let Some(installation) = installation {
                config.installation = installation;
            }
            to_json(&crate::settings::snippet(&config))
        }
        None => to_json(&config::Report::new(decoded.diagnostics)),
    })
}

/// `duo-selfhosted plan --live STATE DOCUMENT --format json` for JSON texts:
/// the operations that make the live state (the three GraphQL queries'
/// answers) the document's, with API keys masked. Only in builds with the
/// `plan` feature: the planner would add about 15 KB gzipped to every form
/// that only checks a document.
#[cfg(feature = "plan")]
#[wasm_bindgen]
pub fn plan_changes_json(config_json: &str, live_json: &str) -> String {
    to_json(&crate::gitlab::PlanReport::from_json(
        config_json,
        live_json,
    ))
}
