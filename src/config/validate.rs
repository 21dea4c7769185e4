//! Every rule of the whole configuration, with every problem reported.
//!
//! Codes: `config.version_out_of_range`, `config.version_newer_than_rules`,
//! `config.version_rules_carried_forward`, `config.version_in_dating_window`;
//! `prerequisite.*` (see
//! [`prerequisite`](super::prerequisite)); `feature.*` for feature settings;
//! `ai_gateway.*` (the URL and its request timeout) and `agent_platform.*`
//! for the two service settings;
//! `settings.url_too_long`. The rules of other modules are called, not
//! repeated: the model records through [`check_models`] (`model.*`,
//! including beta families without the beta setting), the outbound
//! allowlist through [`Allowlist`] (`allowlist.*`, under
//! `network.outbound_allowlist`), and the AI gateway URL through the URL
//! blocker's save-time preset (`url.*`, under `ai_gateway.url`).

use super::document::{Config, FeatureSetting, License, Tier};
use super::prerequisite::{self, agent_platform_self_hosted_allowed, vendored_models_allowed};
use super::report::Report;
use super::resolve::{self, Own, Via};
use super::snippet::effective_tls;
use crate::diagnostic::{nearest_names, Diagnostic, Diagnostics, Path};
use crate::duo_settings::{
    check_agent_platform_url, check_length, normalize_url, parse_boolean_word, TlsInput, TlsMode,
    FALSE_WORDS, TLS_CHECKBOX_LABEL, TLS_ENV_VAR, TLS_GLOBAL_DOC, TRUE_WORDS,
};
use crate::feature::{self, Feature, NotOffered, Offer, Provider};
use crate::model::record::check_models;
use crate::timeline;
use crate::url::allowlist::Allowlist;
use crate::url::blocker::{check_url, Context};
use crate::url::preset::Preset;

/// GitLab's error when an admin without the Agent Platform permission
/// assigns a self-hosted model to an Agent Platform feature.
pub const AGENT_PLATFORM_PERMISSION_MESSAGE: &str =
    "You don't have permission to update the setting ai_self_hosted_model_id.";

/// Check the whole configuration and report every problem.
///
/// A GitLab version older than the oldest release the rules cover
/// ([`timeline::OLDEST`]) is reported as `config.version_out_of_range` and no
/// version-dependent rule runs. A version newer than the newest covered
/// release ([`timeline::NEWEST`]) is checked with the newest rules and gets
/// the warning `config.version_newer_than_rules`. A version inside a dated
/// fact's window of possible releases gets `config.version_in_dating_window`
/// (info) for each fact that touches the configuration.
pub fn validate(config: &Config) -> Report {
    let mut diagnostics = Diagnostics::new();
    let version = &config.gitlab_version;
    if !timeline::OLDEST.reached(version) {
        diagnostics.push(
            Diagnostic::error(
                "config.version_out_of_range",
                Path::root().key("gitlab_version"),
                format!(
                    "GitLab {version} is older than the releases these rules cover ({} to {}); no version-dependent rule was checked",
                    timeline::OLDEST.version_text(),
                    timeline::NEWEST.version_text()
                ),
            )
            .with("version", version.to_string())
            .with("oldest", timeline::OLDEST.version_text())
            .with("newest", timeline::NEWEST.version_text()),
        );
        return Report::new(diagnostics);
    }
    check_version_dating(config, &mut diagnostics);
    prerequisite::check(config, &mut diagnostics);
    let (allowlist, found) = config.network.outbound_allowlist.parse();
    diagnostics.extend_under(
        &Path::root().key("network").key("outbound_allowlist"),
        found,
    );
    diagnostics.extend(check_models(
        &config.self_hosted_models,
        &config.model_context(),
    ));
    for setting in &config.features {
        check_feature(config, setting, &mut diagnostics);
    }
    check_ai_gateway(config, allowlist, &mut diagnostics);
    check_timeout(config, &mut diagnostics);
    check_agent_platform(config, &mut diagnostics);
    report_resolution(config, &mut diagnostics);
    Report::new(diagnostics)
}

/// What the configuration's version means for the rules' dating: newer than
/// the tables, a release no source was read for, or inside the window of a
/// fact that touches this configuration.
fn check_version_dating(config: &Config, diagnostics: &mut Diagnostics) {
    let version = &config.gitlab_version;
    let path = Path::root().key("gitlab_version");
    if timeline::newer_than_rules(version) {
        diagnostics.push(
            Diagnostic::warning(
                "config.version_newer_than_rules",
                path.clone(),
                format!(
                    "GitLab {version} is newer than the newest release these rules cover ({}, tables of {}): it is checked with the {} rules, and changes GitLab made since are not known",
                    timeline::NEWEST.version_text(),
                    timeline::TABLE_DATE,
                    timeline::NEWEST.version_text()
                ),
            )
            .with("version", version.to_string())
            .with("newest", timeline::NEWEST.version_text())
            .with("table_date", timeline::TABLE_DATE),
        );
    }
    for milestone in timeline::ALL {
        if milestone.basis == timeline::Basis::CarriedForward && version.key() == milestone.since {
            diagnostics.push(
                Diagnostic::info(
                    "config.version_rules_carried_forward",
                    path.clone(),
                    format!(
                        "no GitLab source from the {} development cycle was read (newest: {}); the earlier rules are carried forward",
                        milestone.version_text(),
                        timeline::NEWEST_SOURCE
                    ),
                )
                .with("version", milestone.version_text())
                .with("newest_source", timeline::NEWEST_SOURCE),
            );
        }
    }
    for milestone in timeline::uncertain_at(version) {
        if !touches(config, milestone.scope) {
            continue;
        }
        let window = milestone.window_text().unwrap_or_default();
        let applied = if milestone.reached(version) {
            "applies the change"
        } else {
            "does not apply it yet"
        };
        diagnostics.push(
            Diagnostic::info(
                "config.version_in_dating_window",
                path.clone(),
                format!(
                    "GitLab {version} is inside the window {window} of a change the reference could not date exactly ({}); the rules date it {} and so {applied} here",
                    milestone.what,
                    milestone.version_text()
                ),
            )
            .with("fact", milestone.key)
            .with("window", window)
            .with("applied_from", milestone.version_text())
            .with("basis", milestone.basis.as_str())
            .with("source", milestone.source),
        );
    }
}

/// Whether a dated fact's rule touches the configuration.
fn touches(config: &Config, scope: timeline::Scope) -> bool {
    use timeline::Scope;
    let version = &config.gitlab_version;
    match scope {
        Scope::None | Scope::Api => false,
        Scope::Instance => true,
        // The online-licence rules differ only without Duo Enterprise and
        // the beta setting.
        Scope::Prerequisites => {
            config.license == License::Online
                && !(config.has_add_on(super::document::AddOn::DuoEnterprise)
                    && config.beta_models_and_features)
        }
        Scope::Families(keys) => config
            .self_hosted_models
            .iter()
            .any(|m| keys.contains(&m.family.as_str())),
        Scope::Features(keys) => config
            .features
            .iter()
            .any(|s| keys.contains(&s.feature.key)),
        Scope::ChatFallback => {
            config.license == License::Online
                && feature::allowed(version, offer(config)).iter().any(|f| {
                    f.falls_back_to_general_chat(version) && config.setting(f.key).is_none()
                })
        }
    }
}

/// Whether the configuration has no error-severity diagnostic.
pub fn is_valid(config: &Config) -> bool {
    validate(config).valid
}

fn offer(config: &Config) -> Offer {
    Offer {
        beta: config.beta_models_and_features,
        premium: config.tier == Tier::Premium,
    }
}

fn feature_path(feature: &Feature) -> Path {
    Path::root().key("features").key(feature.key)
}

fn check_feature(config: &Config, setting: &FeatureSetting, diagnostics: &mut Diagnostics) {
    let version = &config.gitlab_version;
    let feature = setting.feature;
    let title = feature.title(version);
    let path = feature_path(feature);
    match feature.offered(version, offer(config)) {
        Ok(()) => {}
        Err(NotOffered::NotInVersion) => {
            diagnostics.push(
                if feature.since.certainly_absent_in(version) {
                    Diagnostic::error(
                        "feature.not_in_version",
                        path,
                        format!(
                            "GitLab {version} has no feature `{}`; it exists from GitLab {}",
                            feature.key,
                            feature.since.version_text()
                        ),
                    )
                } else {
                    // Inside the window of possible releases: it may exist.
                    Diagnostic::warning(
                        "feature.not_in_version",
                        path,
                        format!(
                            "GitLab {version} may not have the feature `{}`: it was first seen in GitLab {} and may have landed from {}",
                            feature.key,
                            feature.since.version_text(),
                            feature.since.window_text().unwrap_or_default()
                        ),
                    )
                }
                .with("feature", feature.key)
                .with("since", feature.since.version_text()),
            );
            return;
        }
        Err(NotOffered::NeedsBeta) => diagnostics.push(
            Diagnostic::error(
                "feature.needs_beta",
                path.clone(),
                format!(
                    "{title} is a beta feature in GitLab {version}: GitLab lists it only with \"Use beta models and features in GitLab Duo Self-Hosted\" turned on"
                ),
            )
            .with("feature", feature.key)
            .with("title", title),
        ),
        Err(NotOffered::UltimateOnly) => diagnostics.push(
            Diagnostic::error(
                "feature.ultimate_only",
                path.clone(),
                format!("{title} is hidden on Premium: it needs Ultimate"),
            )
            .with("feature", feature.key)
            .with("title", title),
        ),
    }
    let model = setting.model.as_deref().filter(|m| !m.trim().is_empty());
    match setting.provider {
        Provider::SelfHosted => check_self_hosted(config, feature, model, &path, diagnostics),
        Provider::Vendored => check_vendored(config, feature, model, &path, diagnostics),
        Provider::Disabled | Provider::Unassigned => {
            if setting.provider == Provider::Disabled
                && timeline::DISABLED_IN_MODEL_GROUP.reached(version)
                && !has_selectable_model(config, feature)
            {
                diagnostics.push(
                    Diagnostic::info(
                        "feature.disabled_not_in_ui",
                        path.key("provider"),
                        format!(
                            "GitLab's settings page offers Disabled for {title} only when a compatible self-hosted model is selectable, and none is; set it through the GraphQL API (aiFeatureSettingUpdate) or add a compatible model"
                        ),
                    )
                    .with("feature", feature.key),
                );
            }
            if let Some(model) = model {
                diagnostics.push(
                    Diagnostic::warning(
                        "feature.model_ignored",
                        path.key("model"),
                        format!(
                            "{title} is {}: the model {model:?} is ignored",
                            setting.provider.key()
                        ),
                    )
                    .with("feature", feature.key)
                    .with("model", model),
                );
            }
        }
    }
    if setting.provider == Provider::Unassigned {
        if !timeline::VENDORED_GA.reached(version) {
            diagnostics.push(
                Diagnostic::warning(
                    "feature.unassigned_not_in_version",
                    path.key("provider"),
                    format!(
                        "the `unassigned` provider is recorded from GitLab {} (earlier releases default to vendored); leave the feature out instead",
                        timeline::VENDORED_GA.version_text()
                    ),
                )
                .with("feature", feature.key)
                .with("since", timeline::VENDORED_GA.version_text()),
            );
        }
        if feature.falls_back_to_general_chat(version) {
            diagnostics.push(
                Diagnostic::warning(
                    "feature.saved_unassigned_no_fallback",
                    path.key("provider"),
                    format!(
                        "a saved `unassigned` setting does not fall back to General Chat: GitLab falls back only when {title} has no saved setting; leave it out to use General Chat's model"
                    ),
                )
                .with("feature", feature.key)
                .with("title", title),
            );
        }
    }
    if setting.provider == Provider::Disabled && feature.is_classic_chat() {
        diagnostics.push(
            Diagnostic::warning(
                "feature.chat_disabled_unverified",
                path.key("provider"),
                format!(
                    "{title} is a classic Chat feature: GitLab's Chat request path has no explicit check for Disabled (it sends GitLab's default model parameters), so whether it is really off is not verified"
                ),
            )
            .with("feature", feature.key)
            .with("title", title),
        );
    }
}

/// Whether a deployment the feature's dropdown lists exists: a compatible
/// family, and GA unless the beta setting is on (`validModels`, §3.3, §6.5).
fn has_selectable_model(config: &Config, feature: &Feature) -> bool {
    let version = &config.gitlab_version;
    config.self_hosted_models.iter().any(|record| {
        feature.is_compatible(version, &record.family)
            && record.family().is_some_and(|family| {
                config.beta_models_and_features
                    || !family.release_state(version).needs_beta_setting()
            })
    })
}

fn check_self_hosted(
    config: &Config,
    feature: &'static Feature,
    model: Option<&str>,
    path: &Path,
    diagnostics: &mut Diagnostics,
) {
    let version = &config.gitlab_version;
    let title = feature.title(version);
    match model {
        None => diagnostics.push(
            Diagnostic::error(
                "feature.model_missing",
                path.key("model"),
                format!("{title} is set to self_hosted but names no deployment"),
            )
            .with("feature", feature.key),
        ),
        Some(name) => match config.deployment(name) {
            None => {
                let suggestions = nearest_names(
                    name,
                    config.self_hosted_models.iter().map(|d| d.name.as_str()),
                );
                let hint = suggestions
                    .first()
                    .map(|s| format!("; did you mean {s:?}?"))
                    .unwrap_or_default();
                diagnostics.push(
                    Diagnostic::error(
                        "feature.unknown_deployment",
                        path.key("model"),
                        format!("no self-hosted model is called {name:?}{hint}"),
                    )
                    .with("feature", feature.key)
                    .with("model", name)
                    .with("suggestions", suggestions),
                );
            }
            Some(deployment) => {
                if !feature.is_compatible(version, &deployment.family) {
                    let allowed: Vec<String> = feature
                        .compatible_families(version)
                        .iter()
                        .map(|f| (*f).to_owned())
                        .collect();
                    diagnostics.push(
                        Diagnostic::error(
                            "feature.incompatible_family",
                            path.key("model"),
                            format!(
                                "{name:?} is a {} model, which {title} cannot use in GitLab {version}; compatible families: {}",
                                deployment.family,
                                allowed.join(", ")
                            ),
                        )
                        .with("feature", feature.key)
                        .with("model", name)
                        .with("family", deployment.family.as_str())
                        .with("compatible_families", allowed)
                        .with(
                            "gitlab_message",
                            feature.incompatible_message(version, &deployment.family),
                        ),
                    );
                }
            }
        },
    }
    if feature.agent_platform {
        if !agent_platform_self_hosted_allowed(config) {
            let why = match config.license {
                License::Offline => "with an offline licence it needs the GitLab Duo Agent Platform Self-Hosted add-on".to_owned(),
                License::Online => format!("with an online licence before GitLab {} it needs the Duo Enterprise add-on and the beta setting turned on", timeline::DAP_SELF_HOSTED_ONLINE_ALWAYS.version_text()),
            };
            diagnostics.push(
                Diagnostic::error(
                    "feature.agent_platform_permission",
                    path.key("provider"),
                    format!("{title} cannot use a self-hosted model: {why}"),
                )
                .with("feature", feature.key)
                .with("gitlab_message", AGENT_PLATFORM_PERMISSION_MESSAGE),
            );
        }
        if !timeline::FLAGS_ON_BY_DEFAULT.reached(version) {
            diagnostics.push(
                Diagnostic::warning(
                    "agent_platform.behind_flag",
                    path.key("provider"),
                    format!(
                        "in GitLab {version} the self-hosted Agent Platform is behind the feature flag `self_hosted_agent_platform`, off by default until {}",
                        timeline::FLAGS_ON_BY_DEFAULT.version_text()
                    ),
                )
                .with("feature", feature.key)
                .with("flag", "self_hosted_agent_platform"),
            );
        }
    }
}

fn check_vendored(
    config: &Config,
    feature: &'static Feature,
    model: Option<&str>,
    path: &Path,
    diagnostics: &mut Diagnostics,
) {
    let version = &config.gitlab_version;
    let title = feature.title(version);
    if !timeline::VENDORED_BETA.reached(version) {
        diagnostics.push(
            Diagnostic::error(
                "feature.provider_not_in_version",
                path.key("provider"),
                format!(
                    "GitLab {version} cannot assign the GitLab AI vendor model to a feature; the option exists from {}",
                    timeline::VENDORED_BETA.version_text()
                ),
            )
            .with("feature", feature.key)
            .with("provider", "vendored")
            .with("since", timeline::VENDORED_BETA.version_text()),
        );
        return;
    }
    if !timeline::FLAGS_ON_BY_DEFAULT.reached(version) {
        diagnostics.push(
            Diagnostic::warning(
                "feature.vendored_behind_flag",
                path.key("provider"),
                format!(
                    "in GitLab {version} the GitLab AI vendor model option is behind the feature flag `ai_self_hosted_vendored_features`, off by default until {}",
                    timeline::FLAGS_ON_BY_DEFAULT.version_text()
                ),
            )
            .with("feature", feature.key)
            .with("flag", "ai_self_hosted_vendored_features"),
        );
    }
    if !vendored_models_allowed(config) {
        diagnostics.push(
            Diagnostic::error(
                "feature.vendored_offline",
                path.key("provider"),
                format!("{title} cannot use a GitLab AI vendor model: offline licences cannot use GitLab-managed models"),
            )
            .with("feature", feature.key),
        );
    }
    if feature.agent_platform
        && feature.key == "duo_agent_platform"
        && timeline::VENDORED_HIDDEN_FOR_AGENTS.reached(version)
    {
        diagnostics.push(
            Diagnostic::warning(
                "feature.vendored_hidden",
                path.key("provider"),
                format!(
                    "GitLab's settings page hides the GitLab AI vendor model option for {title} (from about {})",
                    timeline::VENDORED_HIDDEN_FOR_AGENTS.version_text()
                ),
            )
            .with("feature", feature.key),
        );
    }
    if !feature.vendored_in_ui && timeline::VENDORED_GA.reached(version) {
        diagnostics.push(
            Diagnostic::warning(
                "feature.vendored_not_listed",
                path.key("provider"),
                format!("GitLab does not list GitLab-managed models for {title} (issue 578924)"),
            )
            .with("feature", feature.key),
        );
    }
    if let Some(model) = model {
        if !timeline::VENDORED_GA.reached(version) {
            diagnostics.push(
                Diagnostic::warning(
                    "feature.vendored_model_not_in_version",
                    path.key("model"),
                    format!(
                        "choosing a GitLab-managed model exists from GitLab {}; GitLab {version} has the single GitLab AI vendor model option, so {model:?} is ignored",
                        timeline::VENDORED_GA.version_text()
                    ),
                )
                .with("feature", feature.key)
                .with("model", model),
            );
        }
    }
    if resolve::own(config, feature) == Own::None && vendored_models_allowed(config) {
        let outcome = if feature.falls_back_to_general_chat(version) {
            "GitLab Duo Chat falls back to General Chat's model"
        } else {
            "it stays on with GitLab's default model parameters through the Local AI Gateway"
        };
        diagnostics.push(
            Diagnostic::warning(
                "feature.vendored_default_resolves_to_none",
                path.key("model"),
                format!(
                    "with a Local AI Gateway URL set, GitLab's code resolves a vendored setting with the GitLab default model to no model, so {title} does not use a GitLab-managed model: {outcome}; pick a GitLab-managed model to pin it"
                ),
            )
            .with("feature", feature.key)
            .with("title", title),
        );
    }
}

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

fn keys(features: &[&'static Feature]) -> Vec<String> {
    features.iter().map(|f| f.key.to_owned()).collect()
}

/// The Local AI Gateway URL as GitLab checks it when the admin saves it
/// (§6.1): normalised, at most 2048 characters, then the URL blocker with
/// the save-time preset, the instance's deny-all setting and allowlist, and
/// the resolved and server addresses the document gives. The instance
/// setting `allow_local_requests_from_web_hooks_and_services` is not
/// consulted for this URL (`url-blocker.md` §3.1).
fn check_ai_gateway(config: &Config, allowlist: Allowlist, diagnostics: &mut Diagnostics) {
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
                            "{} use self-hosted models, but no Local AI Gateway URL is set: their requests would go to GitLab's cloud AI gateway, which cannot reach self-hosted models",
                            users.iter().map(|f| f.key).collect::<Vec<_>>().join(", ")
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
fn check_timeout(config: &Config, diagnostics: &mut Diagnostics) {
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

fn check_agent_platform(config: &Config, diagnostics: &mut Diagnostics) {
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
                    "{} use self-hosted models, but no Agent Platform service URL is set",
                    users.iter().map(|f| f.key).collect::<Vec<_>>().join(", ")
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

/// "A, B and C" (the titles of a list of features, in English).
fn list_titles(titles: &[&str]) -> String {
    match titles {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Say what GitLab never reports: which Chat features silently use General
/// Chat's model, which go to GitLab's default model instead (19.4+), and
/// which features have no model but stay on.
fn report_resolution(config: &Config, diagnostics: &mut Diagnostics) {
    let resolution = resolve::resolve(config);
    let version = &config.gitlab_version;
    let fallback: Vec<&resolve::ResolvedFeature> = resolution
        .features
        .iter()
        .filter(|f| f.via == Via::GeneralChatFallback)
        .collect();
    if !fallback.is_empty() {
        let general = feature::general_chat();
        let target = match resolution.feature(general.key) {
            Some(g) if g.provider == Provider::SelfHosted => {
                format!(
                    "the self-hosted model {:?}",
                    g.model.as_deref().unwrap_or_default()
                )
            }
            Some(g) if g.provider == Provider::Vendored => "a GitLab-managed model".to_owned(),
            Some(g) if g.provider == Provider::Disabled => {
                "nothing: General Chat is disabled".to_owned()
            }
            _ => "no model: General Chat has none either".to_owned(),
        };
        let titles: Vec<&str> = fallback.iter().map(|f| f.title).collect();
        diagnostics.push(
            Diagnostic::info(
                "feature.general_chat_fallback",
                Path::root().key("features"),
                format!(
                    "{} have no model of their own and use {}'s: {target}",
                    titles.join(", "),
                    general.title(version)
                ),
            )
            .with(
                "features",
                fallback
                    .iter()
                    .map(|f| f.feature.to_owned())
                    .collect::<Vec<_>>(),
            ),
        );
    }
    // From 19.4, on an online licence, the sub-features that used to follow
    // General Chat go to GitLab's default model through GitLab's cloud AI
    // gateway: say so when General Chat itself stays on the admin's models.
    let cloud_default: Vec<&resolve::ResolvedFeature> = resolution
        .features
        .iter()
        .filter(|f| {
            f.via == Via::InstanceModelSelection
                && feature::lookup(f.feature).is_some_and(|x| x.falls_back_to_general_chat(version))
        })
        .collect();
    let general = resolution.feature(feature::general_chat().key);
    if timeline::NO_GENERAL_CHAT_FALLBACK_ON_ONLINE_LICENCE.reached(version)
        && !cloud_default.is_empty()
        && general.is_some_and(|g| g.provider != Provider::Vendored)
    {
        let titles: Vec<&str> = cloud_default.iter().map(|f| f.title).collect();
        diagnostics.push(
            Diagnostic::warning(
                "feature.sub_feature_uses_gitlab_default",
                Path::root().key("features"),
                format!(
                    "{} have no setting of their own: from GitLab {} they use GitLab's default model through GitLab's cloud AI gateway, not General Chat's model; give each its own setting to keep its requests on your models",
                    list_titles(&titles),
                    timeline::NO_GENERAL_CHAT_FALLBACK_ON_ONLINE_LICENCE.version_text()
                ),
            )
            .with(
                "features",
                cloud_default.iter().map(|f| f.feature.to_owned()).collect::<Vec<_>>(),
            )
            .with("since", timeline::NO_GENERAL_CHAT_FALLBACK_ON_ONLINE_LICENCE.version_text()),
        );
    }
    let unassigned: Vec<&resolve::ResolvedFeature> = resolution
        .features
        .iter()
        .filter(|f| f.provider == Provider::Unassigned && f.enabled)
        .collect();
    if !unassigned.is_empty() {
        let titles: Vec<&str> = unassigned.iter().map(|f| f.title).collect();
        diagnostics.push(
            Diagnostic::info(
                "feature.no_model_stays_on",
                Path::root().key("features"),
                format!(
                    "{} have no model and stay on: GitLab sends their requests with its default model parameters through the AI gateway; set a feature's provider to disabled to turn it off",
                    titles.join(", ")
                ),
            )
            .with("features", unassigned.iter().map(|f| f.feature.to_owned()).collect::<Vec<_>>()),
        );
    }
}
