//! The two service settings: the Local AI Gateway URL (through GitLab's URL
//! blocker with the save-time preset) and its request timeout, and the
//! Agent Platform service (URL, permission, TLS by version).

use super::notes::{agree, list_titles};
use crate::config::document::{Config, License};
use crate::config::prerequisite::agent_platform_self_hosted_allowed;
use crate::config::resolve;
use crate::config::snippet::effective_tls;
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::duo_settings::{
    check_agent_platform_url, check_length, normalize_url, parse_boolean_word, TlsInput, TlsMode,
    FALSE_WORDS, TLS_CHECKBOX_LABEL, TLS_ENV_VAR, TLS_GLOBAL_DOC, TRUE_WORDS,
};
use crate::feature::{self, Feature, Provider};
use crate::timeline;
use crate::url::allowlist::Allowlist;
use crate::url::blocker::preset::Preset;
use crate::url::blocker::{check_url, Context};

fn self_hosted_features(config: &Config, agent_platform: bool) -> Vec<&'static Feature> {
    config
        .features
        .iter()
        .filter(|s| {
            s.provider == Provider::SelfHosted && s.feature.exists_in(&config.gitlab_version)
        })
        .map(|s| s.feature)
        .filter(|f| f.agent_platform == agent_platform)
        .collect()
}

fn titles(config: &Config, features: &[&'static Feature]) -> Vec<&'static str> {
    features
        .iter()
        .map(|f| f.title(&config.gitlab_version))
        .collect()
}

fn keys(features: &[&'static Feature]) -> Vec<String> {
    features.iter().map(|f| f.key.to_owned()).collect()
}

/// The Local AI Gateway URL as GitLab checks it when the admin saves it
/// (§6.1): normalised, at most 2048 characters, then the URL blocker with
/// the save-time preset, the instance's deny-all setting and allowlist, and
/// the resolved and server addresses the document gives. The instance
/// setting `allow_local_requests_from_web_hooks_and_services` is not
/// consulted for this URL (`url-blocker.md` §3.1).
pub(super) fn check_ai_gateway(
    config: &Config,
    allowlist: Allowlist,
    diagnostics: &mut Diagnostics,
) {
    let path = Path::root().key("ai_gateway").key("url");
    let url = config.ai_gateway.url.as_deref().and_then(normalize_url);
    match url {
        Some(url) => {
            if let Some(d) = check_length(&url, &path) {
                diagnostics.push(d);
            }
            let mut policy = Preset::AiGatewaySave.policy(&config.gitlab_version);
            policy.deny_all_requests_except_allowed =
                config.network.deny_all_requests_except_allowed;
            policy.outbound_local_requests_allowlist = allowlist;
            let context = Context {
                resolved_addresses: config.ai_gateway.resolved_addresses.clone(),
                server_addresses: config.network.gitlab_server_addresses.clone(),
                ..Context::default()
            };
            let verdict = check_url(&url, &policy, &context);
            diagnostics.extend_under(&path, verdict.diagnostics);
        }
        None => {
            let users = self_hosted_features(config, false);
            if !users.is_empty() {
                diagnostics.push(
                    Diagnostic::error(
                        "ai_gateway.url_missing",
                        path,
                        format!(
                            "{} {} set to a self-hosted model, but no Local AI Gateway URL is set: {} requests would go to GitLab's cloud AI gateway, which cannot reach self-hosted models",
                            list_titles(&titles(config, &users)),
                            agree(users.len(), "is", "are"),
                            agree(users.len(), "its", "their"),
                        ),
                    )
                    .with("features", keys(&users)),
                );
            }
        }
    }
}

/// GitLab's AI Gateway request timeout: from 18.7, a whole number of
/// seconds, 60 to 600 (`validates :ai_gateway_timeout_seconds` with
/// numericality bounds; from 19.2 on `application_settings`, where unset is
/// allowed and read as 60). The messages are Rails' numericality messages
/// for that attribute (inferred: the reference gives the bounds, not the
/// wording).
pub(super) fn check_timeout(config: &Config, diagnostics: &mut Diagnostics) {
    let Some(seconds) = config.ai_gateway.timeout_seconds else {
        return;
    };
    let version = &config.gitlab_version;
    let path = Path::root().key("ai_gateway").key("timeout_seconds");
    if !timeline::AI_GATEWAY_TIMEOUT.reached(version) {
        diagnostics.push(
            Diagnostic::error(
                "ai_gateway.timeout_not_in_version",
                path,
                format!(
                    "GitLab {version} has no AI Gateway request timeout setting; it exists from {} (requests time out after 60 seconds)",
                    timeline::AI_GATEWAY_TIMEOUT.version_text()
                ),
            )
            .with("since", timeline::AI_GATEWAY_TIMEOUT.version_text()),
        );
        return;
    }
    let bound = if seconds < TIMEOUT_MIN {
        Some(("greater", TIMEOUT_MIN))
    } else if seconds > TIMEOUT_MAX {
        Some(("less", TIMEOUT_MAX))
    } else {
        None
    };
    if let Some((direction, limit)) = bound {
        diagnostics.push(
            Diagnostic::error(
                "ai_gateway.timeout_out_of_range",
                path,
                format!(
                    "the AI Gateway request timeout is {seconds} seconds; GitLab accepts {TIMEOUT_MIN} to {TIMEOUT_MAX}"
                ),
            )
            .with("value", seconds)
            .with("min", TIMEOUT_MIN)
            .with("max", TIMEOUT_MAX)
            .with(
                "gitlab_message",
                format!("Ai gateway timeout seconds must be {direction} than or equal to {limit}"),
            ),
        );
    }
}

/// The AI Gateway request timeout's bounds, in seconds.
pub const TIMEOUT_MIN: i64 = 60;
/// See [`TIMEOUT_MIN`].
pub const TIMEOUT_MAX: i64 = 600;

pub(super) fn check_agent_platform(config: &Config, diagnostics: &mut Diagnostics) {
    let version = &config.gitlab_version;
    let section = Path::root().key("agent_platform");
    let url_path = section.key("url");
    let tls_path = section.key("tls");
    let platform = &config.agent_platform;
    let mode = TlsMode::for_version(version);
    if mode == TlsMode::NotAvailable {
        if platform.url.is_some() || platform.tls.is_some() {
            diagnostics.push(
                Diagnostic::error(
                    "agent_platform.not_in_version",
                    section,
                    format!(
                        "GitLab {version} has no self-hosted Agent Platform service; it exists from {}",
                        timeline::AGENT_PLATFORM.version_text()
                    ),
                )
                .with("since", timeline::AGENT_PLATFORM.version_text()),
            );
        }
        return;
    }
    let users = self_hosted_features(config, true);
    let url = platform.url.as_deref().and_then(normalize_url);
    match &url {
        Some(url) => {
            if !agent_platform_self_hosted_allowed(config) {
                diagnostics.push(Diagnostic::error(
                    "agent_platform.permission",
                    url_path.clone(),
                    match config.license {
                        License::Offline => "GitLab shows the Agent Platform service URL only with the GitLab Duo Agent Platform Self-Hosted add-on (offline licence)".to_owned(),
                        License::Online => format!("before GitLab {}, GitLab shows the Agent Platform service URL only with the Duo Enterprise add-on and the beta setting turned on", timeline::DAP_SELF_HOSTED_ONLINE_ALWAYS.version_text()),
                    },
                ));
            }
            let (_, found) = check_agent_platform_url(url);
            diagnostics.extend_under(&url_path, found);
            if users.is_empty() {
                diagnostics.push(Diagnostic::warning(
                    "agent_platform.url_unused",
                    url_path.clone(),
                    "GitLab uses the Agent Platform service URL only for Agent Platform features set to self_hosted, and none is",
                ));
            }
        }
        None if !users.is_empty() => diagnostics.push(
            Diagnostic::error(
                "agent_platform.url_missing",
                url_path.clone(),
                format!(
                    "{} {} set to a self-hosted model, but no Agent Platform service URL is set",
                    list_titles(&titles(config, &users)),
                    agree(users.len(), "is", "are"),
                ),
            )
            .with("features", keys(&users)),
        ),
        None => {}
    }
    let secure = effective_tls(config);
    match mode {
        TlsMode::EnvVar => {
            if let Some(TlsInput::EnvValue(text)) = &platform.tls {
                if parse_boolean_word(text).is_none() {
                    diagnostics.push(
                        Diagnostic::warning(
                            "agent_platform.tls_unrecognised",
                            tls_path.clone(),
                            format!(
                                "GitLab reads {}={text:?} as true (its default): only {} mean false",
                                TLS_ENV_VAR,
                                FALSE_WORDS.join(", ")
                            ),
                        )
                        .with("value", text.as_str())
                        .with("true_words", TRUE_WORDS.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>())
                        .with("false_words", FALSE_WORDS.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>()),
                    );
                }
            }
            if secure == Some(false) {
                let resolution = resolve::resolve(config);
                let vendored: Vec<String> = resolution
                    .features
                    .iter()
                    .filter(|f| {
                        feature::lookup(f.feature).is_some_and(|x| x.agent_platform)
                            && f.provider == Provider::Vendored
                    })
                    .map(|f| f.feature.to_owned())
                    .collect();
                if !vendored.is_empty() {
                    diagnostics.push(
                        Diagnostic::warning(
                            "agent_platform.tls_env_global",
                            tls_path.clone(),
                            format!(
                                "{}=false is global in GitLab {version}: it also turns off TLS to GitLab's cloud Agent Platform, which {} use",
                                TLS_ENV_VAR,
                                vendored.join(", ")
                            ),
                        )
                        .with("features", vendored)
                        .with("gitlab_message", TLS_GLOBAL_DOC),
                    );
                }
            }
        }
        TlsMode::StoredSetting => {
            if let Some(TlsInput::EnvValue(text)) = &platform.tls {
                diagnostics.push(
                    Diagnostic::error(
                        "agent_platform.tls_not_boolean",
                        tls_path.clone(),
                        format!(
                            "from GitLab {} TLS is the stored checkbox \"{}\": give true or false, not {text:?} (the 18.10 upgrade copied {} into this setting)",
                            timeline::TLS_STORED_SETTING.version_text(),
                            TLS_CHECKBOX_LABEL,
                            TLS_ENV_VAR
                        ),
                    )
                    .with("value", text.as_str()),
                );
            } else if secure == Some(false) && users.is_empty() {
                diagnostics.push(Diagnostic::info(
                    "agent_platform.tls_unused",
                    tls_path.clone(),
                    "the TLS setting applies only when an Agent Platform feature is self-hosted, and none is",
                ));
            }
        }
        TlsMode::NotAvailable => {}
    }
}
